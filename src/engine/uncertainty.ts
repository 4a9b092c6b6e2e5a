/**
 * How much to trust a rank: a seeded Monte Carlo over the three things a rank rests on, and the
 * share of rank variance each explains.
 *
 * (a) the composite's domain weights, drawn around equal weights from a Dirichlet;
 * (b) the iBangga weights, drawn between `setara` and `kemandirian-sentral` and around them;
 * (c) the rubric: each sub-indicator scored 1 or 1.5 moves half a step up or down (the study's
 *     "asymmetric evidence" band, METHOD.md "The rubric"), with a stated probability.
 *
 * Scores are computed as the method does (domains rounded to 1 decimal, composite to 2, iBangga
 * to 1; METHOD.md "Scores"), with the drawn weights in place of the method's; ranks are
 * competition ranks (ranks.ts). Because rounded scores take few values (201 composites, 1,001
 * iBangga values), each run ranks by a histogram (O(n)) and keeps one byte per kampung and run.
 * Pure: no clock, no Math.random; the same seed gives the same figures.
 */
import { KampungResult } from "./assessment";
import { excelRound } from "./decimal";
import { DECIMALS, DOMAINS } from "./framework";
import {
  KEMANDIRIAN_SENTRAL,
  normalisedWeights,
  SETARA,
  weightedComposite,
  Weights,
} from "./ibangga";
import { dirichlet, GENERATOR_NAME, geometricTable, Random, seededRandom } from "./random";
import { competitionRanks } from "./ranks";

export interface UncertaintyOptions {
  /** Monte Carlo runs (default 1,000). */
  readonly runs: number;
  /** 32-bit integer seed (default 20250101). */
  readonly seed: number;
  /** Dirichlet parameter of each domain weight (default 20: each weight 0.20, sd 0.04). */
  readonly domainConcentration: number;
  /** Dirichlet concentration of the iBangga weights around the drawn mix (default 100). */
  readonly ibanggaConcentration: number;
  /** Chance that a sub-indicator scored 1 or 1.5 moves half a step, per run (default 0.2). */
  readonly rubricMoveProbability: number;
  /** Pairs of runs the sensitivity estimator uses (default 100, at most runs / 2; 2 more evaluations each). */
  readonly sensitivityRuns: number;
}

export const DEFAULT_UNCERTAINTY: UncertaintyOptions = {
  runs: 1000,
  seed: 20250101,
  domainConcentration: 20,
  ibanggaConcentration: 100,
  rubricMoveProbability: 0.2,
  sensitivityRuns: 100,
};

/** Percentiles of one kampung's rank over the runs; lower is better (rank 1 is the top). */
export interface RankInterval {
  readonly nominal: number;
  readonly median: number;
  /** 5th percentile: the best rank of the middle 90 %. */
  readonly p5: number;
  /** 95th percentile: the worst rank of the middle 90 %. */
  readonly p95: number;
}

export interface RankUncertainty {
  /** Per kampung in the order of the results; null where the score cannot be computed. */
  readonly kampung: readonly (RankInterval | null)[];
  /** Kampung ranked. */
  readonly ranked: number;
  /** Of those, how many have an interval wider than their nominal rank alone. */
  readonly moving: number;
  /**
   * Neighbours in the nominal order (1st and 2nd, 2nd and 3rd, ...; tied kampung excluded)
   * whose intervals overlap: their order is not robust.
   */
  readonly neighbourPairs: number;
  readonly overlappingPairs: number;
}

/** First-order shares of rank variance (0-1); null where the ranks do not vary at all. */
export interface SensitivityShares {
  readonly weights: number | null;
  readonly ibanggaWeights: number | null;
  readonly rubric: number | null;
}

export interface UncertaintyResult {
  readonly options: UncertaintyOptions;
  readonly generator: string;
  /** Rank by the convergence composite: moved by (a) and (c). */
  readonly composite: RankUncertainty;
  /** Rank by the iBangga composite under the chosen weights: moved by (b) only; null without iBangga. */
  readonly ibangga: RankUncertainty | null;
  /**
   * Saltelli et al. (2010) first-order estimator (Comput. Phys. Commun. 181:259-270, table 2,
   * formula (b)), pooled over kampung: sum of the kampung's first-order variances over the sum
   * of their rank variances. Sources that cannot move a rank are 0 by construction.
   */
  readonly sensitivity: {
    readonly composite: SensitivityShares;
    readonly ibangga: SensitivityShares | null;
  };
}

/** Composite bins: 0.00 to 2.00 in hundredths. */
const COMPOSITE_BINS = 201;
/** iBangga bins: 0.0 to 100.0 in tenths. */
const IBANGGA_BINS = 1001;
const DOMAIN_COUNT = DOMAINS.length;

/** A score already rounded to 1 decimal, as a whole number of tenths (a bin index). */
function tenthsOf(score: number): number {
  return excelRound(score * 10, 0);
}

