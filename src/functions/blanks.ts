/**
 * The blank-cell rule. Excel desktop passes a blank cell inside a range argument as 0
 * (office-js issues 4702, 1951), and 0 is a valid score, so a 0 that arrives from a cell is
 * checked against what the cell holds: the functions ask for their arguments' addresses
 * (`@requiresParameterAddresses`), and every check requested in one tick of the shared runtime
 * (one recalculation wave) is answered by a batched read of the cells' `valueTypes` (one
 * `Excel.run`, one `sync` per chunk). Only the rectangle around an argument's zeros is read, and
 * only for rows whose result depends on them.
 *
 * The read is bounded, so no cell stays #BUSY!: it runs with `delayForCellEdit` (Excel waits
 * for the user to leave cell edit instead of refusing), each chunk has a timeout (a call that
 * never settles: office-js #1395, #6150, #6678, #6841), a failing chunk is retried range by
 * range so one bad range (a renamed sheet) fails only its own cells, and large waves are read
 * in chunks of at most MAX_CELLS_PER_READ cells instead of being refused.
 *
 * Where the read is impossible (no Excel API, the argument is in another workbook or is a
 * whole column, the read fails or times out), the zero stays unverified and the row it is in
 * gives #N/A with a message: never a number that may rest on a blank.
 */
import { rangeAddress } from "../workbook/a1";
import { cellCount, Matrix, RangeRef, rangeKey, subRange } from "./cells";

/** Excel.RangeValueType names per cell ("Empty", "Double", "String", ...). */
export type ValueTypeGrid = readonly (readonly string[])[];

/** Reads value types for many ranges at once (the office.js boundary, faked in tests). */
export interface CellTypeReader {
  /** One grid per range, in order; null where a range could not be read. May reject. */
  read(ranges: readonly RangeRef[]): Promise<(ValueTypeGrid | null)[]>;
}

/**
 * Cells per read (one Excel.run). Excel on the web caps a response at 5 MB; a value type costs
 * about 9 bytes of JSON ("Double",), so 400,000 cells stay under 4 MB. A larger wave is read
 * in several chunks, one after the other.
 */
export const MAX_CELLS_PER_READ = 400_000;

/** How long one read may take before its zeros are given up as unverified. */
export const READ_TIMEOUT_MS = 15_000;

type Schedule = (run: () => void) => void;
/** Starts a timer; returns its cancel. */
export type Timer = (fire: () => void, ms: number) => () => void;

const defaultSchedule: Schedule = (run) => {
  // A macrotask: Excel delivers a wave's invocations in one or a few messages; every check
  // they request before the timer fires shares one read.
  if (typeof setTimeout === "function") setTimeout(run, 0);
  else void Promise.resolve().then(run);
};

