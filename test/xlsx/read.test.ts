import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { CellValue } from "../../src/engine/cell";
import { Grid } from "../../src/workbook/grid";
import { XlsxFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-read-");
afterAll(() => tmp.remove());

const DATE = new Date(Date.UTC(2024, 4, 31));

/** A workbook with every kind of cell an official's file may hold, written by ExcelJS. */
async function kitchenSink(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.getCell("A1").value = "Penilaian Kampung KB 2024";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = "Kampung";
  ws.getCell("B2").value = "Koordinasi";
  ws.mergeCells("B2:D2");
  ws.getCell("B3").value = "Regulasi";
  ws.getCell("C3").value = "Struktur";
  ws.getCell("D3").value = "Praktik";
  const r4 = ws.getRow(4);
  r4.values = [
    { richText: [{ text: "Sumur", font: { bold: true } }, { text: "boto" }] },
    2,
    1.5,
    { formula: "B4/2", result: 1 },
    true,
    { error: "#N/A" },
    DATE,
    { text: "Bukti", hyperlink: "https://example.org/sk" },
    { formula: "1/0", result: { error: "#DIV/0!" } },
    { formula: "B4>1", result: true },
    { formula: 'A4&"x"', result: "Sumurbotox" },
    { formula: "B4*3" },
    '=HYPERLINK("x")',
    "  spasi  ",
    "a & b < c",
  ];
  ws.getCell("G4").numFmt = "dd/mm/yyyy";
  const r5 = ws.getRow(5);
  r5.values = ["Disembunyikan", 0, 0.5, 0.7];
  r5.hidden = true;
  ws.getRow(7).values = ["Kandri", "1,5", null, -1];
  const bukti = wb.addWorksheet("Bukti");
  bukti.addRow(["Kampung", "Sub-indikator", "Tanggal"]);
  bukti.addRow(["Sumurboto", "koordinasi.regulasi", DATE]);
  bukti.getCell("C2").numFmt = "yyyy-mm-dd";
  wb.addWorksheet("Kosong");
  await wb.xlsx.writeFile(file);
}

function cells(grid: Grid, r: number): readonly CellValue[] {
  return grid.rows[r];
}

describe("readWorkbook", () => {
  let file: string;
  let whole: Grid[];
  let streamed: Grid[];

  beforeAll(async () => {
    file = tmp.file("sink.xlsx");
    await kitchenSink(file);
    whole = await readWorkbook(file);
    streamed = await readWorkbook(readFileSync(file), { name: "sink.xlsx" });
  });

  it("gives one grid per sheet in tab order", () => {
    expect(whole.map((g) => g.sheet)).toEqual(["Data", "Bukti", "Kosong"]);
    expect(whole[2].rows).toEqual([]);
  });

  it("reads every kind of cell", () => {
    const data = whole[0];
    expect(cells(data, 3)).toEqual([
      "Sumurboto",
      2,
      1.5,
      1,
      true,
      { error: "#N/A" },
      DATE,
      "Bukti",
      { error: "#DIV/0!" },
      true,
      "Sumurbotox",
      null,
      '=HYPERLINK("x")',
      "  spasi  ",
      "a & b < c",
    ]);
    expect(cells(data, 6)).toEqual(["Kandri", "1,5", null, -1]);
    expect(cells(data, 5)).toEqual([]);
    expect(whole[1].rows[1][2]).toEqual(DATE);
  });

  it("keeps a merged range's value at its top-left cell only", () => {
    expect(cells(whole[0], 0)).toEqual(["Penilaian Kampung KB 2024"]);
    expect(cells(whole[0], 1)).toEqual(["Kampung", "Koordinasi"]);
    expect(cells(whole[0], 2)).toEqual([null, "Regulasi", "Struktur", "Praktik"]);
  });

  it("lists hidden rows", () => {
    expect([...(whole[0].hiddenRows ?? [])]).toEqual([4]);
  });

  it("gives the same grids from bytes as from a path", () => {
    expect(streamed).toEqual(whole);
    expect([...(streamed[0].hiddenRows ?? [])]).toEqual([4]);
  });

  it("reads an ArrayBuffer as well", async () => {
    const bytes = readFileSync(file);
    expect(await readWorkbook(new Uint8Array(bytes).buffer, { name: "x.xlsx" })).toEqual(whole);
  });
});

describe("unreadable files", () => {
  const cases: [string, Uint8Array | null, string][] = [
    ["tidak-ada.xlsx", null, "not-found"],
    ["kosong.xlsx", new Uint8Array(0), "empty"],
    [
      "sandi.xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
        Buffer.from("EncryptionInfo", "utf16le"),
        Buffer.alloc(100),
      ]),
      "encrypted",
    ],
    [
      "lama.xls",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
      ]),
      "legacy-xls",
    ],
    [
      "rusak.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]),
      "corrupt",
    ],
    ["gambar.xlsx", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "not-xlsx"],
    // A CSV saved under .xlsx, a web page exported as .xls: says how to convert.
    ["data-csv.xlsx", Buffer.from("Kampung;Koordinasi Regulasi\nSumurboto;2\n"), "text-not-xlsx"],
    [
      "ekspor.xls",
      Buffer.from("<html><table><tr><td>Kampung</td></tr></table></html>"),
      "text-not-xlsx",
    ],
  ];

  it.each(cases.map(([n, b, p]) => ({ n, b, p })))(
    "$n gives a typed error ($p)",
    async ({ n: name, b: bytes, p: problem }) => {
      const file = tmp.file(name);
      if (bytes) writeFileSync(file, bytes);
      for (const source of [file, ...(bytes ? [bytes] : [])]) {
        const error = await readWorkbook(source, { name }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(XlsxFileError);
        const typed = error as XlsxFileError;
        expect(typed.problem).toBe(problem);
        expect(typed.text("id")).toContain(name);
        expect(typed.text("id")).not.toMatch(/\n|\bat \S+:\d+/);
        expect(typed.text("en")).toContain(name);
      }
    }
  );

  it("a folder is not a file", async () => {
    const dir = tmp.file("folder.xlsx");
    mkdirSync(dir);
    await expect(readWorkbook(dir)).rejects.toMatchObject({ problem: "not-a-file" });
  });
});

describe("CSV", () => {
  it("reads Indonesian CSV (`;`, decimal comma) as one grid", async () => {
    const file = tmp.file("contoh.csv");
    writeFileSync(
      file,
      '\ufeffKampung;NIK;Koordinasi Regulasi;Catatan\r\nSumurboto;3374012345678901;1,5;"a;b"\r\n007;0812;2;-1\r\n'
    );
    const [grid] = await readWorkbook(file);
    expect(grid.sheet).toBe("contoh");
    expect(grid.rows).toEqual([
      ["Kampung", "NIK", "Koordinasi Regulasi", "Catatan"],
      ["Sumurboto", "3374012345678901", 1.5, "a;b"],
      ["007", "0812", 2, -1],
    ]);
  });

  it("reads `,` CSV with quotes and keeps quoted numbers as text", async () => {
    const file = tmp.file("data.csv");
    writeFileSync(
      file,
      'kampung,skor,catatan\n"Asri, Sejahtera",97.8,"1,5"\n"He said ""hi""",,x\n'
    );
    const [grid] = await readWorkbook(file);
    expect(grid.rows).toEqual([
      ["kampung", "skor", "catatan"],
      ["Asri, Sejahtera", 97.8, "1,5"],
      ['He said "hi"', null, "x"],
    ]);
  });
});
