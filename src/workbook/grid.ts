/**
 * A sheet as the engine sees it: a rectangle of cell values and where it sits.
 * Both adapters (ExcelJS files, office.js ranges) produce grids; nothing past them knows Excel.
 */
import { CellValue } from "../engine/cell";
import { address, rangeAddress } from "./a1";
import type { MergeOverlap } from "./merge-overlaps";

export interface Grid {
  /** Sheet name. */
  readonly sheet: string;
  /** rows[r][c] is the cell at (originRow + r, originCol + c); rows may be ragged. */
  readonly rows: readonly (readonly CellValue[])[];
  /** 0-based row of rows[0] on the sheet. */
  readonly originRow: number;
  /** 0-based column of rows[r][0] on the sheet. */
  readonly originCol: number;
  /** 0-based sheet rows that are hidden, when the adapter knows. */
  readonly hiddenRows?: ReadonlySet<number>;
  /** The sheet's state in the workbook, when the adapter knows. */
  readonly visibility?: "visible" | "hidden" | "veryHidden";
  /** The Excel tables (ListObjects) on the sheet, when the adapter knows. */
  readonly tables?: readonly GridTable[];
  /** Formula cells that hold no calculated result (files written by scripts), by A1 address. */
  readonly uncalculated?: ReadonlyMap<string, string>;
  /**
   * Cells (A1 addresses) holding a number their format shows as a percentage (`0.978` shown
   * `97,8%`), when the adapter knows: an iBangga value is read as shown (input.ts).
   */
  readonly percentCells?: ReadonlySet<string>;
  /**
   * Merged ranges, when the adapter knows (0-based sheet rows and columns, inclusive); only the
   * top-left cell of each holds its value, as in Excel.
   */
  readonly merges?: readonly GridRect[];
  /** Merges the file lists over an earlier one, left out as Excel's repair would (merge-overlaps.ts). */
  readonly mergeOverlaps?: readonly MergeOverlap[];
  /**
   * A CSV written in UTF-8 CESU-8 style (text-encoding.ts, cesuRepair): how many characters
   * outside the BMP were read from their two surrogates, and how many lone surrogates became
   * U+FFFD.
   */
  readonly surrogatesRepaired?: { readonly restored: number; readonly replaced: number };
  /**
   * The file stores no types (a CSV): numbers were read as numbers, but a date, or a number
   * the reader could not take as one (`"1,5"` quoted in a comma-separated file), can only be
   * text there, so neither is worth a warning (DATE_TEXT, SCORE_TEXT, IBANGGA_TEXT).
   */
  readonly textOnly?: boolean;
  /**
   * The sheet's own layout as its file gives it (column widths, hidden columns, frozen panes),
   * when the adapter knows: the input's copy in the summary keeps it (package-writer.ts).
   */
  readonly layout?: SheetLayout;
}

/** A run of columns the sheet gives a width or hides (`<col>`): 0-based sheet columns, inclusive. */
export interface GridColumn {
  readonly first: number;
  readonly last: number;
  /** Width in characters of the default font (Excel's unit), when the file gives one. */
  readonly width: number | null;
  readonly hidden: boolean;
}

/** What a sheet's file says of its layout besides cells. */
export interface SheetLayout {
  readonly columns: readonly GridColumn[];
  /** Rows frozen at the top and columns at the left (both 0 when nothing is frozen). */
  readonly frozen: { readonly rows: number; readonly columns: number };
}

/** A rectangle of cells: 0-based sheet rows and columns, inclusive. */
export interface GridRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangle in A1 notation: `B2:C3` (a single cell too: `G3:G3`). */
export function rectAddress(m: GridRect): string {
  return rangeAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1);
}

/** An Excel table: its range in 0-based sheet rows and columns, and its header and totals rows. */
export interface GridTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** 1 when the table's first row is its header row (the default), 0 when it has none. */
  readonly headerRows: number;
  /** 1 when the table's last row is a Total Row. */
  readonly totalsRows: number;
}

export function gridFromRows(sheet: string, rows: readonly (readonly CellValue[])[]): Grid {
  return { sheet, rows, originRow: 0, originCol: 0 };
}

/** A1 address of grid cell (r, c). */
export function gridAddress(grid: Grid, r: number, c: number): string {
  return address(grid.originRow + r, grid.originCol + c);
}

/** The sheet column just past the grid's widest row (a loop: a spread of 84,276 rows overflows a worker's stack). */
export function gridEndCol(grid: Grid): number {
  let width = 0;
  for (const row of grid.rows) if (row.length > width) width = row.length;
  return grid.originCol + width;
}
