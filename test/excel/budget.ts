/**
 * The office.js budgets measured against the fake: sync calls and the largest request and
 * response of a whole one-click summary, for the study's 4 kampung and for the national 84,276.
 * `npm run bench` can call `measureOfficeBudgets()`; the tests assert the same numbers.
 */
import { summarizeWorkbook, SummarizeOutcome } from "../../src/excel/summarize";
import { FakeContext, WorkbookModel } from "./fake-excel";
import { exampleWorkbook, NATIONAL_KAMPUNG, nationalWorkbook } from "./workbooks";

export interface BudgetMeasure {
  readonly kampung: number;
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly milliseconds: number;
  readonly outcome: SummarizeOutcome;
}

export const FIXED_NOW = new Date(2025, 0, 15, 9, 30);

export async function measureSummary(
  model: WorkbookModel
): Promise<BudgetMeasure & { context: FakeContext }> {
  const context = new FakeContext(model);
  const start = performance.now();
  const outcome = await summarizeWorkbook(context.asExcel(), { now: FIXED_NOW });
  return {
    kampung: outcome.kampung,
    syncs: context.syncCount,
    largestRequestBytes: context.largestRequest,
    largestResponseBytes: context.largestResponse,
    milliseconds: Math.round(performance.now() - start),
    outcome,
    context,
  };
}

/** Sync counts and largest payloads for 4 and 84,276 kampung. */
export async function measureOfficeBudgets(): Promise<BudgetMeasure[]> {
  const small = await measureSummary(exampleWorkbook().model);
  const national = await measureSummary(nationalWorkbook(NATIONAL_KAMPUNG).model);
  return [small, national].map((m) => ({
    kampung: m.kampung,
    syncs: m.syncs,
    largestRequestBytes: m.largestRequestBytes,
    largestResponseBytes: m.largestResponseBytes,
    milliseconds: m.milliseconds,
    outcome: m.outcome,
  }));
}
