/**
 * A CSV file as one grid, parsed by csv-parse (RFC 4180: quotes, `""`, line breaks in fields). Indonesian Excel saves CSV with `;` between
 * fields and a decimal comma (`1,5`); others use `,` and a decimal point. The separator is the
 * one under which the header row is recognised best (a title line above the header says
 * nothing about it); plain numbers become numbers, everything else stays text exactly as written
 * (identity numbers with a leading zero or more than 15 digits stay text).
 */
import { parse } from "csv-parse/sync";
import { CellValue } from "../engine/cell";
import { Grid } from "../workbook/grid";
import { matchHeader } from "../workbook/headers";
import { CellBudget, GridBuilder } from "./grid-builder";
import { EXCEL_COLS, EXCEL_ROWS, GridLimitError } from "./ooxml/sheet-part";
import { MAX_CELL_CHARS } from "./ooxml/text";
import { decodeCsvText } from "./text-encoding";

export type Separator = "," | ";" | "\t";
const SEPARATORS: readonly Separator[] = [";", ",", "\t"];
/** Rows searched for the header, as for workbooks. */
const HEADER_ROWS = 10;

function records(text: string, separator: Separator, preview?: number): string[][] {
  return parse(text, {
    delimiter: separator,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(preview ? { to: preview } : {}),
  }) as string[][];
}

/** The separator whose first rows hold the most recognised header cells in one row. */
export function detectSeparator(text: string): Separator {
  let best: { separator: Separator; matches: number; fields: number } | null = null;
  for (const separator of SEPARATORS) {
    let matches = 0;
    let fields = 0;
    for (const row of records(text, separator, HEADER_ROWS)) {
      const found = row.filter((field) => matchHeader(field) !== null).length;
      if (found > matches || (found === matches && row.length > fields)) {
        matches = found;
        fields = row.length;
      }
    }
    if (!best || matches > best.matches || (matches === best.matches && fields > best.fields))
      best = { separator, matches, fields };
  }
  return best?.separator ?? ";";
}

const POINT_NUMBER = /^-?\d+(?:\.\d+)?$/;
const ANY_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A field's value: a number when it plainly is one, else the text; empty is blank. */
export function csvValue(field: string, separator: Separator): CellValue {
  if (field === "") return null;
  // Excel holds at most 32,767 characters in a cell: cut as the .xlsx reader cuts.
  if (field.length > MAX_CELL_CHARS) return field.slice(0, MAX_CELL_CHARS);
  const trimmed = field.trim();
  const pattern = separator === ";" ? ANY_NUMBER : POINT_NUMBER;
  if (!pattern.test(trimmed)) return field;
  const digits = trimmed.replace(/^-/, "").split(/[.,]/)[0];
  if ((digits.length > 1 && digits.startsWith("0")) || digits.length > 15) return field;
  return Number(trimmed.replace(",", "."));
}

/** CSV text (already decoded) as a grid named `sheet`. */
export function csvTextToGrid(text: string, sheet: string, budget?: CellBudget): Grid {
  const separator = detectSeparator(text);
  const grid = new GridBuilder(sheet, budget);
  const rows = records(text, separator);
  if (rows.length > EXCEL_ROWS) throw new GridLimitError(`${rows.length} rows`);
  rows.forEach((fields, r) => {
    if (fields.length > EXCEL_COLS) throw new GridLimitError(`${fields.length} columns`);
    fields.forEach((field, c) => grid.set(r, c, csvValue(field, separator)));
  });
  return { ...grid.build(), textOnly: true };
}

/**
 * CSV bytes in any encoding KKB reads (see text-encoding.ts) as a grid; UTF-8 written CESU-8
 * style is repaired, and the grid says so (surrogatesRepaired).
 */
export function csvToGrid(bytes: Uint8Array, sheet: string, budget?: CellBudget): Grid {
  const decoded = decodeCsvText(bytes);
  const grid = csvTextToGrid(decoded.text, sheet, budget);
  return decoded.surrogates ? { ...grid, surrogatesRepaired: decoded.surrogates } : grid;
}
