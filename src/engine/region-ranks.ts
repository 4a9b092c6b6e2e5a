/**
 * Ranks where people compare: each kampung's rank by composite and by each domain score within
 * its kecamatan, its kabupaten/kota and its provinsi (issue 15). Ranks are competition ranks as
 * in ranks.ts (higher is better, ties share a rank: 1, 2, 2, 4; a null score has no rank).
 *
 * Regions nest as in regions.ts: a kecamatan is a kecamatan of its kabupaten/kota of its
 * provinsi (two kecamatan of the same name in different kabupaten are different regions), and
 * names match case- and space-free. A kampung whose cell for a level is blank has no rank at
 * that level (null); a level no kampung fills is null for every kampung. O(n log n).
 */
import { KampungResult } from "./assessment";
import { DOMAINS, DomainKey } from "./framework";
import { nameKey } from "./group-stats";

export type RankLevel = "kecamatan" | "kabupaten" | "provinsi";

/** The levels, innermost first: the order a profile and the results table list them. */
export const RANK_LEVELS: readonly RankLevel[] = ["kecamatan", "kabupaten", "provinsi"];

/** A kampung's ranks within one region. */
export interface LevelRanks {
  /** The region's name as written in this kampung's row (trimmed). */
  readonly region: string;
  /** Kampung in the region (with or without a composite). */
  readonly count: number;
  readonly composite: number | null;
  readonly domains: Readonly<Record<DomainKey, number | null>>;
}

/** Per level, the kampung's ranks, or null when its cell for that level is blank. */
export type RegionRanks = Readonly<Record<RankLevel, LevelRanks | null>>;

/** The levels outermost first: a region is identified by its name and those of the levels around it. */
const OUTERMOST_FIRST: readonly RankLevel[] = ["provinsi", "kabupaten", "kecamatan"];

/** Whitespace other than single spaces: only such names are rewritten (most are not). */
const LOOSE_SPACE = /[^\S ]|\s\s/;

function trimmed(value: string | null): string | null {
  if (value === null) return null;
  let t = value.trim();
  if (LOOSE_SPACE.test(t)) t = t.replace(/\s+/g, " ");
  return t === "" ? null : t;
}

/** Ranks of every kampung at one level, held in typed arrays (no object per kampung). */
interface LevelTable {
  /** Per kampung: kampung in its region, 0 when its cell for the level is blank. */
  readonly count: Int32Array;
  /** Per kampung, the composite rank then each domain's (framework order); NaN where none. */
  readonly ranks: Float32Array;
}

/** Composite and domains: the ranks kept per kampung at each level. */
const RANKED = 1 + DOMAINS.length;

/** Each ranked value of a kampung, by slot: the composite, then the domains in framework order. */
const RANKED_VALUE: readonly ((k: KampungResult) => number | null)[] = [
  (k) => k.composite,
  ...DOMAINS.map((d) => (k: KampungResult) => k.domains[d.key]),
];

/** Each kampung's region at one level (-1 where its cell is blank) and the regions' sizes. */
interface LevelRegions {
  /** Per kampung, its region's number at this level, or -1. */
  readonly region: Int32Array;
  /** Region g's kampung, in a list of all by region, are at `start[g]` to `start[g + 1] - 1`. */
  readonly start: Int32Array;
  /** Per kampung, the number of its path: its name at this level within its path above (blanks too). */
  readonly path: Int32Array;
}

/**
 * The regions of one level: kampung are in one region when their case- and space-free names
 * at this level (`own`, null when blank) are the same and their paths above are (`above`, the
 * enclosing level's paths; null at the outermost level). A blank kampung is in no region.
 * Regions are numbers and their members places in one list: no array and no joined key per
 * region (7,000 kecamatan nationally).
 */
function regionsOf(own: readonly (string | null)[], above: Int32Array | null): LevelRegions {
  const n = own.length;
  const paths = new Map<number, Map<string, number>>();
  const path = new Int32Array(n);
  const region = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const parent = above ? above[i] : 0;
    let names = paths.get(parent);
    if (!names) paths.set(parent, (names = new Map()));
    const name = own[i] ?? "";
    let id = names.get(name);
    if (id === undefined) names.set(name, (id = count++));
    path[i] = id;
    region[i] = own[i] === null ? -1 : id;
  }
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (region[i] >= 0) start[region[i] + 1]++;
  for (let g = 0; g < count; g++) start[g + 1] += start[g];
  return { region, start, path };
}

/**
 * The kampung that have a value, highest value first (ties in kampung order), and the values
 * read as numbers into `values` (NaN for none).
 */
