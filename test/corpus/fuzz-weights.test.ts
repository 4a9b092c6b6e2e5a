/**
 * Fuzzing the iBangga weights (fast-check): presets written any way, triples of anything
 * (zeros, negatives, NaN, Infinity, text, booleans) and random text into parseWeights /
 * weightsFromNumbers, then into ibanggaComposite. Valid weights always give a composite within
 * the present dimensions; invalid ones are a problem, never a number.
 */
import fc from "fast-check";
import {
  ibanggaComposite,
  KEMANDIRIAN_SENTRAL,
  ParsedWeights,
  parseWeights,
  SETARA,
  WeightProblem,
  Weights,
  weightsFromNumbers,
} from "../../src/engine/ibangga";
import { decimalsOf, exactWeighted } from "./oracle";

const PROBLEMS: readonly WeightProblem[] = [
  "unknown-preset",
  "wrong-count",
  "not-a-number",
  "negative",
  "zero-sum",
];

/** What a weight reads as, independently of the engine: a number, or null. */
function weightValue(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const t = v.trim().replace(/\u00a0/g, "");
  return /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(t) ? Number(t.replace(",", ".")) : null;
}

const weight: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 3, arbitrary: fc.double({ min: 1e-150, max: 1e6, noNaN: true }) },
  // From 1e-150 to 1e150: the ends of the doubles have their own test at the end.
  { weight: 1, arbitrary: fc.double({ min: 1e6, max: 1e150, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 1e-150, max: 1e-6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, -1, -0.001, NaN, Infinity, -Infinity) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("35", "0,35", " 40 ", "0.25", "-5", "abc", "", "1e3", "1/3", "٣"),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, {}, [1], "setara") }
);

/** A dimension: missing, or a value on 0-100 with up to 2 decimals. */
const dimension = fc.option(
  fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
  { nil: null }
);
const dimensions = fc.tuple(dimension, dimension, dimension);

function expectRejected(parsed: ParsedWeights): void {
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(PROBLEMS).toContain(parsed.problem);
  expect("weights" in parsed).toBe(false);
}

function expectValid(weights: Weights): void {
  expect(weights.values).toHaveLength(3);
  for (const w of weights.values) {
    expect(Number.isFinite(w)).toBe(true);
    expect(w).toBeGreaterThanOrEqual(0);
  }
  expect(weights.values[0] + weights.values[1] + weights.values[2]).toBeGreaterThan(0);
}