/** Domain score in tenths from the sum of its three sub-indicators counted in half steps (0-12). */
const DOMAIN_TENTHS: readonly number[] = Array.from({ length: 13 }, (_, s) =>
  tenthsOf(excelRound(s / 6, DECIMALS.domain))
);

/** The scored inputs as typed arrays: what every run starts from. */
export interface CompositeData {
  /** Indexes (in the results) of the kampung with a composite. */
  readonly index: Int32Array;
  /** Per kampung and domain: the sum of the three sub-indicators in half steps, or -1 off the steps. */
  readonly halfSteps: Int16Array;
  /** Per kampung and domain: the plain sum of the three (for domains off the steps). */
  readonly sums: Float64Array;
  /** Each sub-indicator scored 1 or 1.5: its kampung-and-domain cell. */
  readonly slots: Int32Array;
  /** Per kampung its nominal rank (the method's). */
  readonly nominal: Uint32Array;
}

function compositeData(kampung: readonly KampungResult[]): CompositeData {
  const index: number[] = [];
  kampung.forEach((k, i) => {
    if (k.composite !== null) index.push(i);
  });
  const n = index.length;
  const halfSteps = new Int16Array(n * DOMAIN_COUNT);
  const sums = new Float64Array(n * DOMAIN_COUNT);
  const slots: number[] = [];
  for (let j = 0; j < n; j++) {
    const k = kampung[index[j]];
    for (let d = 0; d < DOMAIN_COUNT; d++) {
      const domain = DOMAINS[d];
      const record = k.subscores[domain.key];
      let half = 0;
      let sum = 0;
      for (const sub of domain.subIndicators) {
        const v = record[sub.key] as number; // non-null: the composite is there
        sum += v;
        const twice = v * 2;
        half = half >= 0 && Number.isInteger(twice) ? half + twice : -1;
        if (v === 1 || v === 1.5) slots.push(j * DOMAIN_COUNT + d);
      }
      halfSteps[j * DOMAIN_COUNT + d] = half;
      sums[j * DOMAIN_COUNT + d] = sum;
    }
  }
  const ranks = competitionRanks(kampung.map((k) => k.composite));
  return {
    index: Int32Array.from(index),
    halfSteps,
    sums,
    slots: Int32Array.from(slots),
    nominal: Uint32Array.from(index, (i) => ranks[i] as number),
  };
}

/** The moves of one rubric draw: cells (kampung and domain) and directions (+1 or -1 half step). */
interface RubricDraw {
  readonly cells: Int32Array;
  readonly directions: Int8Array;
  readonly count: number;
}

/**
 * Which sub-indicators move: the slots are walked with geometric gaps (each moves with
 * probability p, independently, up or down with equal chance), so a run costs draws in
 * proportion to the moves, not the slots. `gaps` is geometricTable(p), or null when p is 0.
 */
function drawRubric(
  random: Random,
  data: CompositeData,
  gaps: Uint8Array | null,
  out: RubricDraw
): RubricDraw {
  const slots = data.slots;
  if (gaps === null || slots.length === 0) return { ...out, count: 0 };
  let count = 0;
  let at = -1;
  for (;;) {
    // One 32-bit draw: its top 16 bits give the gap, bit 15 the direction.
    const x = random.bits();
    at += gaps[x >>> 16] + 1;
    if (at >= slots.length) break;
    out.cells[count] = slots[at];
    out.directions[count] = x & 0x8000 ? 1 : -1;
    count++;
  }
  return { cells: out.cells, directions: out.directions, count };
}

function emptyDraw(data: CompositeData): RubricDraw {
  return {
    cells: new Int32Array(data.slots.length),
    directions: new Int8Array(data.slots.length),
    count: 0,
  };
}

/** Working copies a composite evaluation changes and restores. */
interface Scratch {
  readonly sums: Float64Array;
  /** Per kampung and domain: the domain score in tenths (0-20), as given and as the moves leave it. */
  readonly baseTenths: Uint8Array;
  readonly tenths: Uint8Array;
  readonly counts: Uint32Array;
  /** The cells off the rubric steps that the moves changed (their sums to restore). */
  readonly offMoved: Int32Array;
}

function scratch(data: CompositeData): Scratch {
  const baseTenths = new Uint8Array(data.halfSteps.length);
  for (let c = 0; c < baseTenths.length; c++)
    baseTenths[c] = domainTenths(data.halfSteps, data.sums, c);
  return {
    sums: Float64Array.from(data.sums),
    baseTenths,
    tenths: Uint8Array.from(baseTenths),
    counts: new Uint32Array(COMPOSITE_BINS),
    offMoved: new Int32Array(data.slots.length),
  };
}

