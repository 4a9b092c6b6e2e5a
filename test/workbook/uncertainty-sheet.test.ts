/**
 * `KKB Ketidakpastian` (issue 16): the sheet, its rank-interval chart in the file and through
 * office.js, and the same seed giving the same workbook.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { TableBlock, allRows } from "../../src/workbook/sheet-spec";
import { buildSummary, SummaryOptions } from "../../src/workbook/summary";
import { CHART_TOP, lineBreaks } from "../../src/workbook/uncertainty-sheet";
import { gridFromRows } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { FakeContext } from "../excel/fake-excel";
import { FIXED_NOW } from "../excel/budget";
import { exampleWorkbook, nationalRows } from "../excel/workbooks";
import { exampleGrid } from "../helpers/example";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-uncertainty-");
afterAll(() => tmp.remove());

const options = (seed: number): SummaryOptions => ({
  lang: "id",
  weights: SETARA,
  source: "uji.xlsx",
  now: FIXED_NOW,
  uncertainty: { runs: 200, seed, sensitivityRuns: 50 },
});

function sheetOf(summary: ReturnType<typeof buildSummary>) {
  const sheet = summary.sheets.find((s) => s.name === "KKB Ketidakpastian");
  if (!sheet) throw new Error("no KKB Ketidakpastian");
  return sheet;
}

function table(sheet: ReturnType<typeof sheetOf>, name: string): TableBlock {
  const block = sheet.blocks.find((b) => b.kind === "table" && b.name === name);
  if (!block || block.kind !== "table") throw new Error(`no table ${name}`);
  return block;
}

function notes(sheet: ReturnType<typeof sheetOf>): string {
  return sheet.blocks.flatMap((b) => (b.kind === "notes" ? b.lines : [])).join("\n");
}

async function written(name: string, seed: number, rows: CellValue[][]) {
  const read = readInput([gridFromRows("Data", rows)], { lang: "id" });
  const summary = buildSummary(read, options(seed));
  const file = path.join(tmp.dir, name);
  await writeWorkbook(file, summary.sheets);
  const grids = await readWorkbook(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const charts = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => f.startsWith("xl/charts/"))
      .sort()
      .map((f) => zip.file(f)!.async("string"))
  );
  return { grid: grids.find((g) => g.sheet === "KKB Ketidakpastian")!, charts, summary };
}

describe("KKB Ketidakpastian", () => {
  test("on the example: the stamp, a table per kampung, and why the association is not shown", () => {
    const read = readInput([exampleGrid()], { lang: "id" });
    const summary = buildSummary(read, options(1));
    const names = summary.sheets.map((s) => s.name);
    // Just before KKB Validasi (KKB Profil of issue 15 comes after it).
    const at = names.indexOf("KKB Validasi");
    expect(names[at - 1]).toBe("KKB Ketidakpastian");
    const sheet = sheetOf(summary);
    expect(sheet.role).toBe("ketidakpastian");
    const text = notes(sheet);
    expect(text).toMatch(/Monte Carlo: 200 putaran, seed 1, pembangkit acak xoroshiro128\+/);
    expect(text).toMatch(/TIDAK kokoh/);
    expect(text).toMatch(/Tidak ditampilkan: hanya 4 kampung/);
    const kampung = table(sheet, "KKB_Ketidakpastian");
    expect(kampung.rows).toHaveLength(4);
    // Sorted by the nominal composite rank, with the interval beside it.
    expect(allRows(kampung.rows).map((r) => r[4])).toEqual([1, 2, 3, 4]);
    const u = summary.uncertainty!;
    const first = u.composite.kampung.findIndex((k) => k?.nominal === 1);
    const k1 = u.composite.kampung[first]!;
    expect(allRows(kampung.rows)[0].slice(4, 8)).toEqual([k1.nominal, k1.median, k1.p5, k1.p95]);
    const sensitivity = table(sheet, "KKB_Kepekaan");
    expect(allRows(sensitivity.rows).map((r) => r[1])).toEqual([
      u.sensitivity.composite.weights,
      0,
      u.sensitivity.composite.rubric,
    ]);
    // The chart: stacked rank intervals of the top kampung, hidden start first.
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ kind: "rankInterval", seriesBy: "columns" });
    const source = table(sheet, "KKB_Grafik_Interval");
    expect(allRows(source.rows)[0]).toEqual([
      allRows(kampung.rows)[0][0],
      k1.p5,
      k1.median - k1.p5,
      k1.p95 - k1.median,
    ]);
    // English too.
    const en = sheetOf(buildSummary(read, { ...options(1), lang: "en" }));
    expect(notes(en)).toMatch(/Not shown: only 4 kampung/);
  });

  test("with 10 kampung or more: the correlations and status differences are shown", () => {
    const rows = nationalRows(40) as CellValue[][];
    const read = readInput([gridFromRows("Data", rows)], { lang: "id" });
    const summary = buildSummary(read, options(2));
    const sheet = sheetOf(summary);
    const correlations = table(sheet, "KKB_Korelasi");
    expect(correlations.rows).toHaveLength(6);
    expect(allRows(correlations.rows).every((r) => r[1] === 40)).toBe(true);
    expect(table(sheet, "KKB_Selisih_Status").rows.length).toBeGreaterThan(0);
    expect(notes(sheet)).toMatch(/asosiasi: tidak menunjukkan bahwa konvergensi menyebabkan/);
    expect(table(sheet, "KKB_Grafik_Interval").rows).toHaveLength(CHART_TOP);
  });

  test("the same seed gives the same workbook (cells and charts); another seed, other cells", async () => {
    const rows = nationalRows(60) as CellValue[][];
    const a = await written("a.xlsx", 11, rows);
    const b = await written("b.xlsx", 11, rows);
    const c = await written("c.xlsx", 12, rows);
    expect(b.grid.rows).toEqual(a.grid.rows);
    expect(b.charts).toEqual(a.charts);
    expect(c.grid.rows).not.toEqual(a.grid.rows);
    // The rank-interval chart part: stacked bars, the first series not drawn, no legend.
    const chart = a.charts.find((x) => x.includes('<c:grouping val="stacked"/>'));
    expect(chart).toBeDefined();
    expect(chart).toMatch(/<c:ser><c:idx val="0"\/>.*?<c:spPr><a:noFill\/>/);
    expect(chart).not.toMatch(/<c:legend>/);
    expect(chart).toMatch(/'KKB Ketidakpastian'!\$A\$\d+/);
  });

  test("through office.js: a stacked bar whose first series is cleared, without legend", async () => {
    const { model } = exampleWorkbook();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    const sheet = model.sheet("KKB Ketidakpastian")!;
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({
      type: "BarStacked",
      seriesBy: "Columns",
      clearedSeries: [0],
      legendVisible: false,
    });
    expect(sheet.values[chart.source.row][chart.source.col]).toBe("Kampung");
  });

  test("long notes break at spaces within the width", () => {
    expect(lineBreaks("satu dua tiga empat", 9)).toEqual(["satu dua", "tiga", "empat"]);
    expect(lineBreaks("pendek", 150)).toEqual(["pendek"]);
  });
});
