/**
 * The method recomputed independently of src/engine (decimal.js, exact decimal arithmetic on
 * the values as written, half away from zero), and checks on A1 addresses and decimals. The
 * corpus and the fuzz tests compare what the engine gives with this.
 */
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** The exact decimal of a double as JavaScript writes it (`0.7` is 0.7, not 0.6999...). */
function dec(x: number): Decimal {
  return new D(String(x));
}

/** Exact mean of the values, or null when any is missing. */
export function exactMean(values: readonly (number | null)[]): Decimal | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return values.reduce<Decimal>((s, v) => s.plus(dec(v as number)), new D(0)).div(values.length);
}

/** Rounded half away from zero at `decimals` (all values here are >= 0). */
export function roundHalfUp(value: Decimal, decimals: number): number {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}

/** Domain scores (1 decimal) from 15 sub-indicator values, then the composite (2 decimals). */
export function methodScores(sub: readonly (number | null)[]): {
  domains: (number | null)[];
  composite: number | null;
} {
  const domains: (number | null)[] = [];
  for (let d = 0; d < 5; d++) {
    const mean = exactMean(sub.slice(d * 3, d * 3 + 3));
    domains.push(mean === null ? null : roundHalfUp(mean, 1));
  }
  const mean = exactMean(domains);
  return { domains, composite: mean === null ? null : roundHalfUp(mean, 2) };
}

/** The exact weighted mean of the present dimensions, or null when no weight is on them. */
export function exactWeighted(
  dimensions: readonly (number | null)[],
  weights: readonly number[]
): Decimal | null {
  let sum = new D(0);
  let weight = new D(0);
  dimensions.forEach((v, i) => {
    if (v === null) return;
    sum = sum.plus(dec(weights[i]).times(dec(v)));
    weight = weight.plus(dec(weights[i]));
  });
  return weight.isZero() ? null : sum.div(weight);
}

/** Number of decimals JavaScript writes for x (0.25 -> 2; 1e-7 -> 7). */
export function decimalsOf(x: number): number {
  const text = String(x);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split("e")[0].split(".")[1]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}

/** 0-based row and column of an A1 address (letters then digits, nothing else), or null. */
export function parseA1(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
