import Decimal from "decimal.js";
import fc from "fast-check";
import { excelRound, percentShown } from "../../src/engine/decimal";

describe("excelRound", () => {
  it("rounds the decimal value, not the binary one (METHOD.md)", () => {
    const binary = 0.35 * 10.1 + 0.4 * 10.1 + 0.25 * 10.3;
    expect(binary).toBeLessThan(10.15);
    expect(excelRound(binary, 1)).toBe(10.2);
  });

  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.035, 2, 1.04],
    [-2.5, 0, -3],
    [-1.25, 1, -1.3],
    [0.05, 1, 0.1],
    [0.04999, 1, 0],
    [99.95, 1, 100],
    [1234.5, -1, 1230],
    [1235, -1, 1240],
    [4 / 3, 1, 1.3],
    [2 / 3, 1, 0.7],
    [7.4 / 5, 2, 1.48],
    [5.2 / 5, 2, 1.04],
    [8948.5 / 100, 1, 89.5],
    [0, 1, 0],
    [1e-20, 2, 0],
  ])("excelRound(%p, %p) = %p", (value, digits, expected) => {
    expect(excelRound(value, digits)).toBe(expected);
  });

  it("never returns negative zero", () => {
    expect(Object.is(excelRound(-0.01, 1), 0)).toBe(true);
  });

  it("equals a decimal reference (15 significant digits, half away from zero) on random inputs", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, digits) => {
          const reference = new Decimal(x.toPrecision(15))
            .toDecimalPlaces(digits, Decimal.ROUND_HALF_UP)
            .toNumber();
          expect(excelRound(x, digits)).toBe(reference === 0 ? 0 : reference);
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("rounds means of rubric values like a decimal calculator", () => {
    const rubric = fc.constantFrom<number>(0, 0.5, 0.7, 1, 1.3, 1.5, 2);
    fc.assert(
      fc.property(fc.array(rubric, { minLength: 1, maxLength: 5 }), (values) => {
        const exact = values
          .reduce((s, v) => s.plus(v), new Decimal(0))
          .dividedBy(values.length)
          .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
          .toNumber();
        const sum = values.reduce((s, v) => s + v, 0);
        expect(excelRound(sum / values.length, 1)).toBe(exact);
      })
    );
  });
});

describe("excelRound near halves", () => {
  it("agrees with the decimal reference on values at and around x.x5", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(-1e-12, -1e-15, 0, 1e-15, 1e-12, 1e-7),
        (n, digits, nudge) => {
          const x = (n + 0.5) / 10 ** digits + nudge;
          const reference = new Decimal(x.toPrecision(15))
            .toDecimalPlaces(digits, Decimal.ROUND_HALF_UP)
            .toNumber();
          expect(excelRound(x, digits)).toBe(reference === 0 ? 0 : reference);
        }
      ),
      { numRuns: 5000 }
    );
  });
});

describe("percentShown", () => {
  it("is the number a percentage format shows, on the decimal value (0.911 is 91,1 %)", () => {
    expect(0.911 * 100).not.toBe(91.1);
    expect(percentShown(0.911)).toBe(91.1);
    expect(percentShown(0.29)).toBe(29);
    expect(percentShown(0.978)).toBe(97.8);
    expect(percentShown(0.7)).toBe(70);
    expect(percentShown(1)).toBe(100);
    expect(percentShown(0)).toBe(0);
    expect(percentShown(-0.125)).toBe(-12.5);
    expect(percentShown(0.5e-3)).toBe(0.05);
  });

  it("matches the 15-digit decimal times 100 for any fraction", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const reference = new Decimal(x.toPrecision(15)).times(100).toNumber();
        expect(percentShown(x)).toBe(reference === 0 ? x * 100 : reference);
      }),
      { numRuns: 2000 }
    );
  });
});
