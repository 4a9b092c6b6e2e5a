import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMAINS } from "../../src/engine/framework";
import { SETARA } from "../../src/engine/ibangga";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { ChartSpec, SheetSpec, TableBlock, allRows } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { chartData } from "../../src/xlsx/chart-data";
import { chartXml, drawingXml } from "../../src/xlsx/charts";
import {
  DrawingInserter,
  addChartsToPackage,
  drawingInsertionIndex,
} from "./legacy/package-charts";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { benchHeaders, generateRows } from "../bench/generate";
import { EXPECTED, exampleGrid } from "../helpers/example";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-charts-");
afterAll(() => tmp.remove());

const now = new Date(2026, 10, 27, 9, 30);
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function summaryOf(grid = exampleGrid()): SheetSpec[] {
  const read = readInput([grid], { lang: "id" });
  return buildSummary(read, { lang: "id", weights: SETARA, source: "contoh.xlsx", now }).sheets;
}

const sheetOf = (sheets: SheetSpec[], name: string) => sheets.find((s) => s.name === name)!;
const tableOf = (sheet: SheetSpec, name: string) =>
  sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === name)!;

/** 1-based Excel row of a table's data row i. */
const dataRow = (table: TableBlock, i: number) => table.row + 2 + i;

function generatedGrid(count: number) {
  return gridFromRows("Data", [benchHeaders(), ...generateRows(count, 7)]);
}

async function openZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(file));
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
}

/** Texts of every `<tag>` element (no attributes) in order. */
function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);
}

