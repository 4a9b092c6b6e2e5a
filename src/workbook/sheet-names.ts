/**
 * Excel's rules for sheet names, in one place for the CLI and the pane: 1 to 31 characters,
 * none of `[ ] : * ? / \`, no apostrophe first or last, unique ignoring case. Names from
 * elsewhere (a CSV's file name such as `penilaian[1].csv`, a crafted workbook) are made valid;
 * a name that is taken gets the first free ` (2)`, ` (3)`... Pure.
 */

import { Grid } from "./grid";

/** Excel's sheet name limit. */
export const SHEET_NAME_MAX = 31;

const key = (name: string) => name.toLocaleLowerCase();

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** `KKB Ringkasan`, then `KKB Ringkasan (2)`, ... skipping names in `taken` (case-insensitive). */
export function freeName(
  preferred: string,
  taken: ReadonlySet<string>,
  max = SHEET_NAME_MAX
): string {
  const base = cut(preferred, max);
  if (!taken.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = cut(preferred, max - suffix.length) + suffix;
    if (!taken.has(key(name))) return name;
  }
}

/**
 * A name Excel accepts: brackets become parentheses (`penilaian[1]` -> `penilaian(1)`), the
 * other forbidden characters and control characters `_`, apostrophes at either end dropped, at
 * most 31 characters; `Sheet` when nothing is left.
 */
export function validSheetName(name: string): string {
  const clean = cut(
    name
      .replace(/\[/g, "(")
      .replace(/]/g, ")")
      // eslint-disable-next-line no-control-regex
      .replace(/[:*?/\\\u0000-\u001f\u007f]/g, "_")
      .replace(/^'+|'+$/g, ""),
    SHEET_NAME_MAX
  ).replace(/'+$/, "");
  return clean || "Sheet";
}

/**
 * Valid, unique names for sheets in order: each name as it is when Excel accepts it and it is
 * free, else made valid and numbered. `taken` holds names already in use (lower case).
 */
export function uniqueSheetNames(
  names: readonly string[],
  taken: ReadonlySet<string> = new Set()
): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    const free = freeName(validSheetName(name), used);
    used.add(key(free));
    return free;
  });
}

/**
 * The grids under names Excel accepts, unique ignoring case: a CSV's sheet is named after its
 * file (`penilaian[1].csv`), and a crafted workbook may hold names Excel would refuse. Issues,
 * links and the copies in the output then all use the same, valid name.
 */
export function withValidSheetNames(grids: readonly Grid[]): Grid[] {
  const names = uniqueSheetNames(grids.map((g) => g.sheet));
  return grids.map((g, i) => (g.sheet === names[i] ? g : { ...g, sheet: names[i] }));
}
