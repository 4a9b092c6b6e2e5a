import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { CellValue } from "../../src/engine/cell";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { FORMATS, SheetSpec } from "../../src/workbook/sheet-spec";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { exampleGrid } from "../helpers/example";
import { tempDir, zipEntry, zipNames } from "../helpers/files";

const tmp = tempDir("kkb-write-");
afterAll(() => tmp.remove());

const INJECTIONS = [
  '=HYPERLINK("http://x","klik")',
  "+62 812 3456",
  "@SUM(A1)",
  "-1",
  "=1+1",
  "\t=cmd|' /C calc'!A0",
];

const spec: SheetSpec = {
  name: "KKB Ringkasan",
  role: "ringkasan",
  columnWidths: [24, 12, 12],
  freeze: { rows: 4, columns: 1 },
  blocks: [
    { kind: "title", row: 0, col: 0, text: "Ringkasan konvergensi" },
    { kind: "notes", row: 1, col: 0, lines: ["Metode: KKB 2025.1", "Bobot: setara"] },
    {
      kind: "table",
      name: "KKB_Ringkasan",
      row: 3,
      col: 0,
      header: ["Kampung", "Koordinasi", "Komposit", "Tanggal"],
      rows: [
        ["Sumurboto", 2, 1.48, new Date(Date.UTC(2024, 4, 31))],
        ...INJECTIONS.map((name, i) => [name, i % 3, 1 + i / 100, null]),
      ],
      formats: [FORMATS.text, FORMATS.score, FORMATS.composite, null],
      asExcelTable: true,
      colorScales: [{ columns: [1], min: 0, max: 2 }],
      links: { column: 0, targets: ["'KKB Input'!A3", null, null, null, null, null, null] },
    },
  ],
  charts: [],
  validations: [
    {
      row: 4,
      col: 1,
      rows: 10,
      cols: 1,
      rule: { type: "decimal", min: 0, max: 2 },
      prompt: { title: "Skor 0-2", text: "Isi 0, 0,5, 1, 1,5 atau 2." },
      error: { title: "Di luar skala", text: "Skor harus 0 sampai 2." },
      strict: true,
    },
    {
      row: 4,
      col: 4,
      rows: 10,
      cols: 1,
      rule: { type: "list", values: ["dasar", "berkembang", "mandiri", "berkelanjutan"] },
      prompt: { title: "Status", text: "Pilih status." },
      error: { title: "Status", text: "Pilih dari daftar." },
      strict: false,
    },
    {
      row: 4,
      col: 5,
      rows: 10,
      cols: 1,
      rule: { type: "date" },
      prompt: { title: "Tanggal", text: "Tanggal penilaian." },
      error: { title: "Tanggal", text: "Isi tanggal." },
      strict: true,
    },
  ],
};

const input: Grid = gridFromRows("Data", [
  ["Judul"],
  [],
  ["Kampung", "Skor", "Tanggal", "Ok", "Galat"],
  ["=2+2", 1.5, new Date(Date.UTC(2024, 0, 2)), true, { error: "#REF!" }],
  ["Kandri", null, "31/05/2024", false, { error: "#N/A" }],
] as CellValue[][]);