/** The c:ser elements of a chart part. */
function seriesOf(xml: string): string[] {
  return [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
}

/** Cached numbers of a c:numCache, by point index (absent points are null). */
function numCache(ser: string): (number | null)[] {
  const cache = /<c:val>[\s\S]*?<c:ptCount val="(\d+)"\/>([\s\S]*?)<\/c:numCache>/.exec(ser)!;
  const values: (number | null)[] = new Array(Number(cache[1])).fill(null);
  for (const m of cache[2].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) {
    values[Number(m[1])] = Number(m[2]);
  }
  return values;
}

describe("chartData", () => {
  const sheets = summaryOf();

  it("reads a radar per kampung: one series per kampung row, the five domains as categories", () => {
    const ringkasan = sheetOf(sheets, "KKB Ringkasan");
    const main = tableOf(ringkasan, "KKB_Ringkasan");
    expect(ringkasan.charts).toHaveLength(1);
    const data = chartData(ringkasan, ringkasan.charts[0]);
    expect(data.kind).toBe("radar");
    expect(data.categories.values).toEqual(DOMAINS.map((d) => d.short.id));
    expect(data.categories.ref).toBe(`'KKB Ringkasan'!$C$${main.row + 1}:$G$${main.row + 1}`);
    expect(data.series.map((s) => s.name.values[0])).toEqual(EXPECTED.map((k) => k.name));
    data.series.forEach((s, i) => {
      const r = dataRow(main, i);
      expect(s.name.ref).toBe(`'KKB Ringkasan'!$B$${r}`);
      expect(s.values.ref).toBe(`'KKB Ringkasan'!$C$${r}:$G$${r}`);
      expect(s.values.values).toEqual(EXPECTED[i].domains);
      expect(s.values.format).toBe("0.0");
    });
    // The score columns' colour scale gives the axis its 0-2 range.
    expect(data.axis).toEqual({ min: 0, max: 2 });
  });

  it("reads the iBangga bar by columns: one series per dimension, the kampung as categories", () => {
    const ibangga = sheetOf(sheets, "KKB iBangga");
    const main = tableOf(ibangga, "KKB_iBangga");
    const data = chartData(ibangga, ibangga.charts[0]);
    expect(data.kind).toBe("bar");
    expect(data.series.map((s) => s.name.values[0])).toEqual(main.header.slice(1, 4));
    expect(data.categories.values).toEqual(EXPECTED.map((k) => k.name));
    const first = dataRow(main, 0);
    const last = dataRow(main, 3);
    expect(data.categories.ref).toBe(`'KKB iBangga'!$A$${first}:$A$${last}`);
    expect(data.series.map((s) => s.values.ref)).toEqual(
      ["B", "C", "D"].map((c) => `'KKB iBangga'!$${c}$${first}:$${c}$${last}`)
    );
    data.series.forEach((s, d) => {
      expect(s.values.values).toEqual(EXPECTED.map((k) => k.dims[d]));
    });
    expect(data.axis).toEqual({ min: 0, max: 100 });
  });

  it("reads the radar of the status groups beyond 12 kampung", () => {
    const ringkasan = sheetOf(summaryOf(generatedGrid(30)), "KKB Ringkasan");
    const groups = tableOf(ringkasan, "KKB_Status");
    const data = chartData(ringkasan, ringkasan.charts[0]);
    const levels = ringkasan.charts[0].source.rows - 1;
    expect(data.series).toHaveLength(levels);
    expect(data.series.map((s) => s.name.values[0])).toEqual(
      allRows(groups.rows)
        .slice(0, levels)
        .map((r) => r[0])
    );
    expect(data.categories.values).toEqual(DOMAINS.map((d) => d.short.id));
    data.series.forEach((s, i) => {
      expect(s.values.values).toEqual(allRows(groups.rows)[i].slice(1, 6));
      expect(s.values.ref).toBe(
        `'KKB Ringkasan'!$C$${dataRow(groups, i)}:$G$${dataRow(groups, i)}`
      );
    });
  });

  it("gives null for cells without a number and refuses a source without data", () => {
    const spec: SheetSpec = {
      name: "It's",
      role: "ringkasan",
      columnWidths: [],
      blocks: [
        {
          kind: "table",
          name: "T",
          row: 2,
          col: 1,
          header: ["Nama", "A", "B"],
          rows: [
            ["x", 1, null],
            ["y", "teks", 2],
          ],
          formats: [null, null, null],
          asExcelTable: false,
          colorScales: [],
        },
      ],
      charts: [],
      validations: [],
    };
    const chart: ChartSpec = {
      kind: "bar",
      title: "t",
      source: { row: 2, col: 1, rows: 3, cols: 3 },
      seriesBy: "columns",
      anchor: { row: 0, col: 5 },
      size: { rows: 10, cols: 5 },
    };
    const data = chartData(spec, chart);
    expect(data.series[0].values.values).toEqual([1, null]);
    expect(data.series[1].values.values).toEqual([null, 2]);
    expect(data.series[0].name.ref).toBe("'It''s'!$C$3");
    expect(data.axis).toBeNull();
    expect(() =>
      chartData(spec, { ...chart, source: { row: 2, col: 1, rows: 1, cols: 3 } })
    ).toThrow(/header row/);
  });
});

describe("chart and drawing XML", () => {
  const sheets = summaryOf();
  const ringkasan = sheetOf(sheets, "KKB Ringkasan");

  it("writes a marker radar and a clustered horizontal bar, escaping text", () => {
    const radar = chartXml(chartData(ringkasan, ringkasan.charts[0]));
    expect(radar).toContain('<c:radarChart><c:radarStyle val="marker"/>');
    expect(seriesOf(radar)).toHaveLength(4);
    const ibangga = sheetOf(sheets, "KKB iBangga");
    const bar = chartXml(chartData(ibangga, ibangga.charts[0]));
    expect(bar).toContain('<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(seriesOf(bar)).toHaveLength(3);
    const tricky = chartXml({
      ...chartData(ringkasan, ringkasan.charts[0]),
      title: "A & B <C>",
    });
    expect(tricky).toContain("<a:t>A &amp; B &lt;C&gt;</a:t>");
  });

  it("anchors a chart from its cell over its size", () => {
    const xml = drawingXml([
      {
        chart: { anchor: { row: 7, col: 16 }, size: { rows: 16, cols: 8 }, title: "t" },
        relId: "rId1",
      },
    ]);
    expect(xml).toMatch(
      /<xdr:from><xdr:col>16<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>7<\/xdr:row>/
    );
    expect(xml).toMatch(
      /<xdr:to><xdr:col>24<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>23<\/xdr:row>/
    );
    expect(xml).toContain(
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/>`
    );
  });
});

describe("DrawingInserter", () => {
  const head = `<?xml version="1.0"?><worksheet xmlns="x" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="str"><v>é &lt;drawing&gt;</v></c></row></sheetData>`;

  async function run(xml: string, chunk: number): Promise<string> {
    const bytes = Buffer.from(xml, "utf8");
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
    const out: Buffer[] = [];
    for await (const piece of Readable.from(chunks).pipe(new DrawingInserter("rId7"))) {
      out.push(piece as Buffer);
    }
    return Buffer.concat(out).toString("utf8");
  }

  it("splices the element after the page setup and before tableParts, at any chunk size", async () => {
    const tail = `<hyperlinks><hyperlink ref="C9" location="'Penilaian'!O4"/></hyperlinks><pageMargins left="0.7"/><pageSetup orientation="portrait"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const expected =
      head +
      `<hyperlinks><hyperlink ref="C9" location="'Penilaian'!O4"/></hyperlinks><pageMargins left="0.7"/><pageSetup orientation="portrait"/><drawing r:id="rId7"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    for (const chunk of [1, 2, 3, 5, 11, 64, 100_000]) {
      expect(await run(head + tail, chunk)).toBe(expected);
    }
  });

  it("goes before </worksheet>, handles an empty sheetData, declares r: when the root does not", async () => {
    expect(await run(`<worksheet xmlns:r="${R}"><sheetData/><pageSetup/></worksheet>`, 4)).toBe(
      `<worksheet xmlns:r="${R}"><sheetData/><pageSetup/><drawing r:id="rId7"/></worksheet>`
    );
    expect(await run(`<worksheet xmlns="x"><sheetData/></worksheet>`, 3)).toBe(
      `<worksheet xmlns="x"><sheetData/><drawing xmlns:r="${R}" r:id="rId7"/></worksheet>`
    );
  });

  it("refuses a sheet without sheetData or with a drawing already", async () => {
    await expect(run("<worksheet></worksheet>", 4)).rejects.toThrow(/no sheetData/);
    expect(() => drawingInsertionIndex('<drawing r:id="rId1"/></worksheet>')).toThrow(/already/);
    expect(drawingInsertionIndex("<pageSetup/><legacyDrawing r:id='x'/></worksheet>")).toBe(12);
    expect(drawingInsertionIndex("<extLst></extLst></worksheet>")).toBe(0);
  });
});

/** Checks the package parts of one written summary; returns the zip. */
async function checkPackage(
  file: string,
  sheets: readonly SheetSpec[],
  sheetPartOf: (name: string) => string
): Promise<JSZip> {
  const zip = await openZip(file);
  const contentTypes = await part(zip, "[Content_Types].xml");
  const charted = sheets.filter((s) => s.charts.length > 0);
  let chartNo = 0;
  for (const [d, spec] of charted.entries()) {
    const drawing = `xl/drawings/drawing${d + 1}.xml`;
    const sheetPart = sheetPartOf(spec.name);
    const sheetRels = await part(
      zip,
      sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels"
    );
    const rel = new RegExp(
      `<Relationship Id="(rId\\d+)" Type="${R}/drawing" Target="../drawings/drawing${d + 1}.xml"/>`
    ).exec(sheetRels);
    expect(rel).not.toBeNull();
    const sheetXml = await part(zip, sheetPart);
    // After everything CT_Worksheet puts before it, before </worksheet>.
    const at = sheetXml.indexOf(`<drawing r:id="${rel![1]}"/>`);
    expect(at).toBeGreaterThan(sheetXml.indexOf("</sheetData>"));
    for (const before of ["<conditionalFormatting", "<hyperlinks", "<pageMargins", "<pageSetup"]) {
      expect(sheetXml.lastIndexOf(before)).toBeLessThan(at);
    }
    // Only the sheet's Excel tables may follow its drawing (CT_Worksheet's order).
    expect(sheetXml.slice(at)).toMatch(
      new RegExp(
        `^<drawing r:id="${rel![1]}"/>(<tableParts count="\\d+">(<tablePart r:id="rId\\d+"/>)+</tableParts>)?</worksheet>$`
      )
    );
    expect(contentTypes).toContain(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
    );
    const drawingRels = await part(zip, `xl/drawings/_rels/drawing${d + 1}.xml.rels`);
    const drawingXmlText = await part(zip, drawing);
    for (const [i, chart] of spec.charts.entries()) {
      chartNo++;
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      expect(drawingRels).toContain(
        `<Relationship Id="rId${i + 1}" Type="${R}/chart" Target="../charts/chart${chartNo}.xml"/>`
      );
      expect(drawingXmlText).toContain(`r:id="rId${i + 1}"`);
      expect(drawingXmlText).toContain(
        `<xdr:from><xdr:col>${chart.anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.row}</xdr:row>`
      );
      expect(contentTypes).toContain(
        `<Override PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
      const xml = await part(zip, chartPart);
      const data = chartData(spec, chart);
      const sers = seriesOf(xml);
      expect(sers).toHaveLength(data.series.length);
      sers.forEach((ser, s) => {
        expect(texts(ser, "c:f")).toEqual([
          data.series[s].name.ref,
          data.categories.ref,
          data.series[s].values.ref,
        ]);
        expect(numCache(ser)).toEqual(data.series[s].values.values);
      });
    }
  }
  // No folder entries, nothing left beside the file.
  expect(Object.keys(zip.files).filter((n) => n.endsWith("/"))).toEqual([]);
  return zip;
}

describe("writeWorkbook with charts", () => {
  it("adds the radar per kampung and the iBangga bar to the example's summary", async () => {
    const sheets = summaryOf();
    const file = tmp.file("contoh.xlsx");
    // A copied input sheet first, as the CLI writes it: the summary sheets are sheet2...
    await writeWorkbook(file, sheets, { copies: [{ name: "Data", grid: exampleGrid() }] });
    const zip = await checkPackage(file, sheets, (name) => {
      return `xl/worksheets/sheet${sheets.findIndex((s) => s.name === name) + 2}.xml`;
    });
    expect(
      Object.keys(zip.files)
        .filter((n) => /^xl\/(charts|drawings)\//.test(n))
        .sort()
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      // The rank intervals of KKB Ketidakpastian (issue 16), KKB Profil's radar (issue 15).
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/_rels/drawing3.xml.rels",
      "xl/drawings/_rels/drawing4.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
      "xl/drawings/drawing4.xml",
    ]);
    expect(readdirNames(path.dirname(file))).toEqual(["contoh.xlsx"]);

    // The radar: four kampung over the five domains, cached as the sheet holds them.
    const radar = await part(zip, "xl/charts/chart1.xml");
    const main = tableOf(sheets[0], "KKB_Ringkasan");
    const sumurboto = dataRow(main, 0);
    expect(radar).toContain(`<c:f>'KKB Ringkasan'!$C$${sumurboto}:$G$${sumurboto}</c:f>`);
    expect(radar).toContain(`<c:f>'KKB Ringkasan'!$C$${main.row + 1}:$G$${main.row + 1}</c:f>`);
    const sers = seriesOf(radar);
    expect(sers).toHaveLength(4);
    expect(sers.map((s) => texts(s, "c:v")[0])).toEqual(EXPECTED.map((k) => k.name));
    expect(numCache(sers[0])).toEqual([2, 1, 1.4, 1.3, 1.7]);
    expect(texts(sers[0], "c:v").slice(1, 6)).toEqual(DOMAINS.map((d) => d.short.id));
    expect(radar).toContain("<c:formatCode>0.0</c:formatCode>");

    // The bar: three iBangga dimensions over the four kampung.
    const bar = await part(zip, "xl/charts/chart2.xml");
    const barSers = seriesOf(bar);
    expect(barSers).toHaveLength(3);
    expect(numCache(barSers[0])).toEqual(EXPECTED.map((k) => k.dims[0]));

    // Readable back, by ExcelJS and by KKB's own reader (a summary summarised again).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Data", ...sheets.map((s) => s.name)]);
    expect(book.getWorksheet("KKB Ringkasan")!.getCell(sumurboto, 3).value).toBe(2);
    const grids = await readWorkbook(file);
    expect(grids.map((g) => g.sheet)).toContain("KKB Ringkasan");
  });

  it("adds the radar of the status groups for 30 kampung", async () => {
    const sheets = summaryOf(generatedGrid(30));
    const file = tmp.file("tiga-puluh.xlsx");
    await writeWorkbook(file, sheets);
    const ringkasan = sheetOf(sheets, "KKB Ringkasan");
    expect(ringkasan.charts.map((c) => c.kind)).toEqual(["radar"]);
    const zip = await checkPackage(file, sheets, (name) => {
      return `xl/worksheets/sheet${sheets.findIndex((s) => s.name === name) + 1}.xml`;
    });
    const groups = tableOf(ringkasan, "KKB_Status");
    const radar = await part(zip, "xl/charts/chart1.xml");
    expect(radar).toContain(`<c:f>'KKB Ringkasan'!$C$${groups.row + 1}:$G$${groups.row + 1}</c:f>`);
    expect(seriesOf(radar).map((s) => texts(s, "c:v")[0])).toEqual(
      allRows(groups.rows)
        .slice(0, ringkasan.charts[0].source.rows - 1)
        .map((r) => r[0])
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets).toHaveLength(sheets.length);
  });

  it("keeps a sheet's existing relationships and takes the next id", async () => {
    const sheets = summaryOf();
    const file = tmp.file("rels.xlsx");
    // Without Excel tables either: the sheet's only relationship is the one put here.
    await writeWorkbook(
      file,
      sheets.map((s) => ({
        ...s,
        charts: [],
        blocks: s.blocks.map((b) => (b.kind === "table" ? { ...b, asExcelTable: false } : b)),
      }))
    );
    const zip = await openZip(file);
    const existing = `<Relationship Id="rId1" Type="${R}/hyperlink" Target="https://bkkbn.go.id" TargetMode="External"/>`;
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${existing}</Relationships>`
    );
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    await addChartsToPackage(file, sheets);
    const after = await openZip(file);
    const rels = await part(after, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toContain(existing);
    expect(rels).toContain(
      `<Relationship Id="rId2" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`
    );
    expect(await part(after, "xl/worksheets/sheet1.xml")).toMatch(
      /<drawing r:id="rId2"\/><\/worksheet>$/
    );
  });

  it("leaves a workbook without charts as ExcelJS wrote it", async () => {
    const sheets = summaryOf().map((s) => ({ ...s, charts: [] }));
    const file = tmp.file("tanpa.xlsx");
    await writeWorkbook(file, sheets);
    const zip = await openZip(file);
    expect(Object.keys(zip.files).some((n) => /drawing|chart/.test(n))).toBe(false);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    "converts to PDF with LibreOffice (skipped when it is not installed)",
    async () => {
      const file = tmp.file("pdf.xlsx");
      await writeWorkbook(file, summaryOf());
      const outdir = tmp.file("pdf");
      const run = spawnSync(
        soffice!,
        [
          `-env:UserInstallation=file://${tmp.file("lo-profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          outdir,
          file,
        ],
        { timeout: 90_000, encoding: "utf8" }
      );
      expect(run.status).toBe(0);
      expect(existsSync(path.join(outdir, "pdf.pdf"))).toBe(true);
    },
    120_000
  );
  if (!soffice) {
    console.log("LibreOffice (soffice) is not installed: the PDF conversion test is skipped.");
  }
});

/** The example's files in a folder: the workbook and any temporary file left beside it. */
function readdirNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.includes("contoh"))
    .sort();
}
