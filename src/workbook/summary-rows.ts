/**
 * Rows of totals or means typed by hand under the kampung (`Rata-rata` with `AVERAGE` formulas,
 * `Jumlah`, `Total`): outside an Excel table no Total Row flag says so, and read as a kampung
 * such a row is scored, ranked and counted with the others, pulling every mean towards itself.
 *
 * The rule: from the last row of data upwards (blank rows and notes under the table are
 * passed over), each row whose name is a word of totals (SUMMARY_WORDS, case, spaces and
 * punctuation ignored) and that names no region is a summary row; the first row that is not
 * ends the search. The name is the Kampung cell, or when it is blank the row's first text left
 * of the scores (a `Rata-rata` typed in the No column, or merged across the identity columns).
 * A kampung in the middle of the list is never one, whatever its name. Pure.
 */
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { Grid, gridAddress } from "./grid";
import { normaliseHeader } from "./headers";

/** Names of a row of totals or means, normalised (normaliseHeader): Indonesian and English. */
const SUMMARY_WORDS: ReadonlySet<string> = new Set(
  [
    "Rata-rata",
    "Rata rata",
    "Rata2",
    "Rerata",
    "Rata-rata keseluruhan",
    "Jumlah",
    "Jumlah total",
    "Total",
    "Total keseluruhan",
    "Grand total",
    "Average",
    "Mean",
    "Sum",
  ].map(normaliseHeader)
);

/** Where to look: data rows [first, end) and the columns that tell a summary row. */
export interface SummaryRowScan {
  readonly first: number;
  readonly end: number;
  readonly kampung: number | undefined;
  /** Region columns (desa ... provinsi): a summary row names no region. */
  readonly regions: readonly number[];
  /** The leftmost score column: a name in front of it may stand in for a blank Kampung cell. */
  readonly firstScore: number;
  /** Rows already left out (a table's Total Row, notes under the table). */
  readonly skip: (r: number) => boolean;
}

/** A summary row found: its grid row, the cell holding its name, and the name. */
export interface SummaryRow {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The hand-typed summary rows at the bottom of the data (see the module's rule), top to bottom. */
export function summaryRows(grid: Grid, scan: SummaryRowScan): SummaryRow[] {
  const found: SummaryRow[] = [];
  for (let r = Math.min(scan.end, grid.rows.length) - 1; r >= scan.first; r--) {
    if (scan.skip(r)) continue;
    const row = grid.rows[r] ?? [];
    if (row.every((v) => blankText(v) === null && typeof v !== "number")) continue;
    const named = nameOf(row, scan);
    if (!named || !SUMMARY_WORDS.has(normaliseHeader(named.text))) break;
    if (scan.regions.some((c) => c !== named.col && blankText(row[c]) !== null)) break;
    found.push({ row: r, ...named });
  }
  return found.reverse();
}

function nameOf(row: readonly CellValue[], scan: SummaryRowScan): Omit<SummaryRow, "row"> | null {
  if (scan.kampung !== undefined) {
    const text = blankText(row[scan.kampung]);
    if (text !== null) return { col: scan.kampung, text };
  }
  for (let c = 0; c < Math.min(row.length, scan.firstScore); c++) {
    const text = blankText(row[c]);
    if (text !== null) return { col: c, text };
  }
  return null;
}

/** A cell's text, trimmed; null for a blank or a value that is not text. */
function blankText(value: CellValue): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

/**
 * SUMMARY_ROW_SKIPPED for the summary rows found: one warning at the first one's name, naming
 * the sheet rows and quoting the first name; null when there are none.
 */
export function summaryRowsIssue(
  grid: Grid,
  rows: readonly SummaryRow[],
  lang: Lang
): Issue | null {
  if (rows.length === 0) return null;
  return makeIssue(
    "SUMMARY_ROW_SKIPPED",
    { sheet: grid.sheet, cell: gridAddress(grid, rows[0].row, rows[0].col) },
    {
      value: rows[0].text,
      count: rows.length,
      list: rows.map((s) => String(grid.originRow + s.row + 1)).join(", "),
    },
    lang
  );
}
