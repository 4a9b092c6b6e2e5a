/**
 * What the reader found, in words the pane can show: how many kampung, which of the 15
 * sub-indicators and of the iBangga columns were recognised, what is missing, and the issues by
 * severity. Pure.
 */
import { DIMENSIONS, Lang, SUB_INDICATORS } from "../engine/framework";
import { Issue, plainIssue } from "../engine/issues";
import { InputRead, subIndicatorLabel } from "./input";

export interface InputOverview {
  readonly sheet: string;
  readonly sourceRange: string;
  readonly kampung: number;
  /** Labels of the sub-indicators with a column, in framework order. */
  readonly subIndicatorsFound: readonly string[];
  readonly subIndicatorsMissing: readonly string[];
  /** How iBangga is given: dimension columns, sub-indicator columns per dimension, or not at all. */
  readonly ibangga: "dimensions" | "sub-indicators" | "mixed" | "none";
  readonly dimensionsMissing: readonly string[];
  /**
   * The first errors (at most FIRST_ERRORS), as plain data: a view crosses to the pane's page in
   * a message, whose structured clone drops a catalogue issue's message (a getter).
   */
  readonly errors: readonly Issue[];
  /** Nothing could be read (no sheet or no header row). */
  readonly fatal: boolean;
}

/** Errors an overview carries: those the pane shows when nothing could be read. */
export const FIRST_ERRORS = 3;

function firstErrors(issues: readonly Issue[]): Issue[] {
  const errors: Issue[] = [];
  for (const issue of issues) {
    if (issue.severity !== "error") continue;
    errors.push(plainIssue(issue));
    if (errors.length === FIRST_ERRORS) break;
  }
  return errors;
}

export function describeInput(read: InputRead, lang: Lang): InputOverview {
  const columns = read.columns;
  const found: string[] = [];
  const missing: string[] = [];
  SUB_INDICATORS.forEach((s, i) => {
    (columns?.sub[i] != null ? found : missing).push(subIndicatorLabel(s.index, lang));
  });
  const byDimension = DIMENSIONS.map((_, d) => ({
    column: columns?.dimension[d] != null,
    subs: (columns?.ibanggaSub[d]?.length ?? 0) > 0,
  }));
  const withColumn = byDimension.filter((d) => d.column).length;
  const withSubs = byDimension.filter((d) => !d.column && d.subs).length;
  const ibangga = !read.hasIbangga
    ? "none"
    : withSubs === 0
      ? "dimensions"
      : withColumn === 0
        ? "sub-indicators"
        : "mixed";
  return {
    sheet: read.sheet,
    sourceRange: read.sourceRange,
    kampung: read.assessments.length,
    subIndicatorsFound: found,
    subIndicatorsMissing: missing,
    ibangga,
    dimensionsMissing: read.hasIbangga
      ? DIMENSIONS.filter((_, d) => !byDimension[d].column && !byDimension[d].subs).map(
          (d) => d.label[lang]
        )
      : [],
    errors: firstErrors(read.issues),
    fatal: read.fatal,
  };
}
