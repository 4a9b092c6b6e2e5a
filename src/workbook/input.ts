/**
 * The input reader: finds the header row, maps columns to fields, and turns every kampung
 * row into an Assessment, with an Issue (severity, sheet, A1 cell, kampung, field, code,
 * message) for everything that is wrong. Bad cells never stop the other cells or rows.
 */
import { Assessment, Region } from "../engine/assessment";
import { CellValue, isBlank, isCellError } from "../engine/cell";
import { excelRound, percentShown } from "../engine/decimal";
import { dimensionScore } from "../engine/ibangga";
import { EvidenceRecord } from "../engine/evidence";
import { EvidenceColumn, utcDayNumber } from "../engine/evidence-check";
import {
  DIMENSIONS,
  DOMAINS,
  IBANGGA_MAX,
  Lang,
  RUBRIC_STEPS,
  SUB_INDICATOR_COUNT,
  SUB_INDICATORS,
} from "../engine/framework";
import { Issue, IssueCode, makeIssue, MergedCell, MessageParams } from "../engine/issues";
import { label } from "./labels";
import {
  latestDated,
  orderRounds,
  Period,
  periodOfMonth,
  quarterOf,
  Rounds,
} from "../engine/rounds";
import { identityKeyOf } from "../engine/trend";
import { parseIbangga, parseRubric, ParsedValue } from "../engine/score";
import { looseKey } from "../engine/group-stats";
import { address, sheetAddress, rangeAddress } from "./a1";
import {
  ColumnDateOrder,
  columnDateOrder,
  DateOrder,
  contradictsColumn,
  isoDate,
  parseDateCell,
} from "./dates";
import { Grid, gridAddress, GridRect, GridTable, rectAddress } from "./grid";
import {
  closestHeadings,
  Field,
  IdentityKey,
  matchHeader,
  normaliseHeader,
  matchSubIndicator,
  UnknownHeading,
} from "./headers";
import { MergedCells, mergedColumnValues } from "./merged-cells";
import { headerHidingMerge } from "./header-merge";
import { mergeOverlapIssue } from "./merge-overlaps";
import { cesuTextIssue, loneSurrogateIssue } from "./lone-surrogates";
import { notesBelow, notesBelowIssue } from "./notes-below";
import { dateConflicts, roundShapes } from "./round-checks";
import { summaryRows, summaryRowsIssue } from "./summary-rows";
import { ParsedPeriode, parsePeriode } from "./periode";
import type { RoundSheet } from "./round-sheets";

/** Where an evidence row's cell is on the evidence sheet. */
export type EvidenceCellOf = (record: EvidenceRecord, column: EvidenceColumn) => string;

export interface ReadOptions {
  readonly lang: Lang;
  /** Read this sheet; otherwise the best-matching sheet. */
  readonly sheet?: string;
  /** Leave hidden rows out (by default they count, as in Excel's AVERAGE). */
  readonly visibleOnly?: boolean;
  /**
   * Read these sheets as rounds, one round per sheet (its Periode column, else its name, else
   * the round typed for it); two or more. See round-sheets.ts.
   */
  readonly sheets?: readonly RoundSheet[];
}

/** Which column (0-based, in grid coordinates) holds each field. */
export interface ColumnMap {
  readonly identity: Partial<Record<IdentityKey, number>>;
  /** 15 entries in framework order; null where the column is missing. */
  readonly sub: readonly (number | null)[];
  /** 3 entries; null where the dimension column is missing. */
  readonly dimension: readonly (number | null)[];
  /** Per dimension, its sub-indicator columns (used when the dimension column is missing). */
  readonly ibanggaSub: readonly (readonly { col: number; name: string }[])[];
}

export interface InputRead {
  readonly sheet: string;
  /** 0-based sheet row of the header, or -1 when none was found. */
  readonly headerRow: number;
  /** 0-based sheet column of the grid's first column (column indexes in `columns` are relative to it). */
  readonly originCol: number;
  readonly columns: ColumnMap | null;
  readonly assessments: Assessment[];
  readonly evidence: EvidenceRecord[] | null;
  /** The A1 address of an evidence row's cell on the evidence sheet. */
  readonly evidenceCellOf: EvidenceCellOf;
  readonly issues: Issue[];
  readonly hasIbangga: boolean;
  /** The header row and the kampung rows, e.g. `'Data'!A3:W7`. */
  readonly sourceRange: string;
  /** True when nothing could be read (no sheet, no header). */
  readonly fatal: boolean;
  /**
   * The assessment rounds (`Periode` column, or quarters of `Tanggal penilaian` when kampung
   * repeat across them); null for a file of one round without a `Periode` column.
   */
  readonly rounds: Rounds | null;
}

/**
 * Rows at the top of a sheet searched for the header: room for a letterhead (kop surat), a
 * title and a two-row header above the first kampung.
 */
export const HEADER_SCAN_ROWS = 20;
const MIN_HEADER_MATCHES = 2;
/** Distinct Periode texts whose parse a read keeps. */
const PERIODE_MEMO_MAX = 1_000;
const EVIDENCE_SHEETS = new Set(["bukti", "evidence", "kkbbukti"]);

/** The label of a sub-indicator in the UI language: `Koordinasi - Regulasi`. */
export function subIndicatorLabel(index: number, lang: Lang): string {
  const ref = SUB_INDICATORS[index];
  return `${ref.domain.short[lang]} - ${ref.sub.label[lang]}`;
}

function dimensionLabel(index: number, lang: Lang): string {
  return `iBangga ${DIMENSIONS[index].label[lang]}`;
}

interface HeaderGuess {
  /** Grid row of the header's last row (the data starts under it). */
  readonly row: number;
  /** Grid row of the header's first row: `row - 1` for a two-row header. */
  readonly top: number;
  readonly fields: (Field | null)[];
  readonly matches: number;
  /** The Excel table whose header row this is, if any. */
  readonly table?: GridTable;
  /** Grid row of a pandas index-name row under the header (withIndexNameRow): not a kampung. */
  readonly indexRow?: number;
}

/**
 * pandas writes a table with an index and two-level columns (`df.set_index("Kampung")` and
 * `to_excel`) with the index's name in the row under the header, `Kampung` in A3 under a blank
 * A1:A2, and the data below it. Such a row (identity headings only, each under a blank header
 * cell, nothing else) names those columns; it is skipped as data.
 */
function withIndexNameRow(grid: Grid, header: HeaderGuess): HeaderGuess {
  const r = header.row + 1;
  const below = grid.rows[r];
  const above = grid.rows[header.row] ?? [];
  if (!below) return header;
  const fields = [...header.fields];
  let named = 0;
  for (let c = 0; c < below.length; c++) {
    const text = cellText(below[c]);
    if (text === null) continue;
    const field = matchHeader(text);
    if (field?.kind !== "identity" || header.fields[c] || cellText(above[c]) !== null)
      return header;
    while (fields.length <= c) fields.push(null);
    fields[c] = field;
    named++;
  }
  return named > 0 ? { ...header, fields, matches: header.matches + named, indexRow: r } : header;
}

const headerFields = (cells: readonly CellValue[]): (Field | null)[] =>
  cells.map((cell) => (typeof cell === "string" ? matchHeader(cell) : null));

const countFields = (fields: readonly (Field | null)[]) => fields.filter((f) => f !== null).length;

/**
 * The fields of a two-row header: a domain (or iBangga dimension) in the upper row, merged or
 * written once over its columns, and the sub-indicator labels under it. A column blank in the
 * lower row takes its upper cell (a label merged down over both rows).
 */
function twoRowFields(upper: readonly CellValue[], lower: readonly CellValue[]): (Field | null)[] {
  const width = Math.max(upper.length, lower.length);
  const fields: (Field | null)[] = new Array<Field | null>(width).fill(null);
  let group = "";
  for (let c = 0; c < width; c++) {
    const above = upper[c];
    if (typeof above === "string" && above.trim() !== "") group = above.trim();
    const below = lower[c];
    if (typeof below !== "string" || below.trim() === "") {
      fields[c] = typeof above === "string" ? matchHeader(above) : null;
      continue;
    }
    const label = below.trim();
    const groupField = group ? matchHeader(group) : null;
    if (groupField?.kind === "dimension" && matchHeader(label)?.kind !== "dimension") {
      fields[c] = { kind: "ibanggaSub", dimension: groupField.index, name: label };
      continue;
    }
    const combined = group ? matchHeader(`${group} ${label}`) : null;
    fields[c] = combined?.kind === "sub" ? combined : matchHeader(label);
  }
  return fields;
}

