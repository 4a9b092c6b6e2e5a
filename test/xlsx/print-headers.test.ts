/**
 * Printed tables keep their header on every page (print-headers.ts, copy-header.ts): the
 * written workbook's `_xlnm.Print_Titles` read back per sheet, the tables longer than a page cut
 * into pieces that each start a page with the header, and a LibreOffice-rendered PDF of 300
 * kampung whose every page starts with a title or a header, never with a data row (and no
 * number printed as ###). A kampung
 * table whole on its page has no print titles (they would head the page of charts and means
 * under it). The PDF part is skipped, saying so, without LibreOffice and poppler.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { SaxesParser } from "saxes";
import { SETARA } from "../../src/engine/ibangga";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { copyHeaderRows } from "../../src/workbook/copy-header";
import { MAX_PIECES } from "../../src/workbook/print-headers";
import { SheetSpec, TableBlock } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { benchHeaders, generateRows } from "../bench/generate";
import { tempDir, zipEntry } from "../helpers/files";

const tmp = tempDir("kkb-print-headers-");
afterAll(() => tmp.remove());
const now = new Date(2026, 10, 30, 9, 0);
const DEMO = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const ROUNDS = path.resolve(__dirname, "../fixtures/rounds/tiga-periode.xlsx");

/** `_xlnm.Print_Titles` per sheet name, as written (`$1:$1`). */
function printTitles(file: string): Map<string, string> {
  const xml = zipEntry(file, "xl/workbook.xml")!;
  const sheets: string[] = [];
  const titles = new Map<number, string>();
  const parser = new SaxesParser();
  let current: number | null = null;
  parser.on("opentag", (tag) => {
    if (tag.name === "sheet") sheets.push(String(tag.attributes.name));
    current =
      tag.name === "definedName" && tag.attributes.name === "_xlnm.Print_Titles"
        ? Number(tag.attributes.localSheetId)
        : null;
  });
  parser.on("text", (text) => {
    if (current !== null) titles.set(current, text.slice(text.lastIndexOf("!") + 1));
  });
  parser.write(xml).close();
  return new Map([...titles].map(([i, t]) => [sheets[i], t]));
}

async function summarise(grids: readonly Grid[], file: string) {
  const read = readInput([...grids], { lang: "id" });
  const summary = buildSummary(read, { lang: "id", weights: SETARA, source: "x.xlsx", now });
  await writeWorkbook(file, summary.sheets, {
    copies: grids.map((g) => ({
      name: g.sheet,
      grid: g,
      ...(g.sheet === read.sheet ? { headerRows: copyHeaderRows(g, read.headerRow) } : {}),
    })),
  });
  return summary;
}

const sheet = (sheets: readonly SheetSpec[], role: string) => sheets.find((s) => s.role === role)!;
const tables = (spec: SheetSpec) =>
  spec.blocks.filter((b): b is TableBlock => b.kind === "table").sort((a, b) => a.row - b.row);
/** 1-based rows band as Print_Titles writes it. */
const band = (row: number) => `$${row + 1}:$${row + 1}`;

const district = () => gridFromRows("Data", [benchHeaders(), ...generateRows(300, 11)]);

