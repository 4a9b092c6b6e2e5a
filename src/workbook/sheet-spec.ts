/**
 * The declarative sheet model: what a summary or template sheet holds, with no Excel in it.
 * Both renderers (src/xlsx for files, src/excel for office.js) draw exactly this.
 * Coordinates are 0-based (row, col) on the sheet.
 */
import { MadeList } from "./made-list";
import { BOLD_WIDTH, charWidth } from "./text-width";

export type SpecValue = number | string | boolean | Date | null | SpecFormula;

/**
 * A formula KKB itself built (issue 15: the profile page): the only way a cell becomes a
 * formula. A string is always written as text, whatever it starts with, so user text can never
 * become one. `formula` is in Excel's file syntax (English function names, `,` between
 * arguments, `.` decimals, A1 references, no leading `=`); `cached` is the value it has when
 * the sheet is written, where KKB can compute it (a file shows it before any recalculation).
 */
export interface SpecFormula {
  readonly formula: string;
  readonly cached?: number | string | null;
}

/** Whether a spec value is a KKB formula. */
export function isSpecFormula(value: unknown): value is SpecFormula {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    typeof (value as { formula?: unknown }).formula === "string"
  );
}

/** Roles of the sheets KKB writes; used to mark and find the sheets it owns. */
export type SheetRole =
  | "ringkasan"
  | "domain"
  | "ibangga"
  | "wilayah"
  | "tren"
  | "validasi"
  | "input"
  | "bukti"
  | "petunjuk"
  | "profil"
  | "profilCetak"
  | "ketidakpastian";

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
  /** How the sheet prints (every sheet prints as PAGE says; this adds what is its own). */
  readonly print?: PrintSpec;
}

/** Printing of one sheet, beyond the page every KKB sheet has (PAGE). */
export interface PrintSpec {
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** Manual page breaks before these rows (0-based). */
  readonly breaksBefore?: readonly number[];
  /** Only this rectangle prints (0-based top-left, counts); the whole used range without it. */
  readonly area?: {
    readonly row: number;
    readonly col: number;
    readonly rows: number;
    readonly cols: number;
  };
}

/**
 * The page every sheet KKB writes prints on (summaries, input copies, the template): A4
 * landscape, one page wide and as many tall as needed, narrow side margins (inches).
 */
export const PAGE = {
  paperSize: 9, // A4 in SpreadsheetML's paper codes
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  /** The sheet of paper, landscape, in inches. */
  width: 11.69,
  height: 8.27,
} as const;

/** Height in points of one line of the default 11 pt text (Excel's default row height). */
export const LINE_HEIGHT = 15;

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

/**
 * A table's data rows as renderers read them: a count and the row at an index. An array is one;
 * so is `madeRows`, whose rows are built from the results only when a renderer writes them, so a
 * national summary never holds its 84,276-row tables as cells (issue 18: memory grows with the
 * results, not with the cells written).
 */
export interface SpecRows {
  readonly length: number;
  at(index: number): readonly SpecValue[] | undefined;
}

/** Rows built on demand by `make(index)` for 0 <= index < length (each call builds anew). */
export function madeRows(length: number, make: (index: number) => readonly SpecValue[]): SpecRows {
  return new MadeList(length, make);
}

/** The row at `index` of a table's rows; empty past the end. */
export function rowAt(rows: SpecRows, index: number): readonly SpecValue[] {
  return rows.at(index) ?? [];
}

/** The first `count` rows. */
export function firstRows(rows: SpecRows, count: number): SpecRows {
  if (Array.isArray(rows)) return (rows as readonly (readonly SpecValue[])[]).slice(0, count);
  const length = Math.min(count, rows.length);
  return madeRows(length, (index) => rowAt(rows, index));
}

