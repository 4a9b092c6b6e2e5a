/**
 * Wrapped text's lines counted as Excel and LibreOffice wrap it (sheet-spec.ts wrappedLines,
 * text-width.ts): by Calibri's letter widths with a margin, so that a row is never shorter than
 * its text (the demo's "Kabupaten Wonosobo", 18 characters in KKB Wilayah's 18-wide column,
 * printed over the next row).
 */
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { allRows, MAX_ROW_HEIGHT, TableBlock, wrappedLines } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { BOLD_WIDTH, charWidth, textWidth } from "../../src/workbook/text-width";
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

  it("counts as splitting into paragraphs and words does, on edge cases and random texts", () => {
    // The split-based count wrappedLines had before it scanned in place (same arithmetic).
    const bySplit = (text: string, width: number, bold: boolean): number => {
      const capacity = Math.max(1, width - 1);
      const scale = bold ? BOLD_WIDTH : 1;
      const space = charWidth(32) * scale;
      let lines = 0;
      for (const paragraph of text.split("\n")) {
        lines++;
        let used = 0;
        for (const word of paragraph.split(" ")) {
          if (word.length === 0) continue;
          const w = textWidth(word, bold);
          const need = used === 0 ? w : used + space + w;
          if (need <= capacity) {
            used = need;
            continue;
          }
          if (used > 0) {
            lines++;
            used = 0;
          }
          if (w <= capacity) {
            used = w;
            continue;
          }
          for (let i = 0; i < word.length; i++) {
            const c = charWidth(word.charCodeAt(i)) * scale;
            if (used > 0 && used + c > capacity) {
              lines++;
              used = 0;
            }
            used += c;
          }
        }
      }
      return lines;
    };
    const edges = [
      "",
      " ",
      "\n",
      "\n\n",
      "  a  ",
      "a\n",
      "\na",
      "a \n b",
      "W".repeat(40),
      "a  b\n\nc",
    ];
    const alphabet = "aiWM Kb\n1.-\u00e9\u4e00";
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const texts = [...edges];
    for (let n = 0; n < 2000; n++) {
      let t = "";
      const length = next() % 60;
      for (let i = 0; i < length; i++) t += alphabet[next() % alphabet.length];
      texts.push(t);
    }
    const differing: [string, number, boolean][] = [];
    for (const text of texts)
      for (const width of [1, 2, 6, 8.43, 16, 18, 40])
        for (const bold of [false, true])
          if (wrappedLines(text, width, bold) !== bySplit(text, width, bold))
            differing.push([text, width, bold]);
    expect(differing).toEqual([]);
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

  it("never makes a row taller than Excel's 409 points, whatever the name's length", async () => {
    const read = readInput(await readWorkbook(DEMO), { lang: "id" });
    const long = "Kampung Keluarga Berkualitas Sejahtera Mandiri ".repeat(50).trim(); // 2,349 chars
    const named = {
      ...read,
      assessments: read.assessments.map((a, i) => (i === 0 ? { ...a, name: long } : a)),
    };
    const { sheets } = buildSummary(named, {
      lang: "id",
      weights: SETARA,
      source: "contoh.xlsx",
      now: new Date(2026, 10, 30),
    });
    let tallest = 0;
    let seen = 0;
    for (const sheet of sheets)
      for (const block of sheet.blocks) {
        if (block.kind !== "table" || !block.heights) continue;
        tallest = Math.max(tallest, block.heights.header ?? 0);
        for (const row of allRows(block.rows)) {
          if (!row.includes(long)) continue;
          seen++;
          tallest = Math.max(tallest, block.heights.row(row) ?? 0);
        }
      }
    expect(seen).toBeGreaterThan(0);
    expect(tallest).toBe(MAX_ROW_HEIGHT);
  });
});