describe("writeWorkbook", () => {
  let file: string;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    file = tmp.file("out.xlsx");
    await writeWorkbook(file, [spec], { copies: [{ name: "KKB Input", grid: input }] });
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  });

  it("writes the copies first, then the specs", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["KKB Input", "KKB Ringkasan"]);
  });

  it("copies the input grid cell for cell (both readers read it back equal)", async () => {
    const grids = await readWorkbook(file);
    expect(grids[0].rows).toEqual(input.rows);
  });

  it("writes user text as text, never as a formula", () => {
    const ws = book.getWorksheet("KKB Ringkasan")!;
    INJECTIONS.forEach((text, i) => {
      expect(ws.getCell(6 + i, 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(6 + i, 1).value).toBe(text);
    });
    expect(book.getWorksheet("KKB Input")!.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    for (const name of zipNames(file).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      expect(zipEntry(file, name)).not.toMatch(/<f[ >]/);
    }
  });

  it("writes number formats, widths, frozen panes, styles", () => {
    const ws = book.getWorksheet("KKB Ringkasan")!;
    expect(ws.getCell("B5").value).toBe(2);
    expect(ws.getCell("B5").numFmt).toBe("0.0");
    expect(ws.getCell("C5").value).toBe(1.48);
    expect(ws.getCell("C5").numFmt).toBe("0.00");
    expect(ws.getCell("D5").value).toEqual(new Date(Date.UTC(2024, 4, 31)));
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A4").font?.bold).toBe(true);
    expect(ws.getCell("A4").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
  });

  it("writes the colour scale, the filter and the data validations", () => {
    const xml = zipEntry(file, "xl/worksheets/sheet2.xml")!;
    expect(xml).toMatch(/<conditionalFormatting sqref="B5:B11">\s*<cfRule type="colorScale"/);
    // The filter buttons are the Excel table's.
    expect(xml).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
    const table = zipEntry(file, "xl/tables/table1.xml")!;
    expect(table).toContain('ref="A4:D11"');
    expect(table).toContain('<autoFilter ref="A4:D11"/>');
    expect(table).toContain('<tableColumn id="2" name="Koordinasi"/>');
    expect(xml).toMatch(
      /<dataValidation type="decimal"[^>]*sqref="B5:B14"[^>]*>\s*<formula1>0<\/formula1>\s*<formula2>2<\/formula2>/
    );
    expect(xml).toContain('promptTitle="Skor 0-2"');
    expect(xml).toMatch(/<dataValidation type="list"[^>]*errorStyle="warning"[^>]*sqref="E5:E14"/);
    expect(xml).toContain(
      "<formula1>&quot;dasar,berkembang,mandiri,berkelanjutan&quot;</formula1>"
    );
    expect(xml).toMatch(/<dataValidation type="date"[^>]*sqref="F5:F14"/);
  });

  it("writes internal links as locations, not external relationships", () => {
    const xml = zipEntry(file, "xl/worksheets/sheet2.xml")!;
    expect(xml).toMatch(/<hyperlink ref="A5" location="&apos;KKB Input&apos;!A3"\s*\/>/);
    // The sheet's one relationship is its Excel table's: no hyperlink relationship.
    const rels = zipEntry(file, "xl/worksheets/_rels/sheet2.xml.rels")!;
    expect(rels).not.toContain("hyperlink");
    expect(rels.match(/<Relationship /g)).toHaveLength(1);
    expect(book.getWorksheet("KKB Ringkasan")!.getCell("A5").text).toBe("Sumurboto");
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses invalid or duplicate sheet names", async () => {
    await expect(writeWorkbook(tmp.file("x.xlsx"), [spec, spec])).rejects.toThrow(/Duplicate/);
    await expect(writeWorkbook(tmp.file("x.xlsx"), [{ ...spec, name: "a/b" }])).rejects.toThrow(
      /Invalid/
    );
  });

  it("reports an unwritable target as a file error and leaves no temporary file", async () => {
    writeFileSync(tmp.file("a-file"), "");
    await expect(writeWorkbook(tmp.file("a-file/out.xlsx"), [spec])).rejects.toMatchObject({
      name: "OutputFileError",
      problem: "folder",
    });
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("large workbooks", () => {
  it("streams 20,000 rows and reads them back equal through both readers", async () => {
    const rows: CellValue[][] = [["Kampung", "A", "B", "C"]];
    for (let i = 0; i < 20_000; i++)
      rows.push([`Kampung ${i}`, i % 3, (i % 5) / 2, i % 7 === 0 ? null : 97.8]);
    const file = tmp.file("big.xlsx");
    await writeWorkbook(file, [], { copies: [{ name: "Data", grid: gridFromRows("Data", rows) }] });
    const whole = await readWorkbook(file);
    const streamed = await readWorkbook(readFileSync(file), { name: "big.xlsx" });
    expect(streamed).toEqual(whole);
    expect(whole[0].rows).toEqual(rows.map((r) => (r[3] === null ? r.slice(0, 3) : r)));
  }, 600_000);
});

describe("the summary workbook on screen and on paper", () => {
  const now = new Date(2026, 10, 30, 9, 0);

  async function writeExample(file: string): Promise<SheetSpec[]> {
    const grid = exampleGrid("Penilaian");
    const read = readInput([grid], { lang: "id" });
    const { sheets } = buildSummary(read, { lang: "id", weights: SETARA, source: "x.xlsx", now });
    await writeWorkbook(file, sheets, { copies: [{ name: grid.sheet, grid }] });
    return sheets;
  }

  it("opens on KKB Ringkasan and prints every sheet A4 landscape", async () => {
    const file = tmp.file("layar.xlsx");
    const sheets = await writeExample(file);
    const workbook = zipEntry(file, "xl/workbook.xml")!;
    // The copy of the input is sheet 1 (index 0): the workbook opens on the summary's first.
    expect(workbook).toContain('<workbookView activeTab="1"/>');
    // The demo's kampung table is whole on its page: no print titles, which would head the
    // page of its chart and the means by status (print-headers.test.ts has the long ones).
    expect(workbook).not.toContain(`localSheetId="1">'KKB Ringkasan'`);
    expect(zipEntry(file, "xl/worksheets/sheet2.xml")).toContain('<sheetView tabSelected="1"');
    expect(zipEntry(file, "xl/worksheets/sheet1.xml")).not.toContain("tabSelected");
    for (let i = 1; i <= sheets.length + 1; i++) {
      const xml = zipEntry(file, `xl/worksheets/sheet${i}.xml`)!;
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    }
    // The kampung table is an Excel table from row 8; the five per-domain tables too.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ringkasan = book.getWorksheet("KKB Ringkasan")!;
    expect(ringkasan.getCell("B8").value).toBe("Kampung");
    const names = zipNames(file).filter((n) => n.startsWith("xl/tables/"));
    const tables = names.map((n) => zipEntry(file, n)!);
    // (Column K: the rank in the kabupaten/kota, issue 15.)
    expect(tables.some((t) => /name="KKB_Ringkasan"[^>]*ref="A8:N12"/.test(t))).toBe(true);
    for (let d = 1; d <= 5; d++) {
      expect(tables.some((t) => t.includes(`name="KKB_Domain_${d}"`))).toBe(true);
    }
    // Long texts wrap in rows tall enough: the next step of Wisata Asri (two sentences).
    const xml = zipEntry(file, "xl/worksheets/sheet2.xml")!;
    expect(xml).toMatch(/<row r="11" ht="(\d+)" customHeight="1">/);
    expect(Number(/<row r="11" ht="(\d+)"/.exec(xml)![1])).toBeGreaterThanOrEqual(75);
  });
});