/** The header rows: one row, or two (domain over sub-indicator), in the first rows or an Excel table's header. */
function guessHeader(grid: Grid): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const consider = (guess: HeaderGuess) => {
    if (guess.matches >= MIN_HEADER_MATCHES && (!best || guess.matches > best.matches))
      best = guess;
  };
  const tableAt = (r: number) =>
    grid.tables?.find((t) => t.headerRows > 0 && t.top === grid.originRow + r);
  const tableRows = (grid.tables ?? []).map((t) => t.top - grid.originRow);
  const last = Math.min(
    grid.rows.length,
    Math.max(HEADER_SCAN_ROWS, ...tableRows.map((r) => r + 1))
  );
  for (let r = 0; r < last; r++) {
    if (r >= HEADER_SCAN_ROWS && !tableRows.includes(r)) continue;
    const table = tableAt(r);
    const single = headerFields(grid.rows[r]);
    consider({ row: r, top: r, fields: single, matches: countFields(single), table });
    if (r > 0) {
      const double = twoRowFields(grid.rows[r - 1], grid.rows[r]);
      consider({ row: r, top: r - 1, fields: double, matches: countFields(double), table });
    }
  }
  return best;
}

/** The row that came closest to a header (for the message when none is good enough). */
function closestHeaderRow(grid: Grid): number {
  let bestRow = 0;
  let bestCount = -1;
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const count = countFields(headerFields(grid.rows[r]));
    if (count > bestCount) {
      bestCount = count;
      bestRow = r;
    }
  }
  return bestRow;
}

/** What a header row's cells were recognised as, and which texts were not: for messages. */
function headerReport(
  grid: Grid,
  r: number,
  fields: readonly (Field | null)[]
): { recognised: string; unrecognised: string } {
  const recognised: string[] = [];
  const unrecognised: string[] = [];
  (grid.rows[r] ?? []).forEach((cell, c) => {
    const text = cellText(cell);
    if (text === null) return;
    (fields[c] ? recognised : unrecognised).push(`${gridAddress(grid, r, c)} "${text}"`);
  });
  const show = (list: string[]) =>
    list.length === 0 ? "-" : list.slice(0, 12).join(", ") + (list.length > 12 ? ", ..." : "");
  return { recognised: show(recognised), unrecognised: show(unrecognised) };
}

/**
 * The header's cells that name no field, with their text as the user reads it: in a two-row
 * header, the upper row's group (a domain written once over its columns) before the label.
 */
function unknownHeadings(grid: Grid, header: HeaderGuess): UnknownHeading[] {
  const lower = grid.rows[header.row] ?? [];
  const upper = header.top < header.row ? (grid.rows[header.top] ?? []) : [];
  const out: UnknownHeading[] = [];
  let group: string | null = null;
  for (let c = 0; c < Math.max(lower.length, upper.length); c++) {
    // As twoRowFields reads it: the upper row's text holds over the columns after it.
    group = cellText(upper[c]) ?? group;
    const text = cellText(lower[c]);
    if (header.fields[c] || text === null) continue;
    out.push({ col: c, text, match: group ? `${group} ${text}` : text });
  }
  return out;
}

/** Sheet row numbers (1-based) as a short list: `4, 6, 9` or `4, 6, 9, ... (+12)`. */
export function rowList(rows: readonly (number | string)[]): string {
  const shown = rows.slice(0, 20).join(", ");
  return rows.length > 20 ? `${shown}, ... (+${rows.length - 20})` : shown;
}

export function isEvidenceSheet(name: string): boolean {
  return EVIDENCE_SHEETS.has(normaliseHeader(name));
}

/** Output sheets of KKB are never input, except the template's `KKB Input`. */
export function isOwnOutput(name: string): boolean {
  return /^KKB /.test(name) && normaliseHeader(name) !== "kkbinput";
}

function chooseSheet(
  grids: readonly Grid[],
  options: ReadOptions
): { grid: Grid; header: HeaderGuess | null } | { missing: string } {
  if (options.sheet !== undefined) {
    const grid =
      grids.find((g) => g.sheet === options.sheet) ??
      grids.find((g) => normaliseHeader(g.sheet) === normaliseHeader(options.sheet!));
    if (!grid) return { missing: options.sheet };
    return { grid, header: guessHeader(grid) };
  }
  const candidates = grids.filter((g) => !isEvidenceSheet(g.sheet) && !isOwnOutput(g.sheet));
  let best: { grid: Grid; header: HeaderGuess | null } | null = null;
  for (const grid of candidates) {
    const header = guessHeader(grid);
    if (header && (!best?.header || header.matches > best.header.matches)) best = { grid, header };
  }
  const first = candidates[0] ?? grids[0];
  return best ?? (first ? { grid: first, header: null } : { missing: "" });
}

function buildColumnMap(
  header: HeaderGuess,
  duplicate: (col: number, firstCol: number, label: string) => void,
  lang: Lang
): ColumnMap {
  const identity: Partial<Record<IdentityKey, number>> = {};
  const sub: (number | null)[] = new Array(SUB_INDICATOR_COUNT).fill(null);
  const dimension: (number | null)[] = [null, null, null];
  const ibanggaSub: { col: number; name: string }[][] = [[], [], []];
  header.fields.forEach((field, col) => {
    if (!field) return;
    switch (field.kind) {
      case "identity": {
        const first = identity[field.key];
        if (first === undefined) identity[field.key] = col;
        else duplicate(col, first, field.key);
        break;
      }
      case "sub": {
        const first = sub[field.index];
        if (first === null) sub[field.index] = col;
        else duplicate(col, first, subIndicatorLabel(field.index, lang));
        break;
      }
      case "dimension": {
        const first = dimension[field.index];
        if (first === null) dimension[field.index] = col;
        else duplicate(col, first, dimensionLabel(field.index, lang));
        break;
      }
      case "ibanggaSub":
        ibanggaSub[field.dimension].push({ col, name: field.name });
        break;
    }
  });
  return { identity, sub, dimension, ibanggaSub };
}

function expectedHeaders(lang: Lang): string {
  const subs = DOMAINS.map(
    (d) => `${d.short[lang]} - ${d.subIndicators.map((s) => s.label[lang]).join("/")}`
  );
  return ["Kampung", ...subs, "iBangga Ketenteraman/Kemandirian/Kebahagiaan"].join("; ");
}

function needsTrim(text: string): boolean {
  return (
    text.length > 0 &&
    (text.charCodeAt(0) <= 32 ||
      text.charCodeAt(text.length - 1) <= 32 ||
      text.charCodeAt(0) === 160 ||
      text.charCodeAt(text.length - 1) === 160)
  );
}

function cellText(value: CellValue): string | null {
  if (typeof value === "string") {
    // Most texts start with a character that is no kind of space: no trimming to look at.
    const first = value.charCodeAt(0);
    if (first > 32 && first !== 160 && first < 0x1680 && !needsTrim(value)) return value;
    const trimmed = value.trim();
    return trimmed === "" ? null : needsTrim(value) ? trimmed : value;
  }
  if (isBlank(value)) return null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoDate(value);
  return null;
}

/** The date of a UTC day number (utcDayNumber's inverse). */
const dayDate = (day: number): Date => new Date(day * 86_400_000);
/** The field of SCORES_NOT_ENTERED: every sub-indicator of the row. */
export const NOT_ENTERED_FIELD = "subIndikator";

