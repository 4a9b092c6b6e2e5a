/**
 * iBangga: dimension scores, weighted composites, renormalisation and bands.
 */
import { roundedMeanOfAll } from "./convergence";
import { excelRound } from "./decimal";
import { BandKey, DECIMALS, DIMENSION_KEYS, IBANGGA_BAND_LIMITS } from "./framework";
import { parseNumberText } from "./score";

export type WeightPreset = "setara" | "kemandirian-sentral";

/** Weights for ketenteraman, kemandirian, kebahagiaan (any positive scale; they are normalised). */
export type WeightTriple = readonly [number, number, number];

export interface Weights {
  /** `setara`, `kemandirian-sentral`, or `custom`. */
  readonly name: WeightPreset | "custom";
  readonly values: WeightTriple;
}

// Exact thirds: the study's "33/33/34" values are those of exact thirds (see METHOD.md).
export const SETARA: Weights = { name: "setara", values: [1, 1, 1] };
export const KEMANDIRIAN_SENTRAL: Weights = { name: "kemandirian-sentral", values: [35, 40, 25] };
export const WEIGHT_PRESETS: readonly Weights[] = [SETARA, KEMANDIRIAN_SENTRAL];

export type WeightProblem =
  "unknown-preset" | "wrong-count" | "not-a-number" | "negative" | "zero-sum";

export type ParsedWeights =
  | { readonly ok: true; readonly weights: Weights }
  | { readonly ok: false; readonly problem: WeightProblem };

/** Weights from a preset name or three numbers. */
export function weightsFromNumbers(values: readonly unknown[]): ParsedWeights {
  if (values.length !== 3) return { ok: false, problem: "wrong-count" };
  const numbers: number[] = [];
  for (const v of values) {
    const n = typeof v === "number" ? v : typeof v === "string" ? parseNumberText(v) : null;
    if (n === null || !Number.isFinite(n)) return { ok: false, problem: "not-a-number" };
    if (n < 0) return { ok: false, problem: "negative" };
    numbers.push(n);
  }
  const largest = Math.max(numbers[0], numbers[1], numbers[2]);
  if (largest <= 0) return { ok: false, problem: "zero-sum" };
  // Same proportions, but products with 0-100 values can neither overflow nor underflow.
  const scale = largest > 1e150 || largest < 1e-150 ? largest : 1;
  const [a, b, c] = numbers.map((n) => n / scale);
  return { ok: true, weights: { name: "custom", values: [a, b, c] } };
}

/**
 * Parses `setara`, `kemandirian-sentral` (case and spaces free), or three numbers:
 * `0.35,0.40,0.25`, `35;40;25`, or `0,35;0,40;0,25` (decimal commas need `;` between weights).
 */
export function parseWeights(spec: string): ParsedWeights {
  const normalised = spec
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const preset = WEIGHT_PRESETS.find((w) => w.name === normalised);
  if (preset) return { ok: true, weights: preset };
  if (/[a-z]/i.test(normalised)) return { ok: false, problem: "unknown-preset" };
  const parts = spec.includes(";") ? spec.split(";") : spec.split(/[,/]/);
  return weightsFromNumbers(parts.map((p) => p.trim()));
}

/** The weights as fractions that sum to 1 (for display and checks). */
export function normalisedWeights(weights: Weights): [number, number, number] {
  const [a, b, c] = weights.values;
  const sum = a + b + c;
  return [a / sum, b / sum, c / sum];
}

/** A dimension from its sub-indicator values (0-100): their mean, 1 decimal; null if any is missing. */
export function dimensionScore(subIndicators: readonly (number | null)[]): number | null {
  return roundedMeanOfAll(subIndicators, DECIMALS.dimension);
}

export interface Composite {
  readonly value: number | null;
  /** True when a dimension was missing and the others' weights were renormalised. */
  readonly renormalised: boolean;
}

/**
 * Weighted composite of the three dimensions (in DIMENSION_KEYS order), 1 decimal. A missing
 * dimension drops out and the weights of the others are renormalised to sum to 1.
 */
export function ibanggaComposite(
  dimensions: readonly (number | null)[],
  weights: Weights
): Composite {
  return {
    value: weightedComposite(dimensions, weights),
    renormalised: hasMissingDimension(dimensions),
  };
}

/** The composite's value alone (the hot path of scoring: no object per call). */
export function weightedComposite(
  dimensions: readonly (number | null)[],
  weights: Weights
): number | null {
  let weighted = 0;
  let weightSum = 0;
  for (let i = 0; i < DIMENSION_KEYS.length; i++) {
    const v = dimensions[i];
    if (v === null || v === undefined) continue;
    weighted += weights.values[i] * v;
    weightSum += weights.values[i];
  }
  return weightSum === 0 ? null : excelRound(weighted / weightSum, DECIMALS.ibangga);
}

export function hasMissingDimension(dimensions: readonly (number | null)[]): boolean {
  for (let i = 0; i < DIMENSION_KEYS.length; i++) {
    if (dimensions[i] === null || dimensions[i] === undefined) return true;
  }
  return false;
}

/** BKKBN's band: below 40 `rentan`, 40 to 70 `berkembang`, above 70 `tangguh`. */
export function ibanggaBand(value: number): BandKey {
  if (value < IBANGGA_BAND_LIMITS.rentanBelow) return "rentan";
  if (value <= IBANGGA_BAND_LIMITS.tangguhAbove) return "berkembang";
  return "tangguh";
}
