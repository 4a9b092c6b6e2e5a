/**
 * Which rows of the input rectangle are hidden (by hand or by a filter), as the file reader
 * knows them from the file: one `rowHidden` read (false for almost every sheet: then nothing
 * more), else the visible cells of the rectangle's first column as areas (ExcelApi 1.9,
 * `getSpecialCellsOrNullObject(visible)`), whose gaps are the hidden rows. At most two syncs.
 */
import { SheetRect } from "./plan-read";

/** 0-based sheet rows of `rect` that are hidden. */
export async function hiddenRowsOf(
  context: Excel.RequestContext,
  rect: SheetRect
): Promise<number[]> {
  if (rect.rows <= 0) return [];
  const column = context.workbook.worksheets
    .getItem(rect.sheet)
    .getRangeByIndexes(rect.row, rect.col, rect.rows, 1);
  column.load("rowHidden");
  await context.sync();
  if (column.rowHidden === false) return [];
  const visible = column.getSpecialCellsOrNullObject("Visible");
  visible.areas.load("items/rowIndex,items/rowCount");
  await context.sync();
  const shown = new Set<number>();
  if (!visible.isNullObject) {
    for (const area of visible.areas.items) {
      for (let r = area.rowIndex; r < area.rowIndex + area.rowCount; r++) shown.add(r);
    }
  }
  const hidden: number[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) if (!shown.has(r)) hidden.push(r);
  return hidden;
}
