/**
 * Which iBangga cells of the input show their number as a percentage in Excel (an iBangga of
 * 97,8 % is stored as 0.978), as the file reader finds them in the styles part (grid.ts
 * `percentCells`). `Range.numberFormat` gives Excel's invariant format codes. The formats of the
 * input's first SAMPLE_ROWS rows ride on a sync the read makes anyway (read-input.ts
 * `inputFacts`); only an iBangga column with a percentage among them (users format a whole
 * column) has its every row's format read, in batches of BATCH_ROWS rows: a workbook without
 * any costs no sync more.
 */
import { address } from "../workbook/a1";
import { ColumnMap } from "../workbook/input";
import { isPercentFormat } from "../workbook/number-formats";
import { SheetRect } from "./plan-read";

/** Rows sampled from the top of the input: the header rows the reader searches, and more. */
const SAMPLE_ROWS = 60;
/** Rows of one column's formats per sync: some 10 bytes a cell, 0.5 MB. */
const BATCH_ROWS = 50_000;

/**
 * Queues the load of the number formats of the input's first rows (all its columns): the
 * range's `numberFormat` (rows from `rect.row`) after the caller's next sync; null for an
 * empty rectangle.
 */
export function queueFormatSample(
  context: Excel.RequestContext,
  rect: SheetRect
): Excel.Range | null {
  if (rect.rows <= 0 || rect.cols <= 0) return null;
  const range = context.workbook.worksheets
    .getItem(rect.sheet)
    .getRangeByIndexes(rect.row, rect.col, Math.min(rect.rows, SAMPLE_ROWS), rect.cols);
  range.load("numberFormat");
  return range;
}

/** Whether any sampled cell (queueFormatSample) shows a percentage. */
export function hasPercentFormat(sample: readonly (readonly unknown[])[]): boolean {
  return sample.some((row) => row.some((code) => isPercentFormat(String(code))));
}

/** The grid columns (0-based, from `rect.col`) of iBangga values: dimensions and their sub-indicators. */
export function ibanggaColumns(columns: ColumnMap): number[] {
  const cols = columns.dimension.filter((c): c is number => c !== null);
  for (const subs of columns.ibanggaSub) for (const s of subs) cols.push(s.col);
  return [...new Set(cols)].sort((a, b) => a - b);
}

/**
 * The A1 addresses of the cells under the header (0-based sheet row `headerRow`) in the iBangga
 * columns (grid columns from `rect.col`) whose number format shows a percentage: read for the columns where `sample` (from
 * queueFormatSample) shows one under the header; empty, without a sync, when none does.
 */
export async function percentCellsOf(
  context: Excel.RequestContext,
  rect: SheetRect,
  sample: readonly (readonly unknown[])[],
  columns: ColumnMap,
  headerRow: number
): Promise<string[]> {
  const first = headerRow + 1;
  const rows = rect.row + rect.rows - first;
  const sampled = (col: number) =>
    sample.slice(first - rect.row).some((row) => isPercentFormat(String(row[col] ?? "")));
  const cols = ibanggaColumns(columns).filter(sampled);
  if (rows <= 0 || cols.length === 0) return [];
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const found: string[] = [];
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, rows - start);
    const batches = cols.map((col) => {
      const range = sheet.getRangeByIndexes(first + start, rect.col + col, count, 1);
      range.load("numberFormat");
      return range;
    });
    // One batch of rows a sync: each response stays well under Excel's payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    batches.forEach((range, i) =>
      (range.numberFormat as unknown[][]).forEach((row, r) => {
        if (isPercentFormat(String(row[0])))
          found.push(address(first + start + r, rect.col + cols[i]));
      })
    );
  }
  return found;
}
