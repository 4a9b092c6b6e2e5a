import fc from "fast-check";
import { numberXml } from "../../src/xlsx/number-xml";

describe("numberXml", () => {
  it("writes every hundredth from -100 to 100 as String does, twice (made, then kept)", () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = -10_000; k <= 10_000; k++) expect(numberXml(k / 100)).toBe(String(k / 100));
    }
  });

  it("writes values that are not exactly a kept hundredth as String does", () => {
    for (const value of [
      0.1 + 0.2,
      1.005,
      0.125,
      -0.001,
      2 / 3,
      100.01,
      -100.01,
      1e21,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      123456789,
      -0,
    ]) {
      expect(numberXml(value)).toBe(String(value));
    }
  });

  it("matches String for any finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(numberXml(value)).toBe(String(value));
      }),
      { numRuns: 5_000 }
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, b) => {
          const value = a / b;
          expect(numberXml(value)).toBe(String(value));
        }
      ),
      { numRuns: 5_000 }
    );
  });
});
