/**
 * Counts and means of a group of kampung (a status level, a region): each domain score, the
 * composite, and the iBangga composites, over the kampung where the value is not null, rounded
 * as the scores themselves are. Accumulates in one pass so that grouping stays O(n).
 */
import { KampungResult } from "./assessment";
import { excelRound } from "./decimal";
import { DECIMALS, DOMAIN_KEYS, DomainKey } from "./framework";

/** How many kampung had the value, and their mean (null when none had it). */
export interface Stat {
  readonly n: number;
  readonly mean: number | null;
}

export interface IbanggaStats {
  readonly setara: Stat;
  readonly kemandirianSentral: Stat;
  /** Present when custom weights were chosen. */
  readonly custom?: Stat;
}

export interface GroupStats {
  /** Kampung in the group (with or without scores). */
  readonly count: number;
  readonly domains: Record<DomainKey, Stat>;
  readonly composite: Stat;
  /** Null when the sheet has no iBangga part. */
  readonly ibangga: IbanggaStats | null;
}

/** What the accumulator needs to know about the whole result set. */
export interface StatsShape {
  readonly hasIbangga: boolean;
  readonly hasCustom: boolean;
}

export function statsShape(kampung: readonly KampungResult[], weightsName: string): StatsShape {
  const hasIbangga = kampung.some((k) => k.ibangga !== null);
  return { hasIbangga, hasCustom: hasIbangga && weightsName === "custom" };
}

const D = DOMAIN_KEYS.length;
// Slots: the domains in framework order, then composite, setara, kemandirian-sentral, custom.
const COMPOSITE = D;
const SETARA_SLOT = D + 1;
const SENTRAL_SLOT = D + 2;
const CUSTOM_SLOT = D + 3;
const SLOTS = D + 4;

/**
 * Running sums for many groups at once, in flat typed arrays (one allocation per table, not
 * per group: large inputs have tens of thousands of regions).
 */
export class StatsTable {
  private readonly counts: Uint32Array;
  private readonly sums: Float64Array;
  private readonly ns: Uint32Array;

  constructor(groups: number) {
    this.counts = new Uint32Array(groups);
    this.sums = new Float64Array(groups * SLOTS);
    this.ns = new Uint32Array(groups * SLOTS);
  }

  add(group: number, k: KampungResult): void {
    this.counts[group]++;
    const base = group * SLOTS;
    const domains = k.domains;
    for (let d = 0; d < D; d++) this.put(base + d, domains[DOMAIN_KEYS[d]]);
    this.put(base + COMPOSITE, k.composite);
    const ibangga = k.ibangga;
    if (ibangga) {
      this.put(base + SETARA_SLOT, ibangga.setara);
      this.put(base + SENTRAL_SLOT, ibangga.kemandirianSentral);
      this.put(base + CUSTOM_SLOT, ibangga.custom ?? null);
    }
  }

  private put(at: number, value: number | null): void {
    if (value === null) return;
    this.sums[at] += value;
    this.ns[at]++;
  }

  private stat(at: number, decimals: number): Stat {
    const n = this.ns[at];
    return { n, mean: n === 0 ? null : excelRound(this.sums[at] / n, decimals) };
  }

  result(group: number, shape: StatsShape): GroupStats {
    const base = group * SLOTS;
    const domains = {} as Record<DomainKey, Stat>;
    for (let d = 0; d < D; d++) domains[DOMAIN_KEYS[d]] = this.stat(base + d, DECIMALS.domain);
    let ibangga: IbanggaStats | null = null;
    if (shape.hasIbangga) {
      const setara = this.stat(base + SETARA_SLOT, DECIMALS.ibangga);
      const kemandirianSentral = this.stat(base + SENTRAL_SLOT, DECIMALS.ibangga);
      ibangga = shape.hasCustom
        ? { setara, kemandirianSentral, custom: this.stat(base + CUSTOM_SLOT, DECIMALS.ibangga) }
        : { setara, kemandirianSentral };
    }
    return {
      count: this.counts[group],
      domains,
      composite: this.stat(base + COMPOSITE, DECIMALS.composite),
      ibangga,
    };
  }
}

/** The difference of two rounded means (a minus b), rounded as they are; null if either is. */
export function meanDifference(a: Stat, b: Stat, decimals: number): number | null {
  return a.mean === null || b.mean === null ? null : excelRound(a.mean - b.mean, decimals);
}

/*
 * Lower case as Indonesian has it: Unicode's default mapping, since only Lithuanian, Turkish
 * and Azeri have casing rules of their own (Unicode SpecialCasing.txt). `toLowerCase` gives
 * the same text as `toLocaleLowerCase("id")`, which resolved the locale on every call: 13 times
 * slower, about a second of a national summary's some million keys.
 */

/**
 * Spaces nameKey would change: two in a row, any space but U+0020, at either end, and the
 * invisible characters text copied from a web page or a chat carries (zero-width space and
 * joiners, word joiner). Most names have none, and testing first is about seven times cheaper
 * than always replacing (0.7 s for the 337,104 keys of four national rounds).
 */
const UNEVEN_SPACES = /\s\s|[^\S ]|^\s|\s$|[\u200b-\u200d\u2060]/;

/**
 * Text as a grouping key: case-free, spaces collapsed, invisible characters left out
 * (`" Kota  Semarang"` -> `"kota semarang"`).
 */
export function nameKey(text: string): string {
  return UNEVEN_SPACES.test(text)
    ? text
        .replace(/[\u200b-\u200d\u2060]/g, "")
        .trim()
        .replace(/\s+/g, " ")
        .toLowerCase()
    : text.toLowerCase();
}

/** Text as a loose matching key: case-free and without any spaces (`"Asri  sejahtera "` -> `"asrisejahtera"`). */
export function looseKey(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}

/** Indonesian collation for sorted names (accents and case secondary, numbers in order). */
export const ID_COLLATOR = new Intl.Collator("id", { sensitivity: "base", numeric: true });