/**
 * One evaluation of the composite for every kampung: the bins (hundredths) into `bins` and the
 * rank of each bin into `rankOfBin` (competition ranks: 1 + how many score higher). The bin is
 * the nearest hundredth of the weighted mean of the domains (in tenths): the weights are
 * continuous draws, so a composite exactly half-way between two hundredths has probability
 * zero, and with equal weights the composite is a whole number of hundredths; the method's
 * half-away-from-zero rounding gives the same bins.
 */
function evaluateComposite(
  data: CompositeData,
  weights: readonly number[],
  draw: RubricDraw,
  work: Scratch,
  bins: Uint8Array,
  rankOfBin: Uint32Array
): void {
  const { sums, tenths, counts } = work;
  const { cells, directions } = draw;
  const halfSteps = data.halfSteps;
  let offCount = 0;
  // The moves come in the order of the cells (a cell's sub-indicators next to each other): each
  // cell's half steps are added up, and its score looked up once.
  for (let m = 0; m < draw.count;) {
    const cell = cells[m];
    const h = halfSteps[cell];
    if (h >= 0) {
      let moved = h;
      do moved += directions[m++];
      while (m < draw.count && cells[m] === cell);
      tenths[cell] = DOMAIN_TENTHS[moved];
    } else {
      sums[cell] += directions[m++] * 0.5;
      tenths[cell] = domainTenths(halfSteps, sums, cell);
      work.offMoved[offCount++] = cell;
    }
  }
  counts.fill(0);
  const n = data.index.length;
  // Tenths to hundredths: x10.
  const w0 = weights[0] * 10;
  const w1 = weights[1] * 10;
  const w2 = weights[2] * 10;
  const w3 = weights[3] * 10;
  const w4 = weights[4] * 10;
  for (let j = 0, o = 0; j < n; j++, o += DOMAIN_COUNT) {
    const hundredths =
      w0 * tenths[o] +
      w1 * tenths[o + 1] +
      w2 * tenths[o + 2] +
      w3 * tenths[o + 3] +
      w4 * tenths[o + 4];
    const bin = Math.floor(hundredths + 0.5);
    bins[j] = bin;
    counts[bin]++;
  }
  ranksFromCounts(counts, rankOfBin);
  // Undo the moves: the next evaluation starts from the scores as given (a plain copy is cheaper
  // than a second walk over the moves; the sums change only off the rubric steps).
  tenths.set(work.baseTenths);
  for (let m = 0; m < offCount; m++) sums[work.offMoved[m]] = data.sums[work.offMoved[m]];
}

/** A domain score in tenths (0-20) from its half-step sum, or from its plain sum off the steps. */
function domainTenths(halfSteps: Int16Array, sums: Float64Array, cell: number): number {
  const h = halfSteps[cell];
  return h >= 0 ? DOMAIN_TENTHS[h] : tenthsOf(excelRound(sums[cell] / 3, DECIMALS.domain));
}

/** Competition rank of every bin: 1 plus the count in higher bins. */
function ranksFromCounts(counts: Uint32Array, rankOfBin: Uint32Array): void {
  let above = 0;
  for (let b = counts.length - 1; b >= 0; b--) {
    rankOfBin[b] = above + 1;
    above += counts[b];
  }
}

/** Kampung per block of the percentile pass. */
const BLOCK = 256;
/** Ranks per bucket of the percentile count's first level. */
const BUCKET_BITS = 8;
const BUCKET = 1 << BUCKET_BITS;
/** The second level's slot for ranks outside the three wanted buckets (never read). */
const OTHER = 3;

/** Per kampung (in the order of its data's index): the percentiles of its rank over the runs. */
export interface Percentiles {
  readonly p5: Uint32Array;
  readonly median: Uint32Array;
  readonly p95: Uint32Array;
}

function percentileArrays(n: number): Percentiles {
  return { p5: new Uint32Array(n), median: new Uint32Array(n), p95: new Uint32Array(n) };
}

/**
 * Percentiles of ranks (whole numbers from 1) by counting instead of sorting, in two passes
 * over the values: the first counts the ranks per bucket of 256, which says in which bucket
 * each wanted position falls; the second counts each rank of those (at most three) buckets,
 * in a slot per bucket. Ranks of the other buckets are counted in a fourth slot that is never
 * read, so the pass has no branch to mispredict. (On the national composite, 96 % of kampung
 * have their 5th and 95th percentiles more than 16 buckets apart; this took 2.3-2.5 s CPU at
 * load 7, a pass per wanted bucket 2.2-2.8 s at load 8: no faster, but one way for all.)
 */
class RankCounter {
  private readonly buckets: Uint32Array;
  /** Per bucket: its slot in `fine` (0-2), OTHER for the buckets not wanted. */
  private readonly slotOf: Uint8Array;
  private readonly fine = new Uint32Array((OTHER + 1) * BUCKET);

  constructor(maxRank: number) {
    this.buckets = new Uint32Array((maxRank >>> BUCKET_BITS) + 1);
    this.slotOf = new Uint8Array(this.buckets.length).fill(OTHER);
  }

