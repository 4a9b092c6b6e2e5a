/**
 * `--sheet`: one sheet to read, or several read as rounds (issue 14 item 7). The option may be
 * given again (`--sheet A --sheet B`) or hold a comma list (`--sheet "A,B"`); a value that
 * names a sheet as a whole is that sheet, even with a comma in its name. `NAME=PERIODE` gives
 * the round of a sheet whose name names none and that has no Periode column
 * (`--sheet "Data lama=2024-T1"`). Pure.
 */
import { RoundSheet } from "../workbook/round-sheets";

/** Commander's collector for a repeated option. */
export function collectSheet(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The sheets the values pick, each with its typed round if any. `isSheet` says whether a text
 * names a sheet of the file (as `--sheet` matches names). Names are kept as typed; a name the
 * file does not have is left for the reader to report (SHEET_NOT_FOUND, exit 2).
 */
export function sheetPicks(
  values: readonly string[],
  isSheet: (name: string) => boolean
): RoundSheet[] {
  const picks: RoundSheet[] = [];
  const add = (text: string) => {
    if (isSheet(text)) {
      picks.push({ sheet: text });
      return;
    }
    const at = text.lastIndexOf("=");
    const name = at > 0 ? text.slice(0, at).trim() : "";
    if (at > 0 && isSheet(name)) picks.push({ sheet: name, periode: text.slice(at + 1).trim() });
    else picks.push({ sheet: text });
  };
  for (const value of values) {
    if (isSheet(value) || !value.includes(",")) add(value);
    else
      value
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .forEach(add);
  }
  return picks;
}
