/**
 * One worksheet part (xl/worksheets/sheetN.xml) into a GridBuilder, as a stream: cell values
 * (shared and inline strings, numbers, dates by their style, booleans, errors, the saved result
 * of a formula), hidden rows, merged ranges (only the top-left cell keeps a value, as in Excel;
 * overlapping ones as Excel's repair reads them, see merge-overlaps.ts),
 * formulas with no saved result, the relationship ids of its tables, and its column widths and
 * frozen panes (sheet-layout.ts). `r` attributes are
 * optional, as the format says: a row or cell without one follows the previous one.
 */
import { CellValue } from "../../engine/cell";
import { parseAddress } from "../../workbook/a1";
import { GridRect } from "../../workbook/grid";
import { resolveMergeOverlaps } from "../../workbook/merge-overlaps";
import { GridBuilder } from "../grid-builder";
import { excelSerialToDate } from "../serial-date";
import { isMain, RELATIONSHIPS } from "./names";
import { SheetLayoutReader } from "./sheet-layout";
import { decodeEscapes, MAX_CELL_CHARS } from "./text";
import { NamespaceScope, XmlAttributes, XmlHandler, XmlSyntaxError } from "./xml";
import { EXCEL_COLS, EXCEL_ROWS } from "./excel-grid";

/** Excel's grid, where the reader's other modules have long taken it from. */
export { EXCEL_COLS, EXCEL_ROWS };

export class GridLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GridLimitError";
  }
}

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  /** Cell styles that show a number as a percentage (grid.ts `percentCells`). */
  readonly percentStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** What a cell's child elements say, collected until the cell closes. */
const enum Capture {
  None,
  Value,
  Formula,
  InlineText,
}

export class SheetPartHandler implements XmlHandler {
  /** Relationship ids of the sheet's table parts. */
  readonly tableIds: string[] = [];
  private row = -1;
  private col = -1;
  private type = "n";
  private style = 0;
  private hasFormula = false;
  private formula = "";
  private hasValue = false;
  private value = "";
  private capture = Capture.None;
  private phonetic = 0;
  /** Depth inside elements that hold no cells KKB reads (extLst). */
  private skip = 0;
  private rowsSeen = 0;
  /**
   * Rows numbered from where a segment began, not yet known (sheet-split.ts): the segment's
   * text went on from rows another thread read. Until a row with `r` comes, rows are given to
   * the builder as `relativeRow` numbers, which `resolveRow` makes absolute.
   */
  private relative = false;
  /**
   * Reading a sheet whose text is cut (sheet-split.ts): what only the whole text can place fails
   * the read as damaged, which is then read again without cuts: a cell outside any row (its
   * column follows cells read elsewhere), and, in a segment (`segment`), a merge or a table part
   * (kept until the sheet ends, which a segment never reaches).
   */
  private cut = false;
  private segment = false;
  /** The first row element's name as written (`row`, `x:row`): where sheet-split.ts may cut. */
  rowName: string | null = null;
  /** Inside a `row` element. */
  private inRow = false;
  /** The sheet's merges as listed, made when the worksheet closes (overlaps resolved first). */
  private readonly merges: GridRect[] = [];
  /** Column widths and frozen panes, given to the builder when `sheetData` opens. */
  private readonly layout = new SheetLayoutReader();

  constructor(
    private readonly context: SheetContext,
    private readonly grid: GridBuilder,
    private readonly onRow?: (rowsRead: number) => void
  ) {}

  get rowsRead(): number {
    return this.rowsSeen;
  }

  open(
    ns: string,
    local: string,
    attributes: XmlAttributes,
    scope: NamespaceScope,
    name: string
  ): void {
    if (this.skip > 0 || local === "extLst") {
      this.skip++;
      return;
    }
    if (!isMain(ns)) return;
    switch (local) {
      case "c":
        this.openCell(attributes);
        break;
      case "v":
        this.capture = Capture.Value;
        this.hasValue = true;
        break;
      case "f":
        this.capture = Capture.Formula;
        this.hasFormula = true;
        break;
      case "t":
        if (this.phonetic === 0 && this.type === "inlineStr") {
          this.capture = Capture.InlineText;
          this.hasValue = true;
        }
        break;
      case "rPh":
        this.phonetic++;
        break;
      case "row":
        this.rowName ??= name;
        this.openRow(attributes);
        break;
      case "col":
        this.layout.col(attributes);
        break;
      case "sheetView":
        this.layout.sheetView();
        break;
      case "pane":
        this.layout.pane(attributes);
        break;
      case "sheetData": {
        // Both come before the rows (ECMA-376's order): a copy written as the rows come has them.
        const layout = this.layout.layout();
        if (layout) this.grid.layout(layout);
        break;
      }
      case "mergeCell":
        this.uncuttable("a merged range", this.segment);
        this.merge(attributes.ref);
        break;
      case "tablePart": {
        this.uncuttable("a table part", this.segment);
        const id = RELATIONSHIPS.map((r) => scope.attribute(attributes, r, "id")).find(
          (x) => x !== undefined
        );
        if (id) this.tableIds.push(id);
        break;
      }
    }
  }

  close(ns: string, local: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (!isMain(ns)) return;
    switch (local) {
      case "c":
        this.closeCell();
        break;
      case "row":
        this.inRow = false;
        break;
      case "v":
      case "f":
      case "t":
        this.capture = Capture.None;
        break;
      case "rPh":
        this.phonetic--;
        break;
      case "worksheet":
        this.makeMerges();
        break;
    }
  }

  /** Overlapping merges: the first listed wins (merge-overlaps.ts); the others are said once. */
  private makeMerges(): void {
    const { kept, overlaps } = resolveMergeOverlaps(this.merges);
    for (const m of kept) this.grid.merge(m);
    this.grid.mergeOverlaps.push(...overlaps);
    this.merges.length = 0;
  }

