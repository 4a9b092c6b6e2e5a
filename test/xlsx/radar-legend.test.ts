/**
 * The radar of up to 12 kampung stays readable (attack s17, defect 13): with more than
 * LEGEND_BELOW_MAX series its legend goes to the chart's right and the chart is larger
 * (LARGE_RADAR_SIZE), instead of a 12-entry legend under a 40 px pentagon. Read back from the
 * written chart part.
 */
import { SETARA } from "../../src/engine/ibangga";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { CHART_SIZE, LARGE_RADAR_SIZE, buildSummary } from "../../src/workbook/summary";
import { writeWorkbook } from "../../src/xlsx/write";
import { benchHeaders, generateRows } from "../bench/generate";
import { tempDir, zipEntry, zipNames } from "../helpers/files";

const tmp = tempDir("kkb-radar-");
afterAll(() => tmp.remove());

async function written(count: number) {
  const grid = gridFromRows("Data", [benchHeaders(), ...generateRows(count, 9)]);
  const summary = buildSummary(readInput([grid], { lang: "id" }), {
    lang: "id",
    weights: SETARA,
    source: "x.xlsx",
    now: new Date(2026, 10, 30),
  });
  const file = tmp.file(`r${count}.xlsx`);
  await writeWorkbook(file, summary.sheets, {});
  const ringkasan = summary.sheets.find((s) => s.role === "ringkasan")!;
  const radar = ringkasan.charts.find((c) => c.kind === "radar")!;
  // The first chart part is KKB Ringkasan's radar (the first sheet's first chart).
  const part = zipNames(file).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
  return { radar, xml: zipEntry(file, part)! };
}

describe("the kampung radar of KKB Ringkasan", () => {
  it("puts 12 kampung's legend at the right of a larger chart", async () => {
    const { radar, xml } = await written(12);
    expect(radar.size).toEqual(LARGE_RADAR_SIZE);
    expect(radar.size.rows).toBeGreaterThan(CHART_SIZE.rows);
    expect(xml).toContain('<c:legendPos val="r"/>');
  });

  it("keeps a few kampung's legend under the chart", async () => {
    const { radar, xml } = await written(4);
    expect(radar.size).toEqual(CHART_SIZE);
    expect(xml).toContain('<c:legendPos val="b"/>');
  });
});
