/**
 * Issue 17, sheet names and sheet choice: names from file names made valid (item 6), a user's
 * own `KKB ...` sheet kept beside the summary (item 8), hidden sheets never chosen silently
 * (item 8).
 */
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { readChosenInput } from "../../src/workbook/choose-input";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { outputSheets } from "../../src/workbook/output-sheets";
import { withValidSheetNames } from "../../src/workbook/sheet-names";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const tmp = tempDir("kkb-sheets-");
afterAll(() => tmp.remove());

const HEADER = ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"];
const rows = (name: string): CellValue[][] => [HEADER, [name, "dua", 1, 1], ["Dua", 2, 2, 2]];

async function sheetNames(file: string): Promise<string[]> {
  return (await readWorkbook(file)).map((g) => g.sheet);
}

describe("sheet names from file names and crafted workbooks (issue 17 item 6)", () => {
  it("summarises penilaian[1].csv (as mail programs save it) under a valid sheet name", async () => {
    const csv = tmp.file("penilaian[1].csv");
    writeFileSync(
      csv,
      rows("Satu")
        .map((r) => r.join(";"))
        .join("\n") + "\n"
    );
    const out = tmp.file("csv-out.xlsx");
    const r = await run("summarize", csv, "-o", out);
    expect(r.code).toBe(1); // the text score is an error in the input, not a defect
    expect(r.err).not.toMatch(/tak terduga|Invalid sheet name/);
    const names = await sheetNames(out);
    expect(names[0]).toBe("penilaian(1)");
    expect(names).toContain("KKB Validasi");
    const validasi = (await readWorkbook(out)).find((g) => g.sheet === "KKB Validasi")!;
    expect(JSON.stringify(validasi.rows)).toMatch(/penilaian\(1\)/);
    // --sheet with the file's own name still finds it.
    expect((await run("validate", csv, "--sheet", "penilaian[1]")).code).toBe(1);
  });

  const LONG = "Penilaian kampung KB kabupaten Semarang 2024";

  it("gives sheets too long or differing only in case valid names, and writes them", async () => {
    const grids = withValidSheetNames([
      gridFromRows(LONG, rows("Satu")),
      gridFromRows("DATA", [["catatan"]]),
      gridFromRows("data", [["catatan"]]),
      gridFromRows("a:b/c?", [["catatan"]]),
    ]);
    expect(grids.map((g) => g.sheet)).toEqual([LONG.slice(0, 31), "DATA", "data (2)", "a_b_c_"]);
    const read = readChosenInput(grids, { lang: "id" });
    const summary = buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "x.xlsx",
      now: new Date(Date.UTC(2024, 0, 1)),
    });
    const { copies, sheets } = outputSheets(grids, summary.sheets);
    const out = tmp.file("long-names.xlsx");
    await writeWorkbook(out, sheets, { copies });
    const names = await sheetNames(out);
    expect(names.slice(0, 4)).toEqual([LONG.slice(0, 31), "DATA", "data (2)", "a_b_c_"]);
  });

  it("never exits 3 on a workbook whose sheet names Excel would refuse", async () => {
    const file = tmp.file("crafted.xlsx");
    await writeWorkbook(file, [], {
      copies: [
        { name: "Data", grid: gridFromRows("Data", rows("Satu")) },
        { name: "Lain", grid: gridFromRows("Lain", [["catatan"]]) },
        { name: "Lagi", grid: gridFromRows("Lagi", [["catatan"]]) },
      ],
    });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbook = (await zip.file("xl/workbook.xml")!.async("string"))
      .replace('name="Data"', `name="${LONG}"`)
      .replace('name="Lain"', 'name="DATA"')
      .replace('name="Lagi"', 'name="data"');
    zip.file("xl/workbook.xml", workbook);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const out = tmp.file("crafted-out.xlsx");
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const r = await run("summarize", file, "-o", out);
      // 1 once the reader takes such names as they are; 2 while it refuses the file.
      expect([1, 2]).toContain(r.code);
      expect(r.err).not.toMatch(/tak terduga|\n\s+at /);
      if (r.code === 1) {
        const names = await sheetNames(out);
        expect(names.slice(0, 3)).toEqual([LONG.slice(0, 31), "DATA", "data (2)"]);
      }
    } finally {
      warn.mockRestore();
    }
  });
});

