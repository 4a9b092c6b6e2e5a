/**
 * Inserts the input template (`KKB Input`, `KKB Bukti`). A template sheet that exists already is
 * never changed; when both exist, nothing is written and the message says so.
 */
import { Lang } from "../engine/framework";
import { templateSheets } from "../workbook/template";
import { executeBatches } from "./execute-ops";
import { MESSAGES } from "./messages";
import { isRefusal, planTemplateWrite } from "./plan-summary";
import { refusalMessage } from "./write-summary";
import { Capabilities, surveyWorkbook, workbookFacts } from "./survey";

export interface TemplateOutcome {
  /** Whether anything was written. */
  readonly inserted: boolean;
  readonly sheets: readonly string[];
  readonly existing: readonly string[];
  readonly message: string;
}

export async function insertTemplate(
  context: Excel.RequestContext,
  lang: Lang,
  options: { readonly capabilities?: Capabilities } = {}
): Promise<TemplateOutcome> {
  const survey = await surveyWorkbook(context, { capabilities: options.capabilities });
  const plan = planTemplateWrite(templateSheets(lang), workbookFacts(survey));
  if (isRefusal(plan)) {
    return { inserted: false, sheets: [], existing: [], message: refusalMessage(plan, lang) };
  }
  if (plan.written.length === 0) {
    return {
      inserted: false,
      sheets: [],
      existing: plan.existing,
      message: MESSAGES.templateExists(plan.existing, lang),
    };
  }
  await executeBatches(context, plan.batches);
  const sheets = plan.written.map((w) => w.name);
  return {
    inserted: true,
    sheets,
    existing: plan.existing,
    message: MESSAGES.templateInserted(sheets, plan.existing, lang),
  };
}
