/**
 * A CSV file as one grid. Indonesian Excel saves CSV with `;` between fields and a decimal
 * comma (`1,5`); others use `,` and a decimal point. The separator is taken from the first
 * line; plain numbers become numbers, everything else stays text exactly as written
 * (identity numbers with a leading zero or more than 15 digits stay text).
 */
import { CellValue } from "../engine/cell";
import { Grid } from "../workbook/grid";
import { GridBuilder } from "./grid-builder";

export type Separator = "," | ";" | "\t";

export function detectSeparator(text: string): Separator {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts: Record<Separator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  return counts["\t"] > counts[","] ? "\t" : ",";
}

/** RFC 4180 fields: quotes around fields, `""` inside them, CRLF or LF line ends. */
export function parseCsvRecords(
  text: string,
  separator: Separator
): { fields: string[]; quoted: boolean[] }[] {
  const records: { fields: string[]; quoted: boolean[] }[] = [];
  let fields: string[] = [];
  let quotedFlags: boolean[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  const endField = () => {
    fields.push(field);
    quotedFlags.push(quoted);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, quoted: quotedFlags });
    fields = [];
    quotedFlags = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      inQuotes = true;
      quoted = true;
    } else if (ch === separator) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else field += ch;
  }
  if (field !== "" || fields.length > 0 || quoted) endRecord();
  return records;
}

const POINT_NUMBER = /^-?\d+(?:\.\d+)?$/;
const ANY_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A field's value: a number when it plainly is one, else the text; empty is blank. */
export function csvValue(field: string, quoted: boolean, separator: Separator): CellValue {
  if (field === "") return null;
  if (quoted) return field;
  const trimmed = field.trim();
  const pattern = separator === ";" ? ANY_NUMBER : POINT_NUMBER;
  if (!pattern.test(trimmed)) return field;
  const digits = trimmed.replace(/^-/, "").split(/[.,]/)[0];
  if ((digits.length > 1 && digits.startsWith("0")) || digits.length > 15) return field;
  return Number(trimmed.replace(",", "."));
}

export function csvToGrid(text: string, sheet: string): Grid {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = detectSeparator(clean);
  const grid = new GridBuilder(sheet);
  parseCsvRecords(clean, separator).forEach((record, r) => {
    record.fields.forEach((field, c) =>
      grid.set(r, c, csvValue(field, record.quoted[c], separator))
    );
  });
  return grid.build();
}
