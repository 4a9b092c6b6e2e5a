/**
 * The merged ranges of the input rectangle, as the file reader knows them from a file
 * (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13). Queued before a sync the caller makes
 * anyway; a second sync only when the rectangle has merges. Only merges whose top-left cell lies
 * in the rectangle are returned (office-js issue 3611): a merge reaching into the kampung rows
 * from above starts in the header, which is not filled down anyway.
 */
import { GridRect } from "../workbook/grid";
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
