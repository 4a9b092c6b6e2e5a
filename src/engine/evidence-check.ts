/**
 * The audit trail: every scored sub-indicator should have an evidence row (Bukti sheet) dated
 * within the evidence horizon (at most 3 calendar months before the assessment date, and not
 * after it) and naming a source. Dates are compared as UTC calendar days.
 */
import { Assessment } from "./assessment";
import { EvidenceRecord } from "./evidence";
import { EVIDENCE_HORIZON_MONTHS, Lang, SUB_INDICATORS } from "./framework";
import { excelRound } from "./decimal";
import { looseKey } from "./group-stats";
import { Issue, makeIssue, MessageParams } from "./issues";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the date's UTC calendar day (time of day ignored). */
export function utcDayNumber(date: Date): number {
  return Math.floor(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS
  );
}

/** `2024-05-31`: the date's UTC calendar day. */
export function isoDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/**
 * The same UTC calendar day `months` months earlier, clamped to the end of a shorter month:
 * 31 May 2024 minus 3 months is 29 February 2024 (28 February in 2023). At UTC midnight.
 */
export function subtractMonthsUtc(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

export type EvidenceTiming = "ok" | "stale" | "after";

/**
 * The evidence horizon of an assessment date as UTC day numbers: from exactly `months`
 * calendar months before it (`first`) to the assessment day itself (`last`), both included.
 */
export function horizonDays(
  assessment: Date,
  months: number = EVIDENCE_HORIZON_MONTHS
): { readonly first: number; readonly last: number } {
  return {
    first: utcDayNumber(subtractMonthsUtc(assessment, months)),
    last: utcDayNumber(assessment),
  };
}

/**
 * Where an evidence date falls relative to the assessment date: `ok` from exactly `months`
 * calendar months before it up to the assessment day itself, `stale` before, `after` after.
 */
export function evidenceTiming(
  evidence: Date,
  assessment: Date,
  months: number = EVIDENCE_HORIZON_MONTHS
): EvidenceTiming {
  return timingOf(utcDayNumber(evidence), horizonDays(assessment, months));
}

function timingOf(
  day: number,
  horizon: { readonly first: number; readonly last: number }
): EvidenceTiming {
  if (day > horizon.last) return "after";
  if (day < horizon.first) return "stale";
  return "ok";
}

export interface EvidenceCoverage {
  /** Sub-indicators with a score. */
  readonly scored: number;
  /** Of those, how many have at least one valid evidence row (in the horizon, with a source). */
  readonly covered: number;
  /** covered / scored, 4 decimals; null when nothing is scored. */
  readonly share: number | null;
}

export type EvidenceColumn = "kampung" | "field" | "date" | "source";

export interface EvidenceCheckOptions {
  readonly lang: Lang;
  /** The data sheet (where the kampung rows are). */
  readonly sheet: string;
  /** A1 address on the data sheet of a kampung row's field (`koordinasi.regulasi`, `tanggal`, ...). */
  readonly cellOf: (row: number, field: string) => string;
  /** A1 address of a cell of an evidence row; by default column A of its row. */
  readonly evidenceCellOf?: (record: EvidenceRecord, column: EvidenceColumn) => string;
  /** Months of evidence allowed before the assessment date (default 3). */
  readonly horizonMonths?: number;
}

export interface EvidenceAudit {
  /** False when no evidence sheet was given. */
  readonly given: boolean;
  /** Per assessment, in order; null when no evidence sheet was given. */
  readonly coverage: readonly (EvidenceCoverage | null)[];
  /**
   * Per assessment, the keys (`rujukan.sop`) of its scored sub-indicators with no valid
   * evidence row, in framework order; null when no evidence sheet was given (issue 15).
   */
  readonly uncovered?: readonly (readonly string[] | null)[];
  /** All kampung together; null when no evidence sheet was given. */
  readonly total: EvidenceCoverage | null;
  readonly issues: readonly Issue[];
}

function coverageOf(scored: number, covered: number): EvidenceCoverage {
  return { scored, covered, share: scored === 0 ? null : excelRound(covered / scored, 4) };
}

const SUB_INDEX: ReadonlyMap<string, number> = new Map(SUB_INDICATORS.map((s, i) => [s.key, i]));

type RowProblem = "EVIDENCE_NO_SOURCE" | "EVIDENCE_NO_DATE" | "EVIDENCE_STALE" | "EVIDENCE_AFTER";
const ROW_PROBLEM_BITS: Readonly<Record<RowProblem, number>> = {
  EVIDENCE_NO_SOURCE: 1,
  EVIDENCE_NO_DATE: 2,
  EVIDENCE_STALE: 4,
  EVIDENCE_AFTER: 8,
};

function subLabel(index: number, lang: Lang): string {
  const ref = SUB_INDICATORS[index];
  return `${ref.domain.short[lang]} - ${ref.sub.label[lang]}`;
}

export function checkEvidence(
  assessments: readonly Assessment[],
  evidence: readonly EvidenceRecord[] | null,
  options: EvidenceCheckOptions
): EvidenceAudit {
  const { lang, sheet, cellOf } = options;
  const months = options.horizonMonths ?? EVIDENCE_HORIZON_MONTHS;
  const evidenceCell = options.evidenceCellOf ?? ((r: EvidenceRecord) => `A${r.row}`);
  const issues: Issue[] = [];

  if (evidence === null) {
    const first = assessments[0];
    issues.push(
      makeIssue(
        "EVIDENCE_NONE",
        { sheet, cell: first ? cellOf(first.row, "kampung") : "A1" },
        {},
        lang
      )
    );
    const none = assessments.map(() => null);
    return { given: false, coverage: none, uncovered: none, total: null, issues };
  }

  // Evidence rows by kampung (loose name), then by sub-indicator index.
  const byName = new Map<string, (EvidenceRecord[] | undefined)[] | null>();
  for (const a of assessments) byName.set(looseKey(a.name), null);
  // Evidence of a kampung the data sheet does not have: one warning per name, at its first row,
  // with how many rows; none when no kampung was read at all (the data sheet's own error says
  // why, and every evidence row would otherwise repeat it).
  const unknown = new Map<string, { first: EvidenceRecord; rows: number }>();
  for (const record of evidence) {
    const name = looseKey(record.kampung);
    if (!byName.has(name)) {
      const seen = unknown.get(name);
      if (seen) seen.rows++;
      else unknown.set(name, { first: record, rows: 1 });
      continue;
    }
    const index = record.field === null ? undefined : SUB_INDEX.get(record.field);
    if (index === undefined) {
      issues.push(
        makeIssue(
          "EVIDENCE_FIELD_UNKNOWN",
          {
            sheet: record.sheet,
            cell: evidenceCell(record, "field"),
            kampung: record.kampung,
            field: "",
          },
          { value: record.fieldText },
          lang
        )
      );
      continue;
    }
    let slots = byName.get(name);
    if (!slots) {
      slots = new Array<EvidenceRecord[] | undefined>(SUB_INDICATORS.length);
      byName.set(name, slots);
    }
    const list = slots[index];
    if (list) list.push(record);
    else slots[index] = [record];
  }
  if (assessments.length > 0) {
    issues.unshift(
      ...[...unknown.values()].map(({ first, rows }) =>
        makeIssue(
          "EVIDENCE_KAMPUNG_UNKNOWN",
          {
            sheet: first.sheet,
            cell: evidenceCell(first, "kampung"),
            kampung: first.kampung,
            field: "kampung",
          },
          { value: first.kampung, count: rows },
          lang
        )
      )
    );
  }

  // An evidence row shared by kampung listed twice is reported once per problem.
  const reported = new Map<EvidenceRecord, number>();
  const rowIssue = (
    code: RowProblem,
    record: EvidenceRecord,
    a: Assessment,
    field: string,
    params: MessageParams
  ) => {
    const bit = ROW_PROBLEM_BITS[code];
    const seen = reported.get(record) ?? 0;
    if (seen & bit) return;
    reported.set(record, seen | bit);
    const column: EvidenceColumn = code === "EVIDENCE_NO_SOURCE" ? "source" : "date";
    issues.push(
      makeIssue(
        code,
        { sheet: record.sheet, cell: evidenceCell(record, column), kampung: a.name, field },
        params,
        lang
      )
    );
  };

  const labels = SUB_INDICATORS.map((_, i) => subLabel(i, lang));
  let undated: Assessment | null = null;
  let undatedCount = 0;
  let totalScored = 0;
  let totalCovered = 0;
  const uncoveredLists: string[][] = [];
  const coverage = assessments.map((a) => {
    const slots = byName.get(looseKey(a.name)) ?? null;
    const horizon = a.date === null ? null : horizonDays(a.date, months);
    if (a.date === null) {
      undated ??= a;
      undatedCount++;
    }
    let scored = 0;
    let covered = 0;
    const uncovered: string[] = [];
    uncoveredLists.push(uncovered);
    /** Scored sub-indicators with no evidence row: one warning for the kampung names them all. */
    const missing: number[] = [];
    for (let i = 0; i < SUB_INDICATORS.length; i++) {
      if (a.sub[i] === null || a.sub[i] === undefined) continue;
      scored++;
      const field = SUB_INDICATORS[i].key;
      const label = labels[i];
      const records = slots?.[i];
      if (!records) {
        missing.push(i);
        uncovered.push(field);
        continue;
      }
      let valid = false;
      for (const record of records) {
        let ok = true;
        if (record.source === null || record.source.trim() === "") {
          ok = false;
          rowIssue("EVIDENCE_NO_SOURCE", record, a, field, { label });
        }
        if (horizon !== null && a.date !== null) {
          if (record.date === null) {
            ok = false;
            rowIssue("EVIDENCE_NO_DATE", record, a, field, { label });
          } else {
            const timing = timingOf(utcDayNumber(record.date), horizon);
            if (timing === "stale") {
              ok = false;
              rowIssue("EVIDENCE_STALE", record, a, field, {
                label,
                value: isoDay(record.date),
                other: isoDay(subtractMonthsUtc(a.date, months)),
              });
            } else if (timing === "after") {
              ok = false;
              rowIssue("EVIDENCE_AFTER", record, a, field, {
                label,
                value: isoDay(record.date),
                other: isoDay(a.date),
              });
            }
          }
        }
        if (ok) valid = true;
      }
      if (valid) covered++;
      else uncovered.push(field);
    }
    if (missing.length > 0) {
      const field = SUB_INDICATORS[missing[0]].key;
      issues.push(
        makeIssue(
          "EVIDENCE_MISSING",
          { sheet, cell: cellOf(a.row, field), kampung: a.name, field },
          {
            count: missing.length,
            list: missing.map((i) => labels[i]).join("; "),
            label: labels[missing[0]],
          },
          lang
        )
      );
    }
    totalScored += scored;
    totalCovered += covered;
    return coverageOf(scored, covered);
  });

  if (undated !== null) {
    const first: Assessment = undated;
    issues.push(
      makeIssue(
        "EVIDENCE_DATES_UNCHECKED",
        { sheet, cell: cellOf(first.row, "tanggal"), kampung: first.name, field: "tanggal" },
        { count: undatedCount },
        lang
      )
    );
  }

  return {
    given: true,
    coverage,
    uncovered: uncoveredLists,
    total: coverageOf(totalScored, totalCovered),
    issues,
  };
}
