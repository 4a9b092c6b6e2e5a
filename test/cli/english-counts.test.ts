/**
 * English output says what it counts in the right number and names the weights as --print and
 * the pane do (attack s17, defect 15): "1 error" in the CLI's count line and every sheet's stamp,
 * "iBangga weights: equal", the iBangga band in English, and no header word cut in two in a
 * summary sheet's column.
 */
import * as path from "node:path";
import { writeFileSync } from "node:fs";
import { SETARA } from "../../src/engine/ibangga";
import { countText, issueCountsText } from "../../src/workbook/counts";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { headerWordWidth } from "../../src/workbook/number-widths";
import { fitScale, MIN_FIT_SCALE, TableBlock, allRows } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const DEMO = path.join(__dirname, "..", "..", "assets", "contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-en-counts-");
afterAll(() => tmp.remove());

/** The example with one sub-indicator value blanked: one error. */
function oneError() {
  const rows = exampleRows();
  const col = rows[0].findIndex((h) => typeof h === "string" && h.startsWith("koordinasi"));
  rows[1][col] = null;
  return rows;
}

describe("counts in both languages", () => {
  it("uses the English singular for one and the plural otherwise; Indonesian nouns stay", () => {
    expect(issueCountsText(4, 1, 3, "en")).toBe("4 kampung, 1 error, 3 warnings");
    expect(issueCountsText(4, 0, 1, "en")).toBe("4 kampung, 0 errors, 1 warning");
    expect(issueCountsText(4, 1, 3, "id")).toBe("4 kampung, 1 galat, 3 peringatan");
    expect(countText(1, "place", "en")).toBe("1 place");
  });

  it("says 1 error in the CLI's count line", async () => {
    const csv = tmp.file("satu-galat.csv");
    writeFileSync(
      csv,
      oneError()
        .map((r) => r.map((v) => v ?? "").join(","))
        .join("\n")
    );
    const r = await run("--lang", "en", "periksa", csv);
    expect(r.err + r.out).toMatch(/4 kampung, 1 error, \d+ warnings?\./);
    expect(r.err + r.out).not.toContain("1 errors");
  });

  it("stamps every English sheet with 1 error and the weights named as --print names them", () => {
    const read = readInput([gridFromRows("Data", oneError())], { lang: "en" });
    const { sheets } = buildSummary(read, {
      lang: "en",
      weights: SETARA,
      source: "x",
      now: new Date(),
    });
    for (const sheet of sheets) {
      const stamp = sheet.blocks.find((b) => b.kind === "notes" && b.row === 1);
      if (stamp?.kind !== "notes") continue;
      expect(stamp.lines).toContain("iBangga weights: equal (33.3 / 33.3 / 33.3 %)");
      expect(stamp.lines.some((l) => /^Counts: 4 kampung, 1 error, /.test(l))).toBe(true);
    }
    const ibangga = sheets.find((s) => s.role === "ibangga")!;
    const table = ibangga.blocks.find((b): b is TableBlock => b.kind === "table")!;
    const band = table.header.indexOf("Band");
    expect(allRows(table.rows).map((r) => r[band])).toContain("Resilient");
  });
});

describe("header words whole", () => {
  it.each(["en", "id"] as const)(
    "widens a column to its header's longest word (%s)",
    async (lang) => {
      const read = readInput(await readWorkbook(DEMO), { lang });
      const { sheets } = buildSummary(read, {
        lang,
        weights: SETARA,
        source: "x",
        now: new Date(),
      });
      const cut: string[] = [];
      for (const sheet of sheets) {
        if (sheet.role === "profil" || sheet.role === "profilCetak") continue;
        const needed = [...sheet.columnWidths];
        const words: string[] = [];
        for (const t of sheet.blocks.filter((b): b is TableBlock => b.kind === "table")) {
          t.header.forEach((h, c) => {
            const col = t.col + c;
            if (needed[col] !== undefined && needed[col] < headerWordWidth(h)) {
              needed[col] = headerWordWidth(h);
              words.push(`${sheet.name}: ${h}`);
            }
          });
        }
        // Cut words only where whole ones would print the sheet below MIN_FIT_SCALE.
        if (words.length > 0 && fitScale(needed) >= MIN_FIT_SCALE) cut.push(...words);
      }
      expect(cut).toEqual([]);
    }
  );
});