const SCORE_CODES: Record<"missing" | "not-a-number" | "cell-error" | "out-of-range", IssueCode> = {
  missing: "SCORE_MISSING",
  "not-a-number": "SCORE_NOT_NUMBER",
  "cell-error": "SCORE_CELL_ERROR",
  "out-of-range": "SCORE_OUT_OF_RANGE",
};
const IBANGGA_CODES: Record<"missing" | "not-a-number" | "cell-error" | "out-of-range", IssueCode> =
  {
    missing: "IBANGGA_MISSING",
    "not-a-number": "IBANGGA_NOT_NUMBER",
    "cell-error": "IBANGGA_CELL_ERROR",
    "out-of-range": "IBANGGA_OUT_OF_RANGE",
  };

/** 0, 0.5, 1, 1.5 or 2. */
function isRubricStep(value: number): boolean {
  return RUBRIC_STEPS.includes(value);
}

/** The grid columns KKB reads the kampung rows from (identity, scores, iBangga). */
function columnsRead(columns: ColumnMap): number[] {
  return [
    ...Object.values(columns.identity).filter((c): c is number => c !== undefined),
    ...columns.sub.filter((c): c is number => c !== null),
    ...columns.dimension.filter((c): c is number => c !== null),
    ...columns.ibanggaSub.flatMap((subs) => subs.map((x) => x.col)),
  ];
}

/** The grid columns of the scores and iBangga values: a row with a value in one is no note. */
function scoreColumns(columns: ColumnMap): number[] {
  return [
    ...columns.sub.filter((c): c is number => c !== null),
    ...columns.dimension.filter((c): c is number => c !== null),
    ...columns.ibanggaSub.flatMap((subs) => subs.map((x) => x.col)),
  ];
}

/**
 * Reads kampung rows (and the evidence sheet, if any) from the grids of a workbook. Lines of
 * text typed under the last kampung ("Sumber: ...", "Keterangan: ...": one text cell, no score,
 * no region) are notes, not kampung: see notes-below.ts for the rule (NOTES_BELOW_TABLE).
 */
export function readInput(grids: readonly Grid[], options: ReadOptions): InputRead {
  const { lang } = options;
  const issues: Issue[] = [];
  const evidenceSheet = readEvidence(grids, lang, issues);
  const evidence = evidenceSheet?.records ?? null;
  const evidenceCell = evidenceCellFinder(evidenceSheet);
  const chosen = chooseSheet(grids, options);
  if ("missing" in chosen) {
    issues.push(
      makeIssue(
        "SHEET_NOT_FOUND",
        { sheet: chosen.missing, cell: "A1" },
        { value: chosen.missing, list: grids.map((g) => g.sheet).join(", ") },
        lang
      )
    );
    return emptyRead(chosen.missing, issues, evidence, evidenceCell);
  }
  const { grid } = chosen;
  const header = chosen.header ? withIndexNameRow(grid, chosen.header) : null;
  const overlap = mergeOverlapIssue(grid, lang);
  if (overlap) issues.push(overlap);
  const cesu = cesuTextIssue(grid, lang);
  if (cesu) issues.push(cesu);
  if (!header) {
    const closest = closestHeaderRow(grid);
    const closestFields = headerFields(grid.rows[closest] ?? []);
    const found = headerReport(grid, closest, closestFields);
    const hidden = headerHidingMerge(grid, closest, closestFields, false);
    issues.push(
      makeIssue(
        "HEADER_NOT_FOUND",
        { sheet: grid.sheet, cell: gridAddress(grid, closest, 0) },
        {
          ...(hidden ? { merge: hidden } : {}),
          list: expectedHeaders(lang),
          count: HEADER_SCAN_ROWS,
          other: String(grid.originRow + closest + 1),
          value: found.recognised,
          label: found.unrecognised,
        },
        lang
      )
    );
    return emptyRead(grid.sheet, issues, evidence, evidenceCell);
  }

  const headerAt = (col: number) => gridAddress(grid, header.row, col);
  // A merge from above that hides headings of the header row (named in the messages).
  const headerMerge = headerHidingMerge(grid, header.row, header.fields, true);
  const merge = headerMerge ? { merge: headerMerge } : {};
  const columns = buildColumnMap(
    header,
    (col, first, label) =>
      issues.push(
        makeIssue(
          "COLUMN_DUPLICATE",
          { sheet: grid.sheet, cell: headerAt(col) },
          { label, other: headerAt(first) },
          lang
        )
      ),
    lang
  );
  // A dimension given both as its own column and by sub-indicator columns: its own column is
  // used, and the others are said to be left out (they were left out without a word).
  columns.dimension.forEach((col, d) => {
    if (col === null) return;
    for (const sub of columns.ibanggaSub[d])
      issues.push(
        makeIssue(
          "COLUMN_DUPLICATE",
          { sheet: grid.sheet, cell: headerAt(sub.col) },
          { label: dimensionLabel(d, lang), other: headerAt(col) },
          lang
        )
      );
  });
  const hasIbanggaColumns =
    columns.dimension.some((c) => c !== null) || columns.ibanggaSub.some((x) => x.length > 0);
  if (columns.sub.every((col) => col === null) && !hasIbanggaColumns) {
    // Fifteen "column missing" messages at one cell say less than one that shows the row.
    const found = headerReport(grid, header.row, header.fields);
    issues.push(
      makeIssue(
        "HEADER_INCOMPLETE",
        { sheet: grid.sheet, cell: headerAt(0) },
        {
          ...merge,
          other: String(grid.originRow + header.row + 1),
          value: found.recognised,
          list: found.unrecognised,
        },
        lang
      )
    );
  } else {
    const missing = columns.sub.flatMap((col, index) => (col === null ? [index] : []));
    // A heading not recognised that is close to a missing one is most likely it (a typo, a
    // shortened name): the message names that cell instead of A1.
    const likely = closestHeadings(missing, unknownHeadings(grid, header));
    for (const index of missing) {
      const heading = likely.get(index);
      const at = heading ? headerAt(heading.col) : headerAt(0);
      issues.push(
        makeIssue(
          "COLUMN_MISSING",
          { sheet: grid.sheet, cell: at, field: SUB_INDICATORS[index].key },
          {
            ...merge,
            label: subIndicatorLabel(index, lang),
            ...(heading ? { other: at, value: heading.text } : {}),
          },
          lang
        )
      );
    }
  }
  const kampungCol = columns.identity.kampung;
  if (kampungCol === undefined) {
    issues.push(
      makeIssue(
        "KAMPUNG_COLUMN_MISSING",
        { sheet: grid.sheet, cell: headerAt(0), field: "kampung" },
        merge,
        lang
      )
    );
  }
  const hasIbangga =
    columns.dimension.some((c) => c !== null) || columns.ibanggaSub.some((s) => s.length > 0);

  const lone = loneSurrogateIssue(grid, header.row, columnsRead(columns), lang);
  if (lone) issues.push(lone);
  const rows = new RowReader(grid, columns, hasIbangga, lang, issues, header.row + 1);
  const assessments: Assessment[] = [];
  let lastRow = header.row;
  // In an Excel table, the kampung are its data rows: not its Total Row, not what lies below.
  const table = header.table;
  const totalsRow = table && table.totalsRows > 0 ? table.bottom - grid.originRow : -1;
  const end = table
    ? Math.min(grid.rows.length, table.bottom - grid.originRow + 1)
    : grid.rows.length;
  rows.readDateOrder(header.row + 1, end);
  const hidden: number[] = [];
  if (table && totalsRow >= 0) {
    // Said once, whether or not the row was read (Excel's adapter leaves it out of its read).
    issues.push(
      makeIssue(
        "TABLE_TOTALS_SKIPPED",
        { sheet: grid.sheet, cell: gridAddress(grid, totalsRow, 0) },
        { value: table.name, other: String(table.bottom + 1) },
        lang
      )
    );
  }
  // Notes typed under the last kampung ("Sumber: ...") are not kampung (notes-below.ts).
  const notes = notesBelow(grid, {
    first: header.row + 1,
    end,
    columns: columnsRead(columns),
    marking: scoreColumns(columns),
    skip: totalsRow,
  });
  const noteIssue = notesBelowIssue(grid, notes, false, lang);
  if (noteIssue) issues.push(noteIssue);
  // Rows under the header that are no kampung: an Excel table's Total Row, pandas' index-name
  // row, the notes, and rows of totals or means typed among the kampung (summary-rows.ts).
  const notKampung = new Set<number>(notes.map((n) => n.row));
  if (totalsRow >= 0) notKampung.add(totalsRow);
  if (header.indexRow !== undefined) notKampung.add(header.indexRow);
  const totals = summaryRows(grid, {
    first: header.row + 1,
    end,
    kampung: columns.identity.kampung,
    firstScore: Math.min(...scoreColumns(columns), header.fields.length),
    skip: (r) => notKampung.has(r),
  });
  const totalsIssue = summaryRowsIssue(grid, totals, lang);
  if (totalsIssue) issues.push(totalsIssue);
  for (const t of totals) notKampung.add(t.row);
  // Kampung left out as hidden (--visible-only): their evidence rows are left out with them,
  // not reported as evidence of a kampung the sheet does not have.
  const skipped = new Set<string>();
  for (let r = header.row + 1; r < end; r++) {
    if (notKampung.has(r)) continue;
    const isHidden = grid.hiddenRows?.has(grid.originRow + r) === true;
    if (isHidden && options.visibleOnly) {
      if (!rows.isBlank(r)) {
        hidden.push(grid.originRow + r + 1);
        const name = cellText(grid.rows[r]?.[columns.identity.kampung ?? -1]);
        if (name !== null) skipped.add(looseKey(name));
      }
      continue;
    }
    const assessment = rows.read(r);
    if (assessment) {
      if (isHidden) hidden.push(assessment.row);
      assessments.push(assessment);
      lastRow = r;
    }
  }
  const rounds = rows.rounds();
  rows.reportDuplicates(rounds);
  if (hidden.length > 0) {
    issues.push(
      makeIssue(
        options.visibleOnly ? "ROWS_HIDDEN_SKIPPED" : "ROWS_HIDDEN",
        { sheet: grid.sheet, cell: address(hidden[0] - 1, grid.originCol) },
        { count: hidden.length, list: rowList(hidden) },
        lang
      )
    );
  }

  if (assessments.length === 0) {
    issues.push(makeIssue("NO_ROWS", { sheet: grid.sheet, cell: headerAt(0) }, {}, lang));
  }
  const width = header.fields.length;
  const read = new Set(assessments.map((a) => looseKey(a.name)));
  const kept =
    evidence && skipped.size > 0
      ? evidence.filter((e) => {
          const key = looseKey(e.kampung);
          return read.has(key) || !skipped.has(key);
        })
      : evidence;
  return {
    sheet: grid.sheet,
    headerRow: grid.originRow + header.row,
    originCol: grid.originCol,
    columns,
    assessments,
    evidence: kept,
    evidenceCellOf: evidenceCell,
    issues,
    hasIbangga,
    sourceRange: sheetAddress(
      grid.sheet,
      rangeAddress(grid.originRow + header.top, grid.originCol, lastRow - header.top + 1, width)
    ),
    fatal: false,
    rounds,
  };
}

