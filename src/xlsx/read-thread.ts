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
import { Grid, GridRect, GridTable, SheetLayout } from "../workbook/grid";
import { MergeOverlap } from "../workbook/merge-overlaps";
import { FileProblem, XlsxFileError } from "./errors";
import { CellBudget, GridBuilder, MemoryLimitError } from "./grid-builder";
import {
  EXCEL_ROWS,
  GridLimitError,
  resolveRow,
  SheetContext,
  SheetPartHandler,
} from "./ooxml/sheet-part";
import { XmlStream } from "./ooxml/xml";
import { fileProblem } from "./read-bytes";

/** What the worker is given (workerData). */
export interface ReadTask {
  readonly file: string;
  /** The name messages give the file. */
  readonly name: string;
  readonly maxCells?: number;
  /** One segment of a sheet's rows in this many is parsed by the receiving thread (sheet-split.ts). */
  readonly splitEvery?: number;
  /** Tests: the sheets' text cut into pieces of this many characters, for many segments. */
  readonly pieceChars?: number;
  /**
   * Messages taken in so far (an Int32Array's first element over it): the worker waits while
   * more than IN_FLIGHT of its messages wait here (see `waitForRoom`).
   */
  readonly taken?: SharedArrayBuffer;
}

/**
 * Messages the worker may have sent that this thread has not taken in yet. Each waits in memory
 * the worker's thread allocated (malloc's arena of that thread, kept by the process after the
 * worker ends): unbounded, the national summary peaked at 302-308 MB with the segments of
 * sheet-split.ts, 295-300 MB with this bound (288-295 MB before the segments, 290-295 MB with
 * the bound and no segments; with one malloc arena, MALLOC_ARENA_MAX=1, 281-286 MB either way).
 * 32 rather than 8 lets neither thread wait on the other as often (with SPLIT_EVERY 2 instead of
 * 3: the national read's end 4.25-4.53 s against 4.80-5.20 s, three interleaved pairs; four
 * national rounds 32.6/40.7, 43.0/46.0, 40.1/40.1 s), the peak the same (290-305 MB).
 */
export const IN_FLIGHT = 32;

/**
 * In the worker, before a message is sent: waits (blocking the worker, never this thread)
 * until fewer than IN_FLIGHT of the `sent` messages are still to be taken in.
 */
export function waitForRoom(taken: Int32Array, sent: number): void {
  for (;;) {
    const done = Atomics.load(taken, 0);
    if (sent - done < IN_FLIGHT) return;
    // Woken by each message taken in; the time limit only guards against a missed wake-up.
    Atomics.wait(taken, 0, done, 100);
  }
}

/**
 * One segment of a sheet's rows in this many is parsed by the receiving thread, which also
 * takes in all the rows and writes the input's copy (streamed-copy.ts) meanwhile: with one in
 * three it still waited for the worker about a quarter of the read (see IN_FLIGHT).
 */
export const SPLIT_EVERY = 2;

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
  /** Hidden rows and formulas with no saved result (row, column, formula) among these rows. */
  readonly hidden: number[];
  readonly uncalculated: [number, number, string][];
  /** Number cells shown as percentages: row and column, two numbers each. */
  readonly percent: number[];
  /** Non-empty cells in the batch (counted against the receiving side's budget). */
  readonly count: number;
  /** The sheet's column widths and frozen panes, with its first batch (they precede its rows). */
  readonly layout?: SheetLayout;
}

/**
 * What the receiving thread needs to read segments of sheet XML itself (sheet-split.ts): the
 * workbook's shared strings and date styles; sent once, before the first segment.
 */
export interface ContextMessage {
  readonly kind: "context";
  readonly sharedStrings: readonly string[];
  readonly dateStyles: number[];
  readonly percentStyles: number[];
  readonly date1904: boolean;
}

/**
 * Rows of a sheet's XML for the receiving thread to read (sheet-split.ts): whole `<row>`
 * elements, following the rows sent before it, with the namespace prefixes in scope there.
 */
export interface SegmentMessage {
  readonly kind: "segment";
  readonly sheet: number;
  readonly name: string;
  readonly text: string;
  /** The row the text follows, as the worker's reader had it (sheet-part.ts `currentRow`). */
  readonly after: number;
  readonly scope: [string, string][];
}