  /**
   * The 5th, 50th and 95th percentiles of `ranks[from..to)` into `out` at `j`, type 1 (the
   * inverted distribution: an observed rank, never a fraction; Hyndman & Fan 1996): the
   * smallest rank with at least p of the runs at or below it.
   */
  percentiles(ranks: Uint32Array, from: number, to: number, out: Percentiles, j: number): void {
    const count = to - from;
    const at = (p: number) => Math.max(0, Math.ceil(p * count) - 1);
    const { buckets, slotOf, fine } = this;
    buckets.fill(0);
    for (let i = from; i < to; i++) buckets[ranks[i] >>> BUCKET_BITS]++;
    const wanted = [at(0.05), at(0.5), at(0.95)];
    // Each position's bucket (ascending), how many ranks lie below it, and its slot.
    const bucketOf = [0, 0, 0];
    const belowOf = [0, 0, 0];
    let bucket = 0;
    let below = 0;
    for (let w = 0; w < 3; w++) {
      while (below + buckets[bucket] <= wanted[w]) below += buckets[bucket++];
      bucketOf[w] = bucket;
      belowOf[w] = below;
      if (slotOf[bucket] === OTHER) slotOf[bucket] = w;
    }
    fine.fill(0, 0, OTHER * BUCKET);
    for (let i = from; i < to; i++) {
      const r = ranks[i];
      fine[(slotOf[r >>> BUCKET_BITS] << BUCKET_BITS) | (r & (BUCKET - 1))]++;
    }
    const found = [0, 0, 0];
    for (let w = 0; w < 3; w++) {
      const base = slotOf[bucketOf[w]] << BUCKET_BITS;
      let v = 0;
      below = belowOf[w];
      while (below + fine[base + v] <= wanted[w]) below += fine[base + v++];
      found[w] = (bucketOf[w] << BUCKET_BITS) + v;
    }
    for (let w = 0; w < 3; w++) slotOf[bucketOf[w]] = OTHER;
    out.p5[j] = found[0];
    out.median[j] = found[1];
    out.p95[j] = found[2];
  }
}

/** The intervals of the kampung of `index` (the others null), in the order of the results. */
function intervals(
  kampungCount: number,
  index: Int32Array,
  nominal: Uint32Array,
  p: Percentiles
): (RankInterval | null)[] {
  const out = new Array<RankInterval | null>(kampungCount).fill(null);
  for (let j = 0; j < index.length; j++)
    out[index[j]] = { nominal: nominal[j], median: p.median[j], p5: p.p5[j], p95: p.p95[j] };
  return out;
}

function summarise(kampung: readonly (RankInterval | null)[]): RankUncertainty {
  const ranked = kampung.filter((k): k is RankInterval => k !== null);
  const moving = ranked.filter((k) => k.p5 !== k.nominal || k.p95 !== k.nominal).length;
  const order = [...ranked].sort((x, y) => x.nominal - y.nominal);
  let neighbourPairs = 0;
  let overlappingPairs = 0;
  for (let i = 1; i < order.length; i++) {
    if (order[i].nominal === order[i - 1].nominal) continue;
    neighbourPairs++;
    if (order[i].p5 <= order[i - 1].p95) overlappingPairs++;
  }
  return { kampung, ranked: ranked.length, moving, neighbourPairs, overlappingPairs };
}

/** The domain weights of one run: Dirichlet(alpha, ..., alpha). */
function domainWeights(random: Random, alpha: number): number[] {
  return dirichlet(random, new Array<number>(DOMAIN_COUNT).fill(alpha));
}

/** The iBangga weights of one run: a mix of setara and kemandirian-sentral, then Dirichlet around it. */
function ibanggaWeights(random: Random, concentration: number): number[] {
  const t = random.uniform();
  const a = normalisedWeights(SETARA);
  const b = normalisedWeights(KEMANDIRIAN_SENTRAL);
  const mix = a.map((x, i) => (1 - t) * x + t * b[i]);
  return dirichlet(
    random,
    mix.map((m) => m * concentration)
  );
}

/** The iBangga dimensions of the kampung with an iBangga composite (what every run starts from). */
export interface IbanggaData {
  /** Indexes (in the results) of the kampung with an iBangga composite. */
  readonly index: Int32Array;
  /** Per kampung the three dimensions, NaN where missing (its weight then drops out). */
  readonly values: Float64Array;
  /** Per kampung its nominal rank (under the weights the user chose). */
  readonly nominal: Uint32Array;
}

/**
 * What the Monte Carlo starts from: the options and the scored inputs as typed arrays (a plain
 * object of typed arrays, so it can be posted to a worker as it is).
 */
export interface UncertaintyInput {
  readonly options: UncertaintyOptions;
  readonly composite: CompositeData;
  /** Null when no kampung has iBangga. */
  readonly ibangga: IbanggaData | null;
}

