/**
 * Rounds kept on separate sheets (one sheet per assessment round, the same columns): each
 * picked sheet is read on its own, then the reads are combined into one read of several rounds
 * that goes through the same round code as one table with a `Periode` column (rounds.ts,
 * round-read.ts). A sheet's round is its `Periode` column when it has one, else its name
 * (`Penilaian 2024-T1`), else the round the user typed for it. Issues keep their own sheet and
 * cell. Pure. See DESIGN.md, "Rounds", and issue 14 item 7.
 */
import { Assessment } from "../engine/assessment";
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { latestDated, orderRounds, Period, Rounds } from "../engine/rounds";
import { address, sheetAddress } from "./a1";
import { Grid } from "./grid";
import {
  ColumnMap,
  HEADER_SCAN_ROWS,
  identityKey,
  InputRead,
  isEvidenceSheet,
  isOwnOutput,
  readInput,
  ReadOptions,
  rowList,
} from "./input";
import { isoDate } from "./dates";
import { parsePeriode } from "./periode";
import { dateConflicts, roundShapes } from "./round-checks";

/** One sheet picked as a round; `periode` is the round typed for it (used before its name). */
export interface RoundSheet {
  readonly sheet: string;
  readonly periode?: string;
}

/** A sheet that looks like KKB input, as the pane lists it. */
export interface InputSheet {
  readonly sheet: string;
  /** The round its name gives (`2024-T1` for `Penilaian 2024-T1`), or null. */
  readonly nameRound: string | null;
  /** It has a `Periode` column (its rows then carry their own rounds). */
  readonly hasPeriode: boolean;
  /** The sheet is hidden or very hidden in the workbook (the pane marks it; G5). */
  readonly hidden?: boolean;
  /** Its first rows hold no kampung with a score entered (a header, or names only, so far). */
  readonly unscored?: boolean;
}

/** Where one sheet's rows sit in the combined read. */
export interface SheetPart {
  readonly sheet: string;
  readonly headerRow: number;
  readonly originCol: number;
  readonly columns: ColumnMap | null;
  readonly sourceRange: string;
  /** Index of its first assessment in the combined read, and how many it has. */
  readonly first: number;
  readonly count: number;
}

/** A read of several sheets as rounds: the combined read plus where each sheet's rows are. */
export interface RoundSheetsRead extends InputRead {
  readonly parts: readonly SheetPart[];
  /** The sheets as they were picked (to read them again: another language, hidden rows). */
  readonly picks: readonly RoundSheet[];
}

export function isRoundSheetsRead(read: InputRead): read is RoundSheetsRead {
  return "parts" in read && Array.isArray((read as RoundSheetsRead).parts);
}

/**
 * The round a sheet's name gives, parsed as a `Periode` cell (periode.ts): the whole name, else
 * its longest run of words that names a time (`Penilaian 2024-T1` -> `2024-T1`,
 * `Data Semester 2 2024` -> `Semester 2 2024`). Null when no run of words names a time.
 */
export function roundOfSheetName(name: string): Period | null {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const parsed = parsePeriode(words.slice(start, start + length).join(" "));
      if (parsed.ok) return parsed.period;
    }
  }
  return null;
}

/**
 * Rows of a sheet looked at to decide whether it is input: those the reader searches for a
 * header, and two more.
 */
const HEAD_ROWS = HEADER_SCAN_ROWS + 2;

/**
 * The sheets that look like KKB input (a header row naming sub-indicator or iBangga columns),
 * in workbook order; evidence sheets and KKB's own output sheets are not input. Only the first
 * rows of each sheet are read.
 */
export function inputSheets(grids: readonly Grid[], lang: Lang): InputSheet[] {
  const found: InputSheet[] = [];
  for (const grid of grids) {
    if (isEvidenceSheet(grid.sheet) || isOwnOutput(grid.sheet)) continue;
    const head: Grid = { ...grid, rows: grid.rows.slice(0, HEAD_ROWS), hiddenRows: undefined };
    const read = readInput([head], { lang, sheet: grid.sheet });
    const columns = read.columns;
    if (read.fatal || !columns) continue;
    const scored =
      columns.sub.some((c) => c !== null) ||
      columns.dimension.some((c) => c !== null) ||
      columns.ibanggaSub.some((s) => s.length > 0);
    if (!scored) continue;
    const entered = read.assessments.some(
      (a) => a.sub.some((v) => v !== null) || (a.dimensions?.some((v) => v !== null) ?? false)
    );
    found.push({
      sheet: grid.sheet,
      nameRound: roundOfSheetName(grid.sheet)?.label ?? null,
      hasPeriode: columns.identity.periode !== undefined,
      ...(grid.visibility === "hidden" || grid.visibility === "veryHidden" ? { hidden: true } : {}),
      ...(entered ? {} : { unscored: true }),
    });
  }
  return found;
}

