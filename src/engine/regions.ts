/**
 * Counts and means by region: provinsi, kabupaten/kota (within provinsi), kecamatan (within
 * kabupaten/kota). Names match case- and space-free; groups are sorted level by level in
 * Indonesian collation order, blanks last. O(n) grouping: each distinct name is normalised and
 * collated once, and kampung are grouped by integer ids.
 */
import { KampungResult } from "./assessment";
import { GroupStats, ID_COLLATOR, nameKey, StatsTable, statsShape } from "./group-stats";

export type RegionLevel = "provinsi" | "kabupaten" | "kecamatan";

export interface RegionGroup extends GroupStats {
  /** The region's name as first written; null for the kampung whose cell is blank. */
  readonly name: string | null;
  /** The enclosing provinsi (kabupaten and kecamatan groups, when the data has provinces). */
  readonly provinsi?: string | null;
  /** The enclosing kabupaten/kota (kecamatan groups, when the data has kabupaten/kota). */
  readonly kabupaten?: string | null;
}

export interface Regions {
  /** Each list is empty when no kampung has that column filled. */
  readonly provinsi: readonly RegionGroup[];
  readonly kabupaten: readonly RegionGroup[];
  readonly kecamatan: readonly RegionGroup[];
}

const HIERARCHY: readonly RegionLevel[] = ["provinsi", "kabupaten", "kecamatan"];

/** The names of one level: per kampung the place of its name in sorted order (blank last). */
interface LevelNames {
  readonly level: RegionLevel;
  /** ordinal[i]: place of kampung i's name; names.length - 1 for a blank. */
  readonly ordinal: Uint32Array;
  /** Names in sorted order (first spelling of each), then null for the blanks. */
  readonly names: readonly (string | null)[];
}

function filled(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim().replace(/\s+/g, " ");
  return trimmed === "" ? null : trimmed;
}

/** The level's names, or null when no kampung has one. */
function levelNames(kampung: readonly KampungResult[], level: RegionLevel): LevelNames | null {
  const byText = new Map<string, number>(); // the text as written -> id (-1: blank)
  const byKey = new Map<string, number>(); // the case- and space-free name -> id
  const spellings: string[] = [];
  const ids = new Int32Array(kampung.length);
  for (let i = 0; i < kampung.length; i++) {
    const raw = kampung[i].region[level];
    if (raw === null) {
      ids[i] = -1;
      continue;
    }
    let id = byText.get(raw);
    if (id === undefined) {
      const name = filled(raw);
      if (name === null) {
        id = -1;
      } else {
        const key = nameKey(name);
        id = byKey.get(key);
        if (id === undefined) {
          id = spellings.length;
          spellings.push(name);
          byKey.set(key, id);
        }
      }
      byText.set(raw, id);
    }
    ids[i] = id;
  }
  if (spellings.length === 0) return null;
  const sorted = spellings
    .map((_, id) => id)
    .sort((a, b) => ID_COLLATOR.compare(spellings[a], spellings[b]));
  const place = new Uint32Array(spellings.length);
  sorted.forEach((id, p) => (place[id] = p));
  const blank = spellings.length;
  const ordinal = new Uint32Array(kampung.length);
  for (let i = 0; i < kampung.length; i++) ordinal[i] = ids[i] < 0 ? blank : place[ids[i]];
  return { level, ordinal, names: [...sorted.map((id) => spellings[id]), null] };
}

export function regionGroups(kampung: readonly KampungResult[], weightsName: string): Regions {
  const shape = statsShape(kampung, weightsName);
  const present = HIERARCHY.map((level) => levelNames(kampung, level)).filter(
    (l): l is LevelNames => l !== null
  );
  const out: Record<RegionLevel, RegionGroup[]> = { provinsi: [], kabupaten: [], kecamatan: [] };

  // Level by level, top down: a group is its parent group plus its own name.
  let parentOf: Uint32Array | null = null;
  let parentPaths: number[][] = [];
  present.forEach((names, depth) => {
    const size = names.names.length;
    const groupOf = new Uint32Array(kampung.length);
    const dense = new Map<number, number>();
    const paths: number[][] = [];
    for (let i = 0; i < kampung.length; i++) {
      const own = names.ordinal[i];
      const key = parentOf === null ? own : parentOf[i] * size + own;
      let group = dense.get(key);
      if (group === undefined) {
        group = paths.length;
        dense.set(key, group);
        paths.push(parentOf === null ? [own] : [...parentPaths[parentOf[i]], own]);
      }
      groupOf[i] = group;
    }
    const table = new StatsTable(paths.length);
    for (let i = 0; i < kampung.length; i++) table.add(groupOf[i], kampung[i]);

    const order = paths.map((_, g) => g).sort((a, b) => comparePaths(paths[a], paths[b]));
    out[names.level] = order.map((g) => {
      const path = paths[g];
      const group: { name: string | null; provinsi?: string | null; kabupaten?: string | null } = {
        name: names.names[path[depth]],
      };
      for (let up = 0; up < depth; up++) {
        const enclosing = present[up];
        if (enclosing.level === "provinsi") group.provinsi = enclosing.names[path[up]];
        if (enclosing.level === "kabupaten") group.kabupaten = enclosing.names[path[up]];
      }
      const stats = table.result(g, shape);
      return Object.assign(group, stats);
    });
    parentOf = groupOf;
    parentPaths = paths;
  });
  return out;
}

/** Level by level, by the places of the names in sorted order. */
function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}