/** Runs `from` (included) to `to` (excluded), 0-based. */
export interface RunRange {
  readonly from: number;
  readonly to: number;
}

/** The sums of the sensitivity estimator over the pairs of a slice (see SensitivityEstimator). */
export interface SensitivityPart {
  readonly samples: number;
  readonly vWeights: number;
  readonly vRubric: number;
  /** Per kampung: the sum of its ranks and of their squares over the pairs' runs. */
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

/**
 * The composite's runs of one slice (typed arrays: a worker transfers them without a copy),
 * their bins kept per part of the kampung (the kampung `cuts[p]` to `cuts[p + 1]`), so that
 * each part's percentiles can be found in another thread.
 */
export interface CompositeSlice extends RunRange {
  readonly cuts: readonly number[];
  /** Per part, run-major: one byte per kampung and run (the bin: hundredths of the composite). */
  readonly bins: readonly Uint8Array[];
  /** Run-major: the competition rank of each bin in each run (COMPOSITE_BINS per run). */
  readonly rankOfBin: Uint32Array;
  /** Null when the slice holds none of the estimator's pairs. */
  readonly sensitivity: SensitivityPart | null;
}

/** One slice's runs for one part of the kampung (see CompositeSlice). */
export interface PartRuns extends RunRange {
  readonly bins: Uint8Array;
  readonly rankOfBin: Uint32Array;
}

/** Part `part` of a slice. */
export function partRuns(slice: CompositeSlice, part: number): PartRuns {
  return { from: slice.from, to: slice.to, bins: slice.bins[part], rankOfBin: slice.rankOfBin };
}

/** The Monte Carlo as computed, before it is merged into figures (mergeUncertainty). */
export interface UncertaintyParts {
  /** The composite ranks' percentiles (compositePercentiles) per part of the kampung, in order. */
  readonly composite: readonly Percentiles[];
  /** The sensitivity estimator's sums of each slice that held pairs. */
  readonly sensitivity: readonly SensitivityPart[];
  /** The iBangga ranks' percentiles over all runs; null without iBangga. */
  readonly ibangga: Percentiles | null;
}

/**
 * How the runs are computed: the composite's in slices (compositeSlice) whose percentiles are
 * then found per part of the kampung (compositePercentiles), iBangga's in one
 * (ibanggaPercentiles). The same figures come out of any split, so an adapter may compute the
 * parts in other threads; the engine computes them in this one.
 */
export type UncertaintyRunner = (input: UncertaintyInput) => UncertaintyParts;

/** All runs in this thread. */
export const THIS_THREAD: UncertaintyRunner = (input) => {
  const n = input.composite.index.length;
  const slice = compositeSlice(input, { from: 0, to: input.options.runs });
  return {
    composite: [compositePercentiles(input, { from: 0, to: n }, [partRuns(slice, 0)])],
    sensitivity: slice.sensitivity ? [slice.sensitivity] : [],
    ibangga: ibanggaPercentiles(input),
  };
};

function validOptions(options: Partial<UncertaintyOptions>): UncertaintyOptions {
  const o: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, ...options };
  if (!(o.runs >= 1) || !Number.isInteger(o.runs)) throw new RangeError("runs must be >= 1");
  if (!(o.rubricMoveProbability >= 0 && o.rubricMoveProbability <= 1))
    throw new RangeError("rubricMoveProbability must be in [0, 1]");
  return o;
}

/**
 * The input of the runs: `kampung` as scored (their composite, sub-indicators and iBangga
 * dimensions), `weights` the iBangga weights the user chose, and the options with their
 * defaults. Throws a RangeError for runs < 1 or a probability outside [0, 1].
 */
export function uncertaintyInput(
  kampung: readonly KampungResult[],
  weights: Weights,
  options: Partial<UncertaintyOptions> = {}
): UncertaintyInput {
  return {
    options: validOptions(options),
    composite: compositeData(kampung),
    ibangga: ibanggaData(kampung, weights),
  };
}

/**
 * Rank intervals by the composite and by iBangga, and the sensitivity of the composite's ranks.
 * `weights` are the iBangga weights the user chose (the nominal iBangga rank's). Throws a
 * RangeError for runs < 1 or a probability outside [0, 1]. `runner` computes the runs (by
 * default all in this thread); the figures do not depend on it.
 */
export function rankUncertainty(
  kampung: readonly KampungResult[],
  weights: Weights,
  options: Partial<UncertaintyOptions> = {},
  runner: UncertaintyRunner = THIS_THREAD
): UncertaintyResult {
  const input = uncertaintyInput(kampung, weights, options);
  return mergeUncertainty(kampung, input, runner(input));
}

/**
 * The figures from the parts of the Monte Carlo and the results the input was made from.
 * Throws a RangeError when the composite's percentiles do not cover every kampung.
 */
