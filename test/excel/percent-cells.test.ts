/**
 * iBangga typed as percentages inside Excel (97,8 % is stored as 0.978; the office.js fake keeps
 * each cell's number format as Excel's invariant code): read as shown, as the file reader reads
 * the same cells (test/xlsx/real.test.ts, openpyxl-persen.xlsx). A workbook without any costs
 * no sync more: the first rows' formats ride on a sync the read makes anyway.
 */
import { SETARA } from "../../src/engine/ibangga";
import { readInputFromWorkbook } from "../../src/excel/read-input";
import { analyseRead } from "../../src/workbook/summary";
import { exampleRows } from "../helpers/example";
import { FakeContext, WorkbookModel } from "./fake-excel";

/** The example with the iBangga dimensions of its first three kampung typed as percentages. */
function percentWorkbook(format = "0.0%", sheets = ["Data"]): WorkbookModel {
  const rows = exampleRows();
  const dims = [rows[0].length - 3, rows[0].length - 2, rows[0].length - 1];
  for (const r of [1, 2, 3])
    for (const c of dims) rows[r][c] = Number(((rows[r][c] as number) / 100).toPrecision(15));
  const model = new WorkbookModel();
  for (const name of sheets) {
    const sheet = model.addSheet(name).fill(rows, 2, 1);
    sheet.formatLayers.push({ rect: { row: 3, col: 1 + dims[0], rows: 3, cols: 3 }, format });
  }
  return model;
}

async function read(model: WorkbookModel) {
  const context = new FakeContext(model);
  const found = await readInputFromWorkbook(context.asExcel(), { kind: "auto" }, { lang: "id" });
  return { found, syncs: context.syncCount };
}

describe("iBangga shown as percentages in Excel", () => {
  it.each(["0.0%", "0%", "0.00%;[Red]-0.00%"])(
    "read as shown (%s), with no fraction warning, as from the example's own numbers",
    async (format) => {
      const { found } = await read(percentWorkbook(format));
      const plain = new WorkbookModel();
      plain.addSheet("Data").fill(exampleRows(), 2, 1);
      const { found: expected } = await read(plain);
      expect(found.read.assessments.map((a) => a.dimensions)).toEqual(
        expected.read.assessments.map((a) => a.dimensions)
      );
      const { results } = analyseRead(found.read, SETARA, "id");
      expect(results.kampung.map((k) => k.ibangga?.setara)).toEqual([92.4, 89.9, 88.8, 79.9]);
      expect(found.read.issues.some((i) => i.code === "IBANGGA_FRACTION")).toBe(false);
    }
  );

  it("without the format the same numbers are fractions, warned at their cells", async () => {
    const model = percentWorkbook();
    model.sheet("Data")!.formatLayers.length = 0;
    const { found } = await read(model);
    const fractions = found.read.issues.filter((i) => i.code === "IBANGGA_FRACTION");
    expect(fractions).toHaveLength(9);
    expect(fractions[0].cell).toBe("V4");
  });

  it("costs no sync when no iBangga cell shows a percentage, one more when some do", async () => {
    const plain = new WorkbookModel();
    plain.addSheet("Data").fill(exampleRows(), 2, 1);
    // A percentage outside the iBangga columns (a score column) changes nothing.
    plain
      .sheet("Data")!
      .formatLayers.push({ rect: { row: 3, col: 6, rows: 4, cols: 1 }, format: "0%" });
    const without = await read(plain);
    const other = new WorkbookModel();
    other.addSheet("Data").fill(exampleRows(), 2, 1);
    const base = await read(other);
    expect(without.syncs).toBe(base.syncs);
    expect(without.found.read.assessments).toEqual(base.found.read.assessments);
    const withPercent = await read(percentWorkbook());
    expect(withPercent.syncs).toBe(base.syncs + 1);
  });

  it("on sheets read as rounds, each sheet's percentages are read as shown", async () => {
    const { found } = await read(
      percentWorkbook("0.0%", ["Penilaian 2024-T3", "Penilaian 2024-T4"])
    );
    expect(found.read.rounds?.list.map((r) => r.label)).toEqual(["2024-T3", "2024-T4"]);
    expect(found.read.issues.some((i) => i.code === "IBANGGA_FRACTION")).toBe(false);
    expect(found.read.assessments.map((a) => a.dimensions?.[0])).toEqual([
      97.8, 97.2, 91.7, 93.4, 97.8, 97.2, 91.7, 93.4,
    ]);
  });
});
