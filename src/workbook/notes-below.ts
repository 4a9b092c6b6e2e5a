/**
 * Notes typed under a table: officials' sheets often end with a line such as "Sumber:
 * DP3AP2KB Kab. X, 2024" or "Keterangan: 2 = lengkap" under the last kampung (after a blank row
 * or not, in the Kampung column or another, or in one cell merged across the table). Such a
 * line is not a kampung (nor an evidence row): it is left out of scores, ranks and counts, and
 * said once (NOTES_BELOW_TABLE).
 *
 * The rule, on the columns the reader reads (a cell in a column it does not read counts for
 * nothing, as everywhere in the reader):
 * - a *note-like* row holds exactly one non-blank cell, and that cell is text that does not read
 *   as a number (a merged cell holds its text in its top-left cell only, so a note merged across
 *   the table is one cell); a formula with no saved result is not blank;
 * - the *trailing block* is the rows below the last row that is neither blank nor note-like;
 *   its note-like rows are notes, but only when some row above the block holds a value in a
 *   *marking* column (a score or iBangga column for kampung rows; the sub-indicator column for
 *   evidence rows).
 * So a text-only row in the middle of the data stays a kampung, with its errors; a kampung row
 * with a name and a region but no scores yet is not note-like and stays a kampung (and so do
 * the note-like rows above it); a sheet where no row has a score yet has no notes. Pure.
 */
import { isBlank } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { parseNumberText } from "../engine/score";
import { Grid, gridAddress } from "./grid";

/** Where to look: grid rows [first, end), the columns read, and those that mark a real row. */
export interface NoteScan {
  /** Grid row of the first data row (under the header). */
  readonly first: number;
  /** Grid row just past the last data row. */
  readonly end: number;
  /** Grid columns the reader reads in a data row. */
  readonly columns: readonly number[];
  /** Grid columns whose value makes a row a real data row (scores, iBangga; a sub-indicator). */
  readonly marking: readonly number[];
  /** A grid row the reader never reads as data (an Excel table's Total Row), or -1. */
  readonly skip?: number;
}

/** A note found: its grid row, and the column and text of its one cell. */
export interface NoteRow {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/**
 * The notes under the data rows of `scan` (see the module's rule), top to bottom. Only the
 * trailing rows are looked at, from the bottom up: O(rows of the block) for any sheet.
 */
export function notesBelow(grid: Grid, scan: NoteScan): NoteRow[] {
  const columns = [...new Set(scan.columns)].sort((a, b) => a - b);
  const notes: NoteRow[] = [];
  let r = Math.min(scan.end, grid.rows.length) - 1;
  for (; r >= scan.first; r--) {
    if (r === scan.skip) continue;
    const cells = filledCells(grid, r, columns);
    if (cells.length === 0) continue;
    const note = noteOf(grid, r, cells);
    if (!note) break;
    notes.push(note);
  }
  if (notes.length === 0 || !markedAbove(grid, r, scan)) return [];
  return notes.reverse();
}

/** The non-blank cells of grid row r among `columns` (a formula with no saved result counts). */
function filledCells(grid: Grid, r: number, columns: readonly number[]): number[] {
  const row = grid.rows[r] ?? [];
  return columns.filter(
    (c) => !isBlank(row[c]) || grid.uncalculated?.has(gridAddress(grid, r, c)) === true
  );
}

function noteOf(grid: Grid, r: number, cells: readonly number[]): NoteRow | null {
  if (cells.length !== 1) return null;
  const value = grid.rows[r]?.[cells[0]];
  if (typeof value !== "string" || parseNumberText(value, true) !== null) return null;
  return { row: r, col: cells[0], text: value.trim() };
}

/** Whether a row from `scan.first` to grid row `last` holds a value in a marking column. */
function markedAbove(grid: Grid, last: number, scan: NoteScan): boolean {
  for (let r = last; r >= scan.first; r--) {
    if (r === scan.skip) continue;
    if (filledCells(grid, r, scan.marking).length > 0) return true;
  }
  return false;
}

/** A note's text as the message quotes it: at most 60 characters. */
const QUOTE_MAX = 60;

/**
 * NOTES_BELOW_TABLE for the notes found on a sheet (data or evidence): one warning at the first
 * note's cell, naming the sheet rows (1-based, runs joined: `42-43`, `7, 9-10`) and quoting the
 * first note; null when there are none.
 */
export function notesBelowIssue(
  grid: Grid,
  notes: readonly NoteRow[],
  evidence: boolean,
  lang: Lang
): Issue | null {
  if (notes.length === 0) return null;
  const text = notes[0].text;
  const value = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
  return makeIssue(
    "NOTES_BELOW_TABLE",
    { sheet: grid.sheet, cell: gridAddress(grid, notes[0].row, notes[0].col) },
    {
      value,
      count: notes.length,
      list: rowRuns(notes.map((n) => grid.originRow + n.row + 1)),
      ...(evidence ? { other: "evidence" } : {}),
    },
    lang
  );
}

/** How many runs of rows the message lists before "... (+N)". */
const RUNS_SHOWN = 20;

/** Ascending row numbers as runs: `7, 9-10, 12`; after 20 runs, `... (+N)` rows more. */
export function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < rows.length && runs.length < RUNS_SHOWN) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j === i ? String(rows[i]) : `${rows[i]}-${rows[j]}`);
    i = j + 1;
  }
  return i < rows.length ? `${runs.join(", ")}, ... (+${rows.length - i})` : runs.join(", ");
}
