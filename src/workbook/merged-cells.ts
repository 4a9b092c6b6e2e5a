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
import { address, rangeAddress } from "./a1";
import { Grid, GridRect } from "./grid";

export class MergedCells {
  /** Per grid column read, the merges over kampung rows whose top-left cell holds a value. */
  private readonly byCol = new Map<number, GridRect[]>();

  /**
   * @param grid the sheet read
   * @param firstRow grid row of the first kampung row (merges starting above it are header's)
   * @param cols grid columns (0-based, relative to grid.originCol) whose merges are reported
   */
  constructor(
    private readonly grid: Grid,
    firstRow: number,
    cols: readonly number[]
  ) {
    const wanted = new Set(cols);
    for (const m of grid.merges ?? []) {
      if (m.top - grid.originRow < firstRow) continue;
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
    const m = list.find((x) => x.top <= row && row <= x.bottom);
    if (!m || (m.top === row && m.left === sheetCol)) return null;
    return {
      cell: address(row, sheetCol),
      range: rangeAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1),
      first: address(m.top, m.left),
    };
  }
}
