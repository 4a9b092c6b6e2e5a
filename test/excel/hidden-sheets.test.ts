/**
 * Hidden sheets inside Excel as in files: the office.js path reads `Worksheet.visibility`
 * (ExcelApi 1.1: "Visible", "Hidden", "VeryHidden") with the other sheet facts and gives its
 * grids the same `visibility` the file reader finds, so the same sheet is chosen, the same
 * SHEET_HIDDEN warning is given and the round-sheets picker marks the same sheets.
 */
import { findInput, readInputFromWorkbook } from "../../src/excel/read-input";
import { InputLocation } from "../../src/excel/settings-codec";
import { readChosenInput } from "../../src/workbook/choose-input";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { exampleRows } from "../helpers/example";
import { FakeContext, WorkbookModel } from "./fake-excel";

type Visibility = NonNullable<Grid["visibility"]>;
const EXCEL: Record<Visibility, string> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** The same sheets as a file's grids and as an open workbook. */
function both(sheets: readonly [string, Visibility][]): { grids: Grid[]; model: WorkbookModel } {
  const model = new WorkbookModel();
  const grids = sheets.map(([name, visibility]) => {
    model.addSheet(name).fill(exampleRows()).visibility = EXCEL[visibility];
    return { ...gridFromRows(name, exampleRows()), visibility };
  });
  return { grids, model };
}

const said = (issues: readonly { code: string; sheet: string }[]) =>
  issues.filter((i) => i.code === "SHEET_HIDDEN").map((i) => i.sheet);

describe("hidden sheets inside Excel as in files", () => {
  const sheets: [string, Visibility][] = [
    ["Lama", "hidden"],
    ["Penilaian", "visible"],
    ["Arsip", "veryHidden"],
  ];

  it("without a choice, the visible sheet is read, not the hidden one listed before it", async () => {
    const { grids, model } = both(sheets);
    const fromFile = readChosenInput(grids, { lang: "id" });
    expect(fromFile.sheet).toBe("Penilaian");
    const found = await readInputFromWorkbook(
      new FakeContext(model).asExcel(),
      { kind: "auto" },
      { lang: "id" }
    );
    expect(found.read.sheet).toBe("Penilaian");
    expect(said(found.read.issues)).toEqual(said(fromFile.issues));
    expect(said(found.read.issues)).toEqual([]);
  });

  it.each([
    ["Lama", "Hidden"],
    ["Arsip", "VeryHidden"],
  ])("a hidden sheet named (%s, %s) is read with SHEET_HIDDEN, as from a file", async (sheet) => {
    const { grids, model } = both(sheets);
    const fromFile = readChosenInput(grids, { lang: "id", sheet });
    const where: InputLocation = { kind: "sheet", sheet };
    const found = await readInputFromWorkbook(new FakeContext(model).asExcel(), where, {
      lang: "id",
    });
    expect(found.read.sheet).toBe(sheet);
    expect(said(found.read.issues)).toEqual([sheet]);
    expect(said(fromFile.issues)).toEqual([sheet]);
  });

  it("the round-sheets picker's list marks the hidden sheets from the grids' visibility", async () => {
    const { model } = both([
      ["Penilaian 2024-T3", "visible"],
      ["Penilaian 2024-T4", "hidden"],
      ["Penilaian 2025-T1", "veryHidden"],
    ]);
    const found = await findInput(
      new FakeContext(model).asExcel(),
      { kind: "auto" },
      { lang: "en" }
    );
    expect(found.view.inputSheets?.map((s) => [s.sheet, s.hidden === true])).toEqual([
      ["Penilaian 2024-T3", false],
      ["Penilaian 2024-T4", true],
      ["Penilaian 2025-T1", true],
    ]);
    expect(found.survey.sheets.map((s) => s.visibility)).toEqual([
      "visible",
      "hidden",
      "veryHidden",
    ]);
  });

  it("the fake refuses a visibility Excel does not have, as Excel does", async () => {
    const { model } = both([["Penilaian", "visible"]]);
    const context = new FakeContext(model).asExcel();
    const sheet = context.workbook.worksheets.getItem("Penilaian");
    sheet.visibility = "hidden" as Excel.SheetVisibility;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.sheet("Penilaian")!.visibility).toBe("Visible");
  });
});
