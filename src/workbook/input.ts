/**
 * The input reader: finds the header row, maps columns to fields, and turns every kampung
 * row into an Assessment, with an Issue (severity, sheet, A1 cell, kampung, field, code,
 * message) for everything that is wrong. Bad cells never stop the other cells or rows.
 */
import { Assessment, Region } from "../engine/assessment";
import { CellValue, isBlank } from "../engine/cell";
import { dimensionScore } from "../engine/ibangga";
import { EvidenceRecord } from "../engine/evidence";
import { EvidenceColumn } from "../engine/evidence-check";
import {
  DIMENSIONS,
  DOMAINS,
  IBANGGA_MAX,
  IBANGGA_MIN,
  Lang,
  RUBRIC_STEPS,
  SUB_INDICATOR_COUNT,
  SUB_INDICATORS,
} from "../engine/framework";
import { Issue, IssueCode, makeIssue, MessageParams } from "../engine/issues";
import { parseIbangga, parseRubric, ParsedValue } from "../engine/score";
import { address, sheetAddress, rangeAddress } from "./a1";
import { isoDate, parseDateCell } from "./dates";
import { Grid, gridAddress, gridFromRows } from "./grid";
import { Field, IdentityKey, matchHeader, normaliseHeader, matchSubIndicator } from "./headers";

/** Where an evidence row's cell is on the evidence sheet. */
export type EvidenceCellOf = (record: EvidenceRecord, column: EvidenceColumn) => string;

export interface ReadOptions {
  readonly lang: Lang;
  /** Read this sheet; otherwise the best-matching sheet. */
  readonly sheet?: string;
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
}

const HEADER_SCAN_ROWS = 10;
const MIN_HEADER_MATCHES = 2;
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
  readonly row: number; // grid row
  readonly fields: (Field | null)[];
  readonly matches: number;
}

function guessHeader(grid: Grid): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const fields = grid.rows[r].map((cell) =>
      typeof cell === "string" ? matchHeader(cell) : null
    );
    const matches = fields.filter((f) => f !== null).length;
    if (matches >= MIN_HEADER_MATCHES && (!best || matches > best.matches))
      best = { row: r, fields, matches };
  }
  return best;
}

function isEvidenceSheet(name: string): boolean {
  return EVIDENCE_SHEETS.has(normaliseHeader(name));
}

/** Output sheets of KKB are never input, except the template's `KKB Input`. */
function isOwnOutput(name: string): boolean {
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
  // The same as RUBRIC_STEPS.includes(value), spelled out: this runs for every score cell.
  return value === 0 || value === 0.5 || value === 1 || value === 1.5 || value === 2;
}
if (RUBRIC_STEPS.join() !== "0,0.5,1,1.5,2")
  throw new Error("isRubricStep must follow RUBRIC_STEPS");

/** Reads kampung rows (and the evidence sheet, if any) from the grids of a workbook. */
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
  const { grid, header } = chosen;
  if (!header) {
    issues.push(
      makeIssue(
        "HEADER_NOT_FOUND",
        { sheet: grid.sheet, cell: gridAddress(grid, 0, 0) },
        { list: expectedHeaders(lang) },
        lang
      )
    );
    return emptyRead(grid.sheet, issues, evidence, evidenceCell);
  }

  const headerAt = (col: number) => gridAddress(grid, header.row, col);
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
  columns.sub.forEach((col, index) => {
    if (col === null) {
      issues.push(
        makeIssue(
          "COLUMN_MISSING",
          { sheet: grid.sheet, cell: headerAt(0), field: SUB_INDICATORS[index].key },
          { label: subIndicatorLabel(index, lang) },
          lang
        )
      );
    }
  });
  const kampungCol = columns.identity.kampung;
  if (kampungCol === undefined) {
    issues.push(
      makeIssue(
        "KAMPUNG_COLUMN_MISSING",
        { sheet: grid.sheet, cell: headerAt(0), field: "kampung" },
        {},
        lang
      )
    );
  }
  const hasIbangga =
    columns.dimension.some((c) => c !== null) || columns.ibanggaSub.some((s) => s.length > 0);

  const rows = new RowReader(grid, columns, hasIbangga, lang, issues);
  const assessments: Assessment[] = [];
  let lastRow = header.row;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const assessment = rows.read(r);
    if (assessment) {
      assessments.push(assessment);
      lastRow = r;
    }
  }

  if (assessments.length === 0) {
    issues.push(makeIssue("NO_ROWS", { sheet: grid.sheet, cell: headerAt(0) }, {}, lang));
  }
  const width = header.fields.length;
  return {
    sheet: grid.sheet,
    headerRow: grid.originRow + header.row,
    originCol: grid.originCol,
    columns,
    assessments,
    evidence,
    evidenceCellOf: evidenceCell,
    issues,
    hasIbangga,
    sourceRange: sheetAddress(
      grid.sheet,
      rangeAddress(grid.originRow + header.row, grid.originCol, lastRow - header.row + 1, width)
    ),
    fatal: false,
  };
}

