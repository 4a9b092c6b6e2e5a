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
import { competitionRanks } from "./ranks";

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

/** The enclosing levels of each level: a region is identified by its name and theirs. */
const PATH: Readonly<Record<RankLevel, readonly RankLevel[]>> = {
  provinsi: ["provinsi"],
  kabupaten: ["provinsi", "kabupaten"],
  kecamatan: ["provinsi", "kabupaten", "kecamatan"],
};

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

/** Ranks within each region of one level, per kampung in order of `kampung`. */
function levelTable(
  kampung: readonly KampungResult[],
  level: RankLevel,
  keys: ReadonlyMap<RankLevel, readonly (string | null)[]>
): LevelTable {
  const n = kampung.length;
  // Kampung indexes by region (the key joins the case- and space-free names of the path).
  const groups = new Map<string, number[]>();
  const own = keys.get(level)!;
  const path = PATH[level].map((l) => keys.get(l)!);
  for (let i = 0; i < n; i++) {
    if (own[i] === null) continue;
    const key = path.map((k) => k[i] ?? "").join("\u0000");
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  const count = new Int32Array(n);
  const ranks = new Float32Array(n * RANKED).fill(NaN);
  const put = (members: readonly number[], slot: number, values: (number | null)[]) => {
    const r = competitionRanks(values);
    members.forEach((i, m) => (ranks[i * RANKED + slot] = r[m] ?? NaN));
  };
  for (const members of groups.values()) {
    for (const i of members) count[i] = members.length;
    put(
      members,
      0,
      members.map((i) => kampung[i].composite)
    );
    DOMAINS.forEach((d, j) =>
      put(
        members,
        1 + j,
        members.map((i) => kampung[i].domains[d.key])
      )
    );
  }
  return { count, ranks };
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
    // Each level's name keys once per kampung (a level's path reuses its parents' keys).
    const keys = new Map<RankLevel, (string | null)[]>();
    for (const level of RANK_LEVELS) {
      keys.set(
        level,
        // nameKey trims and collapses spaces itself: "" is a blank cell.
        kampung.map((k) => nameKey(k.region[level] ?? "") || null)
      );
    }
    this.levels = {
      kecamatan: levelTable(kampung, "kecamatan", keys),
      kabupaten: levelTable(kampung, "kabupaten", keys),
      provinsi: levelTable(kampung, "provinsi", keys),
    };
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
