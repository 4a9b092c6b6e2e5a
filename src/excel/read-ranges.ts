/**
 * Reads rectangles of cells (values and value types together) in as few `context.sync` calls as
 * the payload limit allows: the plan packs row blocks into batches, each batch's measured size
 * sharpens the estimate for the next, and a batch Excel rejects as too large is read again in
 * smaller blocks. Never a call per cell.
 */
import { CellValue } from "../engine/cell";
import { cellValues } from "./cells";
import { DEFAULT_LIMITS, PayloadLimits } from "./limits";
import {
  DEFAULT_BYTES_PER_CELL,
  measuredBytesPerCell,
  MIN_BYTES_PER_CELL,
  nextEstimate,
  planReadBatches,
  remainingTasks,
  SheetRect,
} from "./plan-read";

/** How much smaller the block read after a refused one is. */
const REFUSAL_SHRINK = 8;

export interface ReadProgress {
  readonly rowsRead: number;
  readonly rowsTotal: number;
}

export interface ReadOptions {
  readonly limits?: PayloadLimits;
  /** Bytes per cell to plan the first batch with (a measured value from an earlier read). */
  readonly bytesPerCell?: number;
  readonly onBatch?: (progress: ReadProgress) => void;
  /** Each block's rows as they arrive (task index, rows), to hand them on straight away. */
  readonly onRows?: (task: number, rows: CellValue[][]) => void;
  /** Whether to keep the rows in the result too (default true). */
  readonly keepRows?: boolean;
}

export interface ReadResult {
  /** Per task, its rows of cells (empty when `keepRows` is false). */
  readonly rows: CellValue[][][];
  /** Largest measured bytes per cell, to plan later reads with. */
  readonly measuredBytesPerCell: number | null;
}

/** Excel's answer when a request or response passes its size limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const text = `${String(e?.code ?? "")} ${String(e?.message ?? "")}`;
  return /PayloadSizeLimitExceeded|payload/i.test(text);
}

export async function readRanges(
  context: Excel.RequestContext,
  tasks: readonly SheetRect[],
  options: ReadOptions = {}
): Promise<ReadResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rows: CellValue[][][] = tasks.map(() => []);
  const done = tasks.map(() => 0);
  const rowsTotal = tasks.reduce((n, t) => n + Math.max(0, t.rows), 0);
  let measured: number | null = null;
  let estimate = options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };

  for (;;) {
    const left = remainingTasks(tasks, done);
    const [batch] = planReadBatches(left, estimate, limits);
    if (!batch) break;
    const ranges = batch.map((chunk) => {
      const range = sheet(chunk.sheet).getRangeByIndexes(
        chunk.row,
        chunk.col,
        chunk.rows,
        chunk.cols
      );
      range.load("values,valueTypes");
      return range;
    });
    try {
      // One sync per planned batch: each response stays under the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const oneRow = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadTooLarge(error) || oneRow) throw error;
      // Later rows held far more than the estimate allowed for. Read a block an eighth the
      // size: its measured size then plans the rest, so one refusal does not become many.
      estimate = Math.max(estimate * REFUSAL_SHRINK, MIN_BYTES_PER_CELL);
      continue;
    }
    batch.forEach((chunk, i) => {
      const range = ranges[i];
      const values = range.values as unknown[][];
      const types = range.valueTypes as string[][];
      const size = measuredBytesPerCell(values, types);
      measured = measured === null ? size : Math.max(measured, size);
      const cells = cellValues(values, types);
      options.onRows?.(chunk.task, cells);
      if (options.keepRows !== false) {
        const target = rows[chunk.task];
        for (const row of cells) target.push(row);
      }
      done[chunk.task] += chunk.rows;
      // The values are copied out: let Excel release the proxies.
      range.untrack();
    });
    estimate = nextEstimate(options.bytesPerCell ?? null, measured ?? MIN_BYTES_PER_CELL);
    options.onBatch?.({ rowsRead: done.reduce((a, b) => a + b, 0), rowsTotal });
  }
  return { rows, measuredBytesPerCell: measured };
}