function byValue(
  kampung: readonly KampungResult[],
  valueOf: (k: KampungResult) => number | null,
  values: Float64Array
): Int32Array {
  const withValue: number[] = [];
  kampung.forEach((k, i) => {
    values[i] = valueOf(k) ?? NaN;
    if (!Number.isNaN(values[i])) withValue.push(i);
  });
  return Int32Array.from(withValue).sort((a, b) => values[b] - values[a] || a - b);
}

/**
 * Ranks within each region of every level, per kampung in order of `kampung`. For each value
 * ranked, the kampung highest first are dealt into their regions (keeping that order), and a
 * region's ranks are then one walk: a kampung's rank is 1 plus its place, or its tie's first.
 * Sorting each region's values and searching each kampung's in them, with arrays per region,
 * took 0.79-0.95 s of CPU for the national workbook's 84,276 kampung; this takes 0.33-0.45 s
 * (a counting sort in byValue saved 0.05-0.1 s more: not worth its code).
 */
function levelTables(
  kampung: readonly KampungResult[],
  levels: readonly LevelRegions[]
): LevelTable[] {
  const n = kampung.length;
  const tables = levels.map(({ region, start }) => {
    const count = new Int32Array(n);
    for (let i = 0; i < n; i++)
      if (region[i] >= 0) count[i] = start[region[i] + 1] - start[region[i]];
    return { count, ranks: new Float32Array(n * RANKED).fill(NaN) };
  });
  const values = new Float64Array(n);
  for (let slot = 0; slot < RANKED; slot++) {
    const order = byValue(kampung, RANKED_VALUE[slot], values);
    levels.forEach(({ region, start }, level) => {
      const ranks = tables[level].ranks;
      const regions = start.length - 1;
      // Region g's kampung with a value, highest first, from start[g] up to next[g].
      const next = start.slice(0, regions);
      const members = new Int32Array(start[regions]);
      for (const i of order) if (region[i] >= 0) members[next[region[i]]++] = i;
      for (let g = 0; g < regions; g++) {
        let rank = 0;
        for (let j = start[g]; j < next[g]; j++) {
          const i = members[j];
          if (j === start[g] || values[i] !== values[members[j - 1]]) rank = j - start[g] + 1;
          ranks[i * RANKED + slot] = rank;
        }
      }
    });
  }
  return tables;
}

/**
 * Every kampung's ranks within its kecamatan, kabupaten/kota and provinsi, in the order of
 * `kampung`, held compactly: ranks as 32-bit floats (exact below 2^24), about 100 bytes a
 * kampung where objects took some 700 (61 MB on the national workbook). `at(i)` makes kampung
 * i's `RegionRanks` when asked for: `{ kecamatan: { region, count, composite, domains: {
 * koordinasi, ... } } | null, kabupaten: ..., provinsi: ... }`. METHOD.md has no section on
 * ranks; competition ranking is the convention of the rest of KKB (ranks.ts).
 */
export class RegionRankTable {
  private readonly levels: Readonly<Record<RankLevel, LevelTable>>;

  constructor(private readonly kampung: readonly KampungResult[]) {
    // Each level's regions within those of the level around it, outermost first (a blank name
    // is a blank cell: nameKey trims and collapses spaces itself).
    const regions = new Map<RankLevel, LevelRegions>();
    let above: Int32Array | null = null;
    for (const level of OUTERMOST_FIRST) {
      const own = kampung.map((k) => nameKey(k.region[level] ?? "") || null);
      const levelRegions = regionsOf(own, above);
      regions.set(level, levelRegions);
      above = levelRegions.path;
    }
    const [kecamatan, kabupaten, provinsi] = levelTables(
      kampung,
      RANK_LEVELS.map((level) => regions.get(level)!)
    );
    this.levels = { kecamatan, kabupaten, provinsi };
  }

  /** Kampung i's ranks at one level, or null when its cell for that level is blank. */
  level(i: number, level: RankLevel): LevelRanks | null {
    const t = this.levels[level];
    if (t.count[i] === 0) return null;
    const rank = (slot: number) => {
      const r = t.ranks[i * RANKED + slot];
      return Number.isNaN(r) ? null : r;
    };
    const domains = {} as Record<DomainKey, number | null>;
    DOMAINS.forEach((d, j) => (domains[d.key] = rank(1 + j)));
    const region = trimmed(this.kampung[i].region[level])!;
    return { region, count: t.count[i], composite: rank(0), domains };
  }

  /** Kampung i's ranks at every level. */
  at(i: number): RegionRanks {
    return {
      kecamatan: this.level(i, "kecamatan"),
      kabupaten: this.level(i, "kabupaten"),
      provinsi: this.level(i, "provinsi"),
    };
  }
}