/** A sheet read to its end: what its builder was told besides cells. */
export interface SheetMessage {
  readonly kind: "sheet";
  readonly sheet: number;
  readonly name: string;
  /** The sheet's last row as the worker's reader had it (see SegmentMessage `after`), if cut. */
  readonly last: number | null;
  readonly merges: GridRect[];
  readonly mergeOverlaps: MergeOverlap[];
  readonly tables: GridTable[];
  readonly visibility: Grid["visibility"];
}

export type WorkerMessage =
  | RowsMessage
  | SheetMessage
  | ContextMessage
  | SegmentMessage
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
  private all = false;

  /** Every string is sent from now on (the whole table went with the context message). */
  markAll(): void {
    this.all = true;
  }

  /** True the first time `index` is asked about. */
  first(index: number): boolean {
    if (this.all) return false;
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
  /** Rows since the last batch. */
  private pending = new Map<number, PendingRow>();
  private hiddenList: number[] = [];
  private formulaList: [number, number, string][] = [];
  private percentList: number[] = [];
  /** Cells since the last batch. */
  private count = 0;
  /** The sheet's last row when its text was cut (sheet-split.ts), checked where it is made absolute. */
  sheetLastRow: number | null = null;
  private readonly rects: GridRect[] = [];
  private readonly tableList: GridTable[] = [];
  /** Shared strings first used since the last batch. */
  private indexes: number[] = [];
  private texts: string[] = [];
  /** The sheet's layout, not yet sent. */
  private layoutToSend: SheetLayout | null = null;

  constructor(
    sheet: string,
    budget: CellBudget,
    private readonly post: (message: WorkerMessage) => void,
    /** Shared strings already sent, across the workbook's sheets. */
    private readonly sent: SentStrings,
    /** The sheet's number in messages: by default the next of this thread's sheets. */
    readonly id = SendingGridBuilder.sheets++
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
    this.count++;
    const pending = this.pendingRow(row);
    pending.cells[col] = value;
    // The later value of a cell given twice wins, as in GridBuilder.
    if (pending.shared?.[col] !== undefined) delete pending.shared[col];
  }

  override setShared(row: number, col: number, index: number, text: string): void {
    if (--this.budget.remaining < 0) throw new MemoryLimitError();
    this.count++;
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

  override percent(row: number, col: number): void {
    this.percentList.push(row, col);
  }

  override merge(rect: GridRect): void {
    this.rects.push(rect);
  }

  override addTable(table: GridTable): void {
    this.tableList.push(table);
  }

  override layout(layout: SheetLayout): void {
    this.layoutToSend = layout;
  }

  /**
   * Sends the rows since the last batch, with the shared strings they use for the first time,
   * and the hidden rows and uncalculated formulas since then.
   */
  override flush(): void {
    if (
      this.pending.size === 0 &&
      this.hiddenList.length === 0 &&
      this.formulaList.length === 0 &&
      this.percentList.length === 0 &&
      this.layoutToSend === null
    )
      return;
    const rows: number[] = [];
    const cells: CellValue[][] = [];
    const shared: number[] = [];
    for (const [row, pending] of this.pending) {
      rows.push(row);
      cells.push(pending.cells);
      pending.shared?.forEach((index, col) => shared.push(row, col, index));
    }
    const { indexes, texts, hiddenList: hidden, formulaList: uncalculated, count } = this;
    const percent = this.percentList;
    const layout = this.layoutToSend;
    this.layoutToSend = null;
    this.percentList = [];
    this.pending = new Map();
    this.lastRow = -1;
    this.lastPending = null;
    this.indexes = [];
    this.texts = [];
    this.hiddenList = [];
    this.formulaList = [];
    this.count = 0;
    this.post({
      kind: "rows",
      sheet: this.id,
      name: this.sheet,
      rows,
      cells,
      shared,
      indexes,
      texts,
      hidden,
      uncalculated,
      percent,
      count,
      ...(layout ? { layout } : {}),
    });
  }

  override build(): Grid {
    this.flush();
    this.post({
      kind: "sheet",
      sheet: this.id,
      name: this.sheet,
      last: this.sheetLastRow,
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
  /** The sheet's column widths and frozen panes, before its first rows when it has them. */
  layout?(sheet: number, layout: SheetLayout): void;
  rows(sheet: number, rows: readonly number[], cells: readonly (readonly CellValue[])[]): void;
  sheetEnd(sheet: number, grid: Grid): void;
}

/** Where a sheet's rows stand on the receiving side while its segments are read (sheet-split.ts). */
interface SheetState {
  /** The 0-based row the worker's rows numbered from a segment's start follow. */
  base: number;
  /** Reads the segments this thread is sent, sending their rows to `rows` as the worker does. */
  builder: SendingGridBuilder | null;
}

/**
 * Puts what the worker sends into grids, in the order its sheets end, and reads the segments of
 * sheet XML it sends (sheet-split.ts) here, in the order they come: each one's rows follow the
 * rows sent before it, so the rows reach the grids and `sink` in the sheet's order.
 */
export class GridsFromThread {
  private readonly builders = new Map<number, GridBuilder>();
  /** The workbook's shared strings sent so far, by index (all of them with a context). */
  private shared: string[] = [];
  private readonly states = new Map<number, SheetState>();
  private context: SheetContext | null = null;
  private readonly sent = new SentStrings();
  /** Cells that may still be put into grids, from both threads. */
  private readonly budget: CellBudget;
  /** Rows read here from segments, and the segments taken. */
  rowsReadHere = 0;
  segments = 0;
  readonly grids: Grid[] = [];

  constructor(
    private readonly sink?: RowSink,
    maxCells = Infinity
  ) {
    this.budget = { remaining: maxCells };
  }

  private builder(sheet: number, name: string): GridBuilder {
    let builder = this.builders.get(sheet);
    if (!builder) this.builders.set(sheet, (builder = new GridBuilder(name)));
    return builder;
  }

  private state(sheet: number): SheetState {
    let state = this.states.get(sheet);
    if (!state) this.states.set(sheet, (state = { base: -1, builder: null }));
    return state;
  }

  /** Takes in what the worker read: rows, a sheet's end, the context, a segment to read here. */
  take(message: RowsMessage | SheetMessage | ContextMessage | SegmentMessage): void {
    switch (message.kind) {
      case "rows":
        return this.rows(message);
      case "sheet":
        return this.sheet(message);
      case "context":
        return this.takeContext(message);
      case "segment":
        return this.segment(message);
    }
  }

  rows(message: RowsMessage): void {
    const { indexes, texts, cells, shared } = message;
    this.budget.remaining -= message.count;
    if (this.budget.remaining < 0) throw new MemoryLimitError();
    for (let i = 0; i < indexes.length; i++) this.shared[indexes[i]] = texts[i];
    const builder = this.builder(message.sheet, message.name);
    if (message.layout) {
      builder.layout(message.layout);
      this.sink?.layout?.(message.sheet, message.layout);
    }
    const base = this.states.get(message.sheet)?.base ?? -1;
    const rows = message.rows.map((row) => absoluteRow(row, base));
    for (let i = 0; i < rows.length; i++) builder.putRow(rows[i], cells[i]);
    for (let k = 0; k < shared.length; k += 3)
      builder.set(absoluteRow(shared[k], base), shared[k + 1], this.shared[shared[k + 2]]);
    for (const row of message.hidden) builder.hideRow(absoluteRow(row, base));
    for (const [row, col, formula] of message.uncalculated)
      builder.uncalculated(absoluteRow(row, base), col, formula);
    for (let k = 0; k < message.percent.length; k += 2)
      builder.percent(absoluteRow(message.percent[k], base), message.percent[k + 1]);
    this.sink?.rows(message.sheet, rows, cells);
  }

  /** The workbook's strings and styles, for reading segments here. */
  takeContext(message: ContextMessage): void {
    // The whole table from now on; the worker sends no more texts (SentStrings.markAll).
    this.shared = message.sharedStrings as string[];
    this.context = {
      sharedStrings: message.sharedStrings,
      dateStyles: new Set(message.dateStyles),
      percentStyles: new Set(message.percentStyles),
      date1904: message.date1904,
    };
  }

  /** Reads a segment of a sheet's rows here (sheet-split.ts). */
  segment(message: SegmentMessage): void {
    if (!this.context) throw new Error("a segment came before the workbook's context");
    this.segments++;
    const state = this.state(message.sheet);
    state.builder ??= new SendingGridBuilder(
      message.name,
      { remaining: Infinity },
      (m) => {
        if (m.kind === "rows") this.rows(m);
      },
      this.sent,
      message.sheet
    );
    const handler = new SheetPartHandler(this.context, state.builder);
    handler.continueAfter(absoluteRow(message.after, state.base));
    const xml = new XmlStream(handler, message.scope);
    // A root around the rows: the handler reads no element of this name.
    xml.write("<segment>");
    xml.write(message.text);
    xml.write("</segment>");
    xml.end();
    state.builder.flush();
    // The worker's next rows numbered from a segment's start follow this one's last row.
    state.base = handler.currentRow;
    this.rowsReadHere += handler.rowsRead;
  }

  sheet(message: SheetMessage): void {
    // A row past Excel's last, numbered from a segment's start, is found here (an empty one).
    if (message.last !== null)
      absoluteRow(message.last, this.states.get(message.sheet)?.base ?? -1);
    const builder = this.builder(message.sheet, message.name);
    this.builders.delete(message.sheet);
    this.states.delete(message.sheet);
    for (const rect of message.merges) builder.merge(rect);
    builder.mergeOverlaps = message.mergeOverlaps;
    for (const table of message.tables) builder.addTable(table);
    builder.visibility = message.visibility;
    const grid = builder.build();
    this.grids.push(grid);
    this.sink?.sheetEnd(message.sheet, grid);
  }
}

/** A row as the worker's builder was given it, made absolute (sheet-part.ts `resolveRow`). */
function absoluteRow(row: number, base: number): number {
  if (row >= 0) return row;
  const resolved = resolveRow(row, base);
  if (resolved >= EXCEL_ROWS)
    throw new GridLimitError(`row ${resolved + 1} is outside Excel's grid`);
  return resolved;
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
 *
 * A file found damaged after segments of a sheet were read here (sheet-split.ts) is read again
 * without cutting, and without `sink` (the streamed copies then come from the grids): a cut in
 * XML that is well-formed but not as SpreadsheetML nests it (a row inside a row) fails there,
 * where the whole text may read.
 */
export async function readXlsxInThread(
  task: ReadTask,
  options: ThreadReadOptions = {}
): Promise<Grid[] | null> {
  try {
    return await readOnce(task, options);
  } catch (error) {
    if (!(error instanceof CutReadFailed)) throw error;
    return readOnce({ ...task, splitEvery: 1 }, { ...options, sink: undefined });
  }
}

/** A read that failed as damaged after this thread read segments of it. */
class CutReadFailed extends Error {}

function readOnce(task: ReadTask, options: ThreadReadOptions): Promise<Grid[] | null> {
  const script = options.script ?? path.join(__dirname, "read-thread-worker.js");
  if (!existsSync(script)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const taken = new Int32Array(new SharedArrayBuffer(4));
    let worker: Worker;
    try {
      worker = new Worker(script, {
        workerData: { ...task, taken: taken.buffer as SharedArrayBuffer },
      });
    } catch {
      return resolve(null);
    }
    const grids = new GridsFromThread(options.sink, task.maxCells);
    let answered = false;
    const answer = (settle: () => void) => {
      if (answered) return;
      answered = true;
      settle();
      // Nothing more is wanted from it: it keeps no process alive while it stops.
      worker.unref();
      void worker.terminate();
    };
    /** A damaged file's error, or CutReadFailed when segments were read here. */
    const failure = (error: XlsxFileError) =>
      error.problem === "corrupt" && grids.rowsReadHere + grids.segments > 0
        ? new CutReadFailed(error.message, { cause: error })
        : error;
    const take = (message: WorkerMessage) => {
      switch (message.kind) {
        case "rows":
        case "sheet":
        case "context":
        case "segment":
          return grids.take(message);
        case "progress":
          return options.onRows?.(message.rows + grids.rowsReadHere);
        case "done":
          return answer(() => resolve(grids.grids));
        case "error":
          return answer(() =>
            reject(
              message.problem
                ? failure(new XlsxFileError(message.problem, task.name))
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
        // What went wrong here with the worker's rows is the file's problem, as it would be there.
        answer(() => reject(failure(fileProblem(error, task.name, false))));
      }
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
    });
    worker.on("error", () => answer(() => resolve(null)));
    worker.on("exit", () => answer(() => resolve(null)));
  });
}
