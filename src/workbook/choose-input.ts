/**
 * Which sheet is read, with hidden sheets in mind: a hidden (or very hidden) sheet is never
 * chosen silently. Without a pick, visible sheets each named for a different round are read
 * together as those rounds (round-sheets.ts roundSheetsByName). Without --sheet, a visible sheet with a header row wins over any hidden one;
 * a hidden sheet is read only when no visible sheet has a header (or when --sheet names it),
 * and then with one warning saying so. Pure.
 */
import { makeIssue } from "../engine/issues";
import { Grid } from "./grid";
import { normaliseHeader } from "./headers";
import { InputRead, ReadOptions, readInput } from "./input";
import { inputSheets, readRoundSheets, roundSheetsByName } from "./round-sheets";

/** Evidence sheets are read wherever they are, hidden or not. */
const EVIDENCE = new Set(["bukti", "evidence", "kkbbukti"]);

export function isHiddenGrid(grid: Grid): boolean {
  return grid.visibility === "hidden" || grid.visibility === "veryHidden";
}

export function readChosenInput(grids: readonly Grid[], options: ReadOptions): InputRead {
  // Several sheets picked as rounds: each read as its own sheet, then combined.
  const picks = options.sheets;
  if (picks && picks.length > 1) {
    const one = { lang: options.lang, visibleOnly: options.visibleOnly };
    return readRoundSheets(
      picks,
      (sheet) => readChosenInput(grids, { ...one, sheet }),
      options.lang
    );
  }
  if (picks && picks.length === 1)
    return readChosenInput(grids, { ...options, sheets: undefined, sheet: picks[0].sheet });
  // No sheet picked: sheets each named for a different round are read as those rounds.
  if (options.sheet === undefined && !picks) {
    const byName = roundSheetsByName(inputSheets(grids, options.lang));
    if (byName) return readChosenInput(grids, { ...options, sheets: byName });
  }
  if (options.sheet === undefined && grids.some(isHiddenGrid)) {
    const visible = grids.filter((g) => !isHiddenGrid(g) || EVIDENCE.has(normaliseHeader(g.sheet)));
    const read = readInput(visible, options);
    if (read.headerRow >= 0) return read;
  }
  const read = readInput(grids, options);
  const chosen = grids.find((g) => g.sheet === read.sheet);
  if (!chosen || !isHiddenGrid(chosen)) return read;
  const warning = makeIssue(
    "SHEET_HIDDEN",
    { sheet: chosen.sheet, cell: "A1" },
    { value: chosen.sheet },
    options.lang
  );
  const issues = read.issues.slice();
  issues.push(warning);
  return { ...read, issues };
}