export function mergeUncertainty(
  kampung: readonly KampungResult[],
  input: UncertaintyInput,
  parts: UncertaintyParts
): UncertaintyResult {
  const o = input.options;
  const data = input.composite;
  const n = data.index.length;
  const joined = percentileArrays(n);
  let at = 0;
  for (const part of parts.composite) {
    if (at + part.median.length > n) break;
    joined.p5.set(part.p5, at);
    joined.median.set(part.median, at);
    joined.p95.set(part.p95, at);
    at += part.median.length;
  }
  if (at !== n) throw new RangeError(`the composite's percentiles cover ${at} of ${n} kampung`);
  const composite = summarise(intervals(kampung.length, data.index, data.nominal, joined));
  const estimator = new SensitivityEstimator(n);
  for (const part of parts.sensitivity) estimator.add(part);
  const ib = input.ibangga;
  const ibangga =
    ib === null || parts.ibangga === null
      ? null
      : summarise(intervals(kampung.length, ib.index, ib.nominal, parts.ibangga));
  const sensitivity = {
    composite: estimator.shares(),
    ibangga:
      ibangga === null
        ? null
        : {
            weights: 0,
            rubric: 0,
            ibanggaWeights: ibangga.moving > 0 ? 1 : null,
          },
  };
  return { options: o, generator: GENERATOR_NAME, composite, ibangga, sensitivity };
}

/** The rubric's gap table for probability p; null when nothing moves. Every slot moves at p = 1. */
function rubricGaps(p: number): Uint8Array | null {
  return p <= 0 ? null : p >= 1 ? new Uint8Array(65536) : geometricTable(p);
}

/**
 * The composite's runs `range` of the Monte Carlo: one slice, to be merged with the others by
 * mergeUncertainty. The runs draw from one random stream (stream 0 of the seed) in their
 * order; a slice that starts after run 0 first draws the runs before it (without scoring them),
 * so any split gives the same draws, and the same figures, as one slice of all runs. A slice
 * starts at an even run (the sensitivity estimator's pairs are runs 2s and 2s + 1) or is empty;
 * RangeError otherwise, and for runs outside 0..runs.
 */
export function compositeSlice(
  input: UncertaintyInput,
  range: RunRange,
  cuts: readonly number[] = [0, input.composite.index.length]
): CompositeSlice {
  const o = input.options;
  const data = input.composite;
  const { from, to } = range;
  checkRuns(range, o.runs);
  if (from % 2 !== 0 && from !== to)
    throw new RangeError(`a slice of composite runs starts at an even run, not ${from}`);
  const n = data.index.length;
  const random = seededRandom(o.seed, 0);
  const gaps = rubricGaps(o.rubricMoveProbability);
  const draws = [emptyDraw(data), emptyDraw(data)];
  // The runs before the slice: drawn, not scored, so the stream stands where it would.
  for (let r = 0; r < from && from < to; r++) {
    domainWeights(random, o.domainConcentration);
    drawRubric(random, data, gaps, draws[0]);
  }
  const work = scratch(data);
  const drawnWeights: number[][] = [];
  // The bins of the last two runs (a pair of the estimator), then copied to their parts.
  const runBins = [new Uint8Array(n), new Uint8Array(n)];
  const bins = cuts.slice(1).map((end, p) => new Uint8Array((end - cuts[p]) * (to - from)));
  const rankOfBin = new Uint32Array((to - from) * COMPOSITE_BINS);
  const ranksOf = (r: number) =>
    rankOfBin.subarray((r - from) * COMPOSITE_BINS, (r - from + 1) * COMPOSITE_BINS);
  const wanted = Math.min(o.sensitivityRuns, Math.floor(o.runs / 2));
  const sensitivity = from < 2 * wanted && to > from ? new SensitivityPairs(n) : null;
  const rubric: RubricDraw[] = [];
  for (let r = from; r < to; r++) {
    const w = domainWeights(random, o.domainConcentration);
    const moves = drawRubric(random, data, gaps, draws[r % 2]);
    drawnWeights[r % 2] = w;
    rubric[r % 2] = moves;
    evaluateComposite(data, w, moves, work, runBins[r % 2], ranksOf(r));
    bins.forEach((part, p) => {
      const size = cuts[p + 1] - cuts[p];
      part.set(runBins[r % 2].subarray(cuts[p], cuts[p + 1]), (r - from) * size);
    });
    // Runs 2s and 2s + 1 are the estimator's base samples A and B.
    if (sensitivity && r % 2 === 1 && (r - 1) / 2 < wanted) {
      const cross = sensitivity.cross;
      evaluateComposite(data, drawnWeights[1], rubric[0], work, cross.bins[0], cross.ranks[0]);
      evaluateComposite(data, drawnWeights[0], rubric[1], work, cross.bins[1], cross.ranks[1]);
      sensitivity.add(runBins[0], ranksOf(r - 1), runBins[1], ranksOf(r));
    }
  }
  return { from, to, cuts, bins, rankOfBin, sensitivity: sensitivity?.part() ?? null };
}

