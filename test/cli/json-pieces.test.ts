import * as fc from "fast-check";
import { jsonPieces } from "../../src/cli/commands/summarize";
import { MadeList } from "../../src/workbook/made-list";

describe("jsonPieces", () => {
  it("joins to text that parses as JSON.stringify's, each value below `levels` on one line", () => {
    const samples: unknown[] = [
      { a: [], b: {}, c: [1, [2, { d: "x\ny" }]], e: undefined, f: null, g: 'q"u' },
      [undefined, () => 1, { when: new Date(Date.UTC(2024, 0, 2)) }, [[[[1]]]]],
      { kampung: [{ row: 3, name: "A", region: { desa: null }, subscores: { k: { r: 1.5 } } }] },
      "text",
      12.5,
      null,
      [],
    ];
    const same = (value: unknown, levels: number) => {
      const text = [...jsonPieces(value, levels)].join("");
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? "null"));
      return text;
    };
    for (const levels of [0, 1, 2, 3, 6]) {
      for (const value of samples) same(value, levels);
      fc.assert(fc.property(fc.jsonValue(), (value) => void same(value, levels)));
    }
    // Pretty down to the levels asked for, then one line per value.
    expect(same(samples[2], 2)).toBe(
      '{\n  "kampung": [\n    {"row":3,"name":"A","region":{"desa":null},"subscores":{"k":{"r":1.5}}}\n  ]\n}'
    );
    expect(same(samples[2], 0)).toBe(JSON.stringify(samples[2]));
    expect(same(samples[2], 6)).toBe(JSON.stringify(samples[2], null, 2));
  });

  it("writes a MadeList's items one at a time, as the array JSON.stringify writes", () => {
    let made = 0;
    const kampung = new MadeList(3, (i) => {
      made++;
      return { row: i + 2, name: `K${i}`, domains: { kader: i / 2 } };
    });
    const value = { method: "m", kampung, empty: new MadeList(0, () => 1) };
    const pieces = jsonPieces(value);
    // Nothing is made before its piece is asked for.
    expect(made).toBe(0);
    let text = "";
    for (const piece of pieces) {
      text += piece;
      // The first kampung is written when only it has been made.
      if (piece.includes('"K0"')) expect(made).toBe(1);
    }
    expect(made).toBe(3);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text.split("\n")[3]).toBe('    {"row":2,"name":"K0","domains":{"kader":0}},');
    expect(JSON.parse(text).kampung[2]).toEqual({ row: 4, name: "K2", domains: { kader: 1 } });
  });
});
