/**
 * Numbers quoted in messages as Excel shows the cell (issues.ts, the one place messages show a
 * value): at most 15 significant digits, the locale's decimal mark; a cell's own text as it is.
 * And KKB.SKOR's blank message lists the rubric values with semicolons, as the others do.
 */
import { MESSAGES } from "../../src/engine/issues";
import { skor } from "../../src/functions/functions";
import { scoreText } from "../../src/engine/number-text";

describe("numbers in messages", () => {
  it("quotes a percentage stored as a fraction as Excel shows it, in both languages", () => {
    const p = { label: "V2", value: String(91.1 / 100), other: String((91.1 / 100) * 100) };
    expect(String(91.1 / 100)).toBe("0.9109999999999999");
    const id = MESSAGES.IBANGGA_FRACTION.id(p);
    expect(id).toContain('"0,911"');
    expect(id).toContain("91,1 %");
    expect(id).not.toContain("0,9109999999999999");
    const en = MESSAGES.IBANGGA_FRACTION.en(p);
    expect(en).toContain('"0.911"');
    expect(en).toContain("91.1 %");
  });

  it("quotes a mean of items with Excel's 15 digits, and text as it is", () => {
    expect(MESSAGES.SCORE_OFF_RUBRIC.id({ label: "F2", value: String(2 / 3) })).toContain(
      '"0,666666666666667"'
    );
    expect(MESSAGES.SCORE_OFF_RUBRIC.en({ label: "F2", value: String(2 / 3) })).toContain(
      '"0.666666666666667"'
    );
    expect(MESSAGES.SCORE_NOT_NUMBER.id({ label: "F2", value: "00123" })).toContain('"00123"');
    expect(MESSAGES.SCORE_OFF_RUBRIC.id({ label: "F2", value: "1.5" })).toContain('"1,5"');
  });

  it("lists the rubric values of KKB.SKOR's blank message with semicolons", async () => {
    const [[result]] = await skor([[null]]);
    expect(result).toEqual(
      expect.objectContaining({ message: "Nilai: nilai kosong. Isi 0; 0,5; 1; 1,5 atau 2." })
    );
  });
});

describe("scoreText: a composite in a message as the sheets show it", () => {
  it.each([
    [1, "id", "1,00"],
    [1.4, "en", "1.40"],
    [1.12, "id", "1,12"],
    [1.125, "id", "1,125"], // a median of two composites: its third decimal is kept
    [-0.1, "en", "-0.10"],
    [0, "id", "0,00"],
  ] as const)("%p in %s is %s", (value, locale, text) => {
    expect(scoreText(value, locale)).toBe(text);
  });
});
