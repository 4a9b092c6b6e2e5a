/** Plain-text tables for the terminal: the domain table of `summarize --print`, issue lines. */
import { KampungResult } from "../engine/assessment";
import { DOMAINS, Lang } from "../engine/framework";
import { SETARA, Weights } from "../engine/ibangga";
import { issueKindCounts, issueKindTitle } from "../engine/issue-kinds";
import { Issue } from "../engine/issues";
import { sheetAddress } from "../workbook/a1";
import { cutText } from "../workbook/cell-text-limit";
import { escapeControls } from "../workbook/control-text";
import { T } from "./messages";

/** A value the engine already rounded, shown with exactly `decimals` digits (no re-rounding). */
export function showDecimals(
  value: number | null | undefined,
  decimals: number,
  lang: Lang
): string {
  if (value === null || value === undefined) return "-";
  const [whole, fraction = ""] = String(value).split(".");
  const digits =
    fraction.length >= decimals ? fraction : fraction + "0".repeat(decimals - fraction.length);
  return decimals === 0 ? whole : `${whole}${lang === "id" ? "," : "."}${digits}`;
}

function render(rows: readonly (readonly string[])[], rightAlignFrom: number): string {
  const widths = rows[0].map(() => 0);
  for (const r of rows) r.forEach((cell, c) => (widths[c] = Math.max(widths[c], [...cell].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c >= rightAlignFrom ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

/**
 * The widest kampung name `--print` shows (characters): a longer one is cut with "…", so one
 * 28,000-character name does not pad every line of the table to its width.
 */
export const PRINT_NAME_MAX = 40;

/** The domain table `--print` shows, with the iBangga composite under the chosen weights. */
export function domainTable(
  kampung: readonly KampungResult[],
  lang: Lang,
  weights: Weights = SETARA
): string {
  const column =
    weights.name === "setara"
      ? { label: T.ibanggaSetara[lang], of: (k: KampungResult) => k.ibangga?.setara }
      : weights.name === "kemandirian-sentral"
        ? {
            label: T.ibanggaKemandirianSentral[lang],
            of: (k: KampungResult) => k.ibangga?.kemandirianSentral,
          }
        : { label: T.ibanggaCustom[lang], of: (k: KampungResult) => k.ibangga?.custom };
  const header = ["Kampung", ...DOMAINS.map((d) => d.short[lang]), T.composite[lang], column.label];
  const rows = kampung.map((k) => [
    cutText(escapeControls(k.name, "escape"), PRINT_NAME_MAX),
    ...DOMAINS.map((d) => showDecimals(k.domains[d.key], 1, lang)),
    showDecimals(k.composite, 2, lang),
    showDecimals(column.of(k), 1, lang),
  ]);
  return render([header, ...rows], 1) + "\n";
}

export function issueLines(issues: readonly Issue[], lang: Lang): string {
  return issues
    .map((i) =>
      [
        T.severity[lang](i.severity),
        i.sheet ? sheetAddress(i.sheet, i.cell) : i.cell,
        i.kampung,
        // The message names the column as the user wrote it; the field key and the code are
        // for programs (`--json`), not for the person reading.
        i.message,
      ]
        .filter((part) => part !== "")
        // One issue per line, and nothing from the file acts on the terminal.
        .map((part) => escapeControls(part, "escape"))
        .join("  ")
    )
    .map((line) => line + "\n")
    .join("");
}

/**
 * The issues counted by kind, errors first, one line each (`  galat  266  Nilai sub-indikator
 * kosong`), under the check's summary line; "" when there are none.
 */
export function issueKindLines(issues: readonly Issue[], lang: Lang): string {
  const counts = issueKindCounts(issues);
  if (counts.length === 0) return "";
  const fmt = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US");
  const severities = counts.map((c) => T.severity[lang](c.severity));
  const numbers = counts.map((c) => fmt.format(c.count));
  const w1 = Math.max(...severities.map((s) => s.length));
  const w2 = Math.max(...numbers.map((n) => n.length));
  return counts
    .map(
      (c, i) =>
        `  ${severities[i].padEnd(w1)}  ${numbers[i].padStart(w2)}  ${issueKindTitle(c.code, lang)}\n`
    )
    .join("");
}
