/**
 * Arguments as Excel hands them to a custom function: matrices of values, and (with
 * `@requiresParameterAddresses`) the address of each argument, used to name cells in messages
 * and to read what the cells really hold.
 */
import { CellError } from "../engine/cell";
import { address, columnLetters, parseAddress } from "../workbook/a1";
import { inputErrorCode, richBasicValue } from "./input-errors";

export type Matrix = unknown[][];

/** A rectangle of cells on a sheet; rows and columns are 0-based. */
export interface RangeRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Any argument as a matrix: a scalar is 1x1, a list is one row. */
export function asMatrix(value: unknown): Matrix {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[null]];
    if (value.every((row) => Array.isArray(row))) {
      return (value as unknown[][]).map((row) => row.map(normaliseInput));
    }
    return [value.map(normaliseInput)];
  }
  return [[normaliseInput(value)]];
}

/**
 * An input error value in any shape Excel documents (a rich error value, CustomFunctions.Error,
 * `{ code: "#DIV/0!" }`) becomes the engine's CellError; another rich value becomes its basic
 * value (a formatted number is its number).
 */
export function normaliseInput(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const code = inputErrorCode(value);
  if (code !== null) {
    const error: CellError = { error: code };
    return error;
  }
  const basic = richBasicValue(value);
  return basic === undefined ? value : basic;
}

/**
 * `Sheet1!A1:C3`, `'My sheet'!$B$2`, ... as a RangeRef; null for what cannot be read as one
 * rectangle of this workbook (another workbook, whole rows or columns, several areas such as
 * `Data!A1:B2,Data!D1:D2`, names).
 */
export function parseRangeAddress(text: string): RangeRef | null {
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    // A quoted name: '' stands for one quote; the closing quote is followed by "!".
    let i = 1;
    let name = "";
    for (;;) {
      const quote = text.indexOf("'", i);
      if (quote < 0) return null;
      if (text[quote + 1] === "'") {
        name += text.slice(i, quote + 1);
        i = quote + 2;
        continue;
      }
      name += text.slice(i, quote);
      i = quote + 1;
      break;
    }
    if (text[i] !== "!" || name.length === 0) return null;
    sheet = name;
    rest = text.slice(i + 1);
  } else {
    const bang = text.indexOf("!");
    if (bang <= 0) return null;
    sheet = text.slice(0, bang);
    rest = text.slice(bang + 1);
    // An unquoted sheet name is one plain word.
    if (!/^[\p{L}\p{N}_.]+$/u.test(sheet)) return null;
  }
  if (sheet.includes("[") || sheet.includes("]")) return null;
  const parts = rest.split(":");
  if (parts.length > 2) return null;
  const start = parseAddress(parts[0]);
  const end = parts.length === 2 ? parseAddress(parts[1]) : start;
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    sheet,
    row,
    col,
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

/** The sheet name as a formula writes it: quoted when it is not a plain word. */
function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** `Data!C4`: the cell at (r, c) of the range. */
export function cellAddress(ref: RangeRef, r: number, c: number): string {
  return sheetPrefix(ref.sheet) + address(ref.row + r, ref.col + c);
}

/** `Data!B4:D4`: row r of the range. */
export function rowAddress(ref: RangeRef, r: number): string {
  const start = address(ref.row + r, ref.col);
  if (ref.cols === 1) return sheetPrefix(ref.sheet) + start;
  return `${sheetPrefix(ref.sheet)}${start}:${columnLetters(ref.col + ref.cols - 1)}${ref.row + r + 1}`;
}

/** The sub-range at (r, c) of `rows` x `cols` cells. */
export function subRange(
  ref: RangeRef,
  r: number,
  c: number,
  rows: number,
  cols: number
): RangeRef {
  return { sheet: ref.sheet, row: ref.row + r, col: ref.col + c, rows, cols };
}

export function rangeKey(ref: RangeRef): string {
  return `${ref.sheet}\u0000${ref.row},${ref.col},${ref.rows},${ref.cols}`;
}

export function cellCount(ref: RangeRef): number {
  return ref.rows * ref.cols;
}
