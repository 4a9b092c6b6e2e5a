/**
 * What a cell can hold, as both adapters (ExcelJS and office.js) hand it to the engine.
 * An Excel error value is kept as an object so it is never mistaken for text or a number.
 */
export interface CellError {
  readonly error: string; // "#N/A", "#DIV/0!", ...
}

export type CellValue = number | string | boolean | Date | CellError | null | undefined;

export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    typeof (value as { error?: unknown }).error === "string"
  );
}

export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}