/**
 * The sheets read as rounds when the user picks none: two or more visible sheets that look like
 * input and hold scores, each named for a different round (`Penilaian 2024-T3`,
 * `Penilaian 2024-T4`), in workbook order. A sheet with no score yet (the next round's blank
 * copy) is left out, never the "latest round". Null otherwise, and whenever a visible sheet has
 * its own Periode column (its rows' rounds, not its name, would decide): one sheet is read as
 * before (choose-input.ts), and the CLI names the others (SHEET_OTHER_INPUTS). Hidden sheets are
 * never read without being picked.
 */
export function roundSheetsByName(found: readonly InputSheet[]): RoundSheet[] | null {
  const visible = found.filter((s) => !s.hidden);
  if (visible.some((s) => s.hasPeriode)) return null;
  const scored = visible.filter((s) => !s.unscored);
  if (scored.length < 2 || scored.some((s) => s.nameRound === null)) return null;
  if (new Set(scored.map((s) => s.nameRound)).size !== scored.length) return null;
  return scored.map((s) => ({ sheet: s.sheet }));
}

/** One sheet's own read and the round of all its rows (null: its `Periode` column gives them). */
export interface SheetRoundRead {
  readonly read: InputRead;
  readonly period: Period | null;
}

/**
 * Reads the picked sheets (two or more) as rounds. Each is read by `readSheet` as a sheet alone
 * (choose-input.ts: hidden rows, Excel tables and hidden sheets as always). A sheet whose round
 * cannot be told (no `Periode` column, a name that names no time, nothing typed or a typed text
 * that names no time) is a `SHEET_ROUND_MISSING` error at its A1 and the read is fatal, as is a
 * sheet that is missing or has no header.
 */
export function readRoundSheets(
  picks: readonly RoundSheet[],
  readSheet: (sheet: string) => InputRead,
  lang: Lang
): RoundSheetsRead {
  const reads: SheetRoundRead[] = [];
  const problems: Issue[] = [];
  for (const pick of picks) {
    const read = readSheet(pick.sheet);
    let period: Period | null = null;
    if (!read.fatal && read.rounds?.source !== "periode") {
      const typed = pick.periode?.trim() ?? "";
      const parsed = typed === "" ? null : parsePeriode(typed);
      period = parsed ? (parsed.ok ? parsed.period : null) : roundOfSheetName(read.sheet);
      if (!period)
        problems.push(
          makeIssue(
            "SHEET_ROUND_MISSING",
            { sheet: read.sheet, cell: "A1" },
            typed === "" ? { value: read.sheet } : { value: read.sheet, label: typed },
            lang
          )
        );
    }
    reads.push({ read, period });
  }
  const combined = combineRoundReads(reads, lang);
  if (problems.length === 0) return { ...combined, picks };
  return {
    ...combined,
    assessments: [],
    issues: [...problems, ...combined.issues],
    fatal: true,
    rounds: null,
    picks,
  };
}

/**
 * One read of several rounds from the reads of single sheets, each with the round of all its
 * rows or null when its `Periode` column gives them. The rows keep their sheets' order; the
 * rounds are ordered in time as for one table (orderRounds). Issues stay at their own sheet and
 * cell; the evidence sheet's issues are said once; a kampung twice in one round (in one sheet or
 * across sheets) is a `KAMPUNG_DUPLICATE` at the later row, naming the earlier cell with its
 * sheet. The read's sheet, columns and header are those of the sheet of the latest round (the
 * current one by default: see roundRead for another); `sourceRange` lists every sheet's range.
 * Fatal when any sheet's read is (a sheet missing or without a header), with every issue.
 */
export function combineRoundReads(
  reads: readonly SheetRoundRead[],
  lang: Lang
): Omit<RoundSheetsRead, "picks"> {
  const first = reads[0]?.read;
  if (!first) throw new RangeError("combineRoundReads needs at least one read");
  const assessments: Assessment[] = [];
  const periods: (Period | null)[] = [];
  // The rounds given by a sheet's name (not its own Periode column, whose read checked them).
  const named: (Period | null)[] = [];
  const issues: Issue[] = [];
  const parts: SheetPart[] = [];
  reads.forEach(({ read, period }, index) => {
    const ownRounds = read.rounds?.source === "periode" ? read.rounds : null;
    for (const issue of read.issues) {
      // Found again below over all the rows; said once for the evidence sheet.
      if (issue.code === "KAMPUNG_DUPLICATE") continue;
      if (issue.code === "PERIODE_MISSING" && !ownRounds) continue;
      if (index > 0 && issue.sheet !== read.sheet) continue;
      issues.push(issue);
    }
    parts.push({
      sheet: read.sheet,
      headerRow: read.headerRow,
      originCol: read.originCol,
      columns: read.columns,
      sourceRange: read.sourceRange,
      first: assessments.length,
      count: read.assessments.length,
    });
    read.assessments.forEach((a, i) => {
      assessments.push(a);
      periods.push(ownRounds ? ownRounds.list[ownRounds.of[i]] : period);
      named.push(ownRounds ? null : period);
    });
  });
  const fatal = reads.some((r) => r.read.fatal);
  const rounds = fatal ? null : orderRounds(periods, "lembar");
  if (rounds) {
    issues.push(...duplicates(assessments, rounds, parts, lang));
    issues.push(...roundIssues(assessments, named, rounds, parts, lang));
  }
  const main = parts[latestPart(parts, rounds)];
  return {
    sheet: main.sheet,
    headerRow: main.headerRow,
    originCol: main.originCol,
    columns: main.columns,
    assessments: fatal ? [] : assessments,
    evidence: first.evidence,
    evidenceCellOf: first.evidenceCellOf,
    issues,
    hasIbangga: reads.some((r) => r.read.hasIbangga),
    sourceRange: parts.map((p) => p.sourceRange).join("; "),
    fatal,
    rounds,
    parts,
  };
}

