/**
 * Programme status: the four BKKBN levels recognised case- and space-free, groups of kampung
 * per status with their means, and the status check (a declared level that the scores do not
 * bear out, as a warning to look at).
 */
import { KampungResult } from "./assessment";
import { excelRound } from "./decimal";
import { DECIMALS, DOMAIN_KEYS, DomainKey, STATUS_LEVELS, StatusLevel } from "./framework";
import {
  GroupStats,
  ID_COLLATOR,
  looseKey,
  meanDifference,
  StatsTable,
  statsShape,
} from "./group-stats";

export interface NormalisedStatus {
  /** The BKKBN level, or null when the text is not one of the four (or is blank). */
  readonly level: StatusLevel | null;
  /** The status as written, trimmed; null when blank. */
  readonly text: string | null;
}

const LEVEL_BY_KEY: ReadonlyMap<string, StatusLevel> = new Map(
  STATUS_LEVELS.map((l) => [l.key, l.key])
);

/** Case- and space-free key of a status text (`" Berkelanjutan "` -> `"berkelanjutan"`). */
export function statusKey(text: string): string {
  return looseKey(text);
}

/**
 * The level of a status as written: `" Berkelanjutan "`, `"BERKEMBANG"`, `"ber kembang"` are
 * recognised; any other text is kept (level null) so the caller can say so (STATUS_UNKNOWN).
 */
export function normaliseStatus(text: string | null | undefined): NormalisedStatus {
  if (text === null || text === undefined) return { level: null, text: null };
  const trimmed = text.trim();
  if (trimmed === "") return { level: null, text: null };
  return { level: LEVEL_BY_KEY.get(statusKey(trimmed)) ?? null, text: trimmed };
}

/**
 * The status of each kampung, normalised (normaliseStatus). Kampung with the same text share
 * one record: a file holds a handful of status texts, and one record per kampung was 3 MB of a
 * national summary's heap.
 */
export function normaliseStatuses(
  kampung: readonly { readonly status: string | null }[]
): NormalisedStatus[] {
  const known = new Map<string | null, NormalisedStatus>();
  return kampung.map((k) => {
    let s = known.get(k.status);
    if (s === undefined) {
      s = Object.freeze(normaliseStatus(k.status));
      known.set(k.status, s);
    }
    return s;
  });
}

/** True for a status that is written but is not one of the four levels. */
export function isUnknownStatus(s: NormalisedStatus): boolean {
  return s.level === null && s.text !== null;
}

/** 0 for `dasar` up to 3 for `berkelanjutan`. */
export function levelIndex(level: StatusLevel): number {
  return STATUS_LEVELS.findIndex((l) => l.key === level);
}

export interface StatusGroup extends GroupStats {
  /** The level key, or `other:<case- and space-free text>` for a status that is not a level. */
  readonly key: string;
  readonly level: StatusLevel | null;
  /** The level key, or the status as first written for another text. */
  readonly text: string;
  /** Median composite of the group (3 decimals: the mean of two 2-decimal values), or null. */
  readonly compositeMedian: number | null;
}

export interface StatusSpread {
  /** The highest and the lowest level present (two different levels). */
  readonly highest: StatusLevel;
  readonly lowest: StatusLevel;
  /** Highest level's mean minus the lowest level's mean, rounded as the means are. */
  readonly domains: Record<DomainKey, number | null>;
  readonly composite: number | null;
  readonly ibangga: {
    readonly setara: number | null;
    readonly kemandirianSentral: number | null;
    readonly custom?: number | null;
  } | null;
}

export interface StatusGroups {
  /** The levels present in BKKBN order, then other texts in Indonesian collation order. */
  readonly groups: readonly StatusGroup[];
  /** Kampung with no status. */
  readonly withoutStatus: number;
  /** Null when fewer than two levels are present. */
  readonly spread: StatusSpread | null;
}

interface Bucket {
  readonly index: number;
  readonly key: string;
  readonly level: StatusLevel | null;
  readonly text: string;
  readonly composites: number[];
}

/**
 * Groups by status. `statuses[i]` is the normalised status of `kampung[i]`.
 */
