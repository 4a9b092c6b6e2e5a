/**
 * ExcelJS cell values to the engine's CellValue: rich text joined, formulas by their cached
 * result, hyperlinks by their text, error values kept as errors.
 */
import type * as ExcelJS from "exceljs";
import { CellValue } from "../engine/cell";

type RichText = { readonly richText: readonly { readonly text?: string | null }[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

export function richTextString(value: RichText): string {
  return value.richText.map((run) => run.text ?? "").join("");
}

export function fromExcelJs(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if (typeof value.error === "string") return { error: value.error };
  if (Array.isArray(value.richText)) return richTextString(value as RichText);
  if ("formula" in value || "sharedFormula" in value) {
    return fromExcelJs(value.result as ExcelJS.CellValue | undefined);
  }
  if ("hyperlink" in value) {
    const text = value.text;
    if (typeof text === "string") return text;
    if (isObject(text) && Array.isArray(text.richText)) return richTextString(text as RichText);
    return null;
  }
  return null;
}

/** ExcelJS's rule for a date number format: date letters outside quotes and brackets. */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** An Excel serial as a Date, the way ExcelJS converts it (UTC). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
