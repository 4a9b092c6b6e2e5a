/**
 * The blank-cell rule. Excel desktop passes a blank cell inside a range argument as 0
 * (office-js issues 4702, 1951), and 0 is a valid score, so a 0 that arrives from a cell is
 * checked against what the cell holds: the functions ask for their arguments' addresses
 * (`@requiresParameterAddresses`), and every check requested in one tick of the shared runtime
 * (one recalculation wave) is answered by a single `Excel.run` that loads the cells'
 * `valueTypes` in one `sync`. Only the rectangle around an argument's zeros is read.
 *
 * Where that read is impossible (no Excel API, the argument is in another workbook or is a
 * whole column, the read fails or is too large), the zero stays unverified and the row it is
 * in gives #N/A with a message: never a number that may rest on a blank.
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
 * Upper bound of cells read per wave. Excel on the web caps a response at 5 MB; a value type
 * costs about 9 bytes of JSON ("Double",), so 400,000 cells stay under 4 MB.
 */
export const MAX_CELLS_PER_WAVE = 400_000;

type Schedule = (run: () => void) => void;

const defaultSchedule: Schedule = (run) => {
  // A macrotask: Excel delivers a wave's invocations in one or a few messages; every check
  // they request before the timer fires shares one read.
  if (typeof setTimeout === "function") setTimeout(run, 0);
  else void Promise.resolve().then(run);
};

interface Pending {
  readonly ref: RangeRef;
  readonly resolve: (grid: ValueTypeGrid | null) => void;
}

/** Coalesces value-type checks of one tick into one read. */
export class BlankProbe {
  private queue: Pending[] = [];
  /** Reads done so far (one per wave that had something to check). */
  reads = 0;

  constructor(
    private readonly reader: () => CellTypeReader | null,
    private readonly schedule: Schedule = defaultSchedule,
    private readonly maxCells: number = MAX_CELLS_PER_WAVE
  ) {}

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
    const unique = new Map<string, { ref: RangeRef; index: number }>();
    const refs: RangeRef[] = [];
    let cells = 0;
    for (const { ref } of batch) {
      const key = rangeKey(ref);
      if (unique.has(key)) continue;
      if (cells + cellCount(ref) > this.maxCells) continue;
      cells += cellCount(ref);
      unique.set(key, { ref, index: refs.length });
      refs.push(ref);
    }
    let grids: (ValueTypeGrid | null)[] = refs.map(() => null);
    const reader = this.reader();
    if (reader && refs.length > 0) {
      try {
        this.reads++;
        const result = await reader.read(refs);
        grids = refs.map((ref, i) => (fits(result[i], ref) ? result[i] : null));
      } catch {
        // The workbook cannot be read: every zero of this wave stays unverified.
      }
    }
    for (const { ref, resolve } of batch) {
      const entry = unique.get(rangeKey(ref));
      resolve(entry ? grids[entry.index] : null);
    }
  }
}

function fits(grid: ValueTypeGrid | null | undefined, ref: RangeRef): grid is ValueTypeGrid {
  return (
    Array.isArray(grid) &&
    grid.length === ref.rows &&
    grid.every((row) => Array.isArray(row) && row.length === ref.cols)
  );
}

/** The office.js reader, or null where Excel's API is absent. */
export function excelCellTypeReader(): CellTypeReader | null {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  return {
    read: (refs) =>
      Excel.run(async (context) => {
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
 * could not be checked turned into UnverifiedZero.
 */
export async function resolveZeros(
  values: Matrix,
  check: ZeroCheck,
  probe: BlankProbe
): Promise<Matrix> {
  if (check.kind !== "cells") return values;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== 0) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    })
  );
  if (bottom < 0) return values;
  const ref = check.ref;
  const shapeMatches =
    ref !== null && ref.rows === values.length && values.every((row) => row.length === ref.cols);
  const grid = shapeMatches
    ? await probe.valueTypes(subRange(ref, top, left, bottom - top + 1, right - left + 1))
    : null;
  return values.map((row, r) =>
    row.map((v, c) => {
      if (v !== 0) return v;
      if (!grid) return UnverifiedZero.instance;
      return grid[r - top][c - left] === "Empty" ? null : 0;
    })
  );
}
