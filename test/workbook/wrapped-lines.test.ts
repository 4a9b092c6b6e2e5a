/**
 * Wrapped text's lines counted as Excel and LibreOffice wrap it (sheet-spec.ts wrappedLines,
 * text-width.ts): by Calibri's letter widths with a margin, so that a row is never shorter than
 * its text (the demo's "Kabupaten Wonosobo", 18 characters in KKB Wilayah's 18-wide column,
 * printed over the next row).
 */
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { allRows, TableBlock, wrappedLines } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { textWidth } from "../../src/workbook/text-width";
import { readWorkbook } from "../../src/xlsx/read";
import * as path from "node:path";

const DEMO = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");

describe("wrappedLines", () => {
  it("wraps an 18-character name of wide letters in a column 18 wide", () => {
    expect(textWidth("Kabupaten Wonosobo")).toBeGreaterThan(17);
    expect(wrappedLines("Kabupaten Wonosobo", 18)).toBe(2);
    expect(wrappedLines("Kota Semarang", 18)).toBe(1);
    // Narrow letters take less room than digits: a 20-letter word of i, l and t is one line.
    expect(wrappedLines("illitillitillitillit", 18)).toBe(1);
    expect(wrappedLines("MMMMMMMMMMMM", 18)).toBe(2);
  });

  it("breaks words longer than a line, and keeps paragraphs", () => {
    expect(wrappedLines("Interoperabilitas", 6)).toBe(3);
    expect(wrappedLines("a\nb", 18)).toBe(2);
  });

  it("makes KKB Wilayah's Kabupaten Wonosobo row two lines tall (the demo)", async () => {
    const read = readInput(await readWorkbook(DEMO), { lang: "id" });
    const { sheets } = buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "contoh.xlsx",
      now: new Date(2026, 10, 30),
    });
    const wilayah = sheets.find((s) => s.role === "wilayah")!;
    const table = wilayah.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.name === "KKB_Wilayah_kabupaten"
    )!;
    const rows = allRows(table.rows);
    const wonosobo = rows.find((r) => r.includes("Kabupaten Wonosobo"))!;
    const semarang = rows.find((r) => r.includes("Kota Semarang"))!;
    expect(table.heights!.row(wonosobo)).toBe(30);
    expect(table.heights!.row(semarang)).toBeNull();
  });
});