  text(text: string): void {
    switch (this.capture) {
      case Capture.Value:
        this.value += text;
        break;
      case Capture.InlineText:
        if (this.value.length < MAX_CELL_CHARS) this.value += text;
        break;
      case Capture.Formula:
        if (this.formula.length < MAX_CELL_CHARS) this.formula += text;
        break;
    }
  }

  /** The rows from here on follow a row another thread read (sheet-split.ts). */
  startSegment(): void {
    this.row = -1;
    this.relative = true;
    this.cut = true;
  }

  /** The rows from here on follow row `row` (0-based), read elsewhere (sheet-split.ts). */
  continueAfter(row: number): void {
    this.row = row;
    this.relative = false;
    this.cut = true;
    this.segment = true;
  }

  /** A sheet read in pieces met what only the whole text can place (see `cut`). */
  private uncuttable(what: string, where: boolean): void {
    if (where) throw new XmlSyntaxError(`${what} in a sheet read in segments`);
  }

  /** The current row as the builder is given it (see `relative`). */
  get currentRow(): number {
    return this.relative ? relativeRow(this.row) : this.row;
  }

  private openRow(attributes: XmlAttributes): void {
    const r = attributes.r;
    if (r !== undefined && this.relative) {
      // Rows numbered from the segment's start go to the builder before the absolute ones: the
      // receiving side puts a batch's cells in after its rows, which two numberings of one row
      // in one batch would turn around.
      this.relative = false;
      this.grid.flush();
    }
    this.inRow = true;
    this.row = r === undefined ? this.row + 1 : Number(r) - 1;
    if (!Number.isInteger(this.row) || this.row < 0 || this.row >= EXCEL_ROWS)
      throw new GridLimitError(`row ${r ?? this.row + 1} is outside Excel's grid`);
    this.col = -1;
    this.rowsSeen++;
    if (this.onRow && (this.rowsSeen & 0x3ff) === 0) this.onRow(this.rowsSeen);
    const hidden = attributes.hidden;
    if (hidden === "1" || hidden === "true") this.grid.hideRow(this.currentRow);
  }

  private openCell(attributes: XmlAttributes): void {
    if (!this.inRow) this.uncuttable("a cell outside any row", this.cut);
    const ref = attributes.r;
    if (ref !== undefined) {
      const col = columnOf(ref);
      if (col < 0) throw new GridLimitError(`cell reference ${ref} is not one`);
      // A cell outside any <row> takes the row its reference names.
      if (this.row < 0 && !this.relative) this.row = parseAddress(ref)?.row ?? 0;
      this.col = col;
    } else this.col++;
    if (this.row < 0 && !this.relative) this.row = 0;
    if (this.col >= EXCEL_COLS || this.row >= EXCEL_ROWS)
      throw new GridLimitError(`cell ${ref ?? this.col} is outside Excel's grid`);
    this.type = attributes.t ?? "n";
    const s = attributes.s;
    this.style = s === undefined ? 0 : Number(s);
    this.hasFormula = false;
    this.formula = "";
    this.hasValue = false;
    this.value = "";
    this.phonetic = 0;
  }

  private closeCell(): void {
    this.capture = Capture.None;
    // openpyxl writes a formula with an empty <v/>; only a text result ("str") can be empty.
    const noResult = !this.hasValue || (this.value === "" && this.type !== "str");
    if (this.hasFormula && noResult) {
      this.grid.uncalculated(this.currentRow, this.col, this.formula);
      return;
    }
    if (!this.hasValue) return;
    if (this.type === "s") {
      const index = Number(this.value);
      const text = this.context.sharedStrings[index];
      if (text !== undefined) this.grid.setShared(this.currentRow, this.col, index, text);
      return;
    }
    this.grid.set(this.currentRow, this.col, this.cellValue());
  }

  private cellValue(): CellValue {
    const text = this.value;
    switch (this.type) {
      case "inlineStr":
      case "str":
        return decodeEscapes(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);
      case "e":
        return { error: text.trim() };
      case "b":
        return text.trim() === "1" || text.trim() === "true";
      case "d": {
        const date = new Date(text.trim());
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (text.trim() === "") return null;
        const n = Number(text);
        if (!Number.isFinite(n)) return null;
        if (this.style === 0) return this.grid.number(n);
        if (this.context.dateStyles.has(this.style))
          return excelSerialToDate(n, this.context.date1904);
        if (this.context.percentStyles.has(this.style))
          this.grid.percent(this.currentRow, this.col);
        return this.grid.number(n);
      }
    }
  }

  private merge(ref: string | undefined): void {
    if (!ref) return;
    const [from, to] = ref.split(":");
    const a = parseAddress(from);
    const b = parseAddress(to ?? from);
    if (a && b) {
      this.merges.push({
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      });
    }
  }
}

/**
 * A row numbered from where a segment began (0 its first row, -1 the row before it), as a
 * number below -1 that cannot be a sheet row.
 */
export function relativeRow(offset: number): number {
  return -3 - offset;
}

/**
 * A row as a builder was given it, made absolute: `base` is the 0-based row the segment's text
 * followed. Rows of 0 and above are already absolute.
 */
export function resolveRow(row: number, base: number): number {
  return row >= 0 ? row : base - 2 - row;
}

/**
 * The 0-based column of a cell reference (`B12`, `$B$12`), or -1 when it is not one. A scan of
 * character codes: it runs for every cell (a regular expression here cost 1.4 s of a 10 s
 * national read).
 */
export function columnOf(ref: string): number {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const start = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i) | 32;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  if (i === start || i - start > 3) return -1;
  if (ref.charCodeAt(i) === 36) i++;
  if (i === n) return -1;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return col - 1;
}
