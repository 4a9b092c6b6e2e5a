/**
 * The merged ranges of the input rectangle, as the file reader knows them from a file
 * (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13). Queued before a sync the caller makes
 * anyway; a second sync only when the rectangle has merges. Only merges whose top-left cell lies
 * in the rectangle are returned (office-js issue 3611): a merge reaching into the kampung rows
 * from above starts in the header, which is not filled down anyway.
 */
import { CellValue } from "../engine/cell";
import { GridRect } from "../workbook/grid";
import { clearUnderMerge } from "../workbook/merged-cells";
import { SheetRect } from "./plan-read";

export interface MergedAreasQuery {
  /** After the caller's sync: the merges (0-based sheet rows and columns, inclusive). */
  read(): Promise<GridRect[]>;
}

export function queueMergedAreas(context: Excel.RequestContext, rect: SheetRect): MergedAreasQuery {
  const merged = context.workbook.worksheets
    .getItem(rect.sheet)
    .getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols)
    .getMergedAreasOrNullObject();
  merged.load("areaCount");
  return {
    async read() {
      if (merged.isNullObject) return [];
      // The areas themselves: the RangeAreas' address may name only their top-left cells
      // (office-js issue 1590).
      merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
      await context.sync();
      return merged.areas.items.map((area) => ({
        top: area.rowIndex,
        left: area.columnIndex,
        bottom: area.rowIndex + area.rowCount - 1,
        right: area.columnIndex + area.columnCount - 1,
      }));
    },
  };
}

/**
 * Empties the cells of `rows` (a grid read from Excel, its row 0 at sheet row `originRow` and
 * column 0 at `originCol`) that lie under a merge but are not its top-left cell, as the file
 * reader does (clearUnderMerge): Excel keeps a merged range's value in its top-left cell and
 * discards the others' when it merges (Range.merge: "The value of a merged range is specified in
 * the cell of the range's upper-left corner"), but a file written by LibreOffice or openpyxl may
 * still hold values there and `Range.values` returns what the cells hold. Mutates `rows`.
 */
export function clearUnderMerges(
  rows: CellValue[][],
  originRow: number,
  originCol: number,
  merges: readonly GridRect[]
): void {
  for (const m of merges) clearUnderMerge(rows, originRow, originCol, m);
}