/**
 * Rows seen so far, by duplicate key, without building the key for every row: an open-addressing
 * table (typed arrays, sized for every row of the sheet, at most half full) holds a 32-bit hash
 * of each key (ASCII case folded in place) and the row where it first appeared. The key itself is
 * built only when two rows share a hash, to tell a duplicate from a collision.
 */
class DuplicateIndex {
  /** Per slot, two numbers side by side: the hash, and the grid row + 1 of the first row with that hash (0: a free slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Keys whose hash an earlier, different key already took, to their first grid row. */
  private readonly collided = new Map<string, number>();

  constructor(
    rows: number,
    private readonly keys: { identityKey(r: number): string }
  ) {
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The grid row where the same kampung first appeared, or undefined (then row r is remembered). */
  firstOf(
    r: number,
    name: string,
    desa: string | null,
    kecamatan: string | null,
    kabupaten: string | null,
    provinsi: string | null
  ): number | undefined {
    let h = hashText(FNV_OFFSET, name);
    h = hashText(Math.imul(h ^ SEPARATOR, FNV_PRIME), desa);
    h = hashText(Math.imul(h ^ SEPARATOR, FNV_PRIME), kecamatan);
    h = hashText(Math.imul(h ^ SEPARATOR, FNV_PRIME), kabupaten);
    h = hashText(Math.imul(h ^ SEPARATOR, FNV_PRIME), provinsi);
    const slots = this.slots;
    let slot = (h ^ (h >>> 16)) & this.mask;
    while (slots[slot * 2 + 1] !== 0) {
      if (slots[slot * 2] === h) return this.sameHash(r, slots[slot * 2 + 1] - 1);
      slot = (slot + 1) & this.mask;
    }
    slots[slot * 2] = h;
    slots[slot * 2 + 1] = r + 1;
    return undefined;
  }

  private sameHash(r: number, first: number): number | undefined {
    const key = this.keys.identityKey(r);
    if (key === this.keys.identityKey(first)) return first;
    const earlier = this.collided.get(key);
    if (earlier === undefined) this.collided.set(key, r);
    return earlier;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SEPARATOR = 124; // "|"

/** FNV-1a over the text in lower case (as `toLowerCase` gives it); null hashes as "". */
function hashText(start: number, text: string | null): number {
  if (text === null) return start;
  let h = start;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Beyond ASCII, lower case is not always one character for one: hash toLowerCase's text.
    if (c >= 128) return hashChars(start, text.toLowerCase());
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
  }
  return h;
}

function hashChars(start: number, text: string): number {
  let h = start;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Reads one kampung row at a time; the hot path allocates only what the assessment keeps. */
class RowReader {
  /*
   * V8 holds the hidden classes of class instances, and the closures its optimised code calls,
   * only weakly. Once the last RowReader (with its DuplicateIndex) is collected, the optimised
   * code of the row loop, which checks those classes, is thrown away, and the next sheet is read
   * in the interpreter until V8 optimises again (a third of the reading time). Hence a reader of
   * an empty sheet, kept as long as the class (it keeps the hidden classes alive), and no closure
   * per reader in the row loop (DuplicateIndex calls the reader's identityKey method).
   */
  static readonly keepHiddenClasses = new RowReader(
    gridFromRows("", []),
    { identity: {}, sub: [], dimension: [], ibanggaSub: [] },
    false,
    "id",
    []
  );

  /** Every column the reader looks at: a row is blank when all of them are. */
  private readonly usedCols: number[];
  private readonly subLabels: string[];
  private readonly subCols: (number | null)[];
  /** The row's values as they are read; the assessment keeps a copy (see survivingCopy15). */
  private readonly subScratch: (number | null)[] = new Array(SUB_INDICATOR_COUNT).fill(null);
  private readonly dimensionScratch: (number | null)[] = new Array(DIMENSIONS.length).fill(null);
  private readonly dimensionFields: string[];
  private readonly duplicates: DuplicateIndex;
  private readonly kampungCol: number | undefined;
  private readonly desaCol: number | undefined;
  private readonly kecamatanCol: number | undefined;
  private readonly kabupatenCol: number | undefined;
  private readonly provinsiCol: number | undefined;
  private readonly statusCol: number | undefined;

  constructor(
    private readonly grid: Grid,
    private readonly columns: ColumnMap,
    private readonly hasIbangga: boolean,
    private readonly lang: Lang,
    private readonly issues: Issue[]
  ) {
    this.usedCols = [
      ...Object.values(columns.identity),
      ...columns.sub.filter((c): c is number => c !== null),
      ...columns.dimension.filter((c): c is number => c !== null),
      ...columns.ibanggaSub.flatMap((s) => s.map((x) => x.col)),
    ];
    this.subLabels = SUB_INDICATORS.map((ref) => subIndicatorLabel(ref.index, lang));
    this.subCols = [...columns.sub];
    this.dimensionFields = DIMENSIONS.map((d) => `ibangga.${d.key}`);
    this.duplicates = new DuplicateIndex(grid.rows.length, this);
    const { identity } = columns;
    this.kampungCol = identity.kampung;
    this.desaCol = identity.desa;
    this.kecamatanCol = identity.kecamatan;
    this.kabupatenCol = identity.kabupaten;
    this.provinsiCol = identity.provinsi;
    this.statusCol = identity.status;
  }

  /** The assessment of grid row r, or null for a blank row. */
  read(r: number): Assessment | null {
    const row = this.grid.rows[r];
    if (!row || this.isBlankRow(row)) return null;
    const sheetRow = this.grid.originRow + r;
    let name = this.text(row, this.kampungCol);
    if (name === null) {
      if (this.kampungCol !== undefined)
        this.report("KAMPUNG_MISSING", r, this.kampungCol, "", "kampung", {});
      name = this.unnamed(sheetRow);
    }
    const region: Region = {
      desa: this.text(row, this.desaCol),
      kecamatan: this.text(row, this.kecamatanCol),
      kabupaten: this.text(row, this.kabupatenCol),
      provinsi: this.text(row, this.provinsiCol),
    };
    this.checkDuplicate(r, name, region);
    return {
      row: sheetRow + 1,
      name,
      status: this.text(row, this.statusCol),
      region,
      date: this.date(r, row, name),
      sub: this.subIndicators(r, row, name),
      dimensions: this.hasIbangga ? this.dimensions(r, row, name) : null,
    };
  }

  private unnamed(sheetRow: number): string {
    return this.lang === "id" ? `(baris ${sheetRow + 1})` : `(row ${sheetRow + 1})`;
  }

  private isBlankRow(row: readonly CellValue[]): boolean {
    for (const c of this.usedCols) if (!isBlank(row[c])) return false;
    return true;
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

  /** The same name in another village is another kampung; case does not count. */
  private checkDuplicate(r: number, name: string, region: Region): void {
    const first = this.duplicates.firstOf(
      r,
      name,
      region.desa,
      region.kecamatan,
      region.kabupaten,
      region.provinsi
    );
    if (first === undefined) return;
    const col = this.kampungCol ?? 0;
    this.report("KAMPUNG_DUPLICATE", r, col, name, "kampung", {
      value: name,
      other: gridAddress(this.grid, first, col),
    });
  }

  /** The duplicate key of grid row r (a row already read, so not blank). */
  identityKey(r: number): string {
    const row = this.grid.rows[r];
    return identityKey(
      this.text(row, this.kampungCol) ?? this.unnamed(this.grid.originRow + r),
      this.text(row, this.desaCol),
      this.text(row, this.kecamatanCol),
      this.text(row, this.kabupatenCol),
      this.text(row, this.provinsiCol)
    );
  }

  private subIndicators(r: number, row: readonly CellValue[], kampung: string): (number | null)[] {
    const sub = this.subScratch;
    for (let i = 0; i < SUB_INDICATOR_COUNT; i++) {
      const col = this.subCols[i];
      const raw = col === null ? null : row[col];
      if (typeof raw === "number" && isRubricStep(raw)) {
        sub[i] = raw; // the common case, without allocations
      } else if (col === null) {
        sub[i] = null; // reported once for the column
      } else {
        sub[i] = this.subIndicatorOffPath(r, col, raw, i, kampung);
      }
    }
    return survivingCopy15(sub);
  }

  /*
   * The values that need a closer look (text, off-rubric, blank, errors), in methods of their
   * own, away from the row loops: a closure in a loop makes V8 allocate a context for the loop's
   * variables on every row and iteration, whether or not the closure is ever created.
   */
  private subIndicatorOffPath(
    r: number,
    col: number,
    raw: CellValue,
    i: number,
    kampung: string
  ): number | null {
    const label = this.subLabels[i];
    const field = SUB_INDICATORS[i].key;
    return takeValue(
      parseRubric(raw),
      SCORE_CODES,
      "SCORE_TEXT",
      "SCORE_OFF_RUBRIC",
      (code, value) => this.report(code, r, col, kampung, field, { value, label, min: 0, max: 2 })
    );
  }

  private dimensions(r: number, row: readonly CellValue[], kampung: string): (number | null)[] {
    const values = this.dimensionScratch;
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const col = this.columns.dimension[d];
      if (col !== null) {
        const raw = row[col];
        if (typeof raw === "number" && raw >= IBANGGA_MIN && raw <= IBANGGA_MAX) {
          values[d] = raw;
        } else {
          values[d] = this.dimensionOffPath(r, col, raw, d, kampung);
        }
        continue;
      }
      const subs = this.columns.ibanggaSub[d];
      values[d] = subs.length === 0 ? null : this.dimensionFromSubs(r, row, d, kampung);
    }
    return survivingCopy3(values);
  }

  private dimensionOffPath(
    r: number,
    col: number,
    raw: CellValue,
    d: number,
    kampung: string
  ): number | null {
    const label = dimensionLabel(d, this.lang);
    const field = this.dimensionFields[d];
    return takeValue(parseIbangga(raw), IBANGGA_CODES, "IBANGGA_TEXT", null, (code, value) =>
      this.report(code, r, col, kampung, field, { value, label })
    );
  }

  private dimensionFromSubs(
    r: number,
    row: readonly CellValue[],
    d: number,
    kampung: string
  ): number | null {
    const field = this.dimensionFields[d];
    const subValues = this.columns.ibanggaSub[d].map(({ col: c, name }) =>
      takeValue(parseIbangga(row[c]), IBANGGA_CODES, "IBANGGA_TEXT", null, (code, value) =>
        this.report(code, r, c, kampung, `${field}:${name}`, {
          value,
          label: `${DIMENSIONS[d].label[this.lang]}: ${name}`,
        })
      )
    );
    return dimensionScore(subValues);
  }

  private date(r: number, row: readonly CellValue[], kampung: string): Date | null {
    const col = this.columns.identity.tanggal;
    if (col === undefined) return null;
    const raw = row[col];
    const parsed = parseDateCell(raw);
    const label = this.lang === "id" ? "Tanggal penilaian" : "Assessment date";
    if (parsed.ok) {
      if (parsed.fromText) {
        this.report("DATE_TEXT", r, col, kampung, "tanggal", {
          label,
          value: String(raw),
          other: isoDate(parsed.date),
        });
      }
      return parsed.date;
    }
    if (!parsed.blank) {
      this.report("DATE_INVALID", r, col, kampung, "tanggal", {
        label,
        value: cellText(raw) ?? "",
      });
    }
    return null;
  }
}

/*
 * Every assessment keeps its value arrays for as long as the results live. Copied with an array
 * literal, they come from one allocation site that V8 watches: seeing the copies survive, it
 * allocates them directly in the old generation, instead of copying each twice through the
 * young one (a third of the reading time for a national workbook).
 */
if (SUB_INDICATOR_COUNT !== 15 || DIMENSIONS.length !== 3) {
  throw new Error("survivingCopy15/3 must follow the framework's counts");
}

function survivingCopy15(v: readonly (number | null)[]): (number | null)[] {
  return [
    v[0],
    v[1],
    v[2],
    v[3],
    v[4],
    v[5],
    v[6],
    v[7],
    v[8],
    v[9],
    v[10],
    v[11],
    v[12],
    v[13],
    v[14],
  ];
}

function survivingCopy3(v: readonly (number | null)[]): (number | null)[] {
  return [v[0], v[1], v[2]];
}

/**
 * Turns a parsed value into a number or null, reporting problems and notes through `report`
 * (with the value as the message shows it).
 */
function takeValue(
  parsed: ParsedValue,
  codes: Record<"missing" | "not-a-number" | "cell-error" | "out-of-range", IssueCode>,
  textCode: IssueCode,
  offRubricCode: IssueCode | null,
  report: (code: IssueCode, value: string) => void
): number | null {
  if (!parsed.ok) {
    report(codes[parsed.problem], parsed.shown);
    return null;
  }
  for (const note of parsed.notes) {
    if (note === "text-number") report(textCode, String(parsed.value));
    else if (offRubricCode) report(offRubricCode, String(parsed.value));
  }
  return parsed.value;
}

/** The duplicate key: name and region, lower case (the form the rows are compared in). */
function identityKey(
  name: string,
  desa: string | null,
  kecamatan: string | null,
  kabupaten: string | null,
  provinsi: string | null
): string {
  return `${name}|${desa ?? ""}|${kecamatan ?? ""}|${kabupaten ?? ""}|${provinsi ?? ""}`.toLowerCase();
}

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
  if (headerRow < 0) return { records: [], originCol: grid.originCol, columns: {} };
  const records: EvidenceRecord[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const get = (key: keyof typeof cols) => (cols[key] === undefined ? null : row[cols[key]!]);
    const kampung = cellText(get("kampung"));
    const fieldText = cellText(get("field")) ?? "";
    if (kampung === null && !fieldText) continue;
    const subIndex = matchSubIndicator(fieldText);
    const parsedDate = parseDateCell(get("date"));
    if (!parsedDate.ok && !parsedDate.blank && cols.date !== undefined) {
      issues.push(
        makeIssue(
          "DATE_INVALID",
          {
            sheet: grid.sheet,
            cell: gridAddress(grid, r, cols.date),
            kampung: kampung ?? "",
            field: "tanggal",
          },
          {
            label: lang === "id" ? "Tanggal bukti" : "Evidence date",
            value: cellText(get("date")) ?? "",
          },
          lang
        )
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
  return { records, originCol: grid.originCol, columns: cols };
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
