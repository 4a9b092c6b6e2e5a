/**
 * Writes the .xlsx package directly: copied input grids and sheet specs become SpreadsheetML as
 * strings, streamed through a deflater into the zip (zip-sink.ts, on zip.js), with no object per cell.
 * Styles are resolved once per (role, number format) and per table column; user text is always
 * text (a shared string, `t="s"`, or inline past the table's bound), never a formula, escaped by
 * xml-text.ts. Charts (drawing and chart parts) are written with the sheets that hold them, in
 * one pass.
 *
 * The parts come as Excel writes them: relationships, workbook and styles before the sheets,
 * the shared-string table (known only once the sheets are written) after them. Copies of input
 * sheets may come already deflated (prepared-copy.ts), written before the summary was built so
 * that the input's cells need not be held meanwhile.
 */
import { CellValue, isCellError } from "../engine/cell";
import {
  absoluteRange,
  address,
  columnLetters,
  parseAddress,
  rangeAddress,
  sheetAddress,
} from "../workbook/a1";
import { Grid, gridEndCol, GridRect, rectAddress, SheetLayout } from "../workbook/grid";
import {
  Block,
  ChartSpec,
  FORMATS,
  MIN_FIT_SCALE,
  PAGE,
  SheetSpec,
  SpecFormula,
  SpecValue,
  TableBlock,
  ValidationSpec,
  blockHeight,
  fitScale,
  isSpecFormula,
  printedWidths,
} from "../workbook/sheet-spec";
import { chartData } from "./chart-data";
import {
  CONTENT_TYPES,
  REL_TYPES,
  Relationship,
  chartXml,
  drawingXml,
  relationshipsXml,
} from "./charts";
import {
  LaidCell,
  OutValue,
  blockCells,
  blockRowHeight,
  specRowCount,
  tableCellRole,
  tableHeaderRole,
  tableValues,
} from "./layout";
import { StyleSheet } from "./style-sheet";
import { COLOR_SCALE_COLORS, COPY_COLUMN_WIDTH } from "./styles";
import { inlineText, xmlAttr, xmlText } from "./xml-text";
import { withinCellLimit } from "../workbook/cell-text-limit";
import { OFFICE_THEME } from "./theme";
import { numberXml } from "./number-xml";
import { SharedStringTable } from "./shared-string-table";
import { ZipPart, ZipSink } from "./zip-sink";
import { copyHeaderRows, HeaderRows } from "../workbook/copy-header";

export interface PackageCopy {
  readonly name: string;
  readonly grid: Grid;
  /** Rows repeated on its printed pages (copy-header.ts); found from the grid when absent. */
  readonly headerRows?: HeaderRows | null;
}

/** A copied sheet already written and deflated (prepared-copy.ts): its part goes in as it is. */
export interface DeflatedCopy {
  readonly name: string;
  /** Rows written. */
  readonly rows: number;
  /**
   * The part's XML deflated (raw DEFLATE), its CRC-32 and its size in bytes. The package takes
   * the chunks out as it writes them (zip-sink.ts `addDeflated`), so they are not held while the
   * summary sheets are written after them: 10 MB per 84,276 rows.
   */
  readonly deflated: Uint8Array[];
  readonly crc32: number;
  readonly size: number;
  /** Rows repeated on its printed pages (copy-header.ts). */
  readonly headerRows?: HeaderRows | null;
}

/**
 * The styles and shared strings of one package: made before its copies are prepared, so that a
 * copy written early and the sheets written later share them.
 */
export interface PackageTables {
  readonly styles: StyleSheet;
  readonly strings: SharedStringTable;
}

/** The rows a copy writes: its grid's, or those it was prepared with. */
export function copyRows(copy: PackageCopy | DeflatedCopy): number {
  return "grid" in copy ? copy.grid.rows.length : copy.rows;
}

export function packageTables(): PackageTables {
  return { styles: new StyleSheet(), strings: new SharedStringTable() };
}

export interface PackageOptions {
  readonly copies?: readonly (PackageCopy | DeflatedCopy)[];
  /** The styles and strings that copies were prepared with (a fresh pair otherwise). */
  readonly tables?: PackageTables;
  readonly onRows?: (written: number, total: number) => void;
  /** Called before each sheet is written, with its name, its place and the sheet count. */
  readonly onSheet?: (name: string, index: number, total: number) => void;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REPORT_EVERY_ROWS = 2000;
/** A turn of the event loop: Node's setImmediate; in the pane's worker, a zero timeout. */
const nextTurn: (resolve: () => void) => void =
  typeof setImmediate === "function" ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);
// Excel's limits for data validation messages.
const PROMPT_TITLE_MAX = 32;
const PROMPT_TEXT_MAX = 255;
const MS_PER_DAY = 24 * 3600 * 1000;
/** A copied number its input showed as a percentage (grid.ts `percentCells`). */
const PERCENT_FORMAT = "0.0%";
/** 1950-01-01 and 2100-12-31 as Excel serials: the range of the date validation. */
const DATE_MIN = 25569 + Date.UTC(1950, 0, 1) / MS_PER_DAY;
const DATE_MAX = 25569 + Date.UTC(2100, 11, 31) / MS_PER_DAY;