/** The composite is null when no weight is on a present dimension; else within them, 1 decimal. */
function checkComposite(dims: readonly (number | null)[], weights: Weights): void {
  const composite = ibanggaComposite(dims, weights);
  expect(composite.renormalised).toBe(dims.some((d) => d === null));
  const weighted = dims.some((d, i) => d !== null && weights.values[i] > 0);
  if (!weighted) {
    expect(composite.value).toBeNull();
    return;
  }
  const value = composite.value;
  expect(value).not.toBeNull();
  const present = dims.filter((d, i): d is number => d !== null && weights.values[i] > 0);
  expect(value!).toBeGreaterThanOrEqual(Math.floor(Math.min(...present) * 10) / 10);
  expect(value!).toBeLessThanOrEqual(Math.ceil(Math.max(...present) * 10) / 10);
  expect(value!).toBeGreaterThanOrEqual(0);
  expect(value!).toBeLessThanOrEqual(100);
  expect(decimalsOf(value!)).toBeLessThanOrEqual(1);
  const exact = exactWeighted(dims, weights.values)!.toNumber();
  expect(Math.abs(value! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
}

describe("fuzz: iBangga weights", () => {
  it("reads the presets however they are written", () => {
    const spelling = (name: string) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
          fc.constantFrom("-", " ", "_", "  "),
          fc.constantFrom("", " ", "\t")
        )
        .map(([upper, sep, pad]) => {
          const cased = [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join("");
          return pad + cased.replace("-", sep) + pad;
        });
    fc.assert(
      fc.property(spelling("kemandirian-sentral"), spelling("setara"), (sentral, setara) => {
        const a = parseWeights(sentral);
        const b = parseWeights(setara);
        expect(a.ok && a.weights).toEqual(KEMANDIRIAN_SENTRAL);
        expect(b.ok && b.weights).toEqual(SETARA);
      })
    );
  });

  it("accepts a triple exactly when all three are non-negative numbers that sum above 0", () => {
    fc.assert(
      fc.property(fc.tuple(weight, weight, weight), dimensions, (triple, dims) => {
        const parsed = weightsFromNumbers(triple);
        const values = triple.map(weightValue);
        const valid =
          values.every((v) => v !== null && Number.isFinite(v) && v >= 0) &&
          values.reduce<number>((s, v) => s + (v ?? 0), 0) > 0;
        if (!valid) {
          expectRejected(parsed);
          return;
        }
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expectValid(parsed.weights);
        expect(parsed.weights.values).toEqual(values);
        checkComposite(dims, parsed.weights);
      }),
      { numRuns: 500 }
    );
  });

  it("rejects any other number of weights", () => {
    fc.assert(
      fc.property(
        fc.array(weight, { maxLength: 6 }).filter((a) => a.length !== 3),
        (values) => {
          const parsed = weightsFromNumbers(values);
          expectRejected(parsed);
          expect(!parsed.ok && parsed.problem).toBe("wrong-count");
        }
      )
    );
  });

  it("parses any text into valid weights or a problem, never throwing", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .tuple(weight, weight, weight, fc.constantFrom(",", ";", "/", " ; "))
        .map(([a, b, c, sep]) => [a, b, c].map(String).join(sep)),
      fc.constantFrom("35,40,25", "0,35;0,40;0,25", "1/1/1", "0,0,0", "-1,2,3", "1,2", "NaN,1,1")
    );
    fc.assert(
      fc.property(text, dimensions, (spec, dims) => {
        const parsed = parseWeights(spec);
        if (!parsed.ok) {
          expectRejected(parsed);
          return;
        }
        expectValid(parsed.weights);
        checkComposite(dims, parsed.weights);
      }),
      { numRuns: 500 }
    );
  });

  it("gives the same composite for weights on any scale (35/40/25 = 0.35/0.40/0.25 = kemandirian-sentral)", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)).filter(([a, b, c]) => a + b + c > 0),
        fc.constantFrom(0.01, 10, 1000),
        dimensions,
        (triple, scale, dims) => {
          const a = weightsFromNumbers(triple);
          const b = weightsFromNumbers(triple.map((w) => w * scale));
          expect(a.ok && b.ok).toBe(true);
          if (!a.ok || !b.ok) return;
          expect(ibanggaComposite(dims, b.weights).value).toBe(
            ibanggaComposite(dims, a.weights).value
          );
        }
      )
    );
    const parsed = parseWeights("0,35;0,40;0,25");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(ibanggaComposite([10.1, 10.1, 10.3], parsed.weights).value).toBe(10.2);
      expect(ibanggaComposite([10.1, 10.1, 10.3], KEMANDIRIAN_SENTRAL).value).toBe(10.2);
    }
  });

  // Weights at the ends of the doubles (1e308, or 5e-324, e.g. from cells passed to KKB.IBANGGA)
  // are rescaled by their largest, so weight x value neither overflows nor underflows.
  it("keeps the composite within the dimensions for weights at the ends of the doubles", () => {
    const cases: [number[], (number | null)[]][] = [
      [
        [0, 0, 1e308],
        [10, 20, 30],
      ],
      [
        [1e308, 1e308, 0],
        [10, 20, 30],
      ],
      [
        [1.7e308, 1, 1],
        [10, 20, 30],
      ],
      [
        [5e-324, 5e-324, 0],
        [0, 0.14, null],
      ],
    ];
    const failures = cases.filter(([triple, dims]) => {
      const parsed = weightsFromNumbers(triple);
      if (!parsed.ok) return true;
      try {
        checkComposite(dims, parsed.weights);
        return false;
      } catch {
        return true;
      }
    });
    expect(failures).toEqual([]);
  });
});