/** Identity columns whose merged cells count in every row they span (see fillFromMerges). */
const MERGE_FILLED_FIELDS = [
  "desa",
  "kecamatan",
  "kabupaten",
  "provinsi",
  "periode",
  "tanggal",
  "status",
] as const;

/** MERGE_FILLED for a column (field `field`, named `name`) filled from `merges` (in sheet order). */
function mergeFilledIssue(
  sheet: string,
  field: string,
  name: string,
  merges: readonly GridRect[],
  lang: Lang
): Issue {
  const ranges = merges.map(rectAddress);
  return makeIssue(
    "MERGE_FILLED",
    { sheet, cell: address(merges[0].top, merges[0].left), field },
    {
      label: name,
      count: ranges.length,
      list: ranges.length > 3 ? `${ranges.slice(0, 3).join(", ")}, …` : ranges.join(", "),
    },
    lang
  );
}

/** Reads one kampung row at a time. */
class RowReader {
  /** Every column the reader looks at: a row is blank when all of them are. */
  private readonly usedCols: number[];
  private readonly subLabels: string[];
  private readonly dimensionFields: string[];
  /** Per row read (in order): its grid row, identity key (see identityKey) and period. */
  private readonly gridRows: number[] = [];
  private readonly keys: string[] = [];
  private readonly periods: (Period | null)[] = [];
  private readonly dates: (Date | null)[] = [];
  /** The order of the Periode column's text dates (readDateOrder). */
  private periodeOrder: DateOrder = "dayFirst";
  /** Periode texts parsed in `periodeOrder` (cleared when it is set). */
  private readonly periodeMemo = new Map<string, ParsedPeriode>();
  /** The assessment date column's order and the first rows proving each (readDateOrder). */
  private dateOrder: ColumnDateOrder = {
    order: "dayFirst",
    firstMonthFirst: -1,
    firstDayFirst: -1,
  };
  private dateOrderFrom = 0;

  /** Per column filled from merges (MERGE_FILLED), grid row -> the merged range's value. */
  private readonly mergedValues = new Map<number, Map<number, CellValue>>();
  /** Merges in the per-kampung columns (scores, the kampung name): named, never filled. */
  private readonly mergedCells: MergedCells;

  constructor(
    private readonly grid: Grid,
    private readonly columns: ColumnMap,
    private readonly hasIbangga: boolean,
    private readonly lang: Lang,
    private readonly issues: Issue[],
    /** The grid row of the first kampung row (under the header). */
    firstRow: number
  ) {
    this.fillFromMerges(firstRow);
    const perKampung = [
      columns.identity.kampung,
      ...columns.sub,
      ...columns.dimension,
      ...columns.ibanggaSub.flatMap((s) => s.map((x) => x.col)),
    ];
    this.mergedCells = new MergedCells(
      grid,
      firstRow,
      perKampung.filter((c): c is number => c !== null && c !== undefined)
    );
    this.usedCols = [
      ...Object.values(columns.identity),
      ...columns.sub.filter((c): c is number => c !== null),
      ...columns.dimension.filter((c): c is number => c !== null),
      ...columns.ibanggaSub.flatMap((s) => s.map((x) => x.col)),
    ];
    this.subLabels = SUB_INDICATORS.map((ref) => subIndicatorLabel(ref.index, lang));
    this.dimensionFields = DIMENSIONS.map((d) => `ibangga.${d.key}`);
  }

  /**
   * A region, Periode, date or Status cell merged down over several kampung rows (a district's
   * sheet often merges its kabupaten/kota; a sheet sorted by status may merge each status over
   * its kampung) counts in each row it spans: Excel keeps the value in the top-left cell only,
   * the user sees it in all. Said once per column (MERGE_FILLED). A merge across several
   * columns fills only its left column, where its value is. Scores and kampung names are
   * per kampung and never filled (merged-cells.ts names the merge in their messages).
   */
  private fillFromMerges(firstRow: number): void {
    const { grid } = this;
    const filled = MERGE_FILLED_FIELDS.map((key) => [key, this.columns.identity[key]] as const);
    for (const [key, col] of filled) {
      if (col === undefined) continue;
      const { values, merges } = mergedColumnValues(grid, col, firstRow);
      if (merges.length === 0) continue;
      this.mergedValues.set(col, values);
      this.issues.push(mergeFilledIssue(grid.sheet, key, label(key, this.lang), merges, this.lang));
    }
  }

  /** Cell (r, col), or the value of a merged range it lies in (fillFromMerges). */
  private cell(r: number, row: readonly CellValue[], col: number): CellValue {
    const value = row[col];
    if (!isBlank(value)) return value;
    return this.mergedValues.get(col)?.get(r) ?? value;
  }

  /** `{ merge }` when blank grid cell (r, col) lies under a merge's top-left cell, else `{}`. */
  private mergeAt(r: number, col: number): { merge?: MergedCell } {
    if (!isBlank(this.grid.rows[r]?.[col])) return {};
    const merge = this.mergedCells.at(r, col);
    return merge ? { merge } : {};
  }

  /** Whether grid row r holds nothing in the columns KKB reads. */
  isBlank(r: number): boolean {
    const row = this.grid.rows[r];
    return !row || this.usedCols.every((c) => isBlank(row[c]));
  }

