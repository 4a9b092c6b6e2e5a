/**
 * Writes the summary sheets: checks protection and ownership first (a refusal changes nothing),
 * deletes only the sheets KKB owns, renders the specs batch by batch, and saves the owned list
 * and the settings in the workbook.
 */
import { Lang } from "../engine/framework";
import { SheetSpec } from "../workbook/sheet-spec";
import { executeBatches } from "./execute-ops";
import { MESSAGES } from "./messages";
import { OwnedEntry } from "./plan-names";
import { isRefusal, planSummaryWrite, WriteRefusal } from "./plan-summary";
import { opSheet } from "./plan-write";
import { Capabilities, surveyWorkbook, workbookFacts, WorkbookSurvey } from "./survey";

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
  /** The step in words, in the UI language. */
  readonly message: string;
}

export interface WriteSummaryOptions {
  readonly lang: Lang;
  /** The sheet the input was read from: never written. */
  readonly inputSheet: string | null;
  /** Settings saved with the summary (see settings-codec.ts). */
  readonly settings?: readonly { readonly key: string; readonly value: string }[];
  /** A survey taken in the same `Excel.run` (saves two syncs). */
  readonly survey?: WorkbookSurvey;
  readonly capabilities?: Capabilities;
  readonly onProgress?: (progress: WriteProgress) => void;
}

export type WriteOutcome =
  | {
      readonly ok: true;
      readonly sheets: readonly OwnedEntry[];
      readonly deleted: readonly string[];
      readonly batches: number;
    }
  | { readonly ok: false; readonly refusal: WriteRefusal; readonly message: string };

export function refusalMessage(refusal: WriteRefusal, lang: Lang): string {
  switch (refusal.problem) {
    case "workbook-protected":
      return MESSAGES.workbookProtected(lang);
    case "sheet-protected":
      return MESSAGES.sheetProtected(refusal.sheets, lang);
    case "input-in-owned-sheet":
      return MESSAGES.inputInOwnedSheet(refusal.sheets, lang);
  }
}

export async function writeSummary(
  context: Excel.RequestContext,
  sheets: readonly SheetSpec[],
  options: WriteSummaryOptions
): Promise<WriteOutcome> {
  const survey =
    options.survey ?? (await surveyWorkbook(context, { capabilities: options.capabilities }));
  const plan = planSummaryWrite({
    specs: sheets,
    facts: workbookFacts(survey),
    inputSheet: options.inputSheet,
    settings: options.settings,
  });
  if (isRefusal(plan))
    return { ok: false, refusal: plan, message: refusalMessage(plan, options.lang) };
  await executeBatches(context, plan.batches, (done, total, batch) => {
    const last =
      [...batch]
        .reverse()
        .map(opSheet)
        .find((s) => s !== null) ?? "";
    options.onProgress?.({
      done,
      total,
      message: MESSAGES.writing(last, done, total, options.lang),
    });
  });
  return { ok: true, sheets: plan.written, deleted: plan.deleted, batches: plan.batches.length };
}
