/**
 * An .xlsx file read in a second thread (Node's worker_threads): the worker inflates and
 * parses the sheets (read-thread-worker.ts) and sends their rows here in batches, where they
 * are put into grids as they come. Parsing was most of the reading (3.6 s of a national
 * workbook's 84,276 rows, against some 0.3 s to take its rows in here), so this thread is free
 * meanwhile, and its heap never holds the parser's garbage. The grids are the same as those of
 * the one-thread reader (readXlsxPackage), cell for cell and fact for fact: the worker runs that
 * reader, with a GridBuilder that sends on what it is given (`SendingGridBuilder`).
 *
 * A shared string is sent once, by its index, the first time a cell uses it: cells that show
 * the same text keep sharing one string here too, as they do when read in one thread.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { CellValue } from "../engine/cell";
import { Grid, GridRect, GridTable } from "../workbook/grid";
import { MergeOverlap } from "../workbook/merge-overlaps";
import { FileProblem, XlsxFileError } from "./errors";
import { CellBudget, GridBuilder, MemoryLimitError } from "./grid-builder";

/** What the worker is given (workerData). */
export interface ReadTask {
  readonly file: string;
  /** The name messages give the file. */
  readonly name: string;
  readonly maxCells?: number;
}

/** Rows a batch holds before it is sent (a national batch is some 250 KB). */
export const BATCH_ROWS = 1024;

/** Rows read, in the order the worker's builder was given them. */
export interface RowsMessage {
  readonly kind: "rows";
  /** The sheet: its builder's number in the worker, and its name. */
  readonly sheet: number;
  readonly name: string;
  /** 0-based sheet rows, and each one's cells (a shared string's cell is left empty here). */
  readonly rows: number[];
  readonly cells: CellValue[][];
  /** Shared-string cells: row, column and index into the shared strings, three numbers each. */
  readonly shared: number[];
  /** Shared strings not sent before: their indexes and texts. */
  readonly indexes: number[];
  readonly texts: string[];
}

/** A sheet read to its end: what its builder was told besides cells. */
export interface SheetMessage {
  readonly kind: "sheet";
  readonly sheet: number;
  readonly name: string;
  readonly hidden: number[];
  /** Formulas with no saved result: row, column, formula. */
  readonly uncalculated: [number, number, string][];
  readonly merges: GridRect[];
  readonly mergeOverlaps: MergeOverlap[];
  readonly tables: GridTable[];
  readonly visibility: Grid["visibility"];
}

export type WorkerMessage =
  | RowsMessage
  | SheetMessage
  | { readonly kind: "progress"; readonly rows: number }
  | { readonly kind: "done" }
  | { readonly kind: "error"; readonly problem: FileProblem | null; readonly message: string };

/**
 * Which shared strings a workbook's reading has sent, by index (they are numbered from 0): a
 * flag per index, where a Set of a national workbook's 170,000 indexes took some 200 ns a
 * lookup in processor cache misses.
 */
export class SentStrings {
  private flags = new Uint8Array(1024);

  /** True the first time `index` is asked about. */
  first(index: number): boolean {
    if (index >= this.flags.length) {
      const grown = new Uint8Array(Math.max(index + 1, 2 * this.flags.length));
      grown.set(this.flags);
      this.flags = grown;
    }
    if (this.flags[index]) return false;
    this.flags[index] = 1;
    return true;
  }
}

/** A row since the last batch: its cells, and its shared-string cells' indexes by column. */
interface PendingRow {
  readonly cells: CellValue[];
  shared: number[] | null;
}

/**
 * A GridBuilder that sends what it is given to `post` instead of keeping it: cells in batches
 * of BATCH_ROWS rows, the rest when the sheet is built. The cell budget is counted here, as
 * GridBuilder counts it.
 */
export class SendingGridBuilder extends GridBuilder {
  private static sheets = 0;
  private readonly id = SendingGridBuilder.sheets++;
  /** Rows since the last batch. */
  private pending = new Map<number, PendingRow>();
  private readonly hiddenList: number[] = [];
  private readonly formulaList: [number, number, string][] = [];
  private readonly rects: GridRect[] = [];
  private readonly tableList: GridTable[] = [];
  /** Shared strings first used since the last batch. */
  private indexes: number[] = [];
  private texts: string[] = [];

  constructor(
    sheet: string,
    budget: CellBudget,
    private readonly post: (message: WorkerMessage) => void,
    /** Shared strings already sent, across the workbook's sheets. */
    private readonly sent: SentStrings
  ) {
    super(sheet, budget);
  }

  /** The row the last cell went to: cells come row by row. */
  private lastRow = -1;
  private lastPending: PendingRow | null = null;

  private pendingRow(row: number): PendingRow {
    if (row === this.lastRow && this.lastPending) return this.lastPending;
    let pending = this.pending.get(row);
    if (!pending) {
      if (this.pending.size >= BATCH_ROWS) this.flush();
      pending = { cells: [], shared: null };
      this.pending.set(row, pending);
    }
    this.lastRow = row;
    this.lastPending = pending;
    return pending;
  }

  override set(row: number, col: number, value: CellValue): void {
    if (value === null || value === undefined) return;
    if (--this.budget.remaining < 0) throw new MemoryLimitError();
    const pending = this.pendingRow(row);
    pending.cells[col] = value;
    // The later value of a cell given twice wins, as in GridBuilder.
    if (pending.shared?.[col] !== undefined) delete pending.shared[col];
  }

  override setShared(row: number, col: number, index: number, text: string): void {
    if (--this.budget.remaining < 0) throw new MemoryLimitError();
    const pending = this.pendingRow(row);
    (pending.shared ??= [])[col] = index;
    if (pending.cells[col] !== undefined) delete pending.cells[col];
    if (this.sent.first(index)) {
      this.indexes.push(index);
      this.texts.push(text);
    }
  }

