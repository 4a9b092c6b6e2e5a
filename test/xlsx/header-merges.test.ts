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

describe("a header message names a merge only when it hides header text (attack s16 D3/D6)", () => {
  const named = (i: { message: string }) => i.message.includes("gabungan");

  it("a note box right of the table (Z1:AB6) is not named for a misspelled heading", async () => {
    const issues = await issuesOf("openpyxl-catatan-salah-eja.xlsx", "id");
    const missing = issues.filter((i) => i.code === "COLUMN_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing.filter(named)).toEqual([]);
  });

  it("nor for a missing Kampung heading", async () => {
    const issues = await issuesOf("openpyxl-catatan-tanpa-kampung.xlsx", "id");
    const missing = issues.find((i) => i.code === "KAMPUNG_COLUMN_MISSING");
    expect(missing?.message).not.toContain("Z1:AB6");
    expect(issues.filter(named)).toEqual([]);
  });

  it("an unrecognised two-row header: its identity merges (A1:A2) are not named", async () => {
    const issues = await issuesOf("openpyxl-dua-baris-asing.xlsx", "en");
    const notFound = issues.find((i) => i.code === "HEADER_NOT_FOUND");
    expect(notFound).toBeDefined();
    expect(notFound?.message).not.toContain("merged cell");
  });

  it.each([
    ["id", "Sel gabungan F1:H2 melintasi baris judul kolom dan baris lain: hanya F1 berisi teks"],
    ["en", "The merged cell F1:H2 spans the header row and another row: only F1 holds text"],
  ] as const)(
    "a domain merged down over its sub-headings (F1:H2) is named in its three missing columns (%s)",
    async (lang, text) => {
      const issues = await issuesOf("openpyxl-dua-baris-domain-turun.xlsx", lang);
      const missing = issues.filter((i) => i.code === "COLUMN_MISSING");
      expect(missing.map((i) => i.field)).toEqual([
        "koordinasi.regulasi",
        "koordinasi.struktur",
        "koordinasi.praktik",
      ]);
      for (const i of missing) expect(i.message).toContain(text);
      // The identity merges (A1:A2 ...) are never named.
      expect(issues.filter((i) => /A1:A2|B1:B2/.test(i.message))).toEqual([]);
    }
  );

  it("a heading merged across the header row itself (F1:G1) is not said to span rows", async () => {
    const issues = await issuesOf("openpyxl-gabung-judul-mendatar.xlsx", "id");
    expect(issues.filter((i) => i.code === "COLUMN_MISSING")).toHaveLength(1);
    expect(issues.filter(named)).toEqual([]);
  });
});