function checkRuns(range: RunRange, runs: number): void {
  const { from, to } = range;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= runs))
    throw new RangeError(`runs ${from}-${to} are not within 0-${runs}`);
}

/**
 * The composite ranks' percentiles of the kampung `kampung.from` to `kampung.to` (0-based, in
 * the order of the input's index), from one part of each slice of runs: `slices` in the order
 * of the runs, covering all of them (RangeError otherwise).
 */
export function compositePercentiles(
  input: UncertaintyInput,
  kampung: RunRange,
  slices: readonly PartRuns[]
): Percentiles {
  const runs = input.options.runs;
  let next = 0;
  for (const s of slices) if (s.from === next) next = s.to;
  if (next !== runs) throw new RangeError(`composite runs from ${next} are missing`);
  const n = kampung.to - kampung.from;
  const out = percentileArrays(n);
  const counter = new RankCounter(input.composite.index.length);
  // Kampung in blocks, so each run's bins of a block are read as a few cache lines, and each
  // kampung's ranks over the runs lie side by side for the count.
  const block = new Uint32Array(BLOCK * runs);
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const size = Math.min(BLOCK, n - j0);
    for (const s of slices) {
      const { bins, rankOfBin } = s;
      for (let r = s.from; r < s.to; r++) {
        const row = (r - s.from) * COMPOSITE_BINS;
        const at = (r - s.from) * n + j0;
        for (let b = 0; b < size; b++) block[b * runs + r] = rankOfBin[row + bins[at + b]];
      }
    }
    for (let b = 0; b < size; b++)
      counter.percentiles(block, b * runs, (b + 1) * runs, out, j0 + b);
  }
  return out;
}

/**
 * The kampung with an iBangga composite under `weights` (as the nominal rank has them), their
 * dimensions and nominal ranks; null when no kampung has iBangga at all.
 */
function ibanggaData(kampung: readonly KampungResult[], weights: Weights): IbanggaData | null {
  if (!kampung.some((k) => k.ibangga !== null)) return null;
  const dims = kampung.map((k) =>
    k.ibangga ? [k.ibangga.ketenteraman, k.ibangga.kemandirian, k.ibangga.kebahagiaan] : null
  );
  const nominalValues = dims.map((d) => (d ? weightedComposite(d, weights) : null));
  const ranks = competitionRanks(nominalValues);
  const index: number[] = [];
  nominalValues.forEach((v, i) => {
    if (v !== null) index.push(i);
  });
  const values = new Float64Array(index.length * 3);
  index.forEach((i, j) => {
    const d = dims[i] as (number | null)[];
    for (let x = 0; x < 3; x++) values[j * 3 + x] = d[x] ?? NaN;
  });
  return {
    index: Int32Array.from(index),
    values,
    nominal: Uint32Array.from(index, (i) => ranks[i] as number),
  };
}

/**
 * The iBangga bin (tenths, 0-1000) of kampung j under the weights w0, w1, w2: the weighted mean
 * of the dimensions present, the weights of a missing one dropped and the others renormalised
 * (METHOD.md), to the nearest tenth (as for the composite: a value exactly half-way has
 * probability zero).
 */
function ibanggaBin(values: Float64Array, j: number, w0: number, w1: number, w2: number): number {
  const d0 = values[j * 3];
  const d1 = values[j * 3 + 1];
  const d2 = values[j * 3 + 2];
  // All three present (NaN fails its own test): the weights sum to 1.
  if (d0 === d0 && d1 === d1 && d2 === d2)
    return Math.floor((w0 * d0 + w1 * d1 + w2 * d2) * 10 + 0.5);
  let sum = 0;
  let weight = 0;
  if (d0 === d0) {
    sum += w0 * d0;
    weight += w0;
  }
  if (d1 === d1) {
    sum += w1 * d1;
    weight += w1;
  }
  if (d2 === d2) {
    sum += w2 * d2;
    weight += w2;
  }
  return Math.floor((sum / weight) * 10 + 0.5);
}

/**
 * All iBangga runs (their own random stream: stream 1 of the seed) and each kampung's rank
 * percentiles over them; null without iBangga. A run ranks the bins by a histogram; each
 * kampung's bin in each run is then computed again from the run's weights (three products,
 * cheaper than keeping two bytes per kampung and run). Needs only the input, so an adapter may
 * run it in another thread beside the composite's runs.
 */