const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

const TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

const letterCache: string[] = [];
function letters(col: number): string {
  return (letterCache[col] ??= columnLetters(col));
}

const sAttr = (style: number) => (style ? ` s="${style}"` : "");

/**
 * One cell; "" when the value writes nothing (blank, non-finite number, invalid date). `r`: its
 * reference attribute (` r="B5"`), or "" where the cell follows the one before it in its row.
 */
function cellXml(r: string, value: OutValue, s: string, dateS: string): string {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? `<c${r}${s}><v>${numberXml(value)}</v></c>` : "";
    case "string":
      return `<c${r}${s} t="inlineStr"><is>${inlineText(value)}</is></c>`;
    case "boolean":
      return `<c${r}${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? "" : `<c${r}${dateS}><v>${25569 + time / MS_PER_DAY}</v></c>`;
  }
  if (isCellError(value)) return `<c${r}${s} t="e"><v>${xmlText(value.error)}</v></c>`;
  if (isSpecFormula(value)) return formulaXml(r, value, s);
  return "";
}

/**
 * A KKB formula with its cached value: a number as `<v>`, text as `t="str"`; without one, no
 * `<v>` (the reader recalculates). Only SpecFormula values get here, never user text.
 */
function formulaXml(r: string, value: SpecFormula, s: string): string {
  const f = `<f>${xmlText(value.formula)}</f>`;
  const cached = value.cached;
  if (typeof cached === "number" && Number.isFinite(cached))
    return `<c${r}${s}>${f}<v>${numberXml(cached)}</v></c>`;
  if (typeof cached === "string") return `<c${r}${s} t="str">${f}<v>${xmlText(cached)}</v></c>`;
  return `<c${r}${s}>${f}</c>`;
}

function isWritten(value: OutValue): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return true;
}

/** A link's text, as the old writer wrote it: always text. */
function linkText(value: OutValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

interface Link {
  readonly ref: string;
  readonly location: string;
}

/** A table's styles, resolved once per column. */
interface TableStyles {
  /** Per column: the header cell's style. */
  readonly header: readonly string[];
  /** Per column: the data cells' style (wrapped or not). */
  readonly data: readonly string[];
  readonly date: readonly string[];
}

/** Rows written of all the package's sheets, reported every REPORT_EVERY_ROWS. */
export interface Progress {
  written: number;
  readonly total: number;
  readonly onRows?: (written: number, total: number) => void;
}

class SheetBody {
  readonly links: Link[] = [];
  /** The row whose cells are being made, and the column after its last cell written. */
  private rowNumber = "";
  private nextCol = -1;

  constructor(
    private readonly part: ZipPart,
    private readonly styles: StyleSheet,
    private readonly progress: Progress,
    private readonly strings: SharedStringTable
  ) {}

  /**
   * One cell at column `col` (0-based) of row `rowNumber` (cellXml), its text in the shared-string
   * table while the table has room. Cells of a row come left to right.
   */
  cell(col: number, rowNumber: string, value: OutValue, s: string, dateS: string): string {
    // A cell right after the one written before it in its row goes without its reference, as
    // ECMA-376 allows (CT_Cell's r is optional; Excel, LibreOffice, Google Sheets, openpyxl and
    // KKB's reader place it after the one before): references were 30 % of the summary's XML.
    if (rowNumber !== this.rowNumber) {
      this.rowNumber = rowNumber;
      this.nextCol = -1;
    }
    const r = col === this.nextCol ? "" : ` r="${letters(col)}${rowNumber}"`;
    // No text longer than a cell holds (cell-text-limit.ts).
    const written = typeof value === "string" ? withinCellLimit(value) : value;
    let xml: string;
    // An empty text stays inline, as it always was (readers take it for a blank cell).
    const index =
      typeof written === "string" && written !== "" ? this.strings.indexOf(written) : -1;
    if (index >= 0) xml = `<c${r}${s} t="s"><v>${index}</v></c>`;
    else xml = cellXml(r, written, s, dateS);
    if (xml !== "") this.nextCol = col + 1;
    return xml;
  }

  /**
   * Writes a row; returns a promise only when the caller must wait (for the deflater, or a turn
   * of the event loop every REPORT_EVERY_ROWS): an async function here made a promise and a
   * microtask for each of the national summary's 1.2 million rows.
   */
  row(
    rowNumber: string,
    cells: string,
    height: number | null = null,
    hidden = false
  ): Promise<void> | void {
    if (!cells) return;
    const ht = height === null ? "" : ` ht="${height}" customHeight="1"`;
    const pending = this.part.write(
      `<row r="${rowNumber}"${ht}${hidden ? ' hidden="1"' : ""}>${cells}</row>`
    );
    const report = ++this.progress.written % REPORT_EVERY_ROWS === 0;
    if (pending || report) return this.afterRow(pending, report);
  }

  private async afterRow(pending: Promise<void> | void, report: boolean): Promise<void> {
    if (pending) await pending;
    if (!report) return;
    const p = this.progress;
    p.onRows?.(p.written, p.total);
    // Lets a progress display and the zip's streams run.
    await new Promise<void>((resolve) => nextTurn(resolve));
  }

  /** A laid-out cell of any role (the general path). */
  laid(cell: LaidCell, rowNumber: string): string {
    if (cell.role === "link" && cell.link) {
      if (!isWritten(cell.value)) return "";
      this.links.push({ ref: letters(cell.col) + rowNumber, location: cell.link });
      const s = sAttr(this.styles.id("link", cell.format));
      return this.cell(cell.col, rowNumber, linkText(cell.value), s, "");
    }
    const s = sAttr(this.styles.id(cell.role, cell.format));
    return this.cell(cell.col, rowNumber, cell.value, s, s);
  }

  /** A table's row `offset` rows below its top; `values` are its data row's (tableValues). */
  tableRow(
    table: TableBlock,
    styles: TableStyles,
    offset: number,
    rowNumber: string,
    values: readonly SpecValue[]
  ): string {
    let xml = "";
    if (offset === 0) {
      for (let c = 0; c < table.header.length; c++) {
        xml += this.cell(table.col + c, rowNumber, table.header[c], styles.header[c], "");
      }
      return xml;
    }
    const r = offset - 1;
    const linkColumn = table.links?.column ?? -1;
    const target = linkColumn >= 0 ? (table.links?.targets[r] ?? null) : null;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === undefined) continue;
      if (c === linkColumn && target) {
        const format = table.formats[c] ?? (value instanceof Date ? FORMATS.date : null);
        xml += this.laid(
          { col: table.col + c, value, role: "link", format, link: target },
          rowNumber
        );
      } else {
        xml += this.cell(table.col + c, rowNumber, value, styles.data[c], styles.date[c]);
      }
    }
    return xml;
  }
}

function tableStyles(table: TableBlock, styles: StyleSheet): TableStyles {
  let width = Math.max(table.header.length, table.formats.length);
  // Built rows have the header's width; only an array's rows are looked at.
  if (Array.isArray(table.rows))
    for (const row of table.rows as readonly (readonly unknown[])[])
      width = Math.max(width, row.length);
  const data: string[] = [];
  const date: string[] = [];
  const wrap = new Set(table.wrap ?? []);
  for (let c = 0; c < width; c++) {
    const format = table.formats[c] ?? null;
    const role = tableCellRole(table.formats, wrap.has(c), c);
    data.push(sAttr(styles.id(role, format)));
    date.push(sAttr(styles.id(role, format ?? FORMATS.date)));
    if (table.links && table.links.column === c) {
      styles.id("link", format);
      styles.id("link", format ?? FORMATS.date);
    }
  }
  const header = table.header.map((_, c) =>
    sAttr(styles.id(tableHeaderRole(table.formats, c), null))
  );
  return { header, data, date };
}

/** Columns a block's row covers: [first, last]; `values` as tableValues. */
function blockSpan(
  block: Block,
  offset: number,
  values: readonly SpecValue[] | null
): [number, number] {
  switch (block.kind) {
    case "title":
    case "notes":
      return [block.col, block.col];
    case "table": {
      const width = offset === 0 ? block.header.length : (values ?? []).length;
      return [block.col, block.col + Math.max(width, 1) - 1];
    }
  }
}

async function writeSpecRows(
  body: SheetBody,
  spec: SheetSpec,
  styles: StyleSheet,
  tables: Map<TableBlock, TableStyles>
): Promise<void> {
  const blocks = [...spec.blocks].sort((a, b) => a.row - b.row);
  if (blocks.length === 0) return;
  const last = Math.max(...blocks.map((b) => b.row + blockHeight(b) - 1));
  const titleS = sAttr(styles.id("title", null));
  const notesS = sAttr(styles.id("notes", null));
  let first = 0;
  const active: Block[] = [];
  // Per active block, its table row's values: each row is made once, for its height and cells.
  const values: (readonly SpecValue[] | null)[] = [];
  for (let row = blocks[0].row; row <= last; row++) {
    while (first < blocks.length && blocks[first].row + blockHeight(blocks[first]) - 1 < row)
      first++;
    active.length = 0;
    values.length = 0;
    for (let i = first; i < blocks.length && blocks[i].row <= row; i++) {
      if (row - blocks[i].row < blockHeight(blocks[i])) {
        active.push(blocks[i]);
        values.push(tableValues(blocks[i], row - blocks[i].row));
      }
    }
    if (active.length === 0) continue;
    // As text once per row: the cells' references reuse it.
    const rowNumber = String(row + 1);
    let xml = "";
    let height: number | null = null;
    active.forEach((block, i) => {
      const h = blockRowHeight(block, row - block.row, values[i]);
      if (h !== null) height = Math.max(height ?? 0, h);
    });
    // Most rows hold one block: spans and an order only where several share the row.
    const spans =
      active.length === 1
        ? null
        : active.map((block, i) => blockSpan(block, row - block.row, values[i]));
    if (spans === null || disjoint(spans)) {
      const ordered =
        spans === null
          ? ONE_BLOCK
          : active.map((_, i) => i).sort((a, b) => spans[a][0] - spans[b][0]);
      for (const i of ordered) {
        const block = active[i];
        const offset = row - block.row;
        switch (block.kind) {
          case "title":
            if (offset === 0) xml += body.cell(block.col, rowNumber, block.text, titleS, titleS);
            break;
          case "notes":
            xml += body.cell(block.col, rowNumber, block.lines[offset], notesS, notesS);
            break;
          case "table":
            xml += body.tableRow(block, tables.get(block)!, offset, rowNumber, values[i] ?? []);
            break;
        }
      }
    } else {
      // Blocks overlapping in this row: the later block's cell wins, as the layout has it.
      const byCol = new Map<number, LaidCell>();
      active.forEach((block, i) => {
        for (const cell of blockCells(block, row - block.row, values[i])) byCol.set(cell.col, cell);
      });
      for (const cell of [...byCol.values()].sort((a, b) => a.col - b.col)) {
        xml += body.laid(cell, rowNumber);
      }
    }
    const written = body.row(rowNumber, xml, height);
    if (written) await written;
  }
}

/** The order of a row's only active block. */
const ONE_BLOCK: readonly number[] = [0];

/** Whether no two column spans overlap. */
function disjoint(spans: readonly (readonly [number, number])[]): boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] <= sorted[i - 1][1]) return false;
  return true;
}

/**
 * The formulas the file held no result of (grid.uncalculated), by grid row and column: a copy
 * shows each as its text (`=1/0`, a string, never a formula), where KKB Validasi points, instead
 * of a blank cell.
 */
function formulaTexts(grid: Grid): Map<number, Map<number, string>> {
  const byRow = new Map<number, Map<number, string>>();
  for (const [a1, formula] of grid.uncalculated ?? []) {
    const at = parseAddress(a1);
    if (!at) continue;
    const r = at.row - grid.originRow;
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(at.col - grid.originCol, formula.startsWith("=") ? formula : `=${formula}`);
  }
  return byRow;
}

/**
 * A copied input sheet, whole, into `part` (which it ends): its cells at their own addresses,
 * dates with the date format, its columns as wide as the input's (or the copy width), its
 * hidden columns hidden and its panes frozen as in the input, A4 landscape.
 */
export async function writeCopy(
  part: ZipPart,
  grid: Grid,
  tables: PackageTables,
  progress: Progress
): Promise<void> {
  const writer = new CopyWriter(
    part,
    tables,
    progress,
    gridEndCol(grid),
    grid.originCol,
    grid.layout
  );
  await writer.head();
  const formulas = formulaTexts(grid);
  // Rows hidden in the input stay hidden in its copy (the check counts them in, or not).
  const hidden = grid.hiddenRows;
  // Numbers shown as percentages stay so: the copy read again gives the same iBangga.
  const percents = grid.percentCells;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.originRow + r;
    const percent = percents
      ? (c: number) => percents.has(address(row, grid.originCol + c))
      : undefined;
    const written = writer.row(
      row,
      grid.rows[r],
      formulas.get(r),
      hidden?.has(row) === true,
      percent
    );
    if (written) await written;
  }
  await writer.end(grid.merges ?? []);
}

/**
 * A copied input sheet written row by row: its head (the columns, `width` of them from column
 * `originCol`), its rows in order, its end. writeCopy writes a grid through it; streamed-copy.ts
 * writes rows while the file is still being read.
 */
export class CopyWriter {
  private readonly body: SheetBody;
  private readonly dateS: string;
  private readonly styles: StyleSheet;
  /** Made when a copy first needs it (registered up front by writePackage for grid copies). */
  private percentS: string | null = null;
  /**
   * Each column's width: the input's where it gives one, else the copy width; which of them the
   * input hides; whether the visible ones fit the page's width at a readable size.
   */
  private readonly widths: number[];
  private readonly hidden: boolean[];
  private readonly fit: boolean;

  constructor(
    private readonly part: ZipPart,
    tables: PackageTables,
    progress: Progress,
    readonly width: number,
    private readonly originCol = 0,
    private readonly layout?: SheetLayout
  ) {
    this.body = new SheetBody(part, tables.styles, progress, tables.strings);
    this.dateS = sAttr(tables.styles.id("data", FORMATS.date));
    this.styles = tables.styles;
    this.widths = Array.from({ length: width }, () => COPY_COLUMN_WIDTH);
    this.hidden = Array.from({ length: width }, () => false);
    for (const run of layout?.columns ?? []) {
      for (let c = run.first; c <= Math.min(run.last, width - 1); c++) {
        if (run.width !== null) this.widths[c] = run.width;
        this.hidden[c] = run.hidden;
      }
    }
    this.fit = fitScale(this.widths.filter((_, c) => !this.hidden[c])) >= MIN_FIT_SCALE;
  }

  head(): Promise<void> | void {
    const views = this.layout ? viewsXml(this.layout.frozen, false) : "";
    return this.part.write(sheetHead(views, colsXml(this.widths, this.hidden), this.fit));
  }

  /**
   * Sheet row `row` (0-based) with its `values` from column `originCol`, and the formulas with no
   * result shown as their text (`texts`, by grid column), hidden or not; `percent` says which
   * columns' numbers show as percentages. A promise only when the caller must wait.
   */
  row(
    row: number,
    values: readonly CellValue[],
    texts?: ReadonlyMap<number, string>,
    hidden = false,
    percent?: (col: number) => boolean
  ): Promise<void> | void {
    const rowNumber = String(row + 1);
    const width = texts
      ? Math.max(values.length, ...[...texts.keys()].map((c) => c + 1))
      : values.length;
    let xml = "";
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? texts?.get(c);
      if (value === null || value === undefined) continue;
      const s =
        percent && typeof value === "number" && percent(c)
          ? (this.percentS ??= sAttr(this.styles.id("data", PERCENT_FORMAT)))
          : "";
      xml += this.body.cell(this.originCol + c, rowNumber, value, s, this.dateS);
    }
    return this.body.row(rowNumber, xml, null, hidden);
  }

  /** The sheet's end, with its merged ranges; ends the part. */
  async end(merges: readonly GridRect[]): Promise<void> {
    await this.part.write(
      `</sheetData>${mergeCellsXml(merges)}${this.fit ? PAGE_XML : PAGE_WIDE_XML}</worksheet>`
    );
    await this.part.end();
  }
}

/** The copied sheet's merged ranges, as the input had them (its cells are where they were). */
function mergeCellsXml(merges: readonly GridRect[]): string {
  if (merges.length === 0) return "";
  const refs = merges.map((m) => `<mergeCell ref="${rectAddress(m)}"/>`);
  return `<mergeCells count="${merges.length}">${refs.join("")}</mergeCells>`;
}

// ---------------------------------------------------------------------------------------------
// Sheet parts around the rows

/** Runs of columns of one width (and, for a copy, hidden or not: `hidden` by column). */
function colsXml(widths: readonly number[], hidden?: readonly boolean[]): string {
  if (widths.length === 0) return "";
  let xml = "<cols>";
  let start = 0;
  const same = (i: number) =>
    widths[i] === widths[start] && (hidden?.[i] ?? false) === (hidden?.[start] ?? false);
  for (let i = 1; i <= widths.length; i++) {
    if (i < widths.length && same(i)) continue;
    const hide = hidden?.[start] ? ' hidden="1"' : "";
    xml += `<col min="${start + 1}" max="${i}" width="${widths[start]}" customWidth="1"${hide}/>`;
    start = i;
  }
  return `${xml}</cols>`;
}

/** The sheet's view: frozen rows and columns, and whether its tab is the one selected. */
function viewsXml(freeze: SheetSpec["freeze"], selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) {
    return selected ? `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>` : "";
  }
  const x = Math.max(0, freeze.columns);
  const y = Math.max(0, freeze.rows);
  const pane = x && y ? "bottomRight" : y ? "bottomLeft" : "topRight";
  const topLeft = letters(x) + (y + 1);
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
    `<pane${x ? ` xSplit="${x}"` : ""}${y ? ` ySplit="${y}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

function sheetHead(views: string, cols: string, fit = true): string {
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
    // Sheets print fitted to the page's width (PAGE).
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    views +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    "<sheetData>"
  );
}

const M = PAGE.margins;
/** Every sheet, summaries, input copies and the template alike, prints on PAGE. */
const MARGINS_XML = `<pageMargins left="${M.left}" right="${M.right}" top="${M.top}" bottom="${M.bottom}" header="${M.header}" footer="${M.footer}"/>`;
const PAGE_XML =
  MARGINS_XML +
  `<pageSetup paperSize="${PAGE.paperSize}" orientation="${PAGE.orientation}" scale="100" fitToWidth="${PAGE.fitToWidth}" fitToHeight="${PAGE.fitToHeight}"/>`;
/**
 * A copied input sheet too wide to fit the page's width at a readable size prints at the
 * smallest readable scale over pages across, instead of shrinking to a blur.
 */
const PAGE_WIDE_XML =
  MARGINS_XML +
  `<pageSetup paperSize="${PAGE.paperSize}" orientation="${PAGE.orientation}" scale="${Math.round(MIN_FIT_SCALE * 100)}" fitToWidth="${PAGE.fitToWidth}" fitToHeight="${PAGE.fitToHeight}"/>`;

function rowBreaksXml(spec: SheetSpec): string {
  const rows = spec.print?.breaksBefore ?? [];
  if (rows.length === 0) return "";
  const breaks = rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

function tableDataRange(table: TableBlock, column: number): string {
  return rangeAddress(table.row + 1, table.col + column, table.rows.length, 1);
}

function colorScalesXml(tables: readonly TableBlock[]): string {
  let xml = "";
  let priority = 1;
  const colors = COLOR_SCALE_COLORS.map((c) => `<color rgb="${c.argb}"/>`).join("");
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    for (const scale of table.colorScales) {
      for (const column of scale.columns) {
        const cfvo = [scale.min, (scale.min + scale.max) / 2, scale.max]
          .map((v) => `<cfvo type="num" val="${v}"/>`)
          .join("");
        xml +=
          `<conditionalFormatting sqref="${tableDataRange(table, column)}">` +
          `<cfRule type="colorScale" priority="${priority++}"><colorScale>${cfvo}${colors}</colorScale></cfRule>` +
          "</conditionalFormatting>";
      }
    }
  }
  return xml;
}

/** The tables written as Excel tables (filter buttons, sorting): those with a header and rows. */
function excelTables(spec: SheetSpec): TableBlock[] {
  return spec.blocks.filter(
    (b): b is TableBlock =>
      b.kind === "table" && b.asExcelTable && b.rows.length > 0 && b.header.length > 0
  );
}

/** Column names of an Excel table: its header texts, made unique and never empty. */
function tableColumnNames(table: TableBlock): string[] {
  const seen = new Set<string>();
  return table.header.map((h, i) => {
    let name = h.trim() || `Kolom${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h.trim() || "Kolom"}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The table part (`xl/tables/tableN.xml`) of one Excel table. */
function tablePartXml(table: TableBlock, id: number, name: string): string {
  const ref = rangeAddress(table.row, table.col, table.rows.length + 1, table.header.length);
  const columns = tableColumnNames(table)
    .map((n, i) => `<tableColumn id="${i + 1}" name="${xmlAttr(n)}"/>`)
    .join("");
  return (
    XML_HEAD +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${xmlAttr(name)}" displayName="${xmlAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.header.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    "</table>"
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The cells of a list rule: `$B$2:$B$40`, or `'KKB Input'!$A$2:$A$1001` on another sheet. */
function listSource(rule: { row: number; col: number; rows: number; sheet?: string }): string {
  const range = absoluteRange(rule.row, rule.col, rule.rows, 1);
  return rule.sheet ? sheetAddress(rule.sheet, range) : range;
}

function validationXml(v: ValidationSpec): string {
  const type = v.rule.type === "listRange" ? "list" : v.rule.type;
  let attrs = ` type="${type}" allowBlank="1" showInputMessage="1"`;
  attrs += ` promptTitle="${xmlAttr(clip(v.prompt.title, PROMPT_TITLE_MAX))}"`;
  attrs += ` prompt="${xmlAttr(clip(v.prompt.text, PROMPT_TEXT_MAX))}"`;
  attrs += ` showErrorMessage="1" errorStyle="${v.strict ? "stop" : "warning"}"`;
  attrs += ` errorTitle="${xmlAttr(clip(v.error.title, PROMPT_TITLE_MAX))}"`;
  attrs += ` error="${xmlAttr(clip(v.error.text, PROMPT_TEXT_MAX))}"`;
  attrs += ` sqref="${rangeAddress(v.row, v.col, v.rows, v.cols)}"`;
  let formulas: string;
  switch (v.rule.type) {
    case "decimal":
      formulas = `<formula1>${v.rule.min}</formula1><formula2>${v.rule.max}</formula2>`;
      break;
    case "list": {
      const list = `"${v.rule.values.map((x) => x.replace(/"/g, '""')).join(",")}"`;
      formulas = `<formula1>${xmlAttr(list)}</formula1>`;
      break;
    }
    case "date":
      formulas = `<formula1>${DATE_MIN}</formula1><formula2>${DATE_MAX}</formula2>`;
      break;
    case "listRange":
      formulas = `<formula1>${xmlText(listSource(v.rule))}</formula1>`;
      break;
  }
  return `<dataValidation${attrs}>${formulas}</dataValidation>`;
}

function hyperlinksXml(links: readonly Link[]): string {
  if (links.length === 0) return "";
  let xml = "<hyperlinks>";
  for (const link of links) {
    xml += `<hyperlink ref="${link.ref}" location="${xmlAttr(link.location)}"/>`;
  }
  return `${xml}</hyperlinks>`;
}

// ---------------------------------------------------------------------------------------------
// Package parts

function contentTypesXml(overrides: readonly [string, string][]): string {
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides
      .map(([part, type]) => `<Override PartName="/${xmlAttr(part)}" ContentType="${type}"/>`)
      .join("") +
    "</Types>"
  );
}

function rels(items: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    items
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlAttr(r.target)}"/>`)
      .join("") +
    "</Relationships>"
  );
}

function appXml(names: readonly string[]): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">` +
    names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>" +
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
  );
}

