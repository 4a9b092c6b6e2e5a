/**
 * Reads a whole .xlsx in memory with ExcelJS (small files, and the browser pane).
 */
import * as ExcelJS from "exceljs";
import { Grid } from "../workbook/grid";
import { fromExcelJs } from "./cell-value";
import { GridBuilder } from "./grid-builder";

export async function readWorkbookFull(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; both ArrayBuffer and Uint8Array load.
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(sheetGrid);
}

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid = new GridBuilder(sheet.name);
  const last = sheet.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = sheet.findRow(r);
    if (!row) continue;
    if (row.hidden) grid.hideRow(r - 1);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range keeps its value at the top-left cell only; ExcelJS repeats it in every cell.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      grid.set(r - 1, col - 1, fromExcelJs(cell.value));
    });
  }
  return grid.build();
}
