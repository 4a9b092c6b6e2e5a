import { jsonBytes } from "../../src/excel/payload";
import { MEASURED_ROWS, MIN_BYTES_PER_CELL, measuredBytesPerCell } from "../../src/excel/plan-read";

/** Bytes per cell of the whole response, as Excel would send it. */
const whole = (values: unknown[][], types: unknown[][]) =>
  (jsonBytes(values) + jsonBytes(types)) / values.reduce((n, r) => n + r.length, 0);

describe("measuredBytesPerCell", () => {
  it("is exact on a small response and close on a large one it samples", () => {
    const row = (i: number): unknown[] => [`Kampung KB ${i}`, i % 3 ? 1.5 : 0, `Desa ${i % 97}`];
    const types = (n: number) => Array.from({ length: n }, () => ["String", "Double", "String"]);
    const small = Array.from({ length: 50 }, (_, i) => row(i));
    expect(measuredBytesPerCell(small, types(50))).toBeCloseTo(whole(small, types(50)), 1);
    const n = MEASURED_ROWS * 20;
    const large = Array.from({ length: n }, (_, i) => row(i));
    const sampled = measuredBytesPerCell(large, types(n));
    expect(Math.abs(sampled / whole(large, types(n)) - 1)).toBeLessThan(0.05);
  });

  it("gives the floor for an empty response", () => {
    expect(measuredBytesPerCell([], [])).toBe(MIN_BYTES_PER_CELL);
  });
});
