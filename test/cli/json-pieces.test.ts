import * as fc from "fast-check";
import { jsonPieces } from "../../src/cli/commands/summarize";

describe("jsonPieces", () => {
  it("joins to exactly JSON.stringify(value, null, 2)", () => {
    const samples: unknown[] = [
      { a: [], b: {}, c: [1, [2, { d: "x\ny" }]], e: undefined, f: null, g: 'q"u' },
      [undefined, () => 1, { when: new Date(Date.UTC(2024, 0, 2)) }, [[[[1]]]]],
      { kampung: [{ row: 3, name: "A", region: { desa: null }, subscores: { k: { r: 1.5 } } }] },
      "text",
      12.5,
      null,
      [],
    ];
    for (const levels of [0, 1, 2, 3, 6]) {
      for (const value of samples) {
        expect([...jsonPieces(value, levels)].join("")).toBe(JSON.stringify(value, null, 2));
      }
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect([...jsonPieces(value, levels)].join("")).toBe(JSON.stringify(value, null, 2));
        })
      );
    }
  });
});