  /** Numbers as read: a message copies each one, so they are kept once where they arrive. */
  override number(n: number): number {
    return n;
  }

  override hideRow(row: number): void {
    this.hiddenList.push(row);
  }

  override uncalculated(row: number, col: number, formula: string): void {
    this.formulaList.push([row, col, formula]);
  }

  override merge(rect: GridRect): void {
    this.rects.push(rect);
  }

  override addTable(table: GridTable): void {
    this.tableList.push(table);
  }

  /** Sends the rows since the last batch, with the shared strings they use for the first time. */
  private flush(): void {
    if (this.pending.size === 0) return;
    const rows: number[] = [];
    const cells: CellValue[][] = [];
    const shared: number[] = [];
    for (const [row, pending] of this.pending) {
      rows.push(row);
      cells.push(pending.cells);
      pending.shared?.forEach((index, col) => shared.push(row, col, index));
    }
    const { indexes, texts } = this;
    this.pending = new Map();
    this.lastRow = -1;
    this.lastPending = null;
    this.indexes = [];
    this.texts = [];
    this.post({
      kind: "rows",
      sheet: this.id,
      name: this.sheet,
      rows,
      cells,
      shared,
      indexes,
      texts,
    });
  }

  override build(): Grid {
    this.flush();
    this.post({
      kind: "sheet",
      sheet: this.id,
      name: this.sheet,
      hidden: this.hiddenList,
      uncalculated: this.formulaList,
      merges: this.rects,
      mergeOverlaps: this.mergeOverlaps,
      tables: this.tableList,
      visibility: this.visibility,
    });
    return super.build();
  }
}

/**
 * Told of the rows as they are put into their grids (streamed-copy.ts writes the input's copy
 * meanwhile): each batch's sheet rows (0-based) and their cells, which the grid holds (not to
 * be changed); then each sheet's end, with its grid as built (merged ranges applied, its
 * formulas without a result listed).
 */
export interface RowSink {
  rows(sheet: number, rows: readonly number[], cells: readonly (readonly CellValue[])[]): void;
  sheetEnd(sheet: number, grid: Grid): void;
}

/** Puts what the worker sends into grids, in the order its sheets end. */
export class GridsFromThread {
  private readonly builders = new Map<number, GridBuilder>();
  private readonly shared: string[] = [];
  readonly grids: Grid[] = [];

  constructor(private readonly sink?: RowSink) {}

  private builder(sheet: number, name: string): GridBuilder {
    let builder = this.builders.get(sheet);
    if (!builder) this.builders.set(sheet, (builder = new GridBuilder(name)));
    return builder;
  }

  rows(message: RowsMessage): void {
    const { indexes, texts, rows, cells, shared } = message;
    for (let i = 0; i < indexes.length; i++) this.shared[indexes[i]] = texts[i];
    const builder = this.builder(message.sheet, message.name);
    for (let i = 0; i < rows.length; i++) builder.putRow(rows[i], cells[i]);
    for (let k = 0; k < shared.length; k += 3)
      builder.set(shared[k], shared[k + 1], this.shared[shared[k + 2]]);
    this.sink?.rows(message.sheet, rows, cells);
  }

  sheet(message: SheetMessage): void {
    const builder = this.builder(message.sheet, message.name);
    this.builders.delete(message.sheet);
    for (const row of message.hidden) builder.hideRow(row);
    for (const [row, col, formula] of message.uncalculated) builder.uncalculated(row, col, formula);
    for (const rect of message.merges) builder.merge(rect);
    builder.mergeOverlaps = message.mergeOverlaps;
    for (const table of message.tables) builder.addTable(table);
    builder.visibility = message.visibility;
    const grid = builder.build();
    this.grids.push(grid);
    this.sink?.sheetEnd(message.sheet, grid);
  }
}

export interface ThreadReadOptions {
  readonly onRows?: (rowsRead: number) => void;
  readonly maxCells?: number;
  /** The worker's script; by default read-thread-worker.js beside this module. */
  readonly script?: string;
  /** Told of the rows as they come. */
  readonly sink?: RowSink;
}

/**
 * Reads an .xlsx file in a worker thread: its grids, an XlsxFileError as the one-thread reader
 * throws it, or null when the worker could not run (no script, it would not start, it stopped
 * without an answer): the caller then reads the file in this thread.
 */
export function readXlsxInThread(
  task: ReadTask,
  options: ThreadReadOptions = {}
): Promise<Grid[] | null> {
  const script = options.script ?? path.join(__dirname, "read-thread-worker.js");
  if (!existsSync(script)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: task });
    } catch {
      return resolve(null);
    }
    const grids = new GridsFromThread(options.sink);
    let answered = false;
    const answer = (settle: () => void) => {
      if (answered) return;
      answered = true;
      settle();
      // Nothing more is wanted from it: it keeps no process alive while it stops.
      worker.unref();
      void worker.terminate();
    };
    const take = (message: WorkerMessage) => {
      switch (message.kind) {
        case "rows":
          return grids.rows(message);
        case "sheet":
          return grids.sheet(message);
        case "progress":
          return options.onRows?.(message.rows);
        case "done":
          return answer(() => resolve(grids.grids));
        case "error":
          return answer(() =>
            reject(
              message.problem
                ? new XlsxFileError(message.problem, task.name)
                : new Error(message.message)
            )
          );
      }
    };
    worker.on("message", (message: WorkerMessage) => {
      if (answered) return;
      try {
        take(message);
      } catch (error) {
        answer(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    });
    worker.on("error", () => answer(() => resolve(null)));
    worker.on("exit", () => answer(() => resolve(null)));
  });
}
