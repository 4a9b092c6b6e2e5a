/**
 * A sheet spec (or a copied grid) as a sequence of rows of cells, top to bottom, so a
 * streaming writer can write and commit each row once. No ExcelJS here.
 */
import { CellError, CellValue, isCellError } from "../engine/cell";
import { Grid } from "../workbook/grid";
import {
  Block,
  FORMATS,
  SheetSpec,
  SpecValue,
  TableBlock,
  blockHeight,
  rowAt,
} from "../workbook/sheet-spec";

/**
 * A cell's look. `dataAfterNumber`, `wrapAfterNumber` and `headerAfterNumber` are a table's
 * text cells (and their header) right of a column of numbers: indented from the left, since
 * LibreOffice ignores the numbers' own indent from the right (styles.ts) and printed
 * "92.7tangguh" as one word.
 */
export type CellRole =
  | "title"
  | "notes"
  | "header"
  | "headerAfterNumber"
  | "data"
  | "wrap"
  | "dataAfterNumber"
  | "wrapAfterNumber"
  | "link";

/** Number formats of scores, ranks and shares: set off by an indent from the text beside them. */
export function isNumberFormat(format: string | null | undefined): boolean {
  return format !== null && format !== undefined && /^[+0#%.,;-]+$/.test(format);
}

/** Whole numbers (ranks, counts, shifts): centred in their column, apart from text either side. */
export function isIntegerFormat(format: string | null | undefined): boolean {
  return isNumberFormat(format) && !format!.includes(".") && !format!.includes("%");
}

/**
 * Whether a table's column `c` is text right of a column of scores or shares (right-aligned up
 * to the column's edge): indented, with its header.
 */
function afterNumber(formats: readonly (string | null)[], c: number): boolean {
  return (
    c > 0 &&
    isNumberFormat(formats[c - 1]) &&
    !isIntegerFormat(formats[c - 1]) &&
    !isNumberFormat(formats[c])
  );
}

/** The role of a table's column `c` of data: wrapped or not, after a column of numbers or not. */
export function tableCellRole(
  formats: readonly (string | null)[],
  wrap: boolean,
  c: number
): CellRole {
  if (afterNumber(formats, c)) return wrap ? "wrapAfterNumber" : "dataAfterNumber";
  return wrap ? "wrap" : "data";
}

/** The role of a table's header cell `c`: indented as its column's data is. */
export function tableHeaderRole(formats: readonly (string | null)[], c: number): CellRole {
  return afterNumber(formats, c) ? "headerAfterNumber" : "header";
}

export type OutValue = SpecValue | CellError;

export interface LaidCell {
  readonly col: number;
  readonly value: OutValue;
  readonly role: CellRole;
  /** Number format, or null for General. */
  readonly format: string | null;
  /** Internal link target (`'KKB Input'!C5`) for role `link`. */
  readonly link?: string;
}

export interface LaidRow {
  readonly row: number;
  readonly cells: readonly LaidCell[];
  /** Height in points, when the row holds wrapped text (null: the default). */
  readonly height?: number | null;
}

/**
 * A table's data values in its row `offset` rows below its top (made once per row written and
 * passed on), or null for any other row.
 */
export function tableValues(block: Block, offset: number): readonly SpecValue[] | null {
  return block.kind === "table" && offset > 0 ? rowAt(block.rows, offset - 1) : null;
}

/**
 * The height a block asks for its row `offset` rows below its top, or null; `values` are the
 * row's (tableValues).
 */
export function blockRowHeight(
  block: Block,
  offset: number,
  values: readonly SpecValue[] | null
): number | null {
  if (block.kind !== "table" || !block.heights) return null;
  return offset === 0 ? block.heights.header : block.heights.row(values ?? []);
}

/** The cells of one row (`offset` rows below its top) of a block; `values` as tableValues. */
export function blockCells(
  block: Block,
  offset: number,
  values: readonly SpecValue[] | null
): LaidCell[] {
  switch (block.kind) {
    case "title":
      return offset === 0
        ? [{ col: block.col, value: block.text, role: "title", format: null }]
        : [];
    case "notes":
      return [{ col: block.col, value: block.lines[offset], role: "notes", format: null }];
    case "table":
      return tableCells(block, offset, values ?? []);
  }
}

function tableCells(block: TableBlock, offset: number, values: readonly SpecValue[]): LaidCell[] {
  if (offset === 0) {
    return block.header.map((text, c) => ({
      col: block.col + c,
      value: text,
      role: tableHeaderRole(block.formats, c),
      format: null,
    }));
  }
  const r = offset - 1;
  const linkColumn = block.links?.column;
  const target = block.links?.targets[r] ?? null;
  const wrap = block.wrap ?? [];
  const cells: LaidCell[] = [];
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (value === null || value === undefined) continue;
    const format = block.formats[c] ?? (value instanceof Date ? FORMATS.date : null);
    if (c === linkColumn && target) {
      cells.push({ col: block.col + c, value, role: "link", format, link: target });
    } else {
      cells.push({
        col: block.col + c,
        value,
        role: tableCellRole(block.formats, wrap.includes(c), c),
        format,
      });
    }
  }
  return cells;
}

/** Rows of a sheet spec in order; rows no block touches are left out. */
export function* specRows(spec: SheetSpec): Generator<LaidRow> {
  const blocks = [...spec.blocks].sort((a, b) => a.row - b.row);
  if (blocks.length === 0) return;
  const last = Math.max(...blocks.map((b) => b.row + blockHeight(b) - 1));
  let first = 0;
  for (let row = blocks[0].row; row <= last; row++) {
    while (first < blocks.length && blocks[first].row + blockHeight(blocks[first]) - 1 < row)
      first++;
    const byCol = new Map<number, LaidCell>();
    let height: number | null = null;
    for (let i = first; i < blocks.length && blocks[i].row <= row; i++) {
      const block = blocks[i];
      const offset = row - block.row;
      if (offset >= blockHeight(block)) continue;
      const values = tableValues(block, offset);
      for (const cell of blockCells(block, offset, values)) byCol.set(cell.col, cell);
      const h = blockRowHeight(block, offset, values);
      if (h !== null) height = Math.max(height ?? 0, h);
    }
    if (byCol.size > 0) {
      yield { row, cells: [...byCol.values()].sort((a, b) => a.col - b.col), height };
    }
  }
}

function copyValue(value: CellValue): OutValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (isCellError(value)) return { error: value.error };
  return value;
}

/** Rows of a grid copied cell for cell to the same addresses. */
export function* gridRows(grid: Grid): Generator<LaidRow> {
  for (let r = 0; r < grid.rows.length; r++) {
    const cells: LaidCell[] = [];
    const values = grid.rows[r];
    for (let c = 0; c < values.length; c++) {
      const value = copyValue(values[c]);
      if (value === undefined) continue;
      cells.push({
        col: grid.originCol + c,
        value,
        role: "data",
        format: value instanceof Date ? FORMATS.date : null,
      });
    }
    if (cells.length > 0) yield { row: grid.originRow + r, cells };
  }
}

/** Total rows a spec writes (for progress). */
export function specRowCount(spec: SheetSpec): number {
  return spec.blocks.reduce((n, b) => n + blockHeight(b), 0);
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's rules for sheet names: 1 to 31 characters, none of [ ] : * ? / \, unique ignoring case. */
export function checkSheetNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name)) {
      throw new Error(`Invalid sheet name: ${JSON.stringify(name)}`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`Duplicate sheet name: ${JSON.stringify(name)}`);
    seen.add(key);
  }
}
