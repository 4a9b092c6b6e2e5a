/**
 * Merged cells in the per-kampung columns (sub-indicator and iBangga scores, the kampung name):
 * Excel keeps a merged range's value in its top-left cell only, yet shows it over every cell it
 * spans. A score or a name belongs to one kampung, so it is never copied into the other rows (a
 * region, Periode, date or Status is: see input.ts, fillFromMerges); instead the message for
 * each blank cell under the top-left one names the merge, so the user knows why a cell that
 * shows a value reads as blank. Pure.
 */
import { CellValue, isBlank } from "../engine/cell";
import { MergedCell } from "../engine/issues";
import { address } from "./a1";
import { Grid, GridRect, rectAddress } from "./grid";

export class MergedCells {
  /**
   * Per grid column read, the merges over kampung rows whose top-left cell holds a value, in
   * order of their top row: a cell's merge is found by binary search (a sheet with thousands of
   * merged cells looked each blank cell's merge up through a list: quadratic time).
   */
  private readonly byCol = new Map<number, GridRect[]>();
  /** The sheet row of the first kampung row. */
  private readonly firstSheetRow: number;

  /**
   * @param grid the sheet read
   * @param firstRow grid row of the first kampung row (merges ending above it are the header's;
   *   one from the header row down into it is named with `fromAbove`)
   * @param cols grid columns (0-based, relative to grid.originCol) whose merges are reported
   */
  constructor(
    private readonly grid: Grid,
    firstRow: number,
    cols: readonly number[]
  ) {
    const wanted = new Set(cols);
    this.firstSheetRow = grid.originRow + firstRow;
    for (const m of grid.merges ?? []) {
      // A merge from the header row down into the kampung rows counts too (G3); one that ends
      // above them is the header's own.
      if (m.bottom - grid.originRow < firstRow) continue;
      if (m.top === m.bottom && m.left === m.right) continue;
      const value: CellValue = grid.rows[m.top - grid.originRow]?.[m.left - grid.originCol];
      if (isBlank(value)) continue;
      for (let c = m.left - grid.originCol; c <= m.right - grid.originCol; c++) {
        if (!wanted.has(c)) continue;
        const list = this.byCol.get(c) ?? [];
        list.push(m);
        this.byCol.set(c, list);
      }
    }
    for (const list of this.byCol.values()) list.sort((a, b) => a.top - b.top);
  }

  /** In a column's merges (by top row), the last one starting at or above `row`, or null. */
  private static lastFrom(list: readonly GridRect[], row: number): GridRect | null {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].top <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : null;
  }

  /**
   * The merge that grid cell (r, col) lies in when it is not the merge's top-left cell (whose
   * value Excel shows over it), as A1 texts: `{ cell: "F6", range: "F5:F7", first: "F5" }`;
   * null when the cell is in no such merge.
   */
  at(r: number, col: number): MergedCell | null {
    const list = this.byCol.get(col);
    if (!list) return null;
    const row = this.grid.originRow + r;
    const sheetCol = this.grid.originCol + col;
    // Merges do not overlap (Excel refuses a file where they do): the last one starting at or
    // above the row is the only one that can hold it.
    const found = MergedCells.lastFrom(list, row);
    const m = found && row <= found.bottom ? found : null;
    if (!m || (m.top === row && m.left === sheetCol)) return null;
    return {
      cell: address(row, sheetCol),
      range: rectAddress(m),
      first: address(m.top, m.left),
      ...(m.top < this.firstSheetRow ? { fromAbove: true } : {}),
    };
  }
}

/**
 * Empties the cells under merge `m` but its top-left one, as Excel shows a merged range (it keeps
 * the value there alone). `rows` is a grid's rows (sparse rows allowed), its row 0 at sheet row
 * `originRow` and column 0 at `originCol` (0-based); cells outside the rows held are left alone,
 * so a huge range costs only the cells there are. The file reader (grid-builder.ts) and the
 * office.js path (excel/merged-areas.ts) both read merged cells through this. Mutates `rows`.
 */
export function clearUnderMerge(
  rows: (CellValue[] | undefined)[],
  originRow: number,
  originCol: number,
  m: GridRect
): void {
  const last = Math.min(m.bottom - originRow, rows.length - 1);
  for (let r = Math.max(0, m.top - originRow); r <= last; r++) {
    const cells = rows[r];
    if (!cells) continue;
    const end = Math.min(m.right - originCol, cells.length - 1);
    for (let c = Math.max(0, m.left - originCol); c <= end; c++) {
      if (r + originRow !== m.top || c + originCol !== m.left) cells[c] = null;
    }
  }
}

/** A column's values taken from merges (mergedColumnValues). */
export interface MergedColumn {
  /** Grid row (under a merge's top-left cell) -> the merge's value. */
  readonly values: Map<number, CellValue>;
  /** The merges filled from, in the sheet's order (by top row, then left column). */
  readonly merges: readonly GridRect[];
}

/**
 * The values a column shows through merges over several rows, from grid row `firstRow` down:
 * each row under a merge's top-left cell gets that cell's value (Excel keeps it there alone and
 * shows it over the whole range). Only merges whose left column is `col` count: one spanning two
 * columns shows its value as the left column's. `col` is 0-based, relative to grid.originCol.
 */
export function mergedColumnValues(grid: Grid, col: number, firstRow: number): MergedColumn {
  const sheetCol = grid.originCol + col;
  const values = new Map<number, CellValue>();
  const merges: GridRect[] = [];
  for (const m of grid.merges ?? []) {
    const top = m.top - grid.originRow;
    if (m.left !== sheetCol || m.bottom === m.top || top < firstRow) continue;
    const value = grid.rows[top]?.[col];
    if (isBlank(value)) continue;
    const last = Math.min(m.bottom - grid.originRow, grid.rows.length - 1);
    for (let r = top + 1; r <= last; r++) values.set(r, value);
    merges.push(m);
  }
  // In the sheet's order (a file lists merges in the order they were made).
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { values, merges };
}
