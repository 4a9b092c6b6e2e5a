/**
 * The whole summary inside one `Excel.run`: survey, find and read the input, score, write the
 * sheets and save the settings, reporting the result or the problem in words. The task pane's
 * button and the ribbon's one-click command both run this.
 */
import { Lang } from "../engine/framework";
import { SETARA, Weights } from "../engine/ibangga";
import { buildSummary } from "../workbook/summary";
import { MESSAGES } from "./messages";
import { readInputFromWorkbook } from "./read-input";
import { InputLocation, summarySettingEntries } from "./settings-codec";
import { Capabilities, surveyWorkbook } from "./survey";
import { writeSummary } from "./write-summary";

export interface SummarizeOptions {
  /** Where the input is; default: the saved location, else found automatically. */
  readonly where?: InputLocation;
  /** Default: the saved weights, else `setara`. */
  readonly weights?: Weights;
  /** Default: the saved language, else `fallbackLang`. */
  readonly lang?: Lang;
  readonly fallbackLang?: Lang;
  readonly now?: Date;
  readonly capabilities?: Capabilities;
  readonly onProgress?: (progress: SummarizeProgress) => void;
}

export interface SummarizeProgress {
  readonly step: "read" | "write";
  /** 0 to 1. */
  readonly fraction: number;
  readonly message: string;
}

export interface SummarizeOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly lang: Lang;
  readonly kampung: number;
  readonly errors: number;
  readonly warnings: number;
  /** Names of the sheets written. */
  readonly sheets: readonly string[];
  readonly location: InputLocation | null;
}

export async function summarizeWorkbook(
  context: Excel.RequestContext,
  options: SummarizeOptions = {}
): Promise<SummarizeOutcome> {
  const survey = await surveyWorkbook(context, {
    selection: options.where?.kind === "selection",
    capabilities: options.capabilities,
  });
  const saved = survey.settings;
  const lang = options.lang ?? saved.lang ?? options.fallbackLang ?? "id";
  const weights = options.weights ?? saved.weights ?? SETARA;
  const where = options.where ?? saved.input ?? { kind: "auto" };
  const progress = options.onProgress;

  const found = await readInputFromWorkbook(context, where, {
    lang,
    survey,
    onProgress: (p) =>
      progress?.({
        step: "read",
        fraction: p.rowsTotal > 0 ? p.rowsRead / p.rowsTotal : 1,
        message: MESSAGES.reading(p.rowsRead, p.rowsTotal, lang),
      }),
  });
  const { read } = found;
  const errors = read.issues.filter((i) => i.severity === "error").length;
  const counts = {
    kampung: read.assessments.length,
    errors,
    warnings: read.issues.length - errors,
  };
  const failure = (message: string): SummarizeOutcome => ({
    ok: false,
    message,
    lang,
    ...counts,
    sheets: [],
    location: found.location,
  });
  if (read.fatal || read.assessments.length === 0) {
    const first = read.issues.find((i) => i.severity === "error");
    return failure(MESSAGES.noKampung(first?.message ?? "", lang));
  }

  const summary = buildSummary(read, {
    lang,
    weights,
    source: survey.workbookName,
    now: options.now ?? new Date(),
  });
  const written = await writeSummary(context, summary.sheets, {
    lang,
    inputSheet: read.sheet,
    survey,
    settings: summarySettingEntries(found.location, weights, lang),
    onProgress: (p) =>
      progress?.({ step: "write", fraction: p.done / p.total, message: p.message }),
  });
  if (!written.ok) return failure(written.message);
  const sheets = written.sheets.map((s) => s.name);
  const resultErrors = summary.results.issues.filter((i) => i.severity === "error").length;
  const finalCounts = {
    kampung: summary.results.kampung.length,
    errors: resultErrors,
    warnings: summary.results.issues.length - resultErrors,
  };
  return {
    ok: true,
    message: MESSAGES.summaryWritten(finalCounts, sheets, lang),
    lang,
    ...finalCounts,
    sheets,
    location: found.location,
  };
}
