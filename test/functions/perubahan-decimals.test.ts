/**
 * KKB.PERUBAHAN's `desimal` read as Excel's ROUND reads num_digits: a range rounds each row
 * with its own digits (a single cell is broadcast), a fraction is truncated toward zero, text
 * that reads as a number in either locale is that number, other text and TRUE/FALSE are
 * #VALUE!, and numbers in messages carry the decimal comma.
 */
import { perubahan } from "../../src/functions/functions";
import { parseDecimals } from "../../src/functions/decimals";
import { excelNumberText } from "../../src/engine/number-text";

const err = (code: string, message: RegExp) =>
  expect.objectContaining({ code, message: expect.stringMatching(message) });

describe("KKB.PERUBAHAN desimal as a range", () => {
  it("rounds each row with its own digits, as ROUND(C2:C3;E2:E3)", async () => {
    expect(await perubahan([[1.2345], [1.2345]], [[1], [1]], [[3], [1]])).toEqual([[0.235], [0.2]]);
  });

  it("broadcasts a single score over a column of digits, and a blank cell is the default", async () => {
    expect(await perubahan([[1.2345]], [[1]], [[1], [3], [null]])).toEqual([
      [0.2],
      [0.235],
      [0.23],
    ]);
  });

  it("gives #VALUE! in the row whose digits are text or TRUE/FALSE, naming the row", async () => {
    expect(await perubahan([[1.2345]], [[1]], [["x"], [1]])).toEqual([
      [err("#VALUE!", /^Desimal "x" baris 1 tidak dikenal/)],
      [0.2],
    ]);
    expect(await perubahan([[1.2345], [1.2345]], [[1], [1]], [[true], [2]])).toEqual([
      [err("#VALUE!", /^Desimal "TRUE" baris 1 tidak dikenal/)],
      [0.23],
    ]);
  });

  it("names the cell of wrong digits when Excel gives the addresses", async () => {
    const invocation = { parameterAddresses: ["Data!C2:C3", "Data!D2:D3", "Data!E2:E3"] };
    expect(await perubahan([[1.2345], [1.2345]], [[1], [1]], [["dua"], [3]], invocation)).toEqual([
      [err("#VALUE!", /^Desimal "dua" di Data!E2 tidak dikenal/)],
      [0.235],
    ]);
  });

  it("refuses digits of another length than the scores, or more than one column", async () => {
    await expect(perubahan([[1], [2], [3]], [[1]], [[1], [2]])).rejects.toEqual(
      err("#VALUE!", /Rentang desimal 2 baris, padahal skornya 3 baris/)
    );
    await expect(perubahan([[1]], [[1]], [[1, 2]])).rejects.toEqual(
      err("#VALUE!", /rentang desimal 1x2/)
    );
  });
});

describe("KKB.PERUBAHAN desimal as one value", () => {
  it("truncates a fraction toward zero as ROUND does", async () => {
    expect(await perubahan([[1.2345]], [[1]], [[1.5]])).toEqual([[0.2]]);
    expect(await perubahan([[1.2345]], [[1]], [[3.99]])).toEqual([[0.235]]);
    expect(await perubahan([[1.2345]], [[1]], [[-0.5]])).toEqual([[0]]);
    expect(parseDecimals(-1.5)).toEqual({ kind: "wrong", shown: "-1,5" });
    expect(parseDecimals(1.5)).toEqual({ kind: "ok", digits: 1 });
  });

  it("reads text numbers in either locale", async () => {
    expect(await perubahan([[1.2345]], [[1]], [["2,0"]])).toEqual([[0.23]]);
    expect(await perubahan([[1.2345]], [[1]], [["3"]])).toEqual([[0.235]]);
    expect(await perubahan([[1.2345]], [[1]], [["1.5"]])).toEqual([[0.2]]);
  });

  it("refuses TRUE and out-of-range digits for the whole call, with the decimal comma", async () => {
    await expect(perubahan([[1]], [[1]], [[true]])).rejects.toEqual(
      err("#VALUE!", /^Desimal "TRUE" tidak dikenal/)
    );
    await expect(perubahan([[1]], [[1]], [[5.5]])).rejects.toEqual(
      err("#VALUE!", /^Desimal "5,5" tidak dikenal/)
    );
    await expect(perubahan([[1]], [[1]], [[-1 - 1e-7]])).rejects.toEqual(
      err("#VALUE!", /^Desimal "-1,0000001" tidak dikenal/)
    );
  });
});

describe("excelNumberText", () => {
  it("shows at most 15 significant digits, Excel's exponent and the locale's mark", () => {
    expect(excelNumberText(0.9109999999999999)).toBe("0,911");
    expect(excelNumberText(2 / 3)).toBe("0,666666666666667");
    expect(excelNumberText(2 / 3, "en")).toBe("0.666666666666667");
    expect(excelNumberText(1e-7)).toBe("1E-07");
    expect(excelNumberText(1.5e21, "en")).toBe("1.5E+21");
    expect(excelNumberText(-1.5)).toBe("-1,5");
  });
});
