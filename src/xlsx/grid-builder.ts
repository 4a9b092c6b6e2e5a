/**
 * Collects cell values (in any order) into a Grid. Both readers (whole-workbook and
 * streaming) and the CSV reader build through this, so they shape grids the same way:
 * rows from sheet row 1, each row up to its last value, no trailing empty rows.
 */
import { CellValue } from "../engine/cell";
import { Grid } from "../workbook/grid";

export class GridBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly hidden = new Set<number>();

  constructor(private readonly sheet: string) {}

  /** Sets a 0-based cell; null and undefined leave it empty. */
  set(row: number, col: number, value: CellValue): void {
    if (value === null || value === undefined) return;
    let cells = this.rows[row];
    if (!cells) cells = this.rows[row] = [];
    cells[col] = value;
  }

  clear(row: number, col: number): void {
    const cells = this.rows[row];
    if (cells && col < cells.length) cells[col] = null;
  }

  hideRow(row: number): void {
    this.hidden.add(row);
  }

  build(): Grid {
    let last = this.rows.length - 1;
    while (last >= 0 && !hasValue(this.rows[last])) last--;
    const rows: CellValue[][] = new Array<CellValue[]>(last + 1);
    for (let r = 0; r <= last; r++) rows[r] = dense(this.rows[r]);
    return { sheet: this.sheet, rows, originRow: 0, originCol: 0, hiddenRows: this.hidden };
  }
}

function hasValue(cells: CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (const v of cells) if (v !== null && v !== undefined) return true;
  return false;
}

/** Holes become null; trailing empties are dropped. */
function dense(cells: CellValue[] | undefined): CellValue[] {
  if (!cells) return [];
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  const out = new Array<CellValue>(end);
  for (let c = 0; c < end; c++) out[c] = cells[c] ?? null;
  return out;
}
