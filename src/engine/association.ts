/**
 * What goes with iBangga: across the kampung of a file, the Spearman correlation of each domain
 * and of the convergence composite with the iBangga composite, and the difference of each
 * domain's mean between neighbouring status levels, each with a seeded bootstrap 95 % interval.
 * Association only: none of this says that one causes the other (the study rests its
 * conclusion on convergence going with better family outcomes; this shows how strongly, here).
 * Pure: no clock, no Math.random.
 */
import { mean, quantileSorted, sampleRankCorrelation } from "simple-statistics";
import { KampungResult } from "./assessment";
import { excelRound } from "./decimal";
import { DOMAIN_KEYS, DomainKey, StatusLevel, STATUS_LEVELS } from "./framework";
import { Random, seededRandom } from "./random";
import { normaliseStatus } from "./status";

/** Below this many kampung with both parts nothing is shown (the interval would say nothing). */
export const MIN_ASSOCIATION_KAMPUNG = 10;
/** Bootstrap resamples (and, above BOOTSTRAP_LARGE kampung, the fewer that suffice there). */
export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_LARGE = 10_000;
export const BOOTSTRAP_RESAMPLES_LARGE = 100;
/** Decimals of a correlation and of a difference of means as shown. */
export const ASSOCIATION_DECIMALS = 2;

/** A domain, the convergence composite, or (in status differences) the iBangga composite. */
export type AssociationVariable = DomainKey | "composite" | "ibangga";

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface Correlation {
  readonly variable: AssociationVariable;
  readonly n: number;
  /** Spearman's rho (midranks for ties), 2 decimals; null when a variable does not vary. */
  readonly rho: number | null;
  /** Bootstrap percentile 95 % interval, 2 decimals; null when rho is. */
  readonly interval: Interval | null;
}

export interface StatusDifference {
  readonly variable: AssociationVariable;
  readonly lower: StatusLevel;
  readonly higher: StatusLevel;
  readonly nLower: number;
  readonly nHigher: number;
  readonly meanLower: number;
  readonly meanHigher: number;
  /** meanHigher - meanLower, 2 decimals. */
  readonly difference: number;
  /** Bootstrap percentile 95 % interval (each group resampled on its own), 2 decimals. */
  readonly interval: Interval;
}

export type Association =
  | {
      readonly shown: true;
      /** Kampung with a convergence composite and an iBangga composite. */
      readonly n: number;
      readonly resamples: number;
      readonly seed: number;
      readonly correlations: readonly Correlation[];
      readonly statusDifferences: readonly StatusDifference[];
    }
  | { readonly shown: false; readonly n: number; readonly reason: "too-few" };

/** Correlated with iBangga: the five domains and the convergence composite. */
const VARIABLES: readonly (DomainKey | "composite")[] = [...DOMAIN_KEYS, "composite"];

function valueOf(k: KampungResult, v: DomainKey | "composite"): number {
  return v === "composite" ? (k.composite as number) : (k.domains[v] as number);
}

/**
 * The association of convergence with iBangga across `kampung` (weights: those of the results;
 * the iBangga composite used is the one under `weightsName`). Seeded: the same seed gives the
 * same intervals.
 */
export function associationWithIbangga(
  kampung: readonly KampungResult[],
  weightsName: string,
  seed: number
): Association {
  const both = kampung.filter((k) => k.composite !== null && ibanggaValue(k, weightsName) !== null);
  const n = both.length;
  if (n < MIN_ASSOCIATION_KAMPUNG) return { shown: false, n, reason: "too-few" };
  const resamples = n > BOOTSTRAP_LARGE ? BOOTSTRAP_RESAMPLES_LARGE : BOOTSTRAP_RESAMPLES;
  const y = both.map((k) => ibanggaValue(k, weightsName) as number);
  const columns = VARIABLES.map((v) => both.map((k) => valueOf(k, v)));
  const correlations = bootstrapCorrelations(columns, y, resamples, seededRandom(seed, 3)).map(
    (c, i) => ({ variable: VARIABLES[i], n, ...c })
  );
  const statusDifferences = statusComparisons(
    both,
    [...columns, y],
    [...VARIABLES, "ibangga"],
    resamples,
    seededRandom(seed, 4)
  );
  return { shown: true, n, resamples, seed, correlations, statusDifferences };
}

/** The iBangga composite under the named weights (`setara`, `kemandirian-sentral`, `custom`). */
export function ibanggaValue(k: KampungResult, weightsName: string): number | null {
  const ib = k.ibangga;
  if (!ib) return null;
  if (weightsName === "kemandirian-sentral") return ib.kemandirianSentral;
  if (weightsName === "custom") return ib.custom ?? null;
  return ib.setara;
}

const round = (x: number) => excelRound(x, ASSOCIATION_DECIMALS);

/**
 * Multiplicities of one bootstrap resample of n items: n draws with replacement, each a uniform
 * index (pure-rand's unbiased uniformInt). Exported so a test can rebuild the same resamples.
 */
export function resampleCounts(random: Random, n: number, out: Uint32Array): Uint32Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[random.integer(0, n - 1)]++;
  return out;
}

