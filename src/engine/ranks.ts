/**
 * Ranks and their sensitivity to the iBangga weights. Higher is better; ties share a rank
 * (competition ranking: 1, 2, 2, 4); a value that is null has no rank.
 */
import { KampungResult } from "./assessment";

/**
 * Competition ranks, highest value first: a value's rank is 1 plus the number of values
 * strictly greater. Null values get a null rank. O(n log n): a numeric sort of the values,
 * then a binary search per value.
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  let m = 0;
  for (const v of values) if (v !== null) m++;
  const sorted = new Float64Array(m);
  m = 0;
  for (const v of values) if (v !== null) sorted[m++] = v;
  sorted.sort(); // ascending, numeric
  return values.map((v) => {
    if (v === null) return null;
    // First index holding a value greater than v: the m - lo values from there are greater.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    return m - lo + 1;
  });
}

/** `base - other`: how many places a kampung moves up (positive) or down under `other`. */
export function rankShift(base: number | null, other: number | null): number | null {
  return base === null || other === null ? null : base - other;
}

export interface IbanggaRanks {
  readonly setara: number | null;
  readonly kemandirianSentral: number | null;
  /** Setara rank minus kemandirian-sentral rank: positive = higher under kemandirian-sentral. */
  readonly shift: number | null;
  /** Present with custom weights. */
  readonly custom?: number | null;
  /** Setara rank minus custom rank: positive = higher under the custom weights. */
  readonly customShift?: number | null;
}

export interface KampungRanks {
  /** Rank by composite convergence score. */
  readonly composite: number | null;
  /** Null when the sheet has no iBangga part. */
  readonly ibangga: IbanggaRanks | null;
}

export interface ShiftSummary {
  /** Kampung ranked under both weightings. */
  readonly compared: number;
  /** Of those, how many change rank. */
  readonly changed: number;
  /** The largest move in places, or null when none is compared. */
  readonly maxAbsShift: number | null;
}

export interface RankSensitivity {
  readonly kemandirianSentral: ShiftSummary;
  readonly custom?: ShiftSummary;
}

export interface Ranks {
  /** Kampung ranked: the results' length. */
  readonly length: number;
  /**
   * The ranks of kampung `i`, in the order of the results, made when asked for: held as one
   * object per kampung they were 8 MB of a national summary's heap (27 MB for 300,000 kampung).
   */
  at(i: number): KampungRanks;
  /** Null when the sheet has no iBangga part. */
  readonly sensitivity: RankSensitivity | null;
}

export function rankResults(kampung: readonly KampungResult[], weightsName: string): Ranks {
  const composite = competitionRanks(kampung.map((k) => k.composite));
  const hasIbangga = kampung.some((k) => k.ibangga !== null);
  if (!hasIbangga) {
    return {
      length: kampung.length,
      at: (i) => ({ composite: composite[i], ibangga: null }),
      sensitivity: null,
    };
  }

  const hasCustom = weightsName === "custom";
  const setara = competitionRanks(kampung.map((k) => k.ibangga?.setara ?? null));
  const sentral = competitionRanks(kampung.map((k) => k.ibangga?.kemandirianSentral ?? null));
  const custom = hasCustom ? competitionRanks(kampung.map((k) => k.ibangga?.custom ?? null)) : null;
  // Whether each kampung has an iBangga part: its ranks are then an object, else null.
  const scored = kampung.map((k) => k.ibangga !== null);

  const ibanggaAt = (i: number): IbanggaRanks | null => {
    if (!scored[i]) return null;
    const base: IbanggaRanks = {
      setara: setara[i],
      kemandirianSentral: sentral[i],
      shift: rankShift(setara[i], sentral[i]),
    };
    return custom
      ? { ...base, custom: custom[i], customShift: rankShift(setara[i], custom[i]) }
      : base;
  };
  const summary = (shifts: readonly (number | null)[]): ShiftSummary => {
    let compared = 0;
    let changed = 0;
    let max: number | null = null;
    for (const s of shifts) {
      if (s === null) continue;
      compared++;
      if (s !== 0) changed++;
      max = Math.max(max ?? 0, Math.abs(s));
    }
    return { compared, changed, maxAbsShift: max };
  };
  const shifts = (other: readonly (number | null)[]) =>
    setara.map((s, i) => (scored[i] ? rankShift(s, other[i]) : null));
  const kemandirianSentral = summary(shifts(sentral));
  const sensitivity: RankSensitivity = custom
    ? { kemandirianSentral, custom: summary(shifts(custom)) }
    : { kemandirianSentral };
  return {
    length: kampung.length,
    at: (i) => ({ composite: composite[i], ibangga: ibanggaAt(i) }),
    sensitivity,
  };
}
