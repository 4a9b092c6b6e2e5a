/**
 * Without `--sheet`, the CLI reads one sheet, or the visible sheets each named for a different
 * round as rounds (choose-input.ts); when other sheets look like KKB input too (`Penilaian 2024-T3` beside `Penilaian 2024-T4`), one warning names them and says
 * how to pick them: `--sheet NAMA`, several `--sheet` read as rounds (sheet-option.ts), or read
 * as one list (a sheet per kecamatan) by giving each the same round (`--sheet "A=2024"`). The
 * pane shows the same sheets in its "Periode di beberapa lembar" list. A hidden (or very hidden)
 * sheet is still named, since `--sheet` reads it, but marked `(tersembunyi)` / `(hidden)`: the
 * user will not find its tab. Pure.
 */
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { Grid } from "../workbook/grid";
import { isHiddenGrid } from "../workbook/choose-input";
import { InputRead } from "../workbook/input";
import { inputSheets, isRoundSheetsRead } from "../workbook/round-sheets";
import { T } from "./messages";

/** The round the one-list example gives every sheet (any round will do, the same for all). */
const ONE_LIST_ROUND = "2024";

/**
 * The `SHEET_OTHER_INPUTS` warning for a read of `read.sheet` among `grids`, at that sheet's A1,
 * or null when no other sheet looks like input (or the read found no sheet to read).
 */
export function otherInputSheetsIssue(
  grids: readonly Grid[],
  read: InputRead,
  lang: Lang
): Issue | null {
  if (read.headerRow < 0) return null;
  const found = inputSheets(grids, lang);
  const sheets = found.map((s) => s.sheet);
  // Sheets whose names each name another time (`Penilaian Sem 1 2024`, `Penilaian 2025`) are
  // rounds: the one-list form, which gives every sheet the same round, would mislabel them.
  const nameRounds = new Set(found.map((s) => s.nameRound));
  const rounds = !nameRounds.has(null) && nameRounds.size === found.length;
  // Sheets read as rounds by their names (choose-input.ts) are all read: the others are hidden.
  const readSheets = new Set(
    isRoundSheetsRead(read) ? read.picks.map((p) => p.sheet) : [read.sheet]
  );
  const others = sheets.filter((s) => !readSheets.has(s));
  if (others.length === 0 || !sheets.includes(read.sheet)) return null;
  // As a shell reads it back: double quotes (cmd and PowerShell too), single where the name
  // holds a character double quotes would not keep (`"`, `$`, a backquote, a backslash).
  const quoted = (name: string) =>
    /["$`\\]/.test(name) ? `'${name.replace(/'/g, "'\\''")}'` : `"${name}"`;
  const hidden = new Set(grids.filter(isHiddenGrid).map((g) => g.sheet));
  const named = (name: string) =>
    hidden.has(name) ? `${quoted(name)} ${T.hiddenSheet[lang]}` : quoted(name);
  return makeIssue(
    "SHEET_OTHER_INPUTS",
    { sheet: read.sheet, cell: "A1" },
    {
      value: read.sheet,
      ...(readSheets.size > 1 ? { count: readSheets.size } : {}),
      list: others.map(named).join(", "),
      other: sheets.map((s) => `--sheet ${quoted(s)}`).join(" "),
      // One list over several sheets: every sheet given the same round (sheet-option.ts).
      ...(rounds
        ? {}
        : { label: sheets.map((s) => `--sheet ${quoted(`${s}=${ONE_LIST_ROUND}`)}`).join(" ") }),
    },
    lang
  );
}
