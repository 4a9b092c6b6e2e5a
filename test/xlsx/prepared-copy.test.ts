/**
 * Copies written and deflated before the summary (prepared-copy.ts) and the shared-string table
 * (shared-string-table.ts): the package they make reads back the same, through KKB's reader,
 * ExcelJS and JSZip checking every CRC-32, as one written from the grids in one pass.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { CellValue } from "../../src/engine/cell";
import { gridFromRows } from "../../src/workbook/grid";
import { FORMATS, SheetSpec } from "../../src/workbook/sheet-spec";
import { packageTables } from "../../src/xlsx/package-writer";
import { prepareCopies } from "../../src/xlsx/prepared-copy";
import { readWorkbook } from "../../src/xlsx/read";
import { SharedStringTable } from "../../src/xlsx/shared-string-table";
import { StyleSheet } from "../../src/xlsx/style-sheet";
import { writeWorkbook } from "../../src/xlsx/write";
import { copyInputRows } from "../helpers/copy-rows";
import { tempDir, zipEntry } from "../helpers/files";

const tmp = tempDir("kkb-prepared-");
afterAll(() => tmp.remove());

const inputRows = () => copyInputRows(3000);

const summarySpec: SheetSpec = {
  name: "KKB Ringkasan",
  role: "ringkasan",
  columnWidths: [24, 12],
  blocks: [
    {
      kind: "table",
      name: "KKB_Ringkasan",
      row: 0,
      col: 0,
      header: ["Kampung", "Komposit"],
      rows: [
        ["Kampung 1", 1.48],
        ["Kampung 2", 1.12],
      ],
      formats: [FORMATS.text, FORMATS.composite],
      asExcelTable: false,
      colorScales: [],
    },
  ],
  charts: [],
  validations: [],
};

async function crcChecked(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
  const names = Object.keys(zip.files);
  // Inflating each part checks its CRC-32 against the central directory's.
  for (const name of names) await zip.file(name)?.async("uint8array");
  return names;
}

describe("copies prepared before the summary", () => {
  const grids = [gridFromRows("Data", inputRows()), gridFromRows("Catatan", [["satu"], [2]])];

  it("make the same workbook as copies written from the grids", async () => {
    const direct = tmp.file("direct.xlsx");
    await writeWorkbook(direct, [summarySpec], {
      copies: grids.map((grid) => ({ name: grid.sheet, grid })),
    });
    const tables = packageTables();
    const rowsSeen: number[] = [];
    const copies = await prepareCopies(
      grids.map((grid) => ({ name: grid.sheet, grid })),
      tables,
      (n) => rowsSeen.push(n)
    );
    expect(copies.map((c) => [c.name, c.rows])).toEqual([
      ["Data", 3001],
      ["Catatan", 2],
    ]);
    expect(rowsSeen[rowsSeen.length - 1]).toBe(3003);
    expect(copies[0].deflated.length).toBeGreaterThan(0);
    const prepared = tmp.file("prepared.xlsx");
    await writeWorkbook(prepared, [summarySpec], { copies, tables });
    // Taken out as written: not held while the summary sheets are written after them.
    expect(copies.map((c) => c.deflated.length)).toEqual([0, 0]);

    expect(await crcChecked(prepared)).toEqual(await crcChecked(direct));
    for (const name of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
      expect(zipEntry(prepared, name)).toBe(zipEntry(direct, name));
    }
    const back = await readWorkbook(prepared);
    expect(back.map((g) => g.sheet)).toEqual(["Data", "Catatan", "KKB Ringkasan"]);
    expect(back[0].rows).toEqual(inputRows().map((row) => trimmedRow(row)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(prepared);
    expect(book.getWorksheet("Data")!.getCell("D42").value).toBe("=1+1");
    expect(book.getWorksheet("Data")!.getCell("C2").value).toEqual(new Date(Date.UTC(2024, 1, 2)));
  });
});

/** A row as read back: trailing blanks dropped. */
function trimmedRow(row: CellValue[]): CellValue[] {
  const out = row.slice();
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined))
    out.pop();
  return out;
}

describe("the shared-string table", () => {
  it("gives each distinct text one index, in order, and counts every reference", () => {
    const table = new SharedStringTable();
    expect(["a", "b", "a", "c", "b"].map((t) => table.indexOf(t))).toEqual([0, 1, 0, 2, 1]);
    expect(table.size).toBe(3);
    const xml = [...table.xml()].join("");
    expect(xml).toContain('count="5" uniqueCount="3"');
    expect(xml).toContain("<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>");
  });

  it("when full, refuses new texts (written inline) and still gives the known ones", () => {
    const table = new SharedStringTable(2);
    expect(["a", "b", "c", "a", "d", "b"].map((t) => table.indexOf(t))).toEqual([
      0, 1, -1, 0, -1, 1,
    ]);
    expect(table.size).toBe(2);
  });

  it("a workbook whose table fills up holds the rest inline, and reads back whole", async () => {
    const file = tmp.file("full-table.xlsx");
    const tables = { styles: new StyleSheet(), strings: new SharedStringTable(2) };
    await writeWorkbook(file, [summarySpec], { tables });
    const xml = zipEntry(file, "xl/worksheets/sheet1.xml")!;
    expect(xml).toMatch(/t="s"/);
    expect(xml).toMatch(/t="inlineStr"/);
    const [sheet] = await readWorkbook(file);
    expect(sheet.rows).toEqual([
      ["Kampung", "Komposit"],
      ["Kampung 1", 1.48],
      ["Kampung 2", 1.12],
    ]);
  });
});
