/**
 * The ribbon's one-click summary: the same summary as the pane's button, with the saved input
 * location, weights and language (or the input found and the defaults), reported in words so
 * the caller can show it without the pane.
 */
import { Lang } from "../engine/framework";
import { MESSAGES } from "../excel/messages";
import { summarizeWorkbook, SummarizeOutcome } from "../excel/summarize";
import { paneEngine } from "../taskpane/engine-client";

export interface OneClickOutcome {
  readonly ok: boolean;
  /** The result or the problem, in the workbook's KKB language (Indonesian by default). */
  readonly message: string;
  readonly summary: SummarizeOutcome | null;
}

/** Indonesian unless Office shows English. */
export function officeLang(): Lang {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const display = office?.context?.displayLanguage ?? "";
  return /^en/i.test(display) ? "en" : "id";
}

function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  return typeof e?.code === "string" ? `${e.code}: ${message}` : message;
}

export async function runOneClickSummary(): Promise<OneClickOutcome> {
  const lang = officeLang();
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel) return { ok: false, message: MESSAGES.notInExcel(lang), summary: null };
  try {
    const summary = await excel.run((context) =>
      // Reading, scoring and planning run in the engine's worker: the pane stays responsive.
      summarizeWorkbook(context, { fallbackLang: lang, engine: paneEngine() })
    );
    return { ok: summary.ok, message: summary.message, summary };
  } catch (error) {
    return { ok: false, message: MESSAGES.failed(errorText(error), lang), summary: null };
  }
}