describe("print titles and pieces of long tables", () => {
  it("gives each sheet's last long table the print titles and cuts the others into page pieces", async () => {
    const file = tmp.file("300.xlsx");
    const { sheets } = await summarise([district()], file);
    const titles = printTitles(file);
    expect(titles.get("Data")).toBe("$1:$1");
    // KKB Domain: Tabel 2-5 in pieces, each piece starting a page; Tabel 6 under the titles.
    const domain = sheet(sheets, "domain");
    const domainTables = tables(domain);
    const last = domainTables[domainTables.length - 1];
    expect(last.name).toBe("KKB_Domain_5");
    expect(titles.get("KKB Domain")).toBe(band(last.row));
    for (let d = 1; d <= 4; d++) {
      const pieces = domainTables.filter((t) => t.name.startsWith(`KKB_Domain_${d}`));
      expect(pieces.length).toBeGreaterThan(5);
      expect(pieces.reduce((n, p) => n + p.rows.length, 0)).toBe(300);
      for (const p of pieces.slice(1)) {
        expect(p.header).toEqual(pieces[0].header);
        expect(domain.print?.breaksBefore).toContain(p.row);
      }
    }
    // Each piece directly under the one before it.
    domainTables.forEach((t, i) => {
      const next = domainTables[i + 1];
      if (
        next &&
        next.name.startsWith(t.name.replace(/_\d+$/, "_")) &&
        next.name !== "KKB_Domain_1"
      )
        expect(next.row).toBeGreaterThanOrEqual(t.row + t.rows.length + 1);
    });
    // KKB Wilayah: the ranks within regions under the titles, the region tables in pieces.
    const wilayah = sheet(sheets, "wilayah");
    const ranks = tables(wilayah).find((t) => t.name === "KKB_Peringkat_Wilayah")!;
    expect(titles.get("KKB Wilayah")).toBe(band(ranks.row));
    expect(tables(wilayah).some((t) => t.name === "KKB_Wilayah_kecamatan_2")).toBe(true);
    const uncertainty = tables(sheet(sheets, "ketidakpastian")).find(
      (t) => t.name === "KKB_Ketidakpastian"
    )!;
    expect(titles.get("KKB Ketidakpastian")).toBe(band(uncertainty.row));
    const ringkasan = tables(sheet(sheets, "ringkasan")).find((t) => t.name === "KKB_Ringkasan")!;
    expect(titles.get("KKB Ringkasan")).toBe(band(ringkasan.row));
    // The means by status first, on a page of their own, so the titles never head them.
    const status = tables(sheet(sheets, "ringkasan")).find((t) => t.name === "KKB_Status")!;
    expect(status.row).toBeLessThan(ringkasan.row);
    expect(sheet(sheets, "ringkasan").print?.breaksBefore).toContain(ringkasan.row);
    expect(sheet(sheets, "ringkasan").freeze).toEqual({ rows: 0, columns: 2 });
    const ibStatus = tables(sheet(sheets, "ibangga")).find((t) => t.name === "KKB_iBangga_Status")!;
    const ib = tables(sheet(sheets, "ibangga")).find((t) => t.name === "KKB_iBangga")!;
    expect(ibStatus.row).toBeLessThan(ib.row);
    expect(titles.get("KKB iBangga")).toBe(band(ib.row));
  }, 60_000);

  it("gives KKB Tren's kampung table the print titles", async () => {
    const file = tmp.file("rounds.xlsx");
    const { sheets } = await summarise(await readWorkbook(ROUNDS), file);
    const tren = tables(sheet(sheets, "tren")).find((t) => t.name === "KKB_Tren")!;
    expect(tren.rows.length).toBeGreaterThan(80);
    expect(printTitles(file).get("KKB Tren")).toBe(band(tren.row));
  }, 60_000);

  it("leaves a table whole on its page without print titles (the demo)", async () => {
    const file = tmp.file("demo.xlsx");
    await summarise(await readWorkbook(DEMO), file);
    const titles = printTitles(file);
    expect(titles.has("KKB Ringkasan")).toBe(false);
    // The copies of the input and evidence sheets repeat their header rows.
    // (The demo's input has a title and a source line above its header, in row 3.)
    expect(titles.get("Penilaian")).toBe("$3:$3");
    expect(titles.get("Bukti")).toBe("$1:$1");
  }, 60_000);

  it("does not cut a table of more than MAX_PIECES pages", () => {
    const grid = gridFromRows("Data", [benchHeaders(), ...generateRows(40 * MAX_PIECES, 3)]);
    const read = readInput([grid], { lang: "id" });
    const summary = buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "x.xlsx",
      now,
      ketidakpastian: false,
    });
    const names = tables(sheet(summary.sheets, "domain")).map((t) => t.name);
    expect(names).toEqual([1, 2, 3, 4, 5].map((d) => `KKB_Domain_${d}`));
  }, 60_000);
});

describe("copyHeaderRows", () => {
  it("takes the reader's header row and the row of headings above it", () => {
    const grid = gridFromRows("S", [
      ["Laporan"],
      ["", "Koordinasi", "", "", "Rujukan"],
      ["Kampung", "Regulasi", "Struktur", "Praktik", "SOP"],
      ["A", 1, 1, 1],
    ]);
    expect(copyHeaderRows(grid, 2)).toEqual({ first: 1, last: 2 });
    // Without the reader: the first row of two cells or more.
    expect(copyHeaderRows(grid)).toEqual({ first: 1, last: 1 });
    expect(copyHeaderRows(gridFromRows("S", [["x"], [1]]))).toBeNull();
  });
});

const TOOLS = ["soffice", "pdftotext", "pdfinfo"];
const haveTools = TOOLS.every(
  (t) => spawnSync("sh", ["-c", `command -v ${t}`], { encoding: "utf8" }).status === 0
);
if (!haveTools) console.warn(`print-headers.test.ts: PDF part skipped (${TOOLS.join(", ")})`);

(haveTools ? describe : describe.skip)("300 kampung on paper (LibreOffice)", () => {
  it("starts every page with a title or a header, never with a data row", async () => {
    const file = tmp.file("cetak-300.xlsx");
    await summarise([district()], file);
    const outdir = tmp.file("pdf");
    const run = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${tmp.file("lo")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        outdir,
        file,
      ],
      { timeout: 300_000, encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    const pdf = path.join(outdir, "cetak-300.pdf");
    expect(existsSync(pdf)).toBe(true);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(count).toBeGreaterThan(100);
    const dataRow = /^\s*(Kampung KB \d|Provinsi \d|Kabupaten \d|Kecamatan \d|Desa \d|\d)/;
    const bad: string[] = [];
    const texts: string[] = [];
    for (let i = 1; i <= count; i++) {
      const text = spawnSync("pdftotext", ["-layout", "-f", `${i}`, "-l", `${i}`, pdf, "-"], {
        encoding: "utf8",
      }).stdout;
      texts.push(text);
      const lines = text.split("\n").filter((l) => l.trim() !== "");
      // A header wraps over up to four lines; a title is one. Either comes before any data row.
      const top = lines.slice(0, 4);
      const firstData = top.findIndex((l) => dataRow.test(l));
      const heading = top.findIndex((l) => !dataRow.test(l));
      if (lines.length > 0 && (heading < 0 || (firstData >= 0 && firstData < heading)))
        bad.push(`${i}: ${lines[0].trim().slice(0, 60)}`);
    }
    expect(bad).toEqual([]);
    // The means by status are on no page with the kampung table's header.
    const means = texts.filter((t) => t.includes("Rata-rata menurut status"));
    expect(means.length).toBeGreaterThan(0);
    for (const t of means) expect(t).not.toContain("Langkah berikutnya");
    // No number too wide for its column (number-widths.ts): LibreOffice prints those as ###.
    const all = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    expect(all).not.toContain("###");
  }, 400_000);
});
