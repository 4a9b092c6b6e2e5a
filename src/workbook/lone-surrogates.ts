/**
 * Text cells holding a lone UTF-16 surrogate (a file's `_xD800_` escape decodes to one): valid
 * in a JavaScript string and, escaped as `\ud800`, in JSON (RFC 8259 section 8.2), but "the
 * behavior of software that receives JSON texts containing such values is unpredictable": jq
 * 1.6 refuses the whole file. The `--json` output writes each as U+FFFD (control-text.ts,
 * terminalSafeJson) and this warning names the cells; the workbook keeps the text as it is.
 * Pure.
 */
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { Grid, gridAddress } from "./grid";

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the text holds a surrogate that is not half of a pair. */
export function hasLoneSurrogate(text: string): boolean {
  return SURROGATE.test(text) && LONE.test(text);
}

/** How many cells the message lists before "and N more". */
const SHOWN = 10;

/**
 * TEXT_LONE_SURROGATE for the grid's rows from `firstRow` (0-based, relative to the grid) down, in
 * the columns KKB reads (`columns`, grid-relative; a column it does not read, such as a note, is
 * not named): one warning at the first such cell, listing the cells (A1); null when there are
 * none.
 */
export function loneSurrogateIssue(
  grid: Grid,
  firstRow: number,
  columns: readonly number[],
  lang: Lang
): Issue | null {
  const read = [...new Set(columns)].sort((a, b) => a - b);
  const cells: string[] = [];
  for (let r = Math.max(0, firstRow); r < grid.rows.length; r++) {
    const row = grid.rows[r];
    for (const c of read) {
      const v = row[c];
      if (typeof v === "string" && hasLoneSurrogate(v)) cells.push(gridAddress(grid, r, c));
    }
  }
  if (cells.length === 0) return null;
  const more = cells.length - SHOWN;
  const list =
    cells.slice(0, SHOWN).join(", ") +
    (more > 0 ? (lang === "id" ? ` dan ${more} lainnya` : ` and ${more} more`) : "");
  return makeIssue(
    "TEXT_LONE_SURROGATE",
    { sheet: grid.sheet, cell: cells[0] },
    { list, count: cells.length },
    lang
  );
}

/**
 * TEXT_CESU8 for a CSV read from UTF-8 written CESU-8 style (grid.surrogatesRepaired: Java and
 * Oracle exports write an emoji as its two surrogates, 3 bytes each): one warning at the sheet's
 * first cell, with how many characters were read whole and how many lone halves became U+FFFD;
 * null for any other grid.
 */
export function cesuTextIssue(grid: Grid, lang: Lang): Issue | null {
  const repaired = grid.surrogatesRepaired;
  if (!repaired) return null;
  return makeIssue(
    "TEXT_CESU8",
    { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
    { count: repaired.restored, replaced: repaired.replaced },
    lang
  );
}
