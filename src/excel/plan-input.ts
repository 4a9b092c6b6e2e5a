/**
 * Where to read the input from: a table, a sheet, a range (a saved selection), the selection, or
 * found automatically (a table whose header names KKB fields, else a scan of the sheets' first
 * rows). Resolved against the survey into rectangles to read; nothing is read here. Pure.
 */
import { matchHeader, normaliseHeader } from "../workbook/headers";
import { parseAddress, rangeAddress } from "../workbook/a1";
import type { RoundSheet } from "../workbook/round-sheets";
import { SheetRect } from "./plan-read";
import { InputLocation } from "./settings-codec";

/** The parts of the survey resolution needs. */
export interface InputSurvey {
  readonly sheets: readonly {
    readonly name: string;
    readonly used: Omit<SheetRect, "sheet"> | null;
  }[];
  readonly tables: readonly {
    readonly name: string;
    readonly sheet: string;
    readonly rect: Omit<SheetRect, "sheet">;
    readonly header: readonly unknown[];
  }[];
  readonly selection: (SheetRect & { readonly address: string }) | null;
}

export type ResolvedInput =
  /** Read this rectangle: it holds the header row and the kampung rows. */
  | {
      readonly mode: "rect";
      readonly location: InputLocation;
      readonly rect: SheetRect | null;
      readonly sheet: string;
    }
  /** Read the first rows of these sheets, pick the best, then read the rest of it. */
  | { readonly mode: "scan"; readonly candidates: readonly SheetRect[] }
  /**
   * Sheets picked as rounds: the first rows of every candidate (for the list of input-looking
   * sheets the pane offers), then the rest of each picked sheet (`picks[i]` is
   * `candidates[at[i]]`).
   */
  | {
      readonly mode: "sheets";
      readonly location: InputLocation;
      readonly candidates: readonly SheetRect[];
      readonly picks: readonly RoundSheet[];
      readonly at: readonly number[];
    };

export interface InputPlan {
  readonly input: ResolvedInput;
  /** The evidence sheet's used range, read whole when present. */
  readonly evidence: SheetRect | null;
  /** True when a saved table, sheet or range no longer exists and the input was looked for. */
  readonly fellBack: boolean;
}

const EVIDENCE_NAMES = new Set(["bukti", "evidence", "kkbbukti"]);
/** Matches needed for a table to count as KKB input (as for a header row in input.ts). */
const MIN_TABLE_MATCHES = 2;

export function isEvidenceSheet(name: string): boolean {
  return EVIDENCE_NAMES.has(normaliseHeader(name));
}