  /** The assessment of grid row r, or null for a blank row. */
  read(r: number): Assessment | null {
    if (this.isBlank(r)) return null;
    const row = this.grid.rows[r];
    const { identity } = this.columns;
    const sheetRow = this.grid.originRow + r;
    let name = this.text(row, identity.kampung);
    if (name === null) {
      if (identity.kampung !== undefined) this.reportNoName(r, row, identity.kampung);
      name = this.lang === "id" ? `(baris ${sheetRow + 1})` : `(row ${sheetRow + 1})`;
    }
    const region: Region = {
      desa: this.identityText(r, row, "desa", name),
      kecamatan: this.identityText(r, row, "kecamatan", name),
      kabupaten: this.identityText(r, row, "kabupaten", name),
      provinsi: this.identityText(r, row, "provinsi", name),
    };
    const date = this.date(r, row, name);
    this.gridRows.push(r);
    this.keys.push(
      identityKey(name, region.desa, region.kecamatan, region.kabupaten, region.provinsi)
    );
    this.periods.push(this.periode(r, row, name));
    this.dates.push(date);
    return {
      row: sheetRow + 1,
      name,
      status: this.identityText(r, row, "status", name),
      region,
      date,
      sub: this.subIndicators(r, row, name),
      dimensions: this.hasIbangga ? this.dimensions(r, row, name) : null,
    };
  }

  /** The row's `Periode`, or null (blank, or no such column). An unreadable text is reported. */
  private periode(r: number, row: readonly CellValue[], kampung: string): Period | null {
    const col = this.columns.identity.periode;
    if (col === undefined) return null;
    const value = this.cell(r, row, col);
    const name = label("periode", this.lang);
    if (typeof value !== "string" && this.unreadable(r, col, value, kampung, "periode", name))
      return null;
    const parsed = this.parsedPeriode(value);
    if (parsed.ok) return parsed.period;
    if (parsed.blank) return null;
    this.report("PERIODE_UNREADABLE", r, col, kampung, "periode", {
      label: this.lang === "id" ? "Periode" : "Round",
      value: parsed.period.label,
    });
    return parsed.period;
  }

  /**
   * A Periode cell parsed, texts once each: a column holds a few distinct texts over many rows
   * (337,104 rows of four national rounds hold four), and parsing each row's took some 0.5 s.
   */
  private parsedPeriode(value: CellValue): ParsedPeriode {
    if (typeof value !== "string") return parsePeriode(value, this.periodeOrder);
    let parsed = this.periodeMemo.get(value);
    if (!parsed) {
      parsed = parsePeriode(value, this.periodeOrder);
      if (this.periodeMemo.size < PERIODE_MEMO_MAX) this.periodeMemo.set(value, parsed);
    }
    return parsed;
  }

  /**
   * The rounds of the rows read (call once, after the last row). From the `Periode` column
   * when any of its cells is filled (rows left blank go to the latest round, said once);
   * otherwise from the quarter of each row's assessment date, but only when some kampung has
   * rows in two quarters: a file of one round stays one round, whatever its dates.
   */
  rounds(): Rounds | null {
    const col = this.columns.identity.periode;
    if (col !== undefined && this.periods.some((p) => p !== null)) {
      const days = this.periodsOfDays(col, this.periods);
      const { periods, byDate } = this.periodsOfBlanks(days ?? this.periods);
      const rounds = orderRounds(periods, "periode");
      this.reportDateConflicts(days ?? this.periods);
      this.reportByDate(col, byDate, periods);
      this.reportMissingPeriods(col, periods, rounds);
      if (rounds) this.reportRoundShapes(col, rounds);
      return rounds;
    }
    if (this.columns.identity.tanggal === undefined) return null;
    const quarters = this.dates.map((d) => (d ? quarterOf(d) : null));
    const firstQuarter = new Map<string, string>();
    let history = false;
    this.keys.forEach((key, i) => {
      const q = quarters[i]?.key;
      if (q === undefined || history) return;
      const first = firstQuarter.get(key);
      if (first === undefined) firstQuarter.set(key, q);
      else if (first !== q) history = true;
    });
    if (!history) return null;
    const rounds = orderRounds(quarters, "tanggal");
    this.reportMissingPeriods(this.columns.identity.tanggal, quarters, rounds);
    if (rounds) this.reportRoundShapes(this.columns.identity.tanggal, rounds);
    return rounds;
  }

  /**
   * A `Periode` column of dates (every filled cell a day, two days or more): each day would be a
   * round of its own, a kampung's rows a day apart never one round. Each is read as its month
   * when every date is the first of a month (Excel's `Mei-24` is 1 May 2024), else as its
   * quarter (as rounds from `Tanggal penilaian` are), said once (PERIODE_DATES); but never so
   * that a kampung falls twice into one round where its days kept it apart (quarters, then
   * months, are tried; the days kept when both would). Null when the column is not such.
   */
  private periodsOfDays(
    col: number,
    periods: readonly (Period | null)[]
  ): (Period | null)[] | null {
    const days = new Set<number>();
    let monthly = true;
    for (const p of periods) {
      if (p === null) continue;
      // A day's period is the only one whose first day is its last (periodOfDay).
      if (p.first === null || p.first !== p.last) return null;
      days.add(p.first);
      if (dayDate(p.first).getUTCDate() !== 1) monthly = false;
    }
    if (days.size < 2) return null;
    const as = (unit: "month" | "quarter") => (p: Period | null) => {
      if (p === null) return null;
      const date = dayDate(p.first!);
      return unit === "month"
        ? periodOfMonth(date.getUTCFullYear(), date.getUTCMonth(), null)
        : quarterOf(date);
    };
    const repeats = this.repeatsInRounds(periods);
    const units: ("month" | "quarter")[] = monthly ? ["month"] : ["quarter", "month"];
    for (const unit of units) {
      const converted = periods.map(as(unit));
      if (this.repeatsInRounds(converted) > repeats) continue;
      const first = periods.findIndex((p) => p !== null);
      this.report("PERIODE_DATES", this.gridRows[first], col, "", "periode", {
        value: periods[first]!.label,
        other: converted[first]!.key,
        unit,
      });
      return converted;
    }
    return null;
  }

  /** Rows whose kampung already has a row in the same round (duplicates) under `periods`. */
  private repeatsInRounds(periods: readonly (Period | null)[]): number {
    const seen = new Set<string>();
    let repeats = 0;
    periods.forEach((p, i) => {
      if (p === null) return;
      const key = `${p.key}\u0000${this.keys[i]}`;
      if (seen.has(key)) repeats++;
      else seen.add(key);
    });
    return repeats;
  }

  /**
   * Rows without a `Periode` but with a `Tanggal penilaian` go to the round of the file whose
   * days hold that date, the narrowest when rounds nest (PERIODE_FROM_DATE); the others, to the
   * latest round.
   */
  private periodsOfBlanks(periods: readonly (Period | null)[]): {
    periods: (Period | null)[];
    byDate: number[];
  } {
    const distinct = new Map<string, Period>();
    for (const p of periods) if (p !== null && p.first !== null) distinct.set(p.key, p);
    const byDate: number[] = [];
    const filled = periods.map((p, i) => {
      const date = this.dates[i];
      if (p !== null || date === null) return p;
      const day = utcDayNumber(date);
      // Rounds inside others (September 2024 in 2024-T3, said as ROUND_NESTED): the narrowest.
      const holding = [...distinct.values()]
        .filter((d) => d.first! <= day && day <= d.last!)
        .sort((a, b) => a.last! - a.first! - (b.last! - b.first!));
      const span = (d: Period) => d.last! - d.first!;
      if (holding.length === 0 || (holding.length > 1 && span(holding[0]) === span(holding[1])))
        return null;
      byDate.push(i);
      return holding[0];
    });
    return { periods: filled, byDate };
  }

