/**
 * Issue 18 item 2: a summary sheet never runs past Excel's last row. Cut at a small limit here
 * (the rule is the same at 1,048,576): tables end at the limit, what lies below goes, the stamp
 * says how many rows were left out.
 */
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { TableBlock } from "../../src/workbook/sheet-spec";
import { fitSheetsToGrid, SHEET_ROWS } from "../../src/workbook/sheet-rows";
import { buildSummary } from "../../src/workbook/summary";
import { exampleGrid } from "../helpers/example";

const summary = () =>
  buildSummary(readInput([exampleGrid()], { lang: "id" }), {
    lang: "id",
    weights: SETARA,
    source: "contoh.xlsx",
    now: new Date(2026, 11, 1, 9, 0),
  });

describe("summary sheets within Excel's rows", () => {
  it("leaves the study's summary whole", () => {
    const s = summary();
    expect(s.cut).toEqual([]);
    expect(fitSheetsToGrid(s.sheets, "id", SHEET_ROWS).sheets).toEqual(s.sheets);
  });

  it("cuts a sheet at the limit: the table that crosses it ends there, the rest goes, the stamp says so", () => {
    const { sheets } = summary();
    const domain = sheets.find((x) => x.name === "KKB Domain")!;
    const tables = domain.blocks.filter((b): b is TableBlock => b.kind === "table");
    // The second per-domain table: its header and one kampung fit.
    const limit = tables[1].row + 2;
    const { sheets: fitted, cut } = fitSheetsToGrid(sheets, "id", limit);
    const left = tables[1].rows.length - 1 + tables.slice(2).reduce((n, t) => n + t.rows.length, 0);
    expect(cut).toEqual(expect.arrayContaining([{ sheet: "KKB Domain", rowsLeftOut: left }]));
    const after = fitted.find((x) => x.name === "KKB Domain")!;
    const kept = after.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(kept.map((t) => t.rows.length)).toEqual([4, 1]);
    for (const b of after.blocks) {
      const height =
        b.kind === "table" ? b.rows.length + 1 : b.kind === "notes" ? b.lines.length : 1;
      expect(b.row + height).toBeLessThanOrEqual(limit);
    }
    const stamp = after.blocks.find((b) => b.kind === "notes" && b.row === 1);
    expect(stamp?.kind === "notes" && stamp.lines[stamp.lines.length - 1]).toMatch(
      new RegExp(
        `; ${left} baris tidak muat di lembar ini \\(batas Excel 1\\.048\\.576 baris\\): lihat JSON \\(--json\\)$`
      )
    );
    // A sheet cut above its chart loses the chart, never a chart over rows that are not there.
    const ringkasan = fitted.find((x) => x.name === "KKB Ringkasan")!;
    for (const c of ringkasan.charts) expect(c.anchor.row + c.size.rows).toBeLessThanOrEqual(limit);
  });
});