/** Per item, the index of its value among the sorted distinct values; and how many there are. */
function levels(values: readonly number[]): { level: Int32Array; count: number } {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const at = new Map(distinct.map((v, i) => [v, i]));
  return { level: Int32Array.from(values, (v) => at.get(v) as number), count: distinct.length };
}

/**
 * Midranks (1-based, ties averaged) per level of the items repeated `counts` times: the ranks a
 * materialised resample would give its values, without materialising it.
 */
function weightedMidranks(
  lv: { level: Int32Array; count: number },
  counts: Uint32Array,
  perLevel: Float64Array
): Float64Array {
  perLevel.fill(0, 0, lv.count);
  for (let i = 0; i < counts.length; i++) perLevel[lv.level[i]] += counts[i];
  let below = 0;
  for (let l = 0; l < lv.count; l++) {
    const c = perLevel[l];
    perLevel[l] = below + (c + 1) / 2;
    below += c;
  }
  return perLevel;
}

/** Pearson's r of the midranks, items weighted by their counts; NaN when one side is constant. */
function weightedRankCorrelation(
  x: { level: Int32Array },
  rx: Float64Array,
  y: { level: Int32Array },
  ry: Float64Array,
  counts: Uint32Array,
  total: number
): number {
  const centre = (total + 1) / 2; // the mean of midranks 1..total
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c === 0) continue;
    const dx = rx[x.level[i]] - centre;
    const dy = ry[y.level[i]] - centre;
    sxy += c * dx * dy;
    sxx += c * dx * dx;
    syy += c * dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Percentile interval (2.5 % and 97.5 %, simple-statistics' quantile, numpy's linear type 7). */
function percentileInterval(values: number[]): Interval | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  // Too many degenerate resamples (a variable constant in them): no honest interval.
  if (finite.length < values.length / 2 || finite.length === 0) return null;
  return { low: round(quantileSorted(finite, 0.025)), high: round(quantileSorted(finite, 0.975)) };
}

function bootstrapCorrelations(
  columns: readonly (readonly number[])[],
  y: readonly number[],
  resamples: number,
  random: Random
): { rho: number | null; interval: Interval | null }[] {
  const n = y.length;
  const ly = levels(y);
  const lx = columns.map(levels);
  const rhos = columns.map((x) => sampleRankCorrelation([...x], [...y]));
  const draws = columns.map(() => new Array<number>(resamples));
  const counts = new Uint32Array(n);
  const ry = new Float64Array(ly.count);
  const rx = new Float64Array(Math.max(...lx.map((l) => l.count)));
  for (let b = 0; b < resamples; b++) {
    resampleCounts(random, n, counts);
    weightedMidranks(ly, counts, ry);
    for (let v = 0; v < columns.length; v++) {
      weightedMidranks(lx[v], counts, rx);
      draws[v][b] = weightedRankCorrelation(lx[v], rx, ly, ry, counts, n);
    }
  }
  return rhos.map((rho, v) =>
    Number.isFinite(rho)
      ? { rho: round(rho), interval: percentileInterval(draws[v]) }
      : { rho: null, interval: null }
  );
}

/** Neighbouring recognised status levels (in BKKBN's order) with at least 2 kampung each. */
function statusComparisons(
  kampung: readonly KampungResult[],
  columns: readonly (readonly number[])[],
  variables: readonly AssociationVariable[],
  resamples: number,
  random: Random
): StatusDifference[] {
  const members = new Map<StatusLevel, number[]>();
  kampung.forEach((k, i) => {
    const level = normaliseStatus(k.status).level;
    if (level === null) return;
    const list = members.get(level);
    if (list) list.push(i);
    else members.set(level, [i]);
  });
  const present = STATUS_LEVELS.map((l) => l.key).filter((l) => (members.get(l)?.length ?? 0) >= 2);
  const out: StatusDifference[] = [];
  for (let p = 1; p < present.length; p++) {
    const lower = present[p - 1];
    const higher = present[p];
    const lo = members.get(lower) as number[];
    const hi = members.get(higher) as number[];
    const cLo = new Uint32Array(lo.length);
    const cHi = new Uint32Array(hi.length);
    const draws = variables.map(() => new Array<number>(resamples));
    const weighted = (col: readonly number[], idx: readonly number[], counts: Uint32Array) => {
      let sum = 0;
      for (let i = 0; i < idx.length; i++) sum += counts[i] * col[idx[i]];
      return sum / idx.length;
    };
    for (let b = 0; b < resamples; b++) {
      resampleCounts(random, lo.length, cLo);
      resampleCounts(random, hi.length, cHi);
      variables.forEach((_, v) => {
        draws[v][b] = weighted(columns[v], hi, cHi) - weighted(columns[v], lo, cLo);
      });
    }
    variables.forEach((variable, v) => {
      const meanLower = mean(lo.map((i) => columns[v][i]));
      const meanHigher = mean(hi.map((i) => columns[v][i]));
      out.push({
        variable,
        lower,
        higher,
        nLower: lo.length,
        nHigher: hi.length,
        meanLower: round(meanLower),
        meanHigher: round(meanHigher),
        difference: round(meanHigher - meanLower),
        interval: percentileInterval(draws[v]) as Interval,
      });
    });
  }
  return out;
}
