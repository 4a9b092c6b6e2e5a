/** The office.js adapter's public API: what the task pane and the ribbon command call. */
export { insertTemplate } from "./template";
export type { TemplateOutcome } from "./template";
export { readInputFromWorkbook } from "./read-input";
export type { InputFound, ReadInputOptions } from "./read-input";
export { writeSummary } from "./write-summary";
export type { WriteOutcome, WriteProgress, WriteSummaryOptions } from "./write-summary";
export { summarizeWorkbook } from "./summarize";
export type { SummarizeOptions, SummarizeOutcome, SummarizeProgress } from "./summarize";
export { surveyWorkbook, detectCapabilities } from "./survey";
export type { Capabilities, WorkbookSurvey } from "./survey";
export { selectCell } from "./select-cell";
export { summarySettingEntries, SETTING_KEYS } from "./settings-codec";
export type { InputLocation, SavedSettings } from "./settings-codec";
export { describeInput } from "../workbook/input-overview";
export type { InputOverview } from "../workbook/input-overview";
