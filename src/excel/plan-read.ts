/**
 * Planning range reads: which rows of which ranges go into each `context.sync`, so that no
 * response passes the payload limit or the cell limit, whatever the sheet's size. Pure.
 */
import { DEFAULT_LIMITS, PayloadLimits } from "./limits";
import { jsonBytes } from "./payload";
import { HEADER_SCAN_ROWS } from "../workbook/input";

/** A rectangle of cells on a named sheet (0-based row and column, counts). */
export interface SheetRect {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Rows of one task read in one request. */
export interface ReadChunk extends SheetRect {
  /** Index of the task (the whole rectangle) this chunk belongs to. */
  readonly task: number;
}

/** What one `context.sync` reads. */
export type ReadBatch = readonly ReadChunk[];

/**
 * Before anything is read, a cell is assumed to cost this much: a short text value and its
 * value type (`"String",`) in JSON. Measured sizes replace it as soon as there are some.
 */
export const DEFAULT_BYTES_PER_CELL = 48;
/** No estimate goes below this: a one-digit number and `"Double",`. */
export const MIN_BYTES_PER_CELL = 12;
/** Measured sizes are scaled up by this much: later rows may hold longer text. */
export const ESTIMATE_SAFETY = 1.3;
/** Rows at the top of a sheet read first to find the header (as many as input.ts scans). */
export const HEAD_ROWS = HEADER_SCAN_ROWS;

/** Rows measured per response at most: evenly spaced through it. */
export const MEASURED_ROWS = 500;

/**
 * Bytes per cell of values and value types as Excel returns them, from at most MEASURED_ROWS
 * rows spread evenly through the response. Measuring every row of a 4 MB response took some
 * 60 ms of the pane's thread; a sample is as good for an estimate that carries a safety factor,
 * and a read Excel still refuses as too large is read again in smaller blocks (read-ranges.ts).
 */
export function measuredBytesPerCell(values: unknown[][], valueTypes: unknown[][]): number {
  const step = Math.max(1, Math.floor(values.length / MEASURED_ROWS));
  let cells = 0;
  let bytes = 0;
  for (let r = 0; r < values.length; r += step) {
    cells += values[r].length;
    // Each row's JSON and the comma after it, in both arrays.
    bytes += jsonBytes(values[r]) + jsonBytes(valueTypes[r] ?? []) + 2;
  }
  if (cells === 0) return MIN_BYTES_PER_CELL;
  return bytes / cells;
}

/** The estimate to plan the next reads with, after measuring `measured` bytes per cell. */
export function nextEstimate(current: number | null, measured: number): number {
  const fromMeasure = Math.max(MIN_BYTES_PER_CELL, measured * ESTIMATE_SAFETY);
  return current === null ? fromMeasure : Math.max(current, fromMeasure);
}

/** Estimated response bytes of reading a rectangle's values and value types. */
export function estimatedReadBytes(rows: number, cols: number, bytesPerCell: number): number {
  return Math.ceil(rows * cols * bytesPerCell);
}

/**
 * Packs the tasks' rows into batches, in order. Each batch stays under the payload and cell
 * limits by the estimate; a task larger than one batch is split into row blocks. A single
 * row is never split, so a row wider than the limit is read alone.
 */
export function planReadBatches(
  tasks: readonly SheetRect[],
  bytesPerCell: number,
  limits: PayloadLimits = DEFAULT_LIMITS
): ReadBatch[] {
  const batches: ReadChunk[][] = [];
  let batch: ReadChunk[] = [];
  let bytesLeft = limits.payloadBytes;
  let cellsLeft = limits.cells;
  const close = () => {
    if (batch.length > 0) batches.push(batch);
    batch = [];
    bytesLeft = limits.payloadBytes;
    cellsLeft = limits.cells;
  };
  tasks.forEach((task, index) => {
    if (task.rows <= 0 || task.cols <= 0) return;
    const rowBytes = task.cols * bytesPerCell;
    let done = 0;
    while (done < task.rows) {
      const fit = Math.min(Math.floor(bytesLeft / rowBytes), Math.floor(cellsLeft / task.cols));
      if (fit < 1 && batch.length > 0) {
        close();
        continue;
      }
      const rows = Math.min(Math.max(fit, 1), task.rows - done);
      batch.push({ ...task, row: task.row + done, rows, task: index });
      done += rows;
      bytesLeft -= rows * rowBytes;
      cellsLeft -= rows * task.cols;
    }
  });
  close();
  return batches;
}

/** The same tasks with the first `rows` rows of each already read removed. */
export function remainingTasks(
  tasks: readonly SheetRect[],
  readRows: readonly number[]
): SheetRect[] {
  return tasks.map((t, i) => ({ ...t, row: t.row + readRows[i], rows: t.rows - readRows[i] }));
}