/** KKB's own output sheets are never input; the template's `KKB Input` is. */
export function isOwnOutputSheet(name: string): boolean {
  return /^KKB /.test(name) && normaliseHeader(name) !== "kkbinput";
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Rows and columns of an A1 range text (`A3:Y90`, `$A:$Y`, `3:90`, `'Data'!B2`); unbounded sides are null. */
export function parseRangeText(text: string): {
  row: number | null;
  col: number | null;
  lastRow: number | null;
  lastCol: number | null;
} | null {
  const bang = text.lastIndexOf("!");
  const parts = (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, "").split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const ends = parts.map((p) => {
    const cell = parseAddress(p);
    if (cell) return { row: cell.row as number | null, col: cell.col as number | null };
    if (/^[A-Za-z]{1,3}$/.test(p)) return { row: null, col: parseAddress(`${p}1`)!.col };
    if (/^\d{1,7}$/.test(p) && Number(p) >= 1) return { row: Number(p) - 1, col: null };
    return undefined;
  });
  if (ends.some((e) => e === undefined)) return null;
  const [first, last = first] = ends as { row: number | null; col: number | null }[];
  return { row: first.row, col: first.col, lastRow: last.row, lastCol: last.col };
}

/** The part of an A1 range inside the sheet's used range, or null when they do not meet. */
export function clampToUsed(
  text: string,
  sheet: string,
  used: Omit<SheetRect, "sheet"> | null
): SheetRect | null {
  const parsed = parseRangeText(text);
  if (!parsed || !used) return null;
  const top = Math.max(parsed.row ?? used.row, used.row);
  const left = Math.max(parsed.col ?? used.col, used.col);
  const bottom = Math.min(parsed.lastRow ?? used.row + used.rows - 1, used.row + used.rows - 1);
  const right = Math.min(parsed.lastCol ?? used.col + used.cols - 1, used.col + used.cols - 1);
  if (bottom < top || right < left) return null;
  return { sheet, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function headerMatches(header: readonly unknown[]): number {
  return header.filter((h) => typeof h === "string" && matchHeader(h) !== null).length;
}

function sheetRect(survey: InputSurvey, name: string): SheetRect | null {
  const sheet = survey.sheets.find((s) => same(s.name, name));
  return sheet?.used ? { sheet: sheet.name, ...sheet.used } : null;
}

/** Sheets that may hold input: used, not KKB's output, not evidence. */
function scanCandidates(survey: InputSurvey): SheetRect[] {
  return survey.sheets
    .filter((s) => s.used && !isOwnOutputSheet(s.name) && !isEvidenceSheet(s.name))
    .map((s) => ({ sheet: s.name, ...s.used! }));
}

function resolveAuto(survey: InputSurvey): ResolvedInput {
  let best: { table: InputSurvey["tables"][number]; matches: number } | null = null;
  const tableSheets = new Set<string>();
  for (const table of survey.tables) {
    if (isOwnOutputSheet(table.sheet) || isEvidenceSheet(table.sheet)) continue;
    const matches = headerMatches(table.header);
    if (matches >= MIN_TABLE_MATCHES) tableSheets.add(table.sheet);
    if (matches >= MIN_TABLE_MATCHES && (!best || matches > best.matches))
      best = { table, matches };
  }
  // Input tables on several sheets (one per round, say) are looked at all, as sheets are.
  if (best && tableSheets.size === 1) {
    const { table } = best;
    return {
      mode: "rect",
      location: { kind: "table", table: table.name },
      rect: { sheet: table.sheet, ...table.rect },
      sheet: table.sheet,
    };
  }
  return { mode: "scan", candidates: scanCandidates(survey) };
}

function resolve(where: InputLocation, survey: InputSurvey): ResolvedInput | null {
  switch (where.kind) {
    case "auto":
      return resolveAuto(survey);
    case "table": {
      const table = survey.tables.find((t) => same(t.name, where.table));
      return table
        ? {
            mode: "rect",
            location: { kind: "table", table: table.name },
            rect: { sheet: table.sheet, ...table.rect },
            sheet: table.sheet,
          }
        : null;
    }
    case "sheet": {
      const sheet = survey.sheets.find((s) => same(s.name, where.sheet));
      return sheet
        ? {
            mode: "rect",
            location: { kind: "sheet", sheet: sheet.name },
            rect: sheetRect(survey, sheet.name),
            sheet: sheet.name,
          }
        : null;
    }
    case "sheets": {
      // Every picked sheet must still be there with cells; else the input is looked for.
      const candidates = scanCandidates(survey);
      const at = where.sheets.map((p) => candidates.findIndex((c) => same(c.sheet, p.sheet)));
      if (at.some((i) => i < 0)) return null;
      const picks = where.sheets.map((p, i) => ({ ...p, sheet: candidates[at[i]].sheet }));
      return {
        mode: "sheets",
        location: { kind: "sheets", sheets: picks },
        candidates,
        picks,
        at,
      };
    }
    case "range": {
      const sheet = survey.sheets.find((s) => same(s.name, where.sheet));
      if (!sheet) return null;
      return {
        mode: "rect",
        location: { kind: "range", sheet: sheet.name, address: where.address },
        rect: clampToUsed(where.address, sheet.name, sheet.used),
        sheet: sheet.name,
      };
    }
    case "selection": {
      const selected = survey.selection;
      if (!selected) return null;
      // One selected cell means "this sheet", not a one-cell table.
      if (selected.rows * selected.cols <= 1)
        return resolve({ kind: "sheet", sheet: selected.sheet }, survey);
      const sheet = survey.sheets.find((s) => same(s.name, selected.sheet));
      const rect = clampToUsed(selected.address, selected.sheet, sheet?.used ?? null);
      const address = rect
        ? rangeAddress(rect.row, rect.col, rect.rows, rect.cols)
        : selected.address.slice(selected.address.lastIndexOf("!") + 1);
      return {
        mode: "rect",
        location: { kind: "range", sheet: selected.sheet, address },
        rect,
        sheet: selected.sheet,
      };
    }
  }
}

export function planInput(where: InputLocation, survey: InputSurvey): InputPlan {
  const resolved = resolve(where, survey);
  const input = resolved ?? resolveAuto(survey);
  const inputSheet = input.mode === "rect" ? input.sheet : null;
  const evidenceSheet = survey.sheets.find(
    (s) => s.used && isEvidenceSheet(s.name) && (inputSheet === null || !same(s.name, inputSheet))
  );
  return {
    input,
    evidence: evidenceSheet ? { sheet: evidenceSheet.name, ...evidenceSheet.used! } : null,
    fellBack: resolved === null,
  };
}
