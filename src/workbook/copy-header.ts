/**
 * The header rows of a copied input sheet, repeated at the top of its printed pages
 * (`_xlnm.Print_Titles`): the header row the reader found (and the row above it when that holds
 * headings too: a domain over its sub-indicators), or, on a sheet KKB did not read as its input,
 * the first row with at least two cells filled among the first rows.
 */
import { isBlank } from "../engine/cell";
import { Grid } from "./grid";

/** Rows looked at for the header of a sheet KKB did not read. */
const HEADER_SCAN_ROWS = 20;

export interface HeaderRows {
  /** 0-based sheet rows, inclusive. */
  readonly first: number;
  readonly last: number;
}

/** `headerRow`: the 0-based sheet row the reader took as the header (InputRead.headerRow). */
export function copyHeaderRows(grid: Grid, headerRow?: number): HeaderRows | null {
  const filled = (sheetRow: number) =>
    (grid.rows[sheetRow - grid.originRow] ?? []).filter((v) => !isBlank(v)).length;
  let last = headerRow !== undefined && headerRow >= grid.originRow ? headerRow : -1;
  if (last < 0) {
    const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
    for (let r = 0; r < scan && last < 0; r++) {
      if (filled(grid.originRow + r) >= 2) last = grid.originRow + r;
    }
    if (last < 0) return null;
    return { first: last, last };
  }
  const first = last > grid.originRow && filled(last - 1) >= 2 ? last - 1 : last;
  return { first, last };
}