function coreXml(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    "<dc:creator>KKB</dc:creator><cp:lastModifiedBy>KKB</cp:lastModifiedBy>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** A sheet name in a formula: quoted, its apostrophes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The workbook part: the sheets, the one it opens on, and the rows each sheet repeats on its
 * printed pages (`_xlnm.Print_Titles`, by the sheet's place).
 */
function workbookXml(
  names: readonly string[],
  activeTab: number,
  printTitles: readonly { sheet: number; first: number; last: number }[],
  printAreas: readonly {
    sheet: number;
    area: { row: number; col: number; rows: number; cols: number };
  }[] = []
): string {
  const areas = printAreas
    .map(
      ({ sheet, area }) =>
        `<definedName name="_xlnm.Print_Area" localSheetId="${sheet}">` +
        xmlText(
          `${quotedSheet(names[sheet])}!${absoluteRange(area.row, area.col, area.rows, area.cols)}`
        ) +
        "</definedName>"
    )
    .join("");
  const defined =
    areas +
    printTitles
      .map(
        (t) =>
          `<definedName name="_xlnm.Print_Titles" localSheetId="${t.sheet}">` +
          xmlText(`${quotedSheet(names[t.sheet])}!$${t.first + 1}:$${t.last + 1}`) +
          "</definedName>"
      )
      .join("");
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>` +
    names
      .map((n, i) => `<sheet name="${xmlAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`)
      .join("") +
    "</sheets>" +
    (defined ? `<definedNames>${defined}</definedNames>` : "") +
    '<calcPr calcId="171027"/></workbook>'
  );
}

/** The sheet the workbook opens on: the summary's `KKB Ringkasan`, else the first spec's. */
export function activeSheetIndex(copies: number, sheets: readonly SheetSpec[]): number {
  const ringkasan = sheets.findIndex((s) => s.role === "ringkasan");
  return copies + Math.max(0, ringkasan);
}

/** The drawing, chart parts and their relationships of one sheet's charts. */
interface SheetCharts {
  readonly drawing: number;
  readonly charts: readonly { readonly chart: ChartSpec; readonly number: number }[];
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes the package to `target` and closes it. On a failure the target is left to the caller
 * (a file's temporary copy is removed by its OutputFile).
 */
export async function writePackage(
  target: WritableStream<Uint8Array>,
  sheets: readonly SheetSpec[],
  options: PackageOptions = {}
): Promise<void> {
  const copies = options.copies ?? [];
  const names = [...copies.map((c) => c.name), ...sheets.map((s) => s.name)];
  const now = new Date();
  const zip = new ZipSink(target, { date: now });
  {
    // Styles first: every (role, format) the sheets use, so styles.xml precedes the sheets.
    const { styles, strings } = options.tables ?? packageTables();
    // The copies' date cells (writeCopy), and their percentages where the input has some.
    styles.id("data", FORMATS.date);
    if (copies.some((c) => "grid" in c && (c.grid.percentCells?.size ?? 0) > 0))
      styles.id("data", PERCENT_FORMAT);
    const tables = new Map<TableBlock, TableStyles>();
    for (const spec of sheets) {
      styles.id("title", null);
      styles.id("notes", null);
      for (const block of spec.blocks) {
        if (block.kind === "table") tables.set(block, tableStyles(block, styles));
      }
    }

    let drawingNo = 0;
    let chartNo = 0;
    const charted = new Map<SheetSpec, SheetCharts>();
    for (const spec of sheets) {
      if (spec.charts.length === 0) continue;
      charted.set(spec, {
        drawing: ++drawingNo,
        charts: spec.charts.map((chart) => ({ chart, number: ++chartNo })),
      });
    }

    const overrides: [string, string][] = [
      ["xl/workbook.xml", TYPES.workbook],
      ...names.map((_, i): [string, string] => [
        `xl/worksheets/sheet${i + 1}.xml`,
        TYPES.worksheet,
      ]),
      ["xl/theme/theme1.xml", TYPES.theme],
      ["xl/styles.xml", TYPES.styles],
      ["xl/sharedStrings.xml", TYPES.sharedStrings],
      ["docProps/core.xml", TYPES.core],
      ["docProps/app.xml", TYPES.app],
    ];
    for (const { drawing, charts } of charted.values()) {
      for (const { number } of charts)
        overrides.push([`xl/charts/chart${number}.xml`, CONTENT_TYPES.chart]);
      overrides.push([`xl/drawings/drawing${drawing}.xml`, CONTENT_TYPES.drawing]);
    }
    // Excel tables, numbered through the workbook, with names unique in it.
    let tableNo = 0;
    const tableNames = new Set<string>();
    const excelTablesOf = new Map<
      SheetSpec,
      { table: TableBlock; number: number; name: string }[]
    >();
    for (const spec of sheets) {
      const list = excelTables(spec).map((table) => {
        let name = table.name;
        for (let n = 2; tableNames.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
        tableNames.add(name.toLowerCase());
        return { table, number: ++tableNo, name };
      });
      if (list.length === 0) continue;
      excelTablesOf.set(spec, list);
      for (const { number } of list) overrides.push([`xl/tables/table${number}.xml`, TABLE_TYPE]);
    }
    const printTitles: { sheet: number; first: number; last: number }[] = [];
    copies.forEach((copy, i) => {
      const header =
        copy.headerRows !== undefined
          ? copy.headerRows
          : "grid" in copy
            ? copyHeaderRows(copy.grid)
            : null;
      if (header) printTitles.push({ sheet: i, ...header });
    });
    sheets.forEach((spec, i) => {
      const repeat = spec.print?.repeatRows;
      if (repeat) printTitles.push({ sheet: copies.length + i, ...repeat });
    });
    const printAreas: {
      sheet: number;
      area: { row: number; col: number; rows: number; cols: number };
    }[] = [];
    sheets.forEach((spec, i) => {
      const area = spec.print?.area;
      if (area) printAreas.push({ sheet: copies.length + i, area });
    });
    const activeTab = activeSheetIndex(copies.length, sheets);
    const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    await zip.add("[Content_Types].xml", contentTypesXml(overrides));
    await zip.add(
      "_rels/.rels",
      rels([
        { id: "rId1", type: `${OFFICE}/officeDocument`, target: "xl/workbook.xml" },
        {
          id: "rId2",
          type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          target: "docProps/core.xml",
        },
        { id: "rId3", type: `${OFFICE}/extended-properties`, target: "docProps/app.xml" },
      ])
    );
    await zip.add("docProps/app.xml", appXml(names));
    await zip.add("docProps/core.xml", coreXml(now));
    await zip.add(
      "xl/_rels/workbook.xml.rels",
      rels([
        { id: "rId1", type: `${OFFICE}/styles`, target: "styles.xml" },
        { id: "rId2", type: `${OFFICE}/theme`, target: "theme/theme1.xml" },
        { id: "rId3", type: `${OFFICE}/sharedStrings`, target: "sharedStrings.xml" },
        ...names.map((_, i) => ({
          id: `rId${i + 4}`,
          type: `${OFFICE}/worksheet`,
          target: `worksheets/sheet${i + 1}.xml`,
        })),
      ])
    );
    await zip.add("xl/workbook.xml", workbookXml(names, activeTab, printTitles, printAreas));
    await zip.add("xl/styles.xml", styles.xml());
    styles.freeze();
    await zip.add("xl/theme/theme1.xml", OFFICE_THEME);

    const total =
      copies.reduce((n, c) => n + copyRows(c), 0) + sheets.reduce((n, s) => n + specRowCount(s), 0);
    const progress: Progress = { written: 0, total, onRows: options.onRows };
    let sheetNo = 0;

    for (const copy of copies) {
      options.onSheet?.(copy.name, sheetNo, names.length);
      const name = `xl/worksheets/sheet${++sheetNo}.xml`;
      if ("grid" in copy) {
        await writeCopy(await zip.part(name), copy.grid, { styles, strings }, progress);
      } else {
        await zip.addDeflated(name, copy);
        progress.written += copy.rows;
      }
    }

    for (const spec of sheets) {
      options.onSheet?.(spec.name, sheetNo, names.length);
      const number = ++sheetNo;
      const part = await zip.part(`xl/worksheets/sheet${number}.xml`);
      const selected = number - 1 === activeTab;
      // The template's wide input sheet, like a wide copy, prints at a readable scale across.
      const fit = fitScale(printedWidths(spec)) >= MIN_FIT_SCALE;
      await part.write(sheetHead(viewsXml(spec.freeze, selected), colsXml(spec.columnWidths), fit));
      const body = new SheetBody(part, styles, progress, strings);
      await writeSpecRows(body, spec, styles, tables);
      const specTables = spec.blocks.filter((b): b is TableBlock => b.kind === "table");
      const validations = spec.validations.map(validationXml);
      const chartsOf = charted.get(spec);
      const tablesOf = excelTablesOf.get(spec) ?? [];
      // Relationships of the sheet: its drawing first (rId1), then its tables.
      const sheetRels: Relationship[] = [];
      if (chartsOf) {
        sheetRels.push({
          id: "rId1",
          type: REL_TYPES.drawing,
          target: `../drawings/drawing${chartsOf.drawing}.xml`,
        });
      }
      const tableRels = tablesOf.map(({ number }) => {
        const rel = {
          id: `rId${sheetRels.length + 1}`,
          type: TABLE_REL,
          target: `../tables/table${number}.xml`,
        };
        sheetRels.push(rel);
        return rel.id;
      });
      await part.write(
        "</sheetData>" +
          colorScalesXml(specTables) +
          (validations.length
            ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
            : "") +
          hyperlinksXml(body.links) +
          (fit ? PAGE_XML : PAGE_WIDE_XML) +
          rowBreaksXml(spec) +
          (chartsOf ? '<drawing r:id="rId1"/>' : "") +
          (tableRels.length
            ? `<tableParts count="${tableRels.length}">` +
              tableRels.map((id) => `<tablePart r:id="${id}"/>`).join("") +
              "</tableParts>"
            : "") +
          "</worksheet>"
      );
      await part.end();
      if (sheetRels.length > 0) {
        await zip.add(`xl/worksheets/_rels/sheet${number}.xml.rels`, relationshipsXml(sheetRels));
      }
      for (const { table, number: n, name } of tablesOf) {
        await zip.add(`xl/tables/table${n}.xml`, tablePartXml(table, n, name));
      }
      if (chartsOf) await writeCharts(zip, spec, chartsOf);
    }
    const sst = await zip.part("xl/sharedStrings.xml");
    for (const piece of strings.xml()) {
      const pending = sst.write(piece);
      if (pending) await pending;
    }
    await sst.end();
    await zip.close();
    progress.onRows?.(progress.written, progress.total);
  }
}

async function writeCharts(
  zip: ZipSink,
  spec: SheetSpec,
  { drawing, charts }: SheetCharts
): Promise<void> {
  const drawingPart = `xl/drawings/drawing${drawing}.xml`;
  const drawingRels: Relationship[] = charts.map(({ number }, i) => ({
    id: `rId${i + 1}`,
    type: REL_TYPES.chart,
    target: `../charts/chart${number}.xml`,
  }));
  await zip.add(
    drawingPart,
    drawingXml(charts.map(({ chart }, i) => ({ chart, relId: `rId${i + 1}` })))
  );
  await zip.add(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationshipsXml(drawingRels));
  for (const { chart, number } of charts) {
    await zip.add(`xl/charts/chart${number}.xml`, chartXml(chartData(spec, chart)));
  }
}
