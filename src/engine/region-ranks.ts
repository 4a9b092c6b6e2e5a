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

function trimmed(value: string | null): string | null {
  if (value === null) return null;
  const t = value.trim().replace(/\s+/g, " ");
  return t === "" ? null : t;
}

/** Ranks within each region of one level: per kampung, in order of `kampung`. */
function levelRanks(kampung: readonly KampungResult[], level: RankLevel): (LevelRanks | null)[] {
  // Kampung indexes by region (the key joins the case- and space-free names of the path).
  const groups = new Map<string, number[]>();
  kampung.forEach((k, i) => {
    if (trimmed(k.region[level]) === null) return;
    const key = PATH[level].map((l) => nameKey(trimmed(k.region[l]) ?? "")).join("\u0000");
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const out: (LevelRanks | null)[] = kampung.map(() => null);
  for (const members of groups.values()) {
    const composite = competitionRanks(members.map((i) => kampung[i].composite));
    const domains = DOMAINS.map((d) =>
      competitionRanks(members.map((i) => kampung[i].domains[d.key]))
    );
    members.forEach((i, m) => {
      const byDomain = {} as Record<DomainKey, number | null>;
      DOMAINS.forEach((d, j) => (byDomain[d.key] = domains[j][m]));
      out[i] = {
        region: trimmed(kampung[i].region[level])!,
        count: members.length,
        composite: composite[m],
        domains: byDomain,
      };
    });
  }
  return out;
}

/**
 * Each kampung's ranks within its kecamatan, kabupaten/kota and provinsi, in the order of
 * `kampung`. Shape: `[{ kecamatan: { region, count, composite, domains: { koordinasi, ... } }
 * | null, kabupaten: ..., provinsi: ... }]`. METHOD.md has no section on ranks; competition
 * ranking is the convention of the rest of KKB (ranks.ts).
 */
export function regionRanks(kampung: readonly KampungResult[]): RegionRanks[] {
  const byLevel = RANK_LEVELS.map((level) => levelRanks(kampung, level));
  return kampung.map((_, i) => ({
    kecamatan: byLevel[0][i],
    kabupaten: byLevel[1][i],
    provinsi: byLevel[2][i],
  }));
}