const defaultTimer: Timer = (fire, ms) => {
  if (typeof setTimeout !== "function") return () => undefined;
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

export interface BlankProbeOptions {
  readonly schedule?: Schedule;
  readonly maxCellsPerRead?: number;
  readonly timeoutMs?: number;
  readonly timer?: Timer;
}

interface Pending {
  readonly ref: RangeRef;
  readonly resolve: (grid: ValueTypeGrid | null) => void;
}

/** A range to read, as the row bands it is read in. */
interface Job {
  readonly ref: RangeRef;
  readonly parts: RangeRef[];
  readonly grids: (ValueTypeGrid | null)[];
  readonly waiting: ((grid: ValueTypeGrid | null) => void)[];
}

const TIMED_OUT = Symbol("timed out");

/** Coalesces value-type checks of one tick into batched, bounded reads. */
export class BlankProbe {
  private queue: Pending[] = [];
  /** Reads started so far (one Excel.run each). */
  reads = 0;
  private readonly schedule: Schedule;
  private readonly maxCells: number;
  private readonly timeoutMs: number;
  private readonly timer: Timer;

  constructor(
    private readonly reader: () => CellTypeReader | null,
    options: BlankProbeOptions = {}
  ) {
    this.schedule = options.schedule ?? defaultSchedule;
    this.maxCells = Math.max(1, options.maxCellsPerRead ?? MAX_CELLS_PER_READ);
    this.timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
    this.timer = options.timer ?? defaultTimer;
  }

  /** The value types of the range's cells, or null when they cannot be read. */
  valueTypes(ref: RangeRef): Promise<ValueTypeGrid | null> {
    return new Promise((resolve) => {
      this.queue.push({ ref, resolve });
      if (this.queue.length === 1) this.schedule(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const jobs = new Map<string, Job>();
    for (const { ref, resolve } of batch) {
      const key = rangeKey(ref);
      let job = jobs.get(key);
      if (!job) {
        const parts = bands(ref, this.maxCells);
        job = { ref, parts, grids: parts.map(() => null), waiting: [] };
        jobs.set(key, job);
      }
      job.waiting.push(resolve);
    }
    const reader = this.reader();
    if (!reader) {
      for (const job of jobs.values()) finish(job, null);
      return;
    }
    // Parts packed into chunks of at most maxCells cells, read one chunk after the other.
    const chunks: { job: Job; part: number }[][] = [];
    let chunk: { job: Job; part: number }[] = [];
    let cells = 0;
    for (const job of jobs.values()) {
      job.parts.forEach((part, i) => {
        if (chunk.length > 0 && cells + cellCount(part) > this.maxCells) {
          chunks.push(chunk);
          chunk = [];
          cells = 0;
        }
        chunk.push({ job, part: i });
        cells += cellCount(part);
      });
    }
    if (chunk.length > 0) chunks.push(chunk);

    const left = new Map<Job, number>([...jobs.values()].map((job) => [job, job.parts.length]));
    const failed = new Set<Job>();
    const settle = (job: Job, part: number, grid: ValueTypeGrid | null) => {
      if (grid === null) failed.add(job);
      job.grids[part] = grid;
      const remaining = (left.get(job) ?? 1) - 1;
      left.set(job, remaining);
      if (remaining === 0) finish(job, failed.has(job) ? null : join(job));
    };
    for (const items of chunks) {
      const refs = items.map(({ job, part }) => job.parts[part]);
      const result = await this.readBounded(reader, refs);
      if (result === TIMED_OUT || (result === null && items.length === 1)) {
        items.forEach(({ job, part }) => settle(job, part, null));
      } else if (result === null) {
        // One bad range (a renamed or deleted sheet) fails the whole batch: read each range
        // on its own, so the failure stays with its own cells.
        for (const { job, part } of items) {
          const one = await this.readBounded(reader, [job.parts[part]]);
          settle(job, part, one === null || one === TIMED_OUT ? null : one[0]);
        }
      } else {
        items.forEach(({ job, part }, i) => settle(job, part, result[i]));
      }
    }
  }

  /** One read with a timeout: the grids (null where one does not fit), null on failure. */
  private async readBounded(
    reader: CellTypeReader,
    refs: readonly RangeRef[]
  ): Promise<(ValueTypeGrid | null)[] | null | typeof TIMED_OUT> {
    this.reads++;
    let cancel: () => void = () => undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      cancel = this.timer(() => resolve(TIMED_OUT), this.timeoutMs);
    });
    try {
      const result = await Promise.race([reader.read(refs), timeout]);
      if (result === TIMED_OUT) return TIMED_OUT;
      return refs.map((ref, i) => (fits(result[i], ref) ? result[i] : null));
    } catch {
      return null;
    } finally {
      cancel();
    }
  }
}

function finish(job: Job, grid: ValueTypeGrid | null): void {
  for (const resolve of job.waiting) resolve(grid);
}

/** The job's parts joined back into one grid (all parts are there). */
function join(job: Job): ValueTypeGrid {
  const rows: (readonly string[])[] = [];
  for (const grid of job.grids) if (grid) rows.push(...grid);
  return rows;
}

/** The range cut into row bands of at most maxCells cells (whole rows; one row at least). */
function bands(ref: RangeRef, maxCells: number): RangeRef[] {
  if (cellCount(ref) <= maxCells) return [ref];
  const rowsPerBand = Math.max(1, Math.floor(maxCells / ref.cols));
  const parts: RangeRef[] = [];
  for (let r = 0; r < ref.rows; r += rowsPerBand) {
    parts.push(subRange(ref, r, 0, Math.min(rowsPerBand, ref.rows - r), ref.cols));
  }
  return parts;
}

function fits(grid: ValueTypeGrid | null | undefined, ref: RangeRef): grid is ValueTypeGrid {
  return (
    Array.isArray(grid) &&
    grid.length === ref.rows &&
    grid.every((row) => Array.isArray(row) && row.length === ref.cols)
  );
}

/**
 * The office.js reader, or null where Excel's API is absent. `delayForCellEdit`: while the
 * user edits a cell, Excel holds the batch until the edit ends instead of refusing it.
 */
export function excelCellTypeReader(): CellTypeReader | null {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  return {
    read: (refs) =>
      Excel.run({ delayForCellEdit: true }, async (context) => {
        const ranges = refs.map((ref) => {
          const range = context.workbook.worksheets
            .getItem(ref.sheet)
            .getRange(rangeAddress(ref.row, ref.col, ref.rows, ref.cols));
          range.load("valueTypes");
          return range;
        });
        await context.sync();
        return ranges.map((range) => range.valueTypes as string[][]);
      }),
  };
}

/** A 0 whose cell could not be checked: it may be a blank. */
export class UnverifiedZero {
  static readonly instance = new UnverifiedZero();
  private constructor() {}
}

/** How an argument's zeros are to be treated. */
export type ZeroCheck =
  /** Called as a plain function (tests, other code): values are taken as given. */
  | { readonly kind: "none" }
  /** The argument is not a cell reference (a literal or a computed array): zeros are zeros. */
  | { readonly kind: "literal" }
  /** The argument's cells; null when the address cannot be read as one rectangle. */
  | { readonly kind: "cells"; readonly ref: RangeRef | null };

/**
 * The argument with every 0 that came from a blank cell turned into null, and every 0 that
 * could not be checked turned into UnverifiedZero. Zeros in rows for which `settled` is true
 * (their result does not depend on them) are left as they are and never read.
 */
export async function resolveZeros(
  values: Matrix,
  check: ZeroCheck,
  probe: BlankProbe,
  settled: (row: number) => boolean = () => false
): Promise<Matrix> {
  if (check.kind !== "cells") return values;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  values.forEach((row, r) => {
    if (settled(r)) return;
    row.forEach((v, c) => {
      if (v !== 0) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom < 0) return values;
  const ref = check.ref;
  const shapeMatches =
    ref !== null && ref.rows === values.length && values.every((row) => row.length === ref.cols);
  const grid = shapeMatches
    ? await probe.valueTypes(subRange(ref, top, left, bottom - top + 1, right - left + 1))
    : null;
  return values.map((row, r) =>
    row.map((v, c) => {
      if (v !== 0 || r < top || r > bottom || c < left || c > right) return v;
      if (!grid) return UnverifiedZero.instance;
      return grid[r - top][c - left] === "Empty" ? null : 0;
    })
  );
}
