/** A1 addresses from 0-based row and column indexes, and back. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `address(0, 0)` is `A1`. */
export function address(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** `rangeAddress(0, 0, 2, 3)` is `A1:C2` (rows and cols are counts). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  return `${address(row, col)}:${address(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}

/** `'My sheet'!B2`: a sheet name quoted the way Excel formulas and links need it. */
export function sheetAddress(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** Parses `B12` (optionally `$B$12`) into 0-based indexes, or null. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** `$A$1:$B$2`: an absolute range (0-based top-left, counts), as formulas and lists take it. */
export function absoluteRange(row: number, col: number, rows: number, cols: number): string {
  const at = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  return `${at(row, col)}:${at(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}
