/**
 * Collects cell values (in any order) into a Grid. The workbook reader and the CSV reader build
 * through this, so they shape grids the same way: rows from sheet row 1, each row up to its last
 * value, no trailing empty rows; plus the facts the reader found (hidden rows, tables,
 * formulas with no result, numbers shown as percentages, the sheet's visibility and layout).
 */
import { CellValue } from "../engine/cell";
import { address } from "../workbook/a1";
import { Grid, GridRect, GridTable, SheetLayout } from "../workbook/grid";
import { MergeOverlap } from "../workbook/merge-overlaps";
import { clearUnderMerge } from "../workbook/merged-cells";

/** Cells a read may still keep (shared by the grids of one workbook); see MemoryLimitError. */
export interface CellBudget {
  remaining: number;
}

/** More cells than the memory the process has can hold: said before the heap runs out. */
export class MemoryLimitError extends Error {
  constructor() {
    super("more cells than this process's memory can hold");
    this.name = "MemoryLimitError";
  }
}

/** Makes the builder of each sheet a reader reads (read-thread.ts gives one that sends rows on). */
export type NewGridBuilder = (sheet: string, budget: CellBudget) => GridBuilder;

/** Distinct numbers a sheet's builder keeps to share (a score sheet has a few hundred). */
const SHARED_NUMBERS_MAX = 4_096;

export class GridBuilder {
  private readonly rows: CellValue[][] = [];
  /** Numbers read so far, each kept once (see `number`). */
  private readonly numbers = new Map<number, number>();
  private readonly hidden = new Set<number>();
  private readonly formulas = new Map<string, string>();
  private readonly percents = new Set<string>();
  private readonly tables: GridTable[] = [];
  private readonly merges: GridRect[] = [];
  visibility: Grid["visibility"];
  mergeOverlaps: MergeOverlap[] = [];
  private sheetLayout: SheetLayout | undefined;

  constructor(
    readonly sheet: string,
    protected readonly budget: CellBudget = { remaining: Infinity }
  ) {}

  /** Sets a 0-based cell; null and undefined leave it empty. */
  set(row: number, col: number, value: CellValue): void {
    if (value === null || value === undefined) return;
    if (--this.budget.remaining < 0) throw new MemoryLimitError();
    let cells = this.rows[row];
    if (!cells) cells = this.rows[row] = [];
    cells[col] = value;
  }

  /**
   * The number to store for a cell that holds `n`: the one kept for the first cell that held
   * this value. A fraction is an object on the heap, and kampung scores repeat a few values
   * (0.5, 1.5) over millions of cells: the national workbook's grid went from 65 to 52 MB of
   * heap, the summary's peak from 299-449 to 284-287 MB. Not 0: -0 and 0 are one key of a Map.
   */
  number(n: number): number {
    if (n === 0) return n;
    const kept = this.numbers.get(n);
    if (kept !== undefined) return kept;
    if (this.numbers.size < SHARED_NUMBERS_MAX) this.numbers.set(n, n);
    return n;
  }

  /**
   * Sets a 0-based cell to the text at `index` of the workbook's shared strings: a reader in
   * another thread (read-thread.ts) sends the index instead of the text.
   */
  setShared(row: number, col: number, index: number, text: string): void {
    this.set(row, col, text);
  }

  /**
   * Puts a row of cells read elsewhere (read-thread.ts): taken as it is when the row is new,
   * else merged cell by cell (a file may come back to a row). Holes and nulls are empty cells.
   * Cells put this way are not counted against the budget: the thread that read them did.
   * Their numbers are kept once here (`number`): a message between threads copies each one.
   */
  putRow(row: number, cells: CellValue[]): void {
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (typeof value === "number") cells[c] = this.number(value);
    }
    const had = this.rows[row];
    if (!had) {
      this.rows[row] = cells;
      return;
    }
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (value !== null && value !== undefined) had[c] = value;
    }
  }

  /** Sends what was given so far on, for a builder that sends (read-thread.ts); nothing here. */
  flush(): void {
    // Cells are kept as they come.
  }

  /** A merged range: its cells but the top-left are emptied (as Excel shows them), and it is kept. */
  merge(rect: GridRect): void {
    clearUnderMerge(this.rows, 0, 0, rect);
    this.merges.push(rect);
  }

  hideRow(row: number): void {
    this.hidden.add(row);
  }

  /** A formula cell whose file holds no result. */
  uncalculated(row: number, col: number, formula: string): void {
    this.formulas.set(address(row, col), formula);
  }

  /** A number cell whose format shows it as a percentage. */
  percent(row: number, col: number): void {
    this.percents.add(address(row, col));
  }

  addTable(table: GridTable): void {
    this.tables.push(table);
  }

  /** The sheet's column widths and frozen panes (given before its rows). */
  layout(layout: SheetLayout): void {
    this.sheetLayout = layout;
  }

  build(): Grid {
    let last = this.rows.length - 1;
    while (last >= 0 && !hasValue(this.rows[last])) last--;
    const rows: CellValue[][] = new Array<CellValue[]>(last + 1);
    for (let r = 0; r <= last; r++) rows[r] = dense(this.rows[r]);
    return {
      sheet: this.sheet,
      rows,
      originRow: 0,
      originCol: 0,
      hiddenRows: this.hidden,
      ...(this.visibility ? { visibility: this.visibility } : {}),
      ...(this.tables.length > 0 ? { tables: this.tables } : {}),
      ...(this.formulas.size > 0 ? { uncalculated: this.formulas } : {}),
      ...(this.percents.size > 0 ? { percentCells: this.percents } : {}),
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
      ...(this.mergeOverlaps.length > 0 ? { mergeOverlaps: this.mergeOverlaps } : {}),
      ...(this.sheetLayout ? { layout: this.sheetLayout } : {}),
    };
  }
}

function hasValue(cells: CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (const v of cells) if (v !== null && v !== undefined) return true;
  return false;
}

/**
 * Holes become null; trailing empties are dropped. A row already dense (most: cells come in
 * column order) is kept as it is, not copied.
 */
function dense(cells: CellValue[] | undefined): CellValue[] {
  if (!cells) return [];
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  let holes = end !== cells.length;
  // `set` never stores undefined: an undefined here is a hole.
  for (let c = 0; c < end && !holes; c++) holes = cells[c] === undefined;
  if (!holes) return cells;
  const out = new Array<CellValue>(end);
  for (let c = 0; c < end; c++) out[c] = cells[c] ?? null;
  return out;
}