/**
 * What round-checks.ts finds of the rounds read from sheets, as for one table: a round inside
 * another or a small latest round, at the A1 of the sheet of the round's first row; assessment
 * dates outside the round a sheet's name gives, at the first such row's date cell.
 */
function roundIssues(
  assessments: readonly Assessment[],
  named: readonly (Period | null)[],
  rounds: Rounds,
  parts: readonly SheetPart[],
  lang: Lang
): Issue[] {
  const partOf = (i: number) => parts.find((p) => i >= p.first && i < p.first + p.count)!;
  const issues = roundShapes(rounds).map((shape) =>
    makeIssue(
      shape.code,
      { sheet: partOf(rounds.of.indexOf(shape.round)).sheet, cell: "A1" },
      shape.params,
      lang
    )
  );
  const rows = dateConflicts(
    named,
    assessments.map((a) => a.date)
  );
  if (rows.length > 0) {
    const first = rows[0];
    const part = partOf(first);
    const col = part.columns?.identity.tanggal ?? 0;
    const a = assessments[first];
    issues.push(
      makeIssue(
        "PERIODE_DATE_CONFLICT",
        { sheet: part.sheet, cell: address(a.row - 1, part.originCol + col), field: "tanggal" },
        {
          count: rows.length,
          list: rowList(rows.map((i) => `${assessments[i].row} (${partOf(i).sheet})`)),
          value: isoDate(a.date!),
          other: named[first]!.label,
        },
        lang
      )
    );
  }
  return issues;
}

/** The index of the (last) part holding rows of the latest round; 0 without rounds. */
function latestPart(parts: readonly SheetPart[], rounds: Rounds | null): number {
  if (!rounds) return 0;
  return partIndexOfRound(parts, rounds, latestDated(rounds.list));
}

/** The index of the last part holding rows of round `round` (0 when none does). */
function partIndexOfRound(parts: readonly SheetPart[], rounds: Rounds, round: number): number {
  for (let p = parts.length - 1; p >= 0; p--) {
    const { first, count } = parts[p];
    for (let i = first; i < first + count; i++) if (rounds.of[i] === round) return p;
  }
  return 0;
}

/**
 * The sheet fields (sheet, header, columns, range) of the sheet holding round `round`'s rows,
 * for a read of several sheets; an empty object for any other read. Round-read.ts applies them
 * so that what is found after reading (status checks) points at the round's own sheet.
 */
export function sheetOfRound(
  read: InputRead,
  round: number
): Partial<Pick<InputRead, "sheet" | "headerRow" | "originCol" | "columns" | "sourceRange">> {
  if (!isRoundSheetsRead(read) || !read.rounds) return {};
  const part = read.parts[partIndexOfRound(read.parts, read.rounds, round)];
  return {
    sheet: part.sheet,
    headerRow: part.headerRow,
    originCol: part.originCol,
    columns: part.columns,
    sourceRange: part.sourceRange,
  };
}

/** The same kampung (name and region, case ignored) twice in one round, at the later row. */
function duplicates(
  assessments: readonly Assessment[],
  rounds: Rounds,
  parts: readonly SheetPart[],
  lang: Lang
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, { part: SheetPart; cell: string }>();
  for (const part of parts) {
    const col = part.originCol + (part.columns?.identity.kampung ?? 0);
    for (let i = part.first; i < part.first + part.count; i++) {
      const a = assessments[i];
      const { desa, kecamatan, kabupaten, provinsi } = a.region;
      const key = `${rounds.of[i]}|${identityKey(a.name, desa, kecamatan, kabupaten, provinsi)}`;
      const cell = address(a.row - 1, col);
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { part, cell });
        continue;
      }
      const other =
        earlier.part === part ? earlier.cell : sheetAddress(earlier.part.sheet, earlier.cell);
      issues.push(
        makeIssue(
          "KAMPUNG_DUPLICATE",
          { sheet: part.sheet, cell, kampung: a.name, field: "kampung" },
          { value: a.name, other, label: rounds.list[rounds.of[i]].label },
          lang
        )
      );
    }
  }
  return issues;
}

/** The read options that read the same input again (one sheet, or the same sheets as rounds). */
export function sameInputOptions(read: InputRead): Pick<ReadOptions, "sheet" | "sheets"> {
  return isRoundSheetsRead(read) ? { sheets: read.picks } : { sheet: read.sheet };
}
