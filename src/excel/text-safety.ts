/**
 * User text must land in a cell as the same text: never as a formula (`=HYPERLINK(...)`,
 * `+62...`, `@x`), a number (`-1`, `1,5`), a date, a boolean or an error. Text columns get the
 * number format `@` before their values are written (Excel then keeps whatever is entered as
 * text); a string in any other cell that Excel might parse gets a leading apostrophe, which Excel
 * consumes as its "quote prefix" and does not store in the value. Pure.
 */
import { withinCellLimit } from "../workbook/cell-text-limit";
import { isSpecFormula, SpecValue } from "../workbook/sheet-spec";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** A value office.js can send: `""` clears a cell. */
export type WriteValue = string | number | boolean;

const EXCEL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Whether Excel could read this text as something other than the same text in a cell that is
 * not formatted as text: a formula trigger or error literal at the start, surrounding spaces
 * (trimmed numbers), TRUE/FALSE, or a digit anywhere (numbers, dates, times, fractions, `1e5`).
 */
export function isParsedByExcel(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@#'\s]/.test(text) || /\s$/.test(text)) return true;
  if (/^(true|false)$/i.test(text)) return true;
  return /\d/.test(text);
}

/** An Excel date serial for a date (engine dates are UTC midnight; the time of day is kept). */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_UTC_MS) / DAY_MS;
}

/** The value to send for a spec value in a cell with this number format. */
export function writeValue(value: SpecValue | undefined, format: string | null): WriteValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : excelSerial(value);
  // KKB's own formulas go through Range.formulas (plan-write's "formulas" operation), never
  // through values: here their cell stays blank.
  if (isSpecFormula(value)) return "";
  return textValue(withinCellLimit(value), format);
}

/** A text's value to send (at most a cell's characters): quote-prefixed where Excel would parse it. */
function textValue(value: string, format: string | null): WriteValue {
  // Excel takes a leading apostrophe as the quote prefix in any cell, text-formatted or not.
  if (format === TEXT_FORMAT) return value.startsWith("'") ? `'${value}` : value;
  return isParsedByExcel(value) ? `'${value}` : value;
}