export function statusGroups(
  kampung: readonly KampungResult[],
  statuses: readonly NormalisedStatus[],
  weightsName: string
): StatusGroups {
  const buckets = new Map<string, Bucket>();
  const groupOf = new Int32Array(kampung.length);
  let withoutStatus = 0;
  kampung.forEach((k, i) => {
    const s = statuses[i];
    if (s.text === null) {
      withoutStatus++;
      groupOf[i] = -1;
      return;
    }
    const key = s.level ?? `other:${statusKey(s.text)}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        index: buckets.size,
        key,
        level: s.level,
        text: s.level ?? s.text,
        composites: [],
      };
      buckets.set(key, bucket);
    }
    groupOf[i] = bucket.index;
    if (k.composite !== null) bucket.composites.push(k.composite);
  });
  const table = new StatsTable(buckets.size);
  kampung.forEach((k, i) => {
    if (groupOf[i] >= 0) table.add(groupOf[i], k);
  });

  const shape = statsShape(kampung, weightsName);
  const ordered = [
    ...STATUS_LEVELS.map((l) => buckets.get(l.key)).filter((b): b is Bucket => b !== undefined),
    ...[...buckets.values()]
      .filter((b) => b.level === null)
      .sort((a, b) => ID_COLLATOR.compare(a.text, b.text)),
  ];
  const groups: StatusGroup[] = ordered.map((b) => ({
    key: b.key,
    level: b.level,
    text: b.text,
    ...table.result(b.index, shape),
    compositeMedian: median(b.composites),
  }));
  return { groups, withoutStatus, spread: spreadOf(groups) };
}

function spreadOf(groups: readonly StatusGroup[]): StatusSpread | null {
  const levels = groups.filter((g) => g.level !== null);
  if (levels.length < 2) return null;
  const lowest = levels[0];
  const highest = levels[levels.length - 1];
  const domains = {} as Record<DomainKey, number | null>;
  for (const key of DOMAIN_KEYS) {
    domains[key] = meanDifference(highest.domains[key], lowest.domains[key], DECIMALS.domain);
  }
  let ibangga: StatusSpread["ibangga"] = null;
  if (highest.ibangga && lowest.ibangga) {
    const h = highest.ibangga;
    const l = lowest.ibangga;
    const base = {
      setara: meanDifference(h.setara, l.setara, DECIMALS.ibangga),
      kemandirianSentral: meanDifference(
        h.kemandirianSentral,
        l.kemandirianSentral,
        DECIMALS.ibangga
      ),
    };
    ibangga =
      h.custom && l.custom
        ? { ...base, custom: meanDifference(h.custom, l.custom, DECIMALS.ibangga) }
        : base;
  }
  return {
    highest: highest.level as StatusLevel,
    lowest: lowest.level as StatusLevel,
    domains,
    composite: meanDifference(highest.composite, lowest.composite, DECIMALS.composite),
    ibangga,
  };
}

/**
 * The median (middle value, or mean of the two middle values), rounded to one decimal more
 * than the composite so that it is exact for 2-decimal composites; null for none.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed copy sorts numerically without a comparator: status groups and the status check
  // of the 84,276 national kampung took 161-207 ms of CPU sorting with one, 94-143 ms so.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return excelRound(m, DECIMALS.composite + 1);
}

/** A kampung whose composite sits on the other side of a neighbouring level's median. */
export interface StatusFlag {
  /** `above`: scores like a higher level; `below`: scores like a lower level. */
  readonly direction: "above" | "below";
  readonly declared: StatusLevel;
  /** The nearest higher (above) or lower (below) level present. */
  readonly comparedWith: StatusLevel;
  readonly composite: number;
  readonly median: number;
}

/**
 * The status check. Among the kampung with one of the four levels and a composite, let the
 * median of a level be the median composite of its kampung. A kampung is flagged `above` when
 * its composite is at or above the median of the nearest higher level present, and `below`
 * when it is at or below the median of the nearest lower level present. Kampung with another
 * status text, no status or no composite are neither flagged nor counted.
 * Returns, per kampung, its flags (usually none).
 */
export function statusCheck(
  kampung: readonly KampungResult[],
  statuses: readonly NormalisedStatus[]
): (readonly StatusFlag[])[] {
  const byLevel: number[][] = STATUS_LEVELS.map(() => []);
  kampung.forEach((k, i) => {
    const level = statuses[i].level;
    if (level !== null && k.composite !== null) byLevel[levelIndex(level)].push(k.composite);
  });
  const medians = byLevel.map((values) => median(values));
  const present = medians.flatMap((m, i) => (m === null ? [] : [i]));
  const higherOf = STATUS_LEVELS.map((_, at) => present.find((p) => p > at));
  const lowerOf = STATUS_LEVELS.map((_, at) => present.filter((p) => p < at).pop());

  return kampung.map((k, i) => {
    const level = statuses[i].level;
    const composite = k.composite;
    if (level === null || composite === null) return NO_FLAGS;
    const at = levelIndex(level);
    const higher = higherOf[at];
    const lower = lowerOf[at];
    const above =
      higher !== undefined && composite >= (medians[higher] as number)
        ? flag("above", level, higher, composite, medians[higher] as number)
        : null;
    const below =
      lower !== undefined && composite <= (medians[lower] as number)
        ? flag("below", level, lower, composite, medians[lower] as number)
        : null;
    // Most kampung have no flag: they share one empty list (84,276 lists on a national file).
    if (above && below) return Object.freeze([...above, ...below]);
    return above ?? below ?? NO_FLAGS;
  });
}

const NO_FLAGS: readonly StatusFlag[] = Object.freeze([]);

/**
 * One flag, as a list of one, shared by every kampung flagged alike: composites have two
 * decimals and the medians are one per level, so a file holds a few hundred distinct flags,
 * where one list and flag per flagged kampung were 5 MB of a national summary's heap.
 */
const FLAGS = new Map<string, readonly StatusFlag[]>();
const FLAGS_MAX = 4096;

function flag(
  direction: StatusFlag["direction"],
  declared: StatusLevel,
  compared: number,
  composite: number,
  median: number
): readonly StatusFlag[] {
  const key = `${direction}:${declared}:${compared}:${composite}:${median}`;
  let flags = FLAGS.get(key);
  if (!flags) {
    const one: StatusFlag = Object.freeze({
      direction,
      declared,
      comparedWith: STATUS_LEVELS[compared].key,
      composite,
      median,
    });
    flags = Object.freeze([one]);
    if (FLAGS.size < FLAGS_MAX) FLAGS.set(key, flags);
  }
  return flags;
}