/** Every row as an array (tests and small tables; a national table builds all its rows). */
export function allRows(rows: SpecRows): (readonly SpecValue[])[] {
  const out: (readonly SpecValue[])[] = new Array<readonly SpecValue[]>(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = rowAt(rows, r);
  return out;
}

/** A header row and data rows: the unit a renderer writes as one range. */
export interface TableBlock {
  readonly kind: "table";
  /** Excel table name (letters, digits, underscores), unique in the workbook. */
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly header: readonly string[];
  /** The data rows: an array, or rows made when a renderer asks for them (see SpecRows). */
  readonly rows: SpecRows;
  /** Number format per column (`0.0`, `0.00`, `@`, `yyyy-mm-dd`), null for General. */
  readonly formats: readonly (string | null)[];
  /** Whether to make it an Excel table (filter buttons, banding). */
  readonly asExcelTable: boolean;
  /** Red-yellow-green colour scales on score columns. */
  readonly colorScales: readonly ColorScale[];
  /** Per data row, a link target for one column (`'KKB Input'!C5`), or null. */
  readonly links?: { readonly column: number; readonly targets: readonly (string | null)[] };
  /** Columns within the table whose data cells wrap their text (long names, next steps). */
  readonly wrap?: readonly number[];
  /**
   * Row heights in points so that wrapped text shows whole (null keeps the default height): the
   * header row's, and a data row's from its cells, asked when the row is made to be written (a
   * national table's rows are made once, not once more to size them).
   */
  readonly heights?: {
    readonly header: number | null;
    readonly row: (cells: readonly SpecValue[]) => number | null;
  };
}

export interface ChartSpec {
  /**
   * `rankInterval`: stacked horizontal bars whose first segment is not drawn, so each bar runs
   * from the value of the first column (a rank) over the next ones (the interval's parts).
   */
  readonly kind: "radar" | "bar" | "line" | "rankInterval";
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

/** Most series a chart's legend lists under it; more (a radar of 12 kampung) at its right. */
export const LEGEND_BELOW_MAX = 4;

export interface ValidationSpec {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly rule:
    | { readonly type: "decimal"; readonly min: number; readonly max: number }
    | { readonly type: "list"; readonly values: readonly string[] }
    /**
     * A list taken from cells (one column): names of any length or count. Of the same sheet,
     * or of `sheet` (the evidence sheet's kampung from the input sheet).
     */
    | {
        readonly type: "listRange";
        readonly row: number;
        readonly col: number;
        readonly rows: number;
        readonly sheet?: string;
      }
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
  /** Signed changes: a rise blue with its plus, a fall red with its minus (not colour alone). */
  change: "[Blue]+0.0;[Red]-0.0;0.0",
  changeComposite: "[Blue]+0.00;[Red]-0.00;0.00",
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

/** Room a wrapped cell's line leaves its text, in digit widths: the column less its padding and a margin. */
export const LINE_MARGIN = 1;

/**
 * Lines a text takes when wrapped in a column `width` characters wide (Excel's width unit, the
 * digit width of the default font, Calibri 11). Greedy on spaces, each word as wide as Calibri's
 * letters are (text-width.ts), in a line of the column's width less LINE_MARGIN: an 18-character
 * name of capitals and wide letters (`Kabupaten Wonosobo`, 17.9) wraps in a column 18 wide, as it
 * does in Excel and LibreOffice, and the row is made two lines tall. `bold` text takes more room.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, width - LINE_MARGIN);
  const scale = bold ? BOLD_WIDTH : 1;
  const space = charWidth(32) * scale;
  // One pass over the text, words found in place: the national summary sizes some 600,000
  // names, and splitting each into arrays of words took 1.4 s of its run.
  let lines = 1;
  let used = 0;
  let start = 0;
  let sum = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 32 && code !== 10) {
      sum += charWidth(code);
      continue;
    }
    if (i > start) {
      // The word text[start, i), as wide as textWidth measures it.
      const w = bold ? sum * BOLD_WIDTH : sum;
      const need = used === 0 ? w : used + space + w;
      if (need <= capacity) used = need;
      else {
        if (used > 0) {
          lines++;
          used = 0;
        }
        if (w <= capacity) used = w;
        else {
          // A word longer than the line is broken over lines.
          for (let j = start; j < i; j++) {
            const c = charWidth(text.charCodeAt(j)) * scale;
            if (used > 0 && used + c > capacity) {
              lines++;
              used = 0;
            }
            used += c;
          }
        }
      }
    }
    start = i + 1;
    sum = 0;
    // A line break starts a new line (the paragraph after it).
    if (code === 10 && i < text.length) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

/**
 * A table's height in points, its header row and data rows, counted only until it passes
 * `limit` (a page: beyond it the exact figure does not matter, and no more rows are made).
 */
export function tableHeight(block: TableBlock, limit = Infinity): number {
  const heights = block.heights;
  let height = heights?.header ?? LINE_HEIGHT;
  for (let r = 0; r < block.rows.length && height <= limit; r++)
    height += (heights ? heights.row(rowAt(block.rows, r)) : null) ?? LINE_HEIGHT;
  return height;
}

/** Excel's tallest row, in points (Excel's specifications and limits: row height 409 points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * The height in points of a row whose tallest wrapped cell takes `lines` lines, at most
 * MAX_ROW_HEIGHT (a name of thousands of characters wrapped to 150 lines would ask 2,265).
 */
export function linesHeight(lines: number): number | null {
  return lines > 1 ? Math.min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) : null;
}

/** Smallest print scale at which a sheet is fitted to the page's width: below it, text shrinks too far. */
export const MIN_FIT_SCALE = 0.75;

/**
 * The print scale that fits columns of these widths (Excel characters) on PAGE's width: 1 when
 * they fit as they are. A column is 7 px per character plus 5 px, at 96 px per inch.
 */
export function fitScale(widths: readonly number[]): number {
  const printable = (PAGE.width - PAGE.margins.left - PAGE.margins.right) * 72;
  const points = widths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  return points <= printable ? 1 : printable / points;
}

/** The height in points of the sheet's rows one printed page holds at the scale of these columns. */
export function pageRowsHeight(widths: readonly number[]): number {
  return ((PAGE.height - PAGE.margins.top - PAGE.margins.bottom) * 72) / fitScale(widths);
}

/** The widths of the columns that print: the print area's, or all of them. */
export function printedWidths(spec: SheetSpec): readonly number[] {
  const area = spec.print?.area;
  return area ? spec.columnWidths.slice(area.col, area.col + area.cols) : spec.columnWidths;
}
