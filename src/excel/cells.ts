/**
 * Excel's range values and value types to the engine's cell values. office.js returns "" for
 * an empty cell and the error text ("#N/A") for an error, so only the value type tells a blank
 * or an error from text. Pure.
 */
import { CellValue } from "../engine/cell";

/** Excel.RangeValueType as strings (the enum is not available outside Office). */
export type ValueTypeName =
  "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

export function cellValue(value: unknown, valueType: string | undefined): CellValue {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return { error: typeof value === "string" && value !== "" ? value : "#VALUE!" };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return typeof value === "boolean" ? value : value === "TRUE";
    default:
      // String, and rich values or unknown types shown as their text.
      if (typeof value === "string") return value === "" ? null : value;
      if (typeof value === "number" || typeof value === "boolean") return value;
      return null;
  }
}

/** A block of cells from `range.values` and `range.valueTypes` loaded together. */
export function cellValues(values: unknown[][], valueTypes: string[][]): CellValue[][] {
  return values.map((row, r) => row.map((v, c) => cellValue(v, valueTypes[r]?.[c])));
}
