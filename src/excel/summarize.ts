/**
 * The whole summary inside one `Excel.run`: survey, find and read the input, score, write the
 * sheets and save the settings, reporting the result or the problem in words. The task pane's
 * button and the ribbon's one-click command both run this.
 */
import { Lang } from "../engine/framework";
import { SETARA, Weights } from "../engine/ibangga";
import { LocalEngine, SummaryEngine } from "./engine";
import { executeBatchStream } from "./execute-ops";
import { MESSAGES } from "./messages";
import { opSheet } from "./plan-write";
import { findInput } from "./read-input";
import { InputLocation, summarySettingEntries } from "./settings-codec";
import { Capabilities, surveyWorkbook, workbookFacts } from "./survey";
import { refusalMessage } from "./write-summary";

export interface SummarizeOptions {
  /** Where the input is; default: the saved location, else found automatically. */
  readonly where?: InputLocation;
  /** Default: the saved weights, else `setara`. */
  readonly weights?: Weights;
  /** Default: the saved language, else `fallbackLang`. */
  readonly lang?: Lang;
  readonly fallbackLang?: Lang;
  readonly now?: Date;
  /** The round to summarise (several rounds in the input); default: the latest. */
  readonly periode?: string;
  readonly capabilities?: Capabilities;
  readonly onProgress?: (progress: SummarizeProgress) => void;
  /**
   * Reads, scores and plans; default: a LocalEngine in this thread. The task pane passes one
   * in a Web Worker, so this thread only reads ranges and runs the planned batches.
   */
  readonly engine?: SummaryEngine;
  /** Also write KKB Profil Cetak for the kampung of this region (null: all); issue 15. */
  readonly profil?: { readonly region: string | null };
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

  const engine = options.engine ?? new LocalEngine();

  const found = await findInput(context, where, {
    lang,
    survey,
    engine,
    onProgress: (p) =>
      progress?.({
        step: "read",
        fraction: p.rowsTotal > 0 ? p.rowsRead / p.rowsTotal : 1,
        message: MESSAGES.reading(p.rowsRead, p.rowsTotal, lang),
      }),
  });
  const { view } = found;
  const errors = view.issues.filter((i) => i.severity === "error").length;
  const counts = {
    kampung: view.kampung,
    errors,
    warnings: view.issues.length - errors,
  };
  const failure = (message: string): SummarizeOutcome => ({
    ok: false,
    message,
    lang,
    ...counts,
    sheets: [],
    location: found.location,
  });
  if (view.fatal || view.kampung === 0) {
    const first = view.issues.find((i) => i.severity === "error");
    return failure(MESSAGES.noKampung(first?.message ?? "", lang));
  }

  const plan = await engine.plan({
    lang,
    weights,
    source: survey.workbookName,
    now: options.now ?? new Date(),
    facts: workbookFacts(survey),
    settings: summarySettingEntries(found.location, weights, lang),
    periode: options.periode,
    ...(options.profil ? { profil: options.profil } : {}),
  });
  if (!plan.ok) return failure(refusalMessage(plan.refusal, lang));
  await executeBatchStream(context, plan.batchCount, plan.batch, (done, total, batch) => {
    const last =
      [...batch]
        .reverse()
        .map(opSheet)
        .find((s) => s !== null) ?? "";
    progress?.({
      step: "write",
      fraction: done / total,
      message: MESSAGES.writing(last, done, total, lang),
    });
  });
  const sheets = plan.written.map((s) => s.name);
  const finalCounts = plan.counts;
  return {
    ok: true,
    message: MESSAGES.summaryWritten(finalCounts, sheets, lang),
    lang,
    ...finalCounts,
    sheets,
    location: found.location,
  };
}
