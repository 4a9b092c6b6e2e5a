/**
 * G3: a merge across the header row's edge, read from openpyxl files (test/fixtures/real/
 * make.py, openpyxl_header_merges): the message about the blank cell it leaves, or about the
 * header whose headings it hides, names the merge, in Indonesian and English.
 */
import * as path from "node:path";
import { Lang } from "../../src/engine/framework";
import { readInput } from "../../src/workbook/input";
import { readWorkbook } from "../../src/xlsx/read";

const REAL = path.join(__dirname, "..", "fixtures", "real");

async function issuesOf(name: string, lang: Lang) {
  const grids = await readWorkbook(path.join(REAL, name));
  return readInput(grids, { lang }).issues;
}

describe("merges across the header row's edge name themselves (G3)", () => {
  it.each([
    ["id", "F2 berada dalam sel gabungan F1:F2 yang dimulai di baris judul kolom (F1)"],
    ["en", "F2 lies in the merged cell F1:F2, which begins in the header row (F1)"],
  ] as const)(
    "a heading merged down into the first kampung row: its blank score says so (%s)",
    async (lang, named) => {
      const issues = await issuesOf("openpyxl-gabung-judul.xlsx", lang);
      const missing = issues.filter((i) => i.code === "SCORE_MISSING");
      expect(missing.map((i) => i.cell)).toEqual(["F2"]);
      expect(missing[0].message).toContain(named);
      expect(missing[0].kampung).toBe("Sumurboto");
    }
  );

  it.each([
    ["id", "Sel gabungan A1:E2 melintasi baris judul kolom dan baris lain: hanya A1 berisi teks"],
    ["en", "The merged cell A1:E2 spans the header row and another row: only A1 holds text"],
  ] as const)(
    "a title merged down into the header row: the missing Kampung column names it (%s)",
    async (lang, named) => {
      const issues = await issuesOf("openpyxl-gabung-judul-atas.xlsx", lang);
      const missing = issues.find((i) => i.code === "KAMPUNG_COLUMN_MISSING");
      expect(missing?.cell).toBe("A2");
      expect(missing?.message).toContain(named);
      // The sub-indicator headings right of the title are found: no column is missing.
      expect(issues.filter((i) => i.code === "COLUMN_MISSING")).toEqual([]);
    }
  );

  it.each([
    ["id", "Sel gabungan A1:W2 melintasi baris judul kolom dan baris lain"],
    ["en", "The merged cell A1:W2 spans the header row and another row"],
  ] as const)(
    "a title merged over the whole header row: 'header not found' names it (%s)",
    async (lang, named) => {
      const issues = await issuesOf("openpyxl-gabung-judul-penuh.xlsx", lang);
      const notFound = issues.find((i) => i.code === "HEADER_NOT_FOUND");
      expect(notFound?.message).toContain(named);
    }
  );

  it("the study's two-row header (its own merges) names no merge", async () => {
    const issues = await issuesOf("openpyxl-dua-baris.xlsx", "id");
    expect(issues.filter((i) => i.message.includes("gabungan"))).toEqual([]);
  });
});