  private reportByDate(
    col: number,
    byDate: readonly number[],
    periods: readonly (Period | null)[]
  ): void {
    if (byDate.length === 0) return;
    const sheetRows = byDate.map(
      (i) => `${this.grid.originRow + this.gridRows[i] + 1} (${periods[i]!.label})`
    );
    this.report("PERIODE_FROM_DATE", this.gridRows[byDate[0]], col, "", "periode", {
      count: byDate.length,
      list: rowList(sheetRows),
    });
  }

  /**
   * Rows whose `Tanggal penilaian` lies before their round begins, or more than
   * DATE_AFTER_ROUND_DAYS after it ends (a year typed wrong in one of the two), said once.
   */
  private reportDateConflicts(periods: readonly (Period | null)[]): void {
    const col = this.columns.identity.tanggal;
    if (col === undefined) return;
    const rows = dateConflicts(periods, this.dates);
    if (rows.length === 0) return;
    const first = rows[0];
    this.report("PERIODE_DATE_CONFLICT", this.gridRows[first], col, "", "tanggal", {
      count: rows.length,
      list: rowList(rows.map((i) => this.grid.originRow + this.gridRows[i] + 1)),
      value: isoDate(this.dates[first]!),
      other: periods[first]!.label,
    });
  }

  private reportMissingPeriods(
    col: number,
    periods: readonly (Period | null)[],
    rounds: Rounds | null
  ): void {
    const missing: number[] = [];
    periods.forEach((p, i) => {
      if (p === null) missing.push(this.gridRows[i]);
    });
    if (missing.length === 0 || !rounds) return;
    const sheetRows = missing.map((r) => this.grid.originRow + r + 1);
    this.report("PERIODE_MISSING", missing[0], col, "", "periode", {
      count: missing.length,
      list: rowList(sheetRows),
      other: rounds.list[latestDated(rounds.list)].label,
    });
  }

  /**
   * Rounds that may not be what the user meant, each said once: a round whose days lie inside
   * another's (`September 2024` beside `2024-T3`: two rounds, not one), and a latest round with
   * fewer than half the rows of the round before it (a campaign over a quarter's end, a year
   * typed wrong): the summary is of that round unless another is picked.
   */
  private reportRoundShapes(col: number, rounds: Rounds): void {
    for (const shape of roundShapes(rounds))
      this.report(
        shape.code,
        this.gridRows[rounds.of.indexOf(shape.round)],
        col,
        "",
        "periode",
        shape.params
      );
  }

  /**
   * The same kampung (name and region, case ignored) twice in one round, or twice in a file
   * without rounds: a duplicate, reported at the later row. In different rounds: its history.
   */
  reportDuplicates(rounds: Rounds | null): void {
    const seen = new Map<string, number>();
    const col = this.columns.identity.kampung ?? 0;
    this.keys.forEach((key, i) => {
      const round = rounds ? rounds.of[i] : 0;
      const roundKey = `${round}|${key}`;
      const first = seen.get(roundKey);
      if (first === undefined) {
        seen.set(roundKey, i);
        return;
      }
      const r = this.gridRows[i];
      const name = this.text(this.grid.rows[r], this.columns.identity.kampung) ?? "";
      this.report("KAMPUNG_DUPLICATE", r, col, name, "kampung", {
        value: name,
        other: gridAddress(this.grid, this.gridRows[first], col),
        ...(rounds ? { label: rounds.list[round].label } : {}),
      });
    });
  }

  /**
   * Why a row has no kampung name: an Excel error in the cell (a failed lookup), a formula the
   * file holds no result for, or a blank (perhaps under a merge).
   */
  private reportNoName(r: number, row: readonly CellValue[], col: number): void {
    const raw = row[col];
    const name = label("kampung", this.lang);
    if (isCellError(raw)) {
      this.report("KAMPUNG_CELL_ERROR", r, col, "", "kampung", { label: name, value: raw.error });
    } else if (!(isBlank(raw) && this.uncalculated(r, col, "", "kampung", name))) {
      this.report("KAMPUNG_MISSING", r, col, "", "kampung", { ...this.mergeAt(r, col) });
    }
  }

  /**
   * A region or Status cell's text (or its merge's, fillFromMerges). An Excel error (a failed
   * VLOOKUP from a master list) or a formula never calculated reads as blank and is said, with
   * the cell: silently blank, the kampung fell into the blank region or out of the status check.
   */
  private identityText(
    r: number,
    row: readonly CellValue[],
    key: "desa" | "kecamatan" | "kabupaten" | "provinsi" | "status",
    kampung: string
  ): string | null {
    const col = this.columns.identity[key];
    if (col === undefined) return null;
    const value = this.cell(r, row, col);
    if (typeof value === "string") return cellText(value);
    if (this.unreadable(r, col, value, kampung, key, label(key, this.lang))) return null;
    return cellText(value);
  }

  /**
   * True (and said) when an identity cell holds an Excel error or a formula with no result:
   * IDENTITY_CELL_ERROR or FORMULA_NOT_CALCULATED at the cell.
   */
  private unreadable(
    r: number,
    col: number,
    value: CellValue,
    kampung: string,
    field: string,
    name: string
  ): boolean {
    if (isCellError(value)) {
      // An error merged down over several rows is said once, at the merge's top-left cell.
      if (isBlank(this.grid.rows[r]?.[col])) return true;
      this.report("IDENTITY_CELL_ERROR", r, col, kampung, field, {
        label: name,
        value: value.error,
      });
      return true;
    }
    return isBlank(value) && this.uncalculated(r, col, kampung, field, name);
  }

  private text(row: readonly CellValue[], col: number | undefined): string | null {
    return col === undefined ? null : cellText(row[col]);
  }

  private report(
    code: IssueCode,
    r: number,
    col: number,
    kampung: string,
    field: string,
    params: MessageParams
  ): void {
    const at = { sheet: this.grid.sheet, cell: gridAddress(this.grid, r, col), kampung, field };
    this.issues.push(makeIssue(code, at, params, this.lang));
  }

  /**
   * A blank cell that holds a formula the file has no result for (written by a script, never
   * calculated): said as such, once, instead of "no value". True when it was reported.
   */
  private uncalculated(
    r: number,
    col: number,
    kampung: string,
    field: string,
    label: string
  ): boolean {
    const formula = this.grid.uncalculated?.get(gridAddress(this.grid, r, col));
    if (formula === undefined) return false;
    this.report("FORMULA_NOT_CALCULATED", r, col, kampung, field, { label, value: `=${formula}` });
    return true;
  }

  private subIndicators(r: number, row: readonly CellValue[], kampung: string): (number | null)[] {
    if (this.notEntered(r, row, kampung)) return this.columns.sub.map(() => null);
    return this.columns.sub.map((col, i) => {
      if (col === null) return null; // reported once for the column
      const raw = row[col];
      if (typeof raw === "number" && isRubricStep(raw)) return raw;
      const label = this.subLabels[i];
      const field = SUB_INDICATORS[i].key;
      if (isBlank(raw) && this.uncalculated(r, col, kampung, field, label)) return null;
      return takeValue(
        raw,
        this.grid.textOnly === true,
        parseRubric(raw),
        SCORE_CODES,
        "SCORE_TEXT",
        "SCORE_OFF_RUBRIC",
        (code, value, other) =>
          this.report(code, r, col, kampung, field, {
            value,
            label,
            min: 0,
            max: 2,
            ...this.mergeAt(r, col),
            ...(other === undefined ? {} : { other }),
          })
      );
    });
  }

  /**
   * A kampung whose sub-indicator cells are all plain blanks (no formula without a result, no
   * merged range) is not scored yet: said once (SCORES_NOT_ENTERED, at its first sub-indicator
   * cell) instead of once per cell, 15 errors that read as 15 problems. True when said.
   */
  private notEntered(r: number, row: readonly CellValue[], kampung: string): boolean {
    const cols = this.columns.sub.filter((c): c is number => c !== null);
    if (cols.length < 2) return false;
    for (const col of cols) {
      if (!isBlank(row[col]) || this.mergedCells.at(r, col)) return false;
      if (this.grid.uncalculated?.has(gridAddress(this.grid, r, col))) return false;
    }
    this.report("SCORES_NOT_ENTERED", r, cols[0], kampung, NOT_ENTERED_FIELD, {
      count: cols.length,
      other: String(this.grid.originRow + r + 1),
    });
    return true;
  }

