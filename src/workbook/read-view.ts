/**
 * What the task pane shows of a read and of its scores, as plain data small enough to pass
 * between threads in one message: the overview, the column map, the issues and the first
 * kampung's composites, never the assessments or every result. Pure.
 */
import { KampungResult, Results } from "../engine/assessment";
import { Lang } from "../engine/framework";
import { Issue, plainIssue } from "../engine/issues";
import { ColumnMap, InputRead, ReadOptions } from "./input";
import { describeInput, InputOverview } from "./input-overview";
import { InputSheet, isRoundSheetsRead, RoundSheet } from "./round-sheets";

/** Kampung in the pane's score preview. */
export const PREVIEW_KAMPUNG = 20;

export interface ReadView {
  readonly sheet: string;
  readonly fatal: boolean;
  /** How many kampung rows were read. */
  readonly kampung: number;
  readonly hasIbangga: boolean;
  readonly columns: ColumnMap | null;
  /** The header's 0-based sheet row (-1 when none was found). */
  readonly headerRow: number;
  readonly overview: InputOverview;
  readonly issues: readonly Issue[];
  /** The assessment rounds, oldest first, when there are two or more; else null. */
  readonly rounds: readonly { readonly label: string; readonly count: number }[] | null;
  /** The sheets that look like input (the pane offers them as rounds when there are two or more). */
  readonly inputSheets?: readonly InputSheet[];
  /** The sheets read as rounds, as picked; absent for one sheet. */
  readonly roundSheets?: readonly RoundSheet[];
}

export type PreviewKampung = Pick<KampungResult, "row" | "name" | "composite">;

export interface AnalysisView {
  /** The reader's and the analysis' issues together. */
  readonly issues: readonly Issue[];
  readonly kampung: number;
  /** The first kampung, for the preview. */
  readonly preview: readonly PreviewKampung[];
}

export function viewOfRead(read: InputRead, lang: Lang): ReadView {
  return {
    sheet: read.sheet,
    fatal: read.fatal,
    kampung: read.assessments.length,
    hasIbangga: read.hasIbangga,
    columns: read.columns,
    headerRow: read.headerRow,
    overview: describeInput(read, lang),
    issues: read.issues.map(plainIssue),
    rounds:
      read.rounds && read.rounds.list.length > 1
        ? read.rounds.list.map((r) => ({ label: r.label, count: r.count }))
        : null,
    ...(isRoundSheetsRead(read) ? { roundSheets: read.picks } : {}),
  };
}

/** The read options that read the viewed input again: its sheet, or its sheets as rounds. */
export function sameInputOfView(view: ReadView): Pick<ReadOptions, "sheet" | "sheets"> {
  return view.roundSheets ? { sheets: view.roundSheets } : { sheet: view.sheet };
}

export function viewOfResults(results: Results, max = PREVIEW_KAMPUNG): AnalysisView {
  const preview: PreviewKampung[] = [];
  const shown = Math.min(max, results.kampung.length);
  for (let i = 0; i < shown; i++) {
    const k = results.kampung[i];
    preview.push({ row: k.row, name: k.name, composite: k.composite });
  }
  return { issues: results.issues.map(plainIssue), kampung: results.kampung.length, preview };
}

/** Errors and warnings among issues. */
export function issueCounts(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
