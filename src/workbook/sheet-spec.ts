/**
 * The declarative sheet model: what a summary or template sheet holds, with no Excel in it.
 * Both renderers (src/xlsx for files, src/excel for office.js) draw exactly this.
 * Coordinates are 0-based (row, col) on the sheet.
 */

export type SpecValue = number | string | boolean | Date | null;

/** Roles of the sheets KKB writes; used to mark and find the sheets it owns. */
export type SheetRole =
  "ringkasan" | "domain" | "ibangga" | "wilayah" | "validasi" | "input" | "bukti";

export interface SheetSpec {
  /** Preferred sheet name (at most 31 characters), e.g. `KKB Ringkasan`. */
  readonly name: string;
  readonly role: SheetRole;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Frozen rows and columns at the top left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly blocks: readonly Block[];
  readonly charts: readonly ChartSpec[];
  readonly validations: readonly ValidationSpec[];
}

export type Block = TitleBlock | NotesBlock | TableBlock;

/** A heading in one cell, bold and larger. */
export interface TitleBlock {
  readonly kind: "title";
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** Lines of text, one per row in one column (the stamp, notes, references). */
export interface NotesBlock {
  readonly kind: "notes";
  readonly row: number;
  readonly col: number;
  readonly lines: readonly string[];
}

export interface ColorScale {
  /** Column indexes within the table. */
  readonly columns: readonly number[];
  readonly min: number;
  readonly max: number;
}

/** A header row and data rows: the unit a renderer writes as one range. */
export interface TableBlock {
  readonly kind: "table";
  /** Excel table name (letters, digits, underscores), unique in the workbook. */
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly header: readonly string[];
  readonly rows: readonly (readonly SpecValue[])[];
  /** Number format per column (`0.0`, `0.00`, `@`, `yyyy-mm-dd`), null for General. */
  readonly formats: readonly (string | null)[];
  /** Whether to make it an Excel table (filter buttons, banding). */
  readonly asExcelTable: boolean;
  /** Red-yellow-green colour scales on score columns. */
  readonly colorScales: readonly ColorScale[];
  /** Per data row, a link target for one column (`'KKB Input'!C5`), or null. */
  readonly links?: { readonly column: number; readonly targets: readonly (string | null)[] };
}

export interface ChartSpec {
  readonly kind: "radar" | "bar";
  readonly title: string;
  /** Source range: header row included; first column holds the series or category names. */
  readonly source: {
    readonly row: number;
    readonly col: number;
    readonly rows: number;
    readonly cols: number;
  };
  /** `rows`: each data row is one series (radar per kampung); `columns`: each column is one. */
  readonly seriesBy: "rows" | "columns";
  /** Top-left cell and size in cells. */
  readonly anchor: { readonly row: number; readonly col: number };
  readonly size: { readonly rows: number; readonly cols: number };
}

export interface ValidationSpec {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly rule:
    | { readonly type: "decimal"; readonly min: number; readonly max: number }
    | { readonly type: "list"; readonly values: readonly string[] }
    | { readonly type: "date" };
  /** Shown when the cell is selected. */
  readonly prompt: { readonly title: string; readonly text: string };
  /** Shown when a value is rejected. */
  readonly error: { readonly title: string; readonly text: string };
  /** Reject (stop) or only warn. */
  readonly strict: boolean;
}

/** Number formats used by the summaries (Excel codes are locale-independent). */
export const FORMATS = {
  score: "0.0",
  composite: "0.00",
  ibangga: "0.0",
  integer: "0",
  text: "@",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm",
} as const;

/** Number of rows a block occupies. */
export function blockHeight(block: Block): number {
  switch (block.kind) {
    case "title":
      return 1;
    case "notes":
      return block.lines.length;
    case "table":
      return 1 + block.rows.length;
  }
}