  private dimensions(r: number, row: readonly CellValue[], kampung: string): (number | null)[] {
    // No dimension of the row has a usable value (blank, an error, text): none is left to
    // renormalise to, which a blank dimension's message then says. Looked at only for such a row.
    let none: boolean | undefined;
    const noneLeft = () =>
      (none ??= DIMENSIONS.every((_, d) => {
        const col = this.columns.dimension[d];
        const cols = col !== null ? [col] : this.columns.ibanggaSub[d].map((s) => s.col);
        return cols.length === 0 || cols.some((c) => !parseIbangga(row[c]).ok);
      }));
    return DIMENSIONS.map((_, d) => {
      const col = this.columns.dimension[d];
      if (col !== null)
        return this.ibanggaValue(
          r,
          row,
          col,
          kampung,
          this.dimensionFields[d],
          dimensionLabel(d, this.lang),
          noneLeft
        );
      const subs = this.columns.ibanggaSub[d];
      if (subs.length === 0) return null;
      const field = this.dimensionFields[d];
      return dimensionScore(
        subs.map(({ col: c, name }) =>
          this.ibanggaValue(
            r,
            row,
            c,
            kampung,
            `${field}:${name}`,
            `${DIMENSIONS[d].label[this.lang]}: ${name}`,
            noneLeft
          )
        )
      );
    });
  }

  private ibanggaValue(
    r: number,
    row: readonly CellValue[],
    col: number,
    kampung: string,
    field: string,
    label: string,
    noneLeft: () => boolean
  ): number | null {
    const stored = row[col];
    // A number its cell shows as a percentage (0.978 as 97,8 %) is read as shown.
    const shownAsPercent =
      typeof stored === "number" &&
      this.grid.percentCells?.has(gridAddress(this.grid, r, col)) === true;
    const raw = shownAsPercent ? percentShown(stored) : stored;
    // (0 to 1 is read too, with a note: a percentage stored as a fraction.)
    if (typeof raw === "number" && raw > 1 && raw <= IBANGGA_MAX) return raw;
    if (isBlank(raw) && this.uncalculated(r, col, kampung, field, label)) return null;
    return takeValue(
      raw,
      this.grid.textOnly === true,
      parseIbangga(raw),
      IBANGGA_CODES,
      "IBANGGA_TEXT",
      null,
      (code, value, other) =>
        this.report(code, r, col, kampung, field, {
          value,
          label,
          ...this.mergeAt(r, col),
          ...(other === undefined ? {} : { other }),
          ...(code === "IBANGGA_MISSING" && noneLeft() ? { noneLeft: true } : {}),
        }),
      (value) => {
        // A cell shown as 0,5 % means 0.5: no fraction to explain.
        if (shownAsPercent) return;
        this.report("IBANGGA_FRACTION", r, col, kampung, field, {
          value,
          label,
          other: String(excelRound(Number(value) * 100, 6)),
        });
      }
    );
  }

  /**
   * Decides the order of the assessment date column's text dates from grid rows [first, end)
   * (dates.ts, columnDateOrder); a column read month first is said once, at its first row
   * that proves it.
   */
  readDateOrder(first: number, end: number): void {
    const rows = this.grid.rows.slice(first, end);
    // A Periode written as a date follows the same rule, on its own column.
    const periode = this.columns.identity.periode;
    if (periode !== undefined) {
      const order = columnDateOrder(rows.map((row) => row[periode]));
      this.periodeOrder = order.order;
      this.periodeMemo.clear();
      if (order.order === "monthFirst") {
        const proof = order.firstMonthFirst;
        this.report("DATE_MONTH_FIRST", first + proof, periode, "", "periode", {
          label: this.lang === "id" ? "Periode" : "Round",
          value: String(rows[proof][periode]),
          other: gridAddress(this.grid, first + proof, periode),
        });
      }
    }
    const col = this.columns.identity.tanggal;
    if (col === undefined) return;
    this.dateOrder = columnDateOrder(rows.map((row) => row[col]));
    this.dateOrderFrom = first;
    const proof = this.dateOrder.firstMonthFirst;
    if (this.dateOrder.order === "monthFirst") {
      this.report("DATE_MONTH_FIRST", first + proof, col, "", "tanggal", {
        label: this.dateLabel(),
        value: String(rows[proof][col]),
        other: gridAddress(this.grid, first + proof, col),
      });
    }
  }

  private dateLabel(): string {
    return this.lang === "id" ? "Tanggal penilaian" : "Assessment date";
  }

  private date(r: number, row: readonly CellValue[], kampung: string): Date | null {
    const col = this.columns.identity.tanggal;
    if (col === undefined) return null;
    const raw = this.cell(r, row, col);
    if (
      typeof raw !== "string" &&
      this.unreadable(r, col, raw, kampung, "tanggal", this.dateLabel())
    )
      return null;
    const parsed = parseDateCell(raw, this.dateOrder.order);
    const label = this.dateLabel();
    if (parsed.ok) {
      if (parsed.wrongWeekday !== undefined) {
        // Said instead of DATE_TEXT: it also says how the text was read.
        this.report(
          "DATE_WEEKDAY",
          r,
          col,
          kampung,
          "tanggal",
          weekdayParams(label, raw, parsed.date, parsed.wrongWeekday)
        );
        return parsed.date;
      }
      // A CSV holds dates only as text: nothing the user could change (grid.textOnly).
      if (parsed.fromText && !this.grid.textOnly) {
        this.report("DATE_TEXT", r, col, kampung, "tanggal", {
          label,
          value: String(raw),
          other: isoDate(parsed.date),
        });
      }
      return parsed.date;
    }
    if (contradictsColumn(raw, this.dateOrder)) {
      const proof = this.dateOrderFrom + this.dateOrder.firstDayFirst;
      this.report("DATE_ORDER_CONFLICT", r, col, kampung, "tanggal", {
        label,
        value: String(raw),
        other: `"${String(this.grid.rows[proof][col])}" (${gridAddress(this.grid, proof, col)})`,
      });
    } else if (!parsed.blank) {
      this.report("DATE_INVALID", r, col, kampung, "tanggal", {
        label,
        value: cellText(raw) ?? "",
      });
    }
    return null;
  }
}

/** DATE_WEEKDAY's parameters: the cell's text, the date read, the weekday written and its own. */
function weekdayParams(label: string, raw: CellValue, date: Date, written: string): MessageParams {
  return {
    label,
    value: String(raw),
    other: isoDate(date),
    weekday: { written, actual: date.getUTCDay() },
  };
}

/**
 * Turns a parsed value into a number or null, reporting problems and notes through `report`
 * (with the value as the message shows it, and for a number typed as text the number read as
 * `other`: the message quotes the cell's own text, "1,0", not the number, "1"). A number as
 * text is not said for a CSV (`textOnly`), which holds every value as text (as DATE_TEXT).
 */
function takeValue(
  raw: CellValue,
  textOnly: boolean,
  parsed: ParsedValue,
  codes: Record<"missing" | "not-a-number" | "cell-error" | "out-of-range", IssueCode>,
  textCode: IssueCode,
  offRubricCode: IssueCode | null,
  report: (code: IssueCode, value: string, other?: string) => void,
  reportFraction?: (value: string) => void
): number | null {
  if (!parsed.ok) {
    report(codes[parsed.problem], parsed.shown);
    return null;
  }
  for (const note of parsed.notes) {
    if (note === "text-number") {
      if (!textOnly)
        report(
          textCode,
          typeof raw === "string" ? raw : String(parsed.value),
          String(parsed.value)
        );
    } else if (note === "fraction") reportFraction?.(String(parsed.value));
    else if (offRubricCode) report(offRubricCode, String(parsed.value));
  }
  return parsed.value;
}

/** The duplicate key: name and region as a round's history matches them (trend.ts `identityKeyOf`). */
export const identityKey = identityKeyOf;

