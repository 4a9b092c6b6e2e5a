/**
 * The pane's thin wrapper over the office.js adapter (src/excel): each call is one `Excel.run`,
 * so the React code never holds a request context. Used only when the pane runs inside Excel.
 * Reading, scoring and planning run in the engine's worker (paneEngine); this thread reads
 * ranges, hands their rows on and runs the planned write batches.
 */
import { Lang } from "../engine/framework";
import { Weights } from "../engine/ibangga";
import {
  InputLocation,
  insertTemplate,
  SavedSettings,
  selectCell,
  summarizeWorkbook,
  SummarizeOutcome,
  SummarizeProgress,
  surveyWorkbook,
  TemplateOutcome,
} from "../excel";
import { findInput, InputViewFound } from "../excel/read-input";
import { paneEngine } from "./engine-client";

function excel(): typeof Excel {
  const e = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!e) throw new Error("Excel is not available");
  return e;
}

export function insertTemplateInExcel(lang: Lang): Promise<TemplateOutcome> {
  return excel().run((context) => insertTemplate(context, lang));
}

export function readInputInExcel(where: InputLocation, lang: Lang): Promise<InputViewFound> {
  // Sheets that look like input come marked when hidden: the grids carry Worksheet.visibility.
  return excel().run((context) => findInput(context, where, { lang, engine: paneEngine() }));
}

/** The weights, language and input location saved by the last summary. */
export function savedSettingsInExcel(): Promise<SavedSettings> {
  return excel().run(async (context) => (await surveyWorkbook(context)).settings);
}

export function summarizeInExcel(options: {
  readonly where: InputLocation;
  readonly weights: Weights;
  readonly lang: Lang;
  readonly periode?: string;
  readonly onProgress: (progress: SummarizeProgress) => void;
  readonly profil?: { readonly region: string | null };
}): Promise<SummarizeOutcome> {
  return excel().run((context) =>
    summarizeWorkbook(context, {
      where: options.where,
      weights: options.weights,
      lang: options.lang,
      periode: options.periode,
      onProgress: options.onProgress,
      engine: paneEngine(),
      ...(options.profil ? { profil: options.profil } : {}),
    })
  );
}

export function selectCellInExcel(sheet: string, cell: string): Promise<boolean> {
  return excel().run((context) => selectCell(context, sheet, cell));
}
