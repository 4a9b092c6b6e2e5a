/**
 * Rows of totals or means typed by hand among or under the kampung (`Rata-rata` with `AVERAGE`
 * formulas, `Jumlah` under each kabupaten's kampung, `Rata-rata Kota Semarang`, `Skor
 * rata-rata`): outside an Excel table no Total Row flag says so, and read as a kampung such a
 * row is scored, ranked and counted with the others, pulling every mean towards itself.
 *
 * The rule: a data row whose name holds a word of totals or means (SUMMARY_WORDS: `rata-rata`,
 * `rerata`, `jumlah`, `total`, ...; case and punctuation ignored) is a summary row, wherever it
 * is and whatever region it names. The name is the Kampung cell, or when it is blank the row's
 * first text left of the scores (a `Rata-rata` typed in the No column, or merged across the
 * identity columns). No Indonesian place name is such a word; a kampung that had one would be
 * named in the warning. Pure.
 */
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { Grid, gridAddress } from "./grid";
import { rowRuns } from "./notes-below";

/** Words of a row of totals or means, lower case: Indonesian and English. */
const SUMMARY_WORDS: ReadonlySet<string> = new Set([
  "rata-rata",
  "ratarata",
  "rata2",
  "rerata",
  "jumlah",
  "total",
  "subtotal",
  "average",
  "mean",
]);

/** Cheap first test of a name: most names hold none of these letters in a row. */
const MAY_HOLD_WORD = /rata|rerata|jumlah|total|average|mean/i;

/** Where to look: data rows [first, end) and the columns that name a row. */
export interface SummaryRowScan {
  readonly first: number;
  readonly end: number;
  readonly kampung: number | undefined;
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

/** Whether a name is that of a row of totals or means (see the module's rule). */
export function isSummaryName(text: string): boolean {
  if (!MAY_HOLD_WORD.test(text)) return false;
  return text
    .toLowerCase()
    .replace(/rata\s*-\s*rata/g, "rata-rata")
    .split(/[^\p{L}\p{N}-]+/u)
    .some((word) => SUMMARY_WORDS.has(word.replace(/^-+|-+$/g, "")));
}

/** The summary rows among the data rows (see the module's rule), top to bottom. */
export function summaryRows(grid: Grid, scan: SummaryRowScan): SummaryRow[] {
  const found: SummaryRow[] = [];
  const end = Math.min(scan.end, grid.rows.length);
  for (let r = scan.first; r < end; r++) {
    if (scan.skip(r)) continue;
    const named = nameOf(grid.rows[r] ?? [], scan);
    if (named && isSummaryName(named.text)) found.push({ row: r, ...named });
  }
  return found;
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
      list: rowRuns(rows.map((s) => grid.originRow + s.row + 1)),
    },
    lang
  );
}