function emptyRead(
  sheet: string,
  issues: Issue[],
  evidence: EvidenceRecord[] | null,
  evidenceCellOf: EvidenceCellOf
): InputRead {
  return {
    sheet,
    headerRow: -1,
    originCol: 0,
    columns: null,
    assessments: [],
    evidence,
    evidenceCellOf,
    issues,
    hasIbangga: false,
    sourceRange: sheet ? sheetAddress(sheet, "A1") : "",
    fatal: true,
    rounds: null,
  };
}

const EVIDENCE_FIELDS: Readonly<Record<string, "kampung" | "field" | "date" | "source" | "quote">> =
  {
    kampung: "kampung",
    namakampung: "kampung",
    village: "kampung",
    subindikator: "field",
    subindicator: "field",
    indikator: "field",
    indicator: "field",
    tanggal: "date",
    date: "date",
    sumber: "source",
    source: "source",
    kutipanhalaman: "quote",
    kutipan: "quote",
    halaman: "quote",
    quotepage: "quote",
    quote: "quote",
    page: "quote",
  };

/** The optional evidence sheet (`Bukti` / `Evidence` / `KKB Bukti`), or null when there is none. */
type EvidenceColumns = Partial<Record<EvidenceColumn | "quote", number>>;

interface EvidenceSheet {
  readonly records: EvidenceRecord[];
  readonly originCol: number;
  readonly columns: EvidenceColumns;
}

/** The A1 address of an evidence row's cell (its kampung cell when that column is absent). */
function evidenceCellFinder(sheet: EvidenceSheet | null): EvidenceCellOf {
  const origin = sheet?.originCol ?? 0;
  const columns = sheet?.columns ?? {};
  return (record, column) =>
    address(record.row - 1, origin + (columns[column] ?? columns.kampung ?? 0));
}

function readEvidence(grids: readonly Grid[], lang: Lang, issues: Issue[]): EvidenceSheet | null {
  const grid = grids.find((g) => isEvidenceSheet(g.sheet));
  if (!grid) return null;
  const overlap = mergeOverlapIssue(grid, lang);
  if (overlap) issues.push(overlap);
  let headerRow = -1;
  let cols: EvidenceColumns = {};
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS) && headerRow < 0; r++) {
    const found: typeof cols = {};
    grid.rows[r].forEach((cell, c) => {
      const key = typeof cell === "string" ? EVIDENCE_FIELDS[normaliseHeader(cell)] : undefined;
      if (key && found[key] === undefined) found[key] = c;
    });
    if (found.kampung !== undefined && found.field !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) return null;
  const columnsUsed = Object.values(cols).filter((c): c is number => c !== undefined);
  const lone = loneSurrogateIssue(grid, headerRow, columnsUsed, lang);
  if (lone) issues.push(lone);
  const records: EvidenceRecord[] = [];
  const dateLabel = lang === "id" ? "Tanggal bukti" : "Evidence date";
  const dates = evidenceDateOrder(grid, headerRow + 1, cols.date, dateLabel, lang, issues);
  // A kampung name (or a date, a source) merged down over its evidence rows counts in each.
  const merged = new Map<number, Map<number, CellValue>>();
  const mergeFields = { kampung: "kampung", date: "tanggal", source: "sumber" } as const;
  for (const key of ["kampung", "date", "source"] as const) {
    const col = cols[key];
    if (col === undefined) continue;
    const { values, merges } = mergedColumnValues(grid, col, headerRow + 1);
    if (merges.length === 0) continue;
    merged.set(col, values);
    const name = cellText(grid.rows[headerRow][col]) ?? key;
    issues.push(mergeFilledIssue(grid.sheet, mergeFields[key], name, merges, lang));
  }
  // Notes typed under the last evidence row are not evidence (notes-below.ts).
  // (A note in another column is no evidence row either way: not named.)
  const notes = notesBelow(grid, {
    first: headerRow + 1,
    end: grid.rows.length,
    columns: columnsUsed,
    marking: [cols.field!],
  }).filter((n) => n.col === cols.kampung || n.col === cols.field);
  const noteIssue = notesBelowIssue(grid, notes, true, lang);
  if (noteIssue) issues.push(noteIssue);
  const end = notes.length > 0 ? notes[0].row : grid.rows.length;
  const noteRows = new Set(notes.map((n) => n.row));
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    if (r >= end && noteRows.has(r)) continue;
    const row = grid.rows[r];
    const at = (col: number): CellValue =>
      isBlank(row[col]) ? (merged.get(col)?.get(r) ?? row[col]) : row[col];
    const get = (key: keyof typeof cols) => (cols[key] === undefined ? null : at(cols[key]!));
    const kampung = cellText(get("kampung"));
    const fieldText = cellText(get("field")) ?? "";
    if (kampung === null && !fieldText) continue;
    const subIndex = matchSubIndicator(fieldText);
    const parsedDate = parseDateCell(get("date"), dates.order);
    // The evidence date's problems, at its cell.
    const dateIssue = (dateCol: number, code: IssueCode, params: MessageParams) =>
      issues.push(
        makeIssue(
          code,
          {
            sheet: grid.sheet,
            cell: gridAddress(grid, r, dateCol),
            kampung: kampung ?? "",
            field: "tanggal",
          },
          params,
          lang
        )
      );
    if (!parsedDate.ok && cols.date !== undefined && contradictsColumn(get("date"), dates)) {
      const proof = headerRow + 1 + dates.firstDayFirst;
      dateIssue(cols.date, "DATE_ORDER_CONFLICT", {
        label: dateLabel,
        value: String(get("date")),
        other: `"${String(grid.rows[proof][cols.date])}" (${gridAddress(grid, proof, cols.date)})`,
      });
    } else if (!parsedDate.ok && !parsedDate.blank && cols.date !== undefined) {
      dateIssue(cols.date, "DATE_INVALID", {
        label: lang === "id" ? "Tanggal bukti" : "Evidence date",
        value: cellText(get("date")) ?? "",
      });
    }
    if (parsedDate.ok && parsedDate.wrongWeekday !== undefined && cols.date !== undefined) {
      dateIssue(
        cols.date,
        "DATE_WEEKDAY",
        weekdayParams(dateLabel, get("date"), parsedDate.date, parsedDate.wrongWeekday)
      );
    }
    records.push({
      row: grid.originRow + r + 1,
      sheet: grid.sheet,
      kampung: kampung ?? "",
      field: subIndex === null ? null : SUB_INDICATORS[subIndex].key,
      fieldText,
      date: parsedDate.ok ? parsedDate.date : null,
      source: cellText(get("source")),
      quote: cellText(get("quote")),
    });
  }
  // An evidence sheet with no rows (the template's, unfilled) is no evidence given.
  if (records.length === 0) return null;
  return { records, originCol: grid.originCol, columns: cols };
}

/**
 * The order of the evidence sheet's text dates, from its rows below the header (dates.ts,
 * columnDateOrder); a column read month first is said once, at its first row that proves it.
 */
function evidenceDateOrder(
  grid: Grid,
  first: number,
  col: number | undefined,
  label: string,
  lang: Lang,
  issues: Issue[]
): ColumnDateOrder {
  if (col === undefined) return { order: "dayFirst", firstMonthFirst: -1, firstDayFirst: -1 };
  const values = grid.rows.slice(first).map((row) => row[col]);
  const order = columnDateOrder(values);
  if (order.order === "monthFirst") {
    const r = first + order.firstMonthFirst;
    const cell = gridAddress(grid, r, col);
    issues.push(
      makeIssue(
        "DATE_MONTH_FIRST",
        { sheet: grid.sheet, cell, field: "tanggal" },
        { label, value: String(values[order.firstMonthFirst]), other: cell },
        lang
      )
    );
  }
  return order;
}

/** A1 address of a kampung's field cell, for issues found after reading (evidence, status checks). */
export function fieldAddress(read: InputRead, row: number, field: string): string {
  const columns = read.columns;
  if (!columns) return address(0, 0);
  const index = SUB_INDICATORS.findIndex((s) => s.key === field);
  const col =
    index >= 0
      ? columns.sub[index]
      : (columns.identity[field as IdentityKey] ?? columns.identity.kampung ?? 0);
  return address(row - 1, read.originCol + (col ?? 0));
}
