/**
 * The same rules inside Excel as in files: a workbook built in the fake from a real file's
 * cells, hidden rows and tables gives, through the office.js adapter, the assessments and the
 * issues the file reader gives for the file itself.
 */
import * as path from "node:path";
import { readInputFromWorkbook } from "../../src/excel/read-input";
import { readInput } from "../../src/workbook/input";
import { Grid } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { FakeContext, WorkbookModel } from "./fake-excel";

const REAL = path.join(__dirname, "..", "fixtures", "real");

/** The file's first sheet as Excel would hold it: values, hidden rows, tables. */
function workbookOf(grid: Grid): WorkbookModel {
  const model = new WorkbookModel();
  const sheet = model
    .addSheet(grid.sheet)
    .fill(grid.rows.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))));
  for (const r of grid.hiddenRows ?? []) sheet.hiddenRows.add(r);
  for (const m of grid.merges ?? []) {
    sheet.merges.push({
      row: m.top,
      col: m.left,
      rows: m.bottom - m.top + 1,
      cols: m.right - m.left + 1,
    });
  }
  for (const t of grid.tables ?? []) {
    model.tables.push({
      name: t.name,
      sheet,
      // Excel's table range holds the Total Row (the survey takes it off the data range).
      rect: {
        row: t.top,
        col: t.left,
        rows: t.bottom - t.top + 1,
        cols: t.right - t.left + 1,
      },
      showTotals: t.totalsRows > 0,
    });
  }
  return model;
}

const summary = (read: {
  assessments: { name: string; sub: unknown; region: unknown }[];
  issues: { code: string; cell: string; message: string }[];
}) => ({
  kampung: read.assessments.map((a) => [a.name, a.region, a.sub]),
  issues: read.issues
    .filter((i) => !i.code.startsWith("DATE_"))
    .map((i) => `${i.code} ${i.cell} ${i.message}`)
    .sort(),
});

describe("inside Excel as in files", () => {
  it.each([
    ["openpyxl-tersembunyi.xlsx", false],
    ["openpyxl-tersembunyi.xlsx", true],
    ["excel-tabel-baris-total.xlsx", false],
    ["openpyxl-dua-baris.xlsx", false],
    ["openpyxl-gabung-wilayah.xlsx", false],
    ["openpyxl-gabung-nilai.xlsx", false],
    ["openpyxl-catatan-bawah.xlsx", false],
  ])("%s (visible only: %s)", async (name, visibleOnly) => {
    const [grid] = await readWorkbook(path.join(REAL, name));
    const fromFile = readInput([{ ...grid, uncalculated: undefined }], { lang: "id", visibleOnly });
    const found = await readInputFromWorkbook(
      new FakeContext(workbookOf(grid)).asExcel(),
      { kind: "auto" },
      { lang: "id", visibleOnly }
    );
    expect(summary(found.read)).toEqual(summary(fromFile));
    const codes = found.read.issues.map((i) => i.code);
    if (name.includes("tersembunyi"))
      expect(codes).toContain(visibleOnly ? "ROWS_HIDDEN_SKIPPED" : "ROWS_HIDDEN");
    else if (name.includes("tabel"))
      expect(codes.filter((c) => c === "TABLE_TOTALS_SKIPPED")).toHaveLength(1);
    else if (name.includes("catatan-bawah")) {
      // Notes typed under the table (one merged across it) are no kampung in Excel either.
      expect(found.read.assessments).toHaveLength(4);
      expect(codes.filter((c) => c === "NOTES_BELOW_TABLE")).toHaveLength(1);
    } else if (name.includes("gabung-nilai")) {
      // A merged Status is filled; a merged score, iBangga value or name is named, not copied.
      expect(found.read.assessments.map((a) => a.status)).toEqual([
        "berkelanjutan",
        "berkelanjutan",
        "berkembang",
        "berkembang",
        "berkembang",
      ]);
      const named = found.read.issues.filter((i) => i.message.includes("dalam sel gabungan"));
      expect(named.map((i) => i.cell)).toEqual(["F3", "F4", "F5", "U5", "A6", "F6"]);
    } else if (name.includes("gabung")) {
      expect(codes.filter((c) => c === "MERGE_FILLED")).toHaveLength(2);
      expect(found.read.assessments[1].region.kabupaten).toBe("Kota Semarang");
    } else
      expect(found.read.assessments.map((a) => a.sub.every((x) => x !== null))).toEqual([
        true,
        true,
        true,
        true,
      ]);
  });
});

describe("rounds inside Excel as in files (issue 14)", () => {
  // office.js gives a date cell as its serial number (days since 1899-12-30).
  const serial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

  it.each(["tiga-periode.xlsx", "tiga-periode-tanggal.xlsx"])(
    "%s: the same rounds, counts and rows",
    async (name) => {
      const file = path.join(__dirname, "..", "fixtures", "rounds", name);
      const [grid] = await readWorkbook(file);
      const fromFile = readInput([grid], { lang: "id" });
      const model = new WorkbookModel();
      model
        .addSheet(grid.sheet)
        .fill(grid.rows.map((row) => row.map((v) => (v instanceof Date ? serial(v) : v))));
      const found = await readInputFromWorkbook(
        new FakeContext(model).asExcel(),
        { kind: "auto" },
        { lang: "id" }
      );
      const rounds = (read: typeof fromFile) => ({
        list: read.rounds?.list.map((r) => [r.key, r.count]),
        of: read.rounds?.of,
      });
      expect(rounds(found.read)).toEqual(rounds(fromFile));
      expect(found.read.rounds?.list).toHaveLength(3);
      expect(summary(found.read)).toEqual(summary(fromFile));
    }
  );
});

describe("values hidden under a merge (a file from LibreOffice or openpyxl may hold them)", () => {
  it("the office.js path reads them as the file reader does: only the top-left cell counts", async () => {
    const [grid] = await readWorkbook(path.join(REAL, "openpyxl-gabung-nilai.xlsx"));
    const fromFile = readInput([{ ...grid, uncalculated: undefined }], { lang: "id" });
    const model = workbookOf(grid);
    // Under F2:F6 (a score), E2:E3 (Status) and A5:A6 (a kampung name): values Excel would
    // have discarded had the merge been made in it, but which Range.values returns.
    const sheet = model.sheets[0];
    sheet.setCell(2, 5, 1.5, "Double");
    sheet.setCell(2, 4, "dasar", "String");
    sheet.setCell(5, 0, "Kampung Tersembunyi", "String");
    const found = await readInputFromWorkbook(
      new FakeContext(model).asExcel(),
      { kind: "auto" },
      { lang: "id" }
    );
    expect(summary(found.read)).toEqual(summary(fromFile));
    expect(found.read.assessments.map((a) => a.name)).not.toContain("Kampung Tersembunyi");
    expect(found.read.assessments[1].status).toBe("berkelanjutan");
    const named = found.read.issues.filter((i) => i.message.includes("dalam sel gabungan"));
    expect(named.map((i) => i.cell)).toEqual(["F3", "F4", "F5", "U5", "A6", "F6"]);
  });

  it("a merge made in Excel empties the cells under its top-left one", () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data").fill([
      [1, 2],
      [3, 4],
    ]);
    sheet.merge({ row: 0, col: 0, rows: 2, cols: 1 });
    expect(sheet.values[0][0]).toBe(1);
    expect(sheet.values[1][0]).not.toBe(3);
    expect(sheet.values[1][1]).toBe(4);
  });
});