describe("a user's own KKB sheet is kept (issue 17 item 8)", () => {
  it("keeps the user's KKB Ringkasan and writes the summary as KKB Ringkasan (2)", async () => {
    const input = tmp.file("own.xlsx");
    const notes: CellValue[][] = [["Catatan rapat"], ["jangan dihapus"]];
    await writeWorkbook(input, [], {
      copies: [
        { name: "Data", grid: gridFromRows("Data", rows("Satu")) },
        { name: "KKB Ringkasan", grid: gridFromRows("KKB Ringkasan", notes) },
      ],
    });
    const out = tmp.file("own-out.xlsx");
    expect((await run("summarize", input, "-o", out)).code).toBe(1);
    const grids = await readWorkbook(out);
    expect(grids.map((g) => g.sheet)).toEqual(
      expect.arrayContaining(["Data", "KKB Ringkasan", "KKB Ringkasan (2)", "KKB Validasi"])
    );
    expect(grids.find((g) => g.sheet === "KKB Ringkasan")!.rows).toEqual(notes);

    // Summarised again: the earlier summary (KKB's own, by name, title and stamp) is replaced,
    // the user's sheet still kept.
    const again = tmp.file("own-again.xlsx");
    expect((await run("summarize", out, "-o", again)).code).toBe(1);
    const names = await sheetNames(again);
    expect(names.filter((n) => n.startsWith("KKB Ringkasan"))).toEqual([
      "KKB Ringkasan",
      "KKB Ringkasan (2)",
    ]);
    expect(names.filter((n) => n.startsWith("KKB Validasi"))).toEqual(["KKB Validasi"]);
    expect((await readWorkbook(again)).find((g) => g.sheet === "KKB Ringkasan")!.rows).toEqual(
      notes
    );
  });
});

describe("hidden sheets are not chosen silently (issue 17 item 8)", () => {
  const data = (sheet: string, visibility?: Grid["visibility"]): Grid => ({
    ...gridFromRows(sheet, rows(sheet)),
    ...(visibility ? { visibility } : {}),
  });
  /** A sheet whose header names more columns (it would win on matches alone). */
  const wider = (sheet: string, visibility?: Grid["visibility"]): Grid => ({
    ...gridFromRows(sheet, [
      [...HEADER, "Alur rujukan SOP", "Alur rujukan Register"],
      ["X", 1, 1, 1, 1, 1],
    ]),
    ...(visibility ? { visibility } : {}),
  });
  const hiddenWarnings = (grids: Grid[], sheet?: string) =>
    readChosenInput(grids, { lang: "id", sheet }).issues.filter((i) => i.code === "SHEET_HIDDEN");

  it("reads the visible sheet with a header, not a very hidden one that matches more", () => {
    for (const state of ["hidden", "veryHidden"] as const) {
      const read = readChosenInput([wider("Rahasia", state), data("Data", "visible")], {
        lang: "id",
      });
      expect(read.sheet).toBe("Data");
      expect(read.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
    }
    // Without the hidden state, the wider sheet wins as before.
    expect(readChosenInput([wider("Lebar"), data("Data")], { lang: "id" }).sheet).toBe("Lebar");
  });

  it("says once when the sheet read is hidden: the only one, or named by --sheet", () => {
    const only = readChosenInput([data("Rahasia", "veryHidden")], { lang: "en" });
    expect(only.sheet).toBe("Rahasia");
    const warnings = only.issues.filter((i) => i.code === "SHEET_HIDDEN");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", sheet: "Rahasia", cell: "A1" });
    expect(warnings[0].message).toMatch(/hidden/);
    expect(hiddenWarnings([data("Rahasia", "hidden"), data("Data")], "Rahasia")).toHaveLength(1);
    expect(hiddenWarnings([data("Rahasia", "hidden"), data("Data")], "Data")).toHaveLength(0);
    // A visible sheet without a header does not hide the hidden one that has it.
    const noHeader = gridFromRows("Catatan", [["apa saja"]]);
    const read = readChosenInput([noHeader, data("Rahasia", "hidden")], { lang: "id" });
    expect(read.sheet).toBe("Rahasia");
    expect(read.issues.filter((i) => i.code === "SHEET_HIDDEN")).toHaveLength(1);
  });

  it("still reads a hidden evidence sheet", () => {
    const bukti: Grid = {
      ...gridFromRows("Bukti", [
        ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"],
        ["Dua", "Koordinasi Regulasi", new Date(Date.UTC(2024, 0, 1)), "SK", "hal. 1"],
      ]),
      visibility: "hidden",
    };
    const read = readChosenInput([data("Data"), bukti, wider("Rahasia", "hidden")], {
      lang: "id",
    });
    expect(read.sheet).toBe("Data");
    expect(read.evidence).not.toBeNull();
  });
});
