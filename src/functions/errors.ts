/**
 * Error values for cells. In Excel they are `CustomFunctions.Error` (the cell shows the code and
 * the message in its error tooltip); where that global is absent (tests, a plain browser) they
 * are `KkbCellError`, which carries the same `code` and `message`.
 */

/** The two codes the KKB functions give: a wrong value, or a missing one. */
export type KkbErrorCode = "#VALUE!" | "#N/A";

export class KkbCellError extends Error {
  constructor(
    readonly code: KkbErrorCode,
    message: string
  ) {
    super(message);
    this.name = "KkbCellError";
  }
}

/** What a function returns (or throws) for a cell that cannot be computed. */
export interface CellErrorValue {
  readonly code: string;
  readonly message?: string;
}

export type ErrorFactory = (code: KkbErrorCode, message: string) => CellErrorValue;

/** `CustomFunctions.Error` when the runtime provides it, else `KkbCellError`. */
export const cellError: ErrorFactory = (code, message) => {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    // ErrorCode is a runtime object in CustomFunctionsRuntime 1.3+; its values are the codes.
    const codes = (CustomFunctions as { ErrorCode?: typeof CustomFunctions.ErrorCode }).ErrorCode;
    const excelCode =
      code === "#N/A"
        ? (codes?.notAvailable ?? (code as CustomFunctions.ErrorCode))
        : (codes?.invalidValue ?? (code as CustomFunctions.ErrorCode));
    return new CustomFunctions.Error(excelCode, message);
  }
  return new KkbCellError(code, message);
};

export function isCellErrorValue(value: unknown): value is CellErrorValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("#")
  );
}
