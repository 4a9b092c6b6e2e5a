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
import { quickselect } from "simple-statistics";

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
interface CompositeData {
  /** Indexes (in the results) of the kampung with a composite. */
  readonly index: Int32Array;
  /** Per kampung and domain: the sum of the three sub-indicators in half steps, or -1 off the steps. */
  readonly halfSteps: Int16Array;
  /** Per kampung and domain: the plain sum of the three (for domains off the steps). */
  readonly sums: Float64Array;
  /** Each sub-indicator scored 1 or 1.5: its kampung-and-domain cell. */
  readonly slots: Int32Array;
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
  return {
    index: Int32Array.from(index),
    halfSteps,
    sums,
    slots: Int32Array.from(slots),
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
  readonly halfSteps: Int16Array;
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
    halfSteps: Int16Array.from(data.halfSteps),
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
  const { halfSteps, sums, tenths, baseTenths, counts } = work;
  let offCount = 0;
  for (let m = 0; m < draw.count; m++) {
    const cell = draw.cells[m];
    const h = halfSteps[cell];
    if (h >= 0) {
      halfSteps[cell] = h + draw.directions[m];
      tenths[cell] = DOMAIN_TENTHS[h + draw.directions[m]];
    } else {
      sums[cell] += draw.directions[m] * 0.5;
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
  // Undo the moves: the next evaluation starts from the scores as given (plain copies are
  // cheaper than a second walk over the moves; the sums change only off the rubric steps).
  halfSteps.set(data.halfSteps);
  tenths.set(baseTenths);
  for (let m = 0; m < offCount; m++) sums[work.offMoved[m]] = data.sums[work.offMoved[m]];
}

/** A domain score in tenths (0-20) from its half-step sum, or from its plain sum off the steps. */
function domainTenths(halfSteps: Int16Array, sums: Float64Array, cell: number): number {
  const h = halfSteps[cell];
  return h >= 0 ? DOMAIN_TENTHS[h] : tenthsOf(excelRound(sums[cell] / 3, DECIMALS.domain));
}

/** Kampung per block of the percentile pass. */
const BLOCK = 64;

/** One array of ranks per kampung of a block. */
function blockRanks(runs: number): number[][] {
  return Array.from({ length: BLOCK }, () => new Array<number>(runs).fill(0));
}

/** Competition rank of every bin: 1 plus the count in higher bins. */
function ranksFromCounts(counts: Uint32Array, rankOfBin: Uint32Array): void {
  let above = 0;
  for (let b = counts.length - 1; b >= 0; b--) {
    rankOfBin[b] = above + 1;
    above += counts[b];
  }
}

/**
 * The 5th, 50th and 95th percentiles of one kampung's ranks over the runs, type 1 (the inverted
 * distribution: an observed rank, never a fraction; Hyndman & Fan 1996), found by Floyd-Rivest
 * selection (simple-statistics `quickselect`) rather than a full sort. Reorders `ranks`.
 */
function intervalOf(nominal: number, ranks: number[]): RankInterval {
  const at = (p: number) => Math.max(0, Math.ceil(p * ranks.length) - 1);
  const mid = at(0.5);
  const low = at(0.05);
  const high = at(0.95);
  quickselect(ranks, mid, 0, ranks.length - 1);
  // (A one-element side needs no selection; the library reads a right end of 0 as "to the end".)
  if (low < mid - 1 || (low < mid && mid - 1 > 0)) quickselect(ranks, low, 0, mid - 1);
  if (high > mid && high < ranks.length) quickselect(ranks, high, mid + 1, ranks.length - 1);
  return { nominal, median: ranks[mid], p5: ranks[low], p95: ranks[high] };
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

/**
 * Rank intervals by the composite and by iBangga, and the sensitivity of the composite's ranks.
 * `weights` are the iBangga weights the user chose (the nominal iBangga rank's). Throws a
 * RangeError for runs < 1 or a probability outside [0, 1].
 */
export function rankUncertainty(
  kampung: readonly KampungResult[],
  weights: Weights,
  options: Partial<UncertaintyOptions> = {}
): UncertaintyResult {
  const o: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, ...options };
  if (!(o.runs >= 1) || !Number.isInteger(o.runs)) throw new RangeError("runs must be >= 1");
  if (!(o.rubricMoveProbability >= 0 && o.rubricMoveProbability <= 1))
    throw new RangeError("rubricMoveProbability must be in [0, 1]");
  const { intervals: composite, shares } = compositeIntervals(kampung, o);
  const ibangga = ibanggaIntervals(kampung, weights, o);
  const sensitivity = {
    composite: shares,
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

/**
 * The iBangga bin (tenths, 0-1000) of kampung j in run r: the weighted mean of the dimensions
 * present, the weights of a missing one dropped and the others renormalised (METHOD.md), to the
 * nearest tenth (as for the composite: a value exactly half-way has probability zero).
 */
function ibanggaBin(values: Float64Array, j: number, weights: Float64Array, r: number): number {
  const d0 = values[j * 3];
  const d1 = values[j * 3 + 1];
  const d2 = values[j * 3 + 2];
  // All three present (NaN fails its own test): the weights sum to 1.
  if (d0 === d0 && d1 === d1 && d2 === d2) {
    return Math.floor(
      (weights[r * 3] * d0 + weights[r * 3 + 1] * d1 + weights[r * 3 + 2] * d2) * 10 + 0.5
    );
  }
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < 3; i++) {
    const v = values[j * 3 + i];
    if (v === v) {
      sum += weights[r * 3 + i] * v;
      weight += weights[r * 3 + i];
    }
  }
  return Math.floor((sum / weight) * 10 + 0.5);
}

/** Rank intervals by the composite, and the first-order shares of its rank variance. */
function compositeIntervals(
  kampung: readonly KampungResult[],
  o: UncertaintyOptions
): { intervals: RankUncertainty; shares: SensitivityShares } {
  const data = compositeData(kampung);
  const n = data.index.length;
  const runs = o.runs;
  const random = seededRandom(o.seed, 0);
  const work = scratch(data);
  const draws = [emptyDraw(data), emptyDraw(data)];
  const p = o.rubricMoveProbability;
  // Every slot moves at p = 1; none at p = 0.
  const gaps = p <= 0 ? null : p >= 1 ? new Uint8Array(65536) : geometricTable(p);
  const drawnWeights: number[][] = [];
  // Run-major: one byte per kampung and run; the ranks of each run's bins beside them.
  const bins = new Uint8Array(n * runs);
  const rankOfBin = new Uint32Array(runs * COMPOSITE_BINS);
  const binsOf = (r: number) => bins.subarray(r * n, (r + 1) * n);
  const ranksOf = (r: number) => rankOfBin.subarray(r * COMPOSITE_BINS, (r + 1) * COMPOSITE_BINS);
  const sensitivity = new SensitivityEstimator(
    n,
    Math.min(o.sensitivityRuns, Math.floor(runs / 2))
  );
  const rubric: RubricDraw[] = [];
  for (let r = 0; r < runs; r++) {
    const w = domainWeights(random, o.domainConcentration);
    const moves = drawRubric(random, data, gaps, draws[r % 2]);
    drawnWeights[r % 2] = w;
    rubric[r % 2] = moves;
    evaluateComposite(data, w, moves, work, binsOf(r), ranksOf(r));
    // Runs 2s and 2s + 1 are the estimator's base samples A and B.
    if (r % 2 === 1 && sensitivity.wants((r - 1) / 2)) {
      const a = r - 1;
      const cross = sensitivity.cross;
      evaluateComposite(data, drawnWeights[1], rubric[0], work, cross.bins[0], cross.ranks[0]);
      evaluateComposite(data, drawnWeights[0], rubric[1], work, cross.bins[1], cross.ranks[1]);
      sensitivity.add(binsOf(a), ranksOf(a), binsOf(r), ranksOf(r));
    }
  }
  const nominal = competitionRanks(kampung.map((k) => k.composite));
  const out: (RankInterval | null)[] = new Array<RankInterval | null>(kampung.length).fill(null);
  // Kampung in blocks, so each run's bins of a block are read as one cache line, not 64.
  const block = blockRanks(runs);
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const size = Math.min(BLOCK, n - j0);
    for (let r = 0; r < runs; r++) {
      const row = r * COMPOSITE_BINS;
      const at = r * n + j0;
      for (let b = 0; b < size; b++) block[b][r] = rankOfBin[row + bins[at + b]];
    }
    for (let b = 0; b < size; b++) {
      const i = data.index[j0 + b];
      out[i] = intervalOf(nominal[i] as number, block[b]);
    }
  }
  return { intervals: summarise(out), shares: sensitivity.shares() };
}

function ibanggaIntervals(
  kampung: readonly KampungResult[],
  weights: Weights,
  o: UncertaintyOptions
): RankUncertainty | null {
  if (!kampung.some((k) => k.ibangga !== null)) return null;
  const dims = kampung.map((k) =>
    k.ibangga ? [k.ibangga.ketenteraman, k.ibangga.kemandirian, k.ibangga.kebahagiaan] : null
  );
  const nominalValues = dims.map((d) => (d ? weightedComposite(d, weights) : null));
  const index: number[] = [];
  nominalValues.forEach((v, i) => {
    if (v !== null) index.push(i);
  });
  const n = index.length;
  const runs = o.runs;
  // Per kampung the three dimensions, NaN where missing (its weight then drops out).
  const values = new Float64Array(n * 3);
  for (let j = 0; j < n; j++) {
    const d = dims[index[j]] as (number | null)[];
    for (let i = 0; i < 3; i++) values[j * 3 + i] = d[i] ?? NaN;
  }
  const random = seededRandom(o.seed, 1);
  const drawn = new Float64Array(runs * 3);
  const rankOfBin = new Uint32Array(runs * IBANGGA_BINS);
  const counts = new Uint32Array(IBANGGA_BINS);
  for (let r = 0; r < runs; r++) {
    drawn.set(ibanggaWeights(random, o.ibanggaConcentration), r * 3);
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[ibanggaBin(values, j, drawn, r)]++;
    ranksFromCounts(counts, rankOfBin.subarray(r * IBANGGA_BINS, (r + 1) * IBANGGA_BINS));
  }
  const nominal = competitionRanks(nominalValues);
  const out: (RankInterval | null)[] = new Array<RankInterval | null>(kampung.length).fill(null);
  const block = blockRanks(runs);
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const size = Math.min(BLOCK, n - j0);
    for (let r = 0; r < runs; r++) {
      const row = r * IBANGGA_BINS;
      for (let b = 0; b < size; b++)
        block[b][r] = rankOfBin[row + ibanggaBin(values, j0 + b, drawn, r)];
    }
    for (let b = 0; b < size; b++) {
      const i = index[j0 + b];
      out[i] = intervalOf(nominal[i] as number, block[b]);
    }
  }
  return summarise(out);
}

/**
 * First-order shares of the composite rank's variance for (a) the domain weights and (c) the
 * rubric, by Saltelli et al. (2010), Comput. Phys. Commun. 181:259-270, table 2, formula (b):
 * for base samples A and B, and A with one group of inputs taken from B (A_B^i),
 * V_i = mean(f(B) * (f(A_B^i) - f(A))), S_i = V_i / V. Here f is a kampung's rank; the kampung's
 * V_i and variances V are summed before the share is taken (a share of all rank variance).
 * A and B are pairs of the Monte Carlo's own runs; each pair costs two more evaluations.
 * (b) cannot move the composite: 0 by construction.
 */
class SensitivityEstimator {
  readonly cross: { readonly bins: Uint8Array[]; readonly ranks: Uint32Array[] };
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private vWeights = 0;
  private vRubric = 0;
  private samples = 0;

  constructor(
    private readonly n: number,
    private readonly wanted: number
  ) {
    this.cross = {
      bins: [new Uint8Array(n), new Uint8Array(n)],
      ranks: [new Uint32Array(COMPOSITE_BINS), new Uint32Array(COMPOSITE_BINS)],
    };
    this.sum = new Float64Array(n);
    this.sumSq = new Float64Array(n);
  }

  wants(pair: number): boolean {
    return pair < this.wanted;
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
