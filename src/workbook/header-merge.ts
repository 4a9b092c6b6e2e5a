/**
 * The merge a header message names (G3, attack s16 D3/D6): only the one that causes it, a merge
 * over the table's columns that hides header text. A note box right of the table (`Z1:AB6`) is
 * not the cause, nor are the study's own two-row merges (identity headings merged down,
 * `A1:A2 Kampung`; a domain merged across its sub-headings, `F1:H1`), whose headings are read.
 * Pure.
 */
import { isBlank } from "../engine/cell";
import { MergedCell } from "../engine/issues";
import { address } from "./a1";
import { Grid, GridRect, rectAddress } from "./grid";
import type { Field } from "./headers";

/** Rows below the header row whose cells count as the table's columns (its first kampung rows). */
const TABLE_ROWS = 5;

/** A merge as the message names it: the range and its top-left cell (`cell`: the range). */
function named(m: GridRect): MergedCell {
  const range = rectAddress(m);
  return { cell: range, range, first: address(m.top, m.left), fromAbove: true };
}

/**
 * The table's columns (grid-relative, inclusive): from the first to the last column holding a
 * value in header row `r` or the few rows under it; null when they are all blank.
 */
function tableColumns(grid: Grid, r: number): [number, number] | null {
  let first = Infinity;
  let last = -1;
  const end = Math.min(grid.rows.length, r + 1 + TABLE_ROWS);
  for (let row = Math.max(0, r); row < end; row++)
    grid.rows[row].forEach((v, c) => {
      if (isBlank(v)) return;
      first = Math.min(first, c);
      last = Math.max(last, c);
    });
  return last < 0 ? null : [first, last];
}

/**
 * The first merge (in the file's order) that hides text of header row `r` (grid-relative): it
 * covers a cell of that row within the table's columns that is not its own top-left cell, reads
 * blank and gives no field (`fields[c]` null: a heading merged down over both rows of a two-row
 * header is read from its top-left cell, so its merge hides nothing). With `above` (a header
 * found), the merge must also begin above the row: one across the header row itself (`F1:G1`)
 * is not said. Without it (no header found, `r` only the closest row), a merge beginning in the
 * row counts too (a title merged over the whole header, `A1:W2`). Null when none does.
 */
export function headerHidingMerge(
  grid: Grid,
  r: number,
  fields: readonly (Field | null)[],
  above: boolean
): MergedCell | null {
  const columns = tableColumns(grid, r);
  if (!columns) return null;
  const row = grid.originRow + r;
  const hides = (m: GridRect): boolean => {
    if (m.top > row || row > m.bottom || (above && m.top === row)) return false;
    const from = Math.max(m.left - grid.originCol, columns[0]);
    const to = Math.min(m.right - grid.originCol, columns[1]);
    for (let c = from; c <= to; c++) {
      const topLeft = m.top === row && m.left === grid.originCol + c;
      if (!topLeft && isBlank(grid.rows[r]?.[c]) && !fields[c]) return true;
    }
    return false;
  };
  const m = (grid.merges ?? []).find(hides);
  return m ? named(m) : null;
}
