/**
 * Excel error values as a custom function can receive them, in every shape Excel documents:
 * - a rich error value (data types; `allowCustomDataForDataTypeAny`, CustomFunctionsRuntime
 *   1.4): `{ type: "Error", basicType?: "Error", basicValue: "#DIV/0!", errorType?: "Div0" }`,
 *   sometimes with only `errorType`;
 * - the legacy shapes: a `CustomFunctions.Error`-like `{ code: "#DIV/0!", message? }`, its
 *   `ErrorCode` member name (`{ code: "divisionByZero" }`), and the engine's `{ error: "#N/A" }`.
 * Other rich values (a formatted number, a string or boolean value) read as their `basicValue`,
 * never as "[object Object]".
 */

/** Excel.ErrorCellValueType names and the codes a cell shows. */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Placeholder: "#PLACEHOLDER",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  TimeLimit: "#TIMEOUT!",
  Value: "#VALUE!",
};

/** CustomFunctions.ErrorCode member names and their codes. */
const ERROR_CODE_NAMES: Readonly<Record<string, string>> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

type Fields = Readonly<Record<string, unknown>>;

function fields(value: unknown): Fields | null {
  return typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    !Array.isArray(value)
    ? (value as Fields)
    : null;
}

function codeText(text: unknown): string | null {
  if (typeof text !== "string") return null;
  if (text.startsWith("#")) return text;
  return ERROR_TYPES[text] ?? ERROR_CODE_NAMES[text] ?? null;
}

/** The error code ("#DIV/0!") of an error value in any documented shape, else null. */
export function inputErrorCode(value: unknown): string | null {
  const f = fields(value);
  if (!f) return null;
  if (f.type === "Error" || f.basicType === "Error") {
    return codeText(f.basicValue) ?? codeText(f.errorType) ?? "#VALUE!";
  }
  if (typeof f.code === "string") return codeText(f.code);
  if (typeof f.error === "string" && f.error.startsWith("#")) return f.error;
  return null;
}

/** A rich value other than an error: its basic value (number, text, boolean); else undefined. */
export function richBasicValue(value: unknown): unknown {
  const f = fields(value);
  if (!f || typeof f.type !== "string" || !("basicValue" in f)) return undefined;
  const basic = f.basicValue;
  return typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean"
    ? basic
    : undefined;
}
