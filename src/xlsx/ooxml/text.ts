/** Cell text as SpreadsheetML carries it. */

import { MAX_CELL_TEXT } from "../../workbook/cell-text-limit";

/** Excel's limit on the characters in one cell (cell-text-limit.ts). */
export const MAX_CELL_CHARS = MAX_CELL_TEXT;

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes Excel's `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): characters XML
 * cannot carry, written as their code; `_x005F_` is a literal underscore.
 */
export function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
