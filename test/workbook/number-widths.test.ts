/**
 * No numeric cell shows ### (number-widths.ts): every numeric column of every summary sheet is
 * wide enough for the largest value it can hold, up to Excel's full grid (a No column of
 * 1,048,575 rows), and KKB Ringkasan's No column holds 300 (the ### of a district's file).
 */
import { SETARA } from "../../src/engine/ibangga";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { widestNumberText, withNumberWidths } from "../../src/workbook/number-widths";
import { TableBlock } from "../../src/workbook/sheet-spec";
import { buildSummary, sizedBlocks } from "../../src/workbook/summary";
import { benchHeaders, generateRows } from "../bench/generate";

const now = new Date(2026, 10, 30, 9, 0);

function summary(count: number) {
  const grid = gridFromRows("Data", [benchHeaders(), ...generateRows(count, 5)]);
  return buildSummary(readInput([grid], { lang: "id" }), {
    lang: "id",
    weights: SETARA,
    source: "x.xlsx",
    now,
  });
}

/** Every numeric column of every table: [sheet, header, width, widest text]. */
function tooNarrow(sheets: ReturnType<typeof summary>["sheets"], maxWhole: number): string[] {
  const narrow: string[] = [];
  for (const sheet of sheets) {
    if (sheet.role === "profil" || sheet.role === "profilCetak") continue;
    for (const t of sheet.blocks.filter((b): b is TableBlock => b.kind === "table")) {
      t.formats.forEach((format, c) => {
        const text = widestNumberText(format, maxWhole);
        const width = sheet.columnWidths[t.col + c];
        if (text !== null && width !== undefined && width < text + 1.5)
          narrow.push(`${sheet.name} ${t.header[c]}: ${width} < ${text}`);
      });
    }
  }
  return narrow;
}

describe("numeric column widths", () => {
  it("counts the characters of the widest value, with separators", () => {
    expect(widestNumberText("0", 1_048_575)).toBe(9);
    expect(widestNumberText("0", 300)).toBe(3);
    expect(widestNumberText("+0;-0;0", 300)).toBe(4);
    expect(widestNumberText("@", 300)).toBeNull();
  });

  it("widens KKB Ringkasan's No column for 300 kampung", () => {
    const { sheets } = summary(300);
    const ringkasan = sheets.find((s) => s.role === "ringkasan")!;
    expect(ringkasan.columnWidths[0]).toBeGreaterThanOrEqual(5);
    expect(tooNarrow(sheets, 300)).toEqual([]);
  });

  it("fits every numeric column of every sheet at Excel's full grid", () => {
    const { sheets } = summary(40);
    const full = sheets.map((s) => withNumberWidths(s, 1_048_575, sizedBlocks));
    expect(tooNarrow(full, 1_048_575)).toEqual([]);
    expect(full.find((s) => s.role === "ringkasan")!.columnWidths[0]).toBeGreaterThanOrEqual(11);
  });
});
