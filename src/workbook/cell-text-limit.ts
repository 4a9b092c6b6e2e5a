/**
 * Excel's limit on the text of one cell, and text cut to fit it. Every text cell KKB writes goes
 * through `withinCellLimit` (the .xlsx package writer, package-writer.ts, and the pane's
 * office.js writes, excel/text-safety.ts), so a 32,767-character kampung name with its region
 * added in KKB Profil or KKB Validasi, or a longer name from a CSV, never makes a cell Excel
 * refuses. Pure.
 */

/** The most characters (UTF-16 code units, as Excel counts them) one cell holds. */
export const MAX_CELL_TEXT = 32_767;

/** What ends a text that was cut. */
export const CUT_MARK = "…";

/**
 * The text as it is when it fits in a cell; else its start and "…", MAX_CELL_TEXT characters in
 * all (a surrogate pair is never split).
 */
export function withinCellLimit(text: string): string {
  return cutText(text, MAX_CELL_TEXT);
}

/**
 * The text as it is when it has at most `max` UTF-16 code units (max >= 1); else its start and
 * "…", `max` code units in all, never splitting a surrogate pair.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}