export function ibanggaPercentiles(input: UncertaintyInput): Percentiles | null {
  const data = input.ibangga;
  if (data === null) return null;
  const o = input.options;
  const runs = o.runs;
  const n = data.index.length;
  const values = data.values;
  const random = seededRandom(o.seed, 1);
  const drawn = new Float64Array(runs * 3);
  const rankOfBin = new Uint32Array(runs * IBANGGA_BINS);
  const counts = new Uint32Array(IBANGGA_BINS);
  for (let r = 0; r < runs; r++) {
    const w = ibanggaWeights(random, o.ibanggaConcentration);
    drawn.set(w, r * 3);
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[ibanggaBin(values, j, w[0], w[1], w[2])]++;
    ranksFromCounts(counts, rankOfBin.subarray(r * IBANGGA_BINS, (r + 1) * IBANGGA_BINS));
  }
  const out = percentileArrays(n);
  const counter = new RankCounter(n);
  const block = new Uint32Array(BLOCK * runs);
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const size = Math.min(BLOCK, n - j0);
    for (let r = 0; r < runs; r++) {
      const row = r * IBANGGA_BINS;
      const w0 = drawn[r * 3];
      const w1 = drawn[r * 3 + 1];
      const w2 = drawn[r * 3 + 2];
      for (let b = 0; b < size; b++)
        block[b * runs + r] = rankOfBin[row + ibanggaBin(values, j0 + b, w0, w1, w2)];
    }
    for (let b = 0; b < size; b++)
      counter.percentiles(block, b * runs, (b + 1) * runs, out, j0 + b);
  }
  return out;
}

/**
 * The sums of the sensitivity estimator over the pairs of one slice of runs: per pair, A's and
 * B's ranks and those of the two cross evaluations (see SensitivityEstimator). All sums are of
 * whole numbers below 2^53, so slices add up exactly, in any order.
 */
class SensitivityPairs {
  readonly cross: { readonly bins: Uint8Array[]; readonly ranks: Uint32Array[] };
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private vWeights = 0;
  private vRubric = 0;
  private samples = 0;

  constructor(private readonly n: number) {
    this.cross = {
      bins: [new Uint8Array(n), new Uint8Array(n)],
      ranks: [new Uint32Array(COMPOSITE_BINS), new Uint32Array(COMPOSITE_BINS)],
    };
    this.sum = new Float64Array(n);
    this.sumSq = new Float64Array(n);
  }

  /** One pair: A's and B's bins and ranks; the cross evaluations are in `cross`. */
  add(binsA: Uint8Array, ranksA: Uint32Array, binsB: Uint8Array, ranksB: Uint32Array): void {
    const [binsW, binsR] = this.cross.bins;
    const [ranksW, ranksR] = this.cross.ranks;
    let vWeights = 0;
    let vRubric = 0;
    for (let j = 0; j < this.n; j++) {
      const fA = ranksA[binsA[j]];
      const fB = ranksB[binsB[j]];
      vWeights += fB * (ranksW[binsW[j]] - fA);
      vRubric += fB * (ranksR[binsR[j]] - fA);
      this.sum[j] += fA + fB;
      this.sumSq[j] += fA * fA + fB * fB;
    }
    this.vWeights += vWeights;
    this.vRubric += vRubric;
    this.samples++;
  }

  part(): SensitivityPart {
    const { samples, vWeights, vRubric, sum, sumSq } = this;
    return { samples, vWeights, vRubric, sum, sumSq };
  }
}

/**
 * First-order shares of the composite rank's variance for (a) the domain weights and (c) the
 * rubric, by Saltelli et al. (2010), Comput. Phys. Commun. 181:259-270, table 2, formula (b):
 * for base samples A and B, and A with one group of inputs taken from B (A_B^i),
 * V_i = mean(f(B) * (f(A_B^i) - f(A))), S_i = V_i / V. Here f is a kampung's rank; the kampung's
 * V_i and variances V are summed before the share is taken (a share of all rank variance).
 * A and B are pairs of the Monte Carlo's own runs; each pair costs two more evaluations
 * (SensitivityPairs). (b) cannot move the composite: 0 by construction.
 */
class SensitivityEstimator {
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private vWeights = 0;
  private vRubric = 0;
  private samples = 0;

  constructor(private readonly n: number) {
    this.sum = new Float64Array(n);
    this.sumSq = new Float64Array(n);
  }

  /** The sums of one slice's pairs. */
  add(part: SensitivityPart): void {
    for (let j = 0; j < this.n; j++) {
      this.sum[j] += part.sum[j];
      this.sumSq[j] += part.sumSq[j];
    }
    this.vWeights += part.vWeights;
    this.vRubric += part.vRubric;
    this.samples += part.samples;
  }

  /** The shares, 3 decimals, clipped to [0, 1] (the estimator can stray just outside); null without variance. */
  shares(): SensitivityShares {
    const m = 2 * this.samples;
    let total = 0;
    for (let j = 0; j < this.n; j++)
      total += (this.sumSq[j] - (this.sum[j] * this.sum[j]) / m) / (m - 1);
    if (this.samples < 2 || !(total > 1e-9))
      return { weights: null, ibanggaWeights: null, rubric: null };
    const share = (v: number) => excelRound(Math.min(1, Math.max(0, v / this.samples / total)), 3);
    return { weights: share(this.vWeights), ibanggaWeights: 0, rubric: share(this.vRubric) };
  }
}
