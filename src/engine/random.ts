/**
 * Seeded random numbers for the uncertainty analysis: one xoroshiro128+ generator from the
 * `pure-rand` library (Blackman & Vigna), so the same seed gives the same draws on every machine
 * and in every thread. Pure: no Math.random, no clock.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** The generator's name, for the stamp of the sheet and the JSON. */
export const GENERATOR_NAME = "xoroshiro128+ (pure-rand 8.4.2)";

/** A seeded stream of random numbers. */
export interface Random {
  /** Uniform in [0, 1), 53 bits. */
  uniform(): number;
  /** Uniform integer in [from, to], both included. */
  integer(from: number, to: number): number;
  /** One fair coin: true or false (the top bit of one 32-bit output). */
  coin(): boolean;
  /** One raw 32-bit output as a signed integer (for the hot loops; see geometricTable). */
  bits(): number;
}

/** A stream from a 32-bit integer seed. `stream` selects an independent stream of the same seed (2^64 draws apart). */
export function seededRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus(seed | 0);
  for (let i = 0; i < stream; i++) rng.jump();
  return {
    uniform: () => uniformFloat64(rng),
    integer: (from, to) => uniformInt(rng, from, to),
    coin: () => rng.next() < 0,
    bits: () => rng.next(),
  };
}

/** A standard normal variate (Box-Muller, the cosine branch). */
export function normal(random: Random): number {
  const u = 1 - random.uniform(); // (0, 1]: the logarithm is finite
  const v = random.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Gamma(shape, 1) variate for shape >= 1, by Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3):363-372. Throws a RangeError for shape < 1 (KKB's
 * concentrations are all far above 1).
 */
export function gamma(random: Random, shape: number): number {
  if (!(shape >= 1)) throw new RangeError(`gamma shape must be >= 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Dirichlet draw with parameters `alpha` (each >= 1): independent gammas, normalised to sum
 * to 1. Its mean is alpha / sum(alpha); a larger sum draws closer to the mean.
 */
export function dirichlet(random: Random, alpha: readonly number[]): number[] {
  const g = alpha.map((a) => gamma(random, a));
  const sum = g.reduce((s, x) => s + x, 0);
  return g.map((x) => x / sum);
}

/**
 * Gaps of a geometric distribution (failures before a success of probability p) by their
 * inverse distribution at 16 bits: entry k is the gap of u = (k + 1/2) / 65536, so a 16-bit
 * draw gives a gap with one table read instead of a logarithm. Each gap's probability is within
 * 1/65536 of the exact one; gaps are capped at 255 (probability below 0.8^255 for p = 0.2).
 * Throws a RangeError for p outside (0, 1).
 */
export function geometricTable(p: number): Uint8Array {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const logQ = Math.log(1 - p);
  const table = new Uint8Array(65536);
  for (let k = 0; k < table.length; k++)
    table[k] = Math.min(255, Math.floor(Math.log((k + 0.5) / 65536) / logQ));
  return table;
}
