/**
 * Finds and reads the input in the open workbook: the planned rectangles are read in chunks,
 * turned into grids that keep every cell's address, and handed to the same reader the file
 * adapter uses. A scan reads the first rows of every candidate sheet, lets the reader pick the
 * sheet with the best header, then reads the rest of that sheet only. Rows go to the engine
 * block by block as they arrive (in the task pane, a Web Worker), so the thread that talks to
 * Excel never holds or reads the whole input in one go.
 */
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { InputRead, ReadOptions } from "../workbook/input";
import { ReadView } from "../workbook/read-view";
import { RoundSheet } from "../workbook/round-sheets";
import { GridTable } from "../workbook/grid";
import { GridFacts, GridShape, LocalEngine, SummaryEngine } from "./engine";
import { hiddenRowsOf } from "./hidden-rows";
import { queueMergedAreas } from "./merged-areas";
import { hasPercentFormat, percentCellsOf, queueFormatSample } from "./percent-cells";
import { PayloadLimits } from "./limits";
import { InputPlan, planInput } from "./plan-input";
import { HEAD_ROWS, nextEstimate, SheetRect } from "./plan-read";
import { readRanges, ReadProgress } from "./read-ranges";
import { InputLocation } from "./settings-codec";
import { detectCapabilities, surveyWorkbook, WorkbookSurvey } from "./survey";

export interface InputFound {
  readonly read: InputRead;
  /** Where the input was read from, as it is saved for the next run. */
  readonly location: InputLocation;
  /** True when a saved location was gone and the input was looked for instead. */
  readonly fellBack: boolean;
  readonly survey: WorkbookSurvey;
}

/** What the engine read, as the pane shows it, and where. */
export interface InputViewFound {
  readonly view: ReadView;
  readonly location: InputLocation;
  readonly fellBack: boolean;
  readonly survey: WorkbookSurvey;
}

export interface ReadInputOptions {
  readonly lang: Lang;
  /** A survey taken in the same `Excel.run`, to save its two syncs. */
  readonly survey?: WorkbookSurvey;
  readonly limits?: PayloadLimits;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Leave hidden rows out; by default the engine keeps its last choice (first: counted). */
  readonly visibleOnly?: boolean;
}

export interface FindInputOptions extends ReadInputOptions {
  /** Where the rows go and are read; default: a LocalEngine in this thread. */
  readonly engine?: SummaryEngine;
}

/**
 * The grid a rectangle is read into, with its sheet's state from the survey (Worksheet.visibility,
 * loaded with the other sheet facts): the reader then treats a hidden sheet as it does in a file.
 */
function shapeIn(survey: WorkbookSurvey): (rect: SheetRect) => GridShape {
  const states = new Map(survey.sheets.map((s) => [s.name, s.visibility]));
  return (rect) => ({
    sheet: rect.sheet,
    originRow: rect.row,
    originCol: rect.col,
    visibility: states.get(rect.sheet) ?? "visible",
  });
}

/** An input sheet's facts, and its first rows' number formats (percent-cells.ts). */
interface InputFacts {
  readonly facts: GridFacts;
  readonly formats: readonly (readonly unknown[])[];
}

/**
 * What the file reader learns from a file, read from Excel for the input rectangle: its hidden
 * rows and the tables on its sheet (with their Total Rows), so both give the same assessments.
 */
async function inputFacts(
  context: Excel.RequestContext,
  rect: SheetRect,
  survey: WorkbookSurvey
): Promise<InputFacts> {
  const tables: GridTable[] = survey.tables
    .filter((t) => t.sheet === rect.sheet)
    .map((t) => ({
      name: t.name,
      top: t.rect.row,
      left: t.rect.col,
      bottom: t.rect.row + t.rect.rows - 1 + (t.totals ? 1 : 0),
      right: t.rect.col + t.rect.cols - 1,
      headerRows: 1,
      totalsRows: t.totals ? 1 : 0,
    }));
  // The merges and the first rows' formats ride on hiddenRowsOf's first sync.
  const merges = detectCapabilities().mergedAreas ? queueMergedAreas(context, rect) : null;
  const formats = queueFormatSample(context, rect);
  const hiddenRows = await hiddenRowsOf(context, rect);
  return {
    facts: { hiddenRows, tables, merges: merges ? await merges.read() : [] },
    // Loaded by hiddenRowsOf's first sync.
    formats: formats ? (formats.numberFormat as unknown[][]) : [],
  };
}

/**
 * A sheet's facts with its iBangga cells that show their numbers as percentages
 * (percent-cells.ts), found from `view`, the engine's read of that sheet; null when none does.
 */
async function withPercentCells(
  context: Excel.RequestContext,
  rect: SheetRect,
  facts: InputFacts,
  view: ReadView
): Promise<GridFacts | null> {
  if (view.fatal || !view.columns || !view.hasIbangga) return null;
  const { columns, headerRow } = view;
  const percentCells = await percentCellsOf(context, rect, facts.formats, columns, headerRow);
  return percentCells.length === 0 ? null : { ...facts.facts, percentCells };
}

/** The engine's read of one sheet (its facts given), again with its percentages if it has any. */
async function withPercents(
  context: Excel.RequestContext,
  rect: SheetRect,
  facts: InputFacts,
  engine: SummaryEngine,
  options: ReadOptions
): Promise<ReadView> {
  const view = await engine.read(options);
  const more = await withPercentCells(context, rect, facts, view);
  if (!more) return view;
  engine.facts(0, more);
  return engine.read(options);
}

/** Reads the input in this thread; the full read, for callers that need every assessment. */
export async function readInputFromWorkbook(
  context: Excel.RequestContext,
  where: InputLocation,
  options: ReadInputOptions
): Promise<InputFound> {
  const engine = new LocalEngine();
  const found = await findInput(context, where, { ...options, engine });
  const read = engine.lastRead;
  if (!read) throw new Error("The input was not read");
  return { read, location: found.location, fellBack: found.fellBack, survey: found.survey };
}

/** Finds the input and streams its rows to the engine, which reads them. */
export async function findInput(
  context: Excel.RequestContext,
  where: InputLocation,
  options: FindInputOptions
): Promise<InputViewFound> {
  const engine = options.engine ?? new LocalEngine();
  const survey =
    options.survey && (where.kind !== "selection" || options.survey.selection)
      ? options.survey
      : await surveyWorkbook(context, { selection: where.kind === "selection" });
  const plan: InputPlan = planInput(where, survey);
  const shape = shapeIn(survey);
  const { lang, visibleOnly } = options;
  const evidence = plan.evidence ? [plan.evidence] : [];
  const readOptions = (taskGrid: (task: number) => number) => ({
    limits: options.limits,
    onBatch: options.onProgress,
    keepRows: false,
    onRows: (task: number, rows: CellValue[][]) => engine.append(taskGrid(task), rows),
  });

  if (plan.input.mode === "rect") {
    const { rect, sheet, location } = plan.input;
    const tasks = [...(rect ? [rect] : []), ...evidence];
    // Without a rectangle (an empty sheet) the input grid is empty and comes first.
    const offset = rect ? 0 : 1;
    const empty = shape({ sheet, row: 0, col: 0, rows: 0, cols: 0 });
    engine.begin([...(rect ? [] : [empty]), ...tasks.map(shape)]);
    await readRanges(
      context,
      tasks,
      readOptions((task) => task + offset)
    );
    const options = { lang, sheet, visibleOnly };
    let view: ReadView;
    if (rect) {
      const facts = await inputFacts(context, rect, survey);
      engine.facts(0, facts.facts);
      view = await withPercents(context, rect, facts, engine, options);
    } else view = await engine.read(options);
    return { view, location, fellBack: plan.fellBack, survey };
  }

  if (plan.input.mode === "sheets") {
    return readRoundSheets(context, plan.input, plan, survey, engine, options);
  }

  // Scan: the heads of all candidates (and the evidence sheet whole) in as few syncs as fit.
  const candidates = plan.input.candidates;
  const heads = candidates.map((c) => ({ ...c, rows: Math.min(c.rows, HEAD_ROWS) }));
  engine.begin([...heads, ...evidence].map(shape));
  const first = await readRanges(
    context,
    [...heads, ...evidence],
    readOptions((task) => task)
  );
  const pick = await engine.read({ lang });
  // Sheets each named for a different round are read as those rounds (choose-input.ts).
  const byName = pick.fatal ? undefined : pick.roundSheets;
  const at = byName?.map((p) => candidates.findIndex((c) => c.sheet === p.sheet)) ?? [];
  if (byName && byName.length > 1 && at.every((i) => i >= 0)) {
    return readRests(context, {
      candidates,
      heads,
      at,
      picks: byName,
      location: { kind: "sheets", sheets: byName },
      evidence: evidence.length,
      bytesPerCell: first.measuredBytesPerCell,
      inputSheets: pick.inputSheets,
      plan,
      survey,
      engine,
      options,
    });
  }
  const chosen = candidates.findIndex((c) => c.sheet === pick.sheet);
  if (pick.fatal || chosen < 0) {
    return { view: pick, location: { kind: "auto" }, fellBack: plan.fellBack, survey };
  }
  const candidate = candidates[chosen];
  // The chosen sheet's head (its rest is appended to it), then the evidence sheet.
  engine.select([chosen, ...evidence.map((_, i) => heads.length + i)]);
  const rest: SheetRect = {
    ...candidate,
    row: candidate.row + heads[chosen].rows,
    rows: candidate.rows - heads[chosen].rows,
  };
  await readRanges(context, [rest], {
    ...readOptions(() => 0),
    bytesPerCell:
      first.measuredBytesPerCell === null
        ? undefined
        : nextEstimate(null, first.measuredBytesPerCell),
  });
  const facts = await inputFacts(context, candidate, survey);
  engine.facts(0, facts.facts);
  const view = await withPercents(context, candidate, facts, engine, {
    lang,
    sheet: candidate.sheet,
    visibleOnly,
  });
  return {
    // The sheets that look like input, from the heads of all (the pane offers them as rounds).
    view: { ...view, inputSheets: pick.inputSheets },
    location: { kind: "sheet", sheet: candidate.sheet },
    fellBack: plan.fellBack,
    survey,
  };
}

/**
 * Sheets picked as rounds: the heads of every candidate sheet (so the pane can list the sheets
 * that look like input), then the rest of each picked sheet (readRests).
 */
async function readRoundSheets(
  context: Excel.RequestContext,
  input: Extract<InputPlan["input"], { mode: "sheets" }>,
  plan: InputPlan,
  survey: WorkbookSurvey,
  engine: SummaryEngine,
  options: FindInputOptions
): Promise<InputViewFound> {
  const { lang } = options;
  const { candidates, picks, at, location } = input;
  const evidence = plan.evidence ? [plan.evidence] : [];
  const heads = candidates.map((c) => ({ ...c, rows: Math.min(c.rows, HEAD_ROWS) }));
  engine.begin([...heads, ...evidence].map(shapeIn(survey)));
  const first = await readRanges(context, [...heads, ...evidence], {
    limits: options.limits,
    onBatch: options.onProgress,
    keepRows: false,
    onRows: (task: number, rows: CellValue[][]) => engine.append(task, rows),
  });
  const listed = await engine.read({ lang });
  return readRests(context, {
    candidates,
    heads,
    at,
    picks,
    location,
    evidence: evidence.length,
    bytesPerCell: first.measuredBytesPerCell,
    inputSheets: listed.inputSheets,
    plan,
    survey,
    engine,
    options,
  });
}

/** What readRests needs: the heads already read and the sheets to read as rounds. */
interface RestsTask {
  readonly candidates: readonly SheetRect[];
  readonly heads: readonly SheetRect[];
  /** The picked sheets' places among the candidates, and the picks. */
  readonly at: readonly number[];
  readonly picks: readonly RoundSheet[];
  readonly location: InputLocation;
  /** Evidence sheets read after the heads (0 or 1). */
  readonly evidence: number;
  readonly bytesPerCell: number | null;
  readonly inputSheets: ReadView["inputSheets"];
  readonly plan: InputPlan;
  readonly survey: WorkbookSurvey;
  readonly engine: SummaryEngine;
  readonly options: FindInputOptions;
}

/**
 * The rest of each picked sheet after its head, its hidden rows and tables, and one read of
 * them all as rounds (round-sheets.ts).
 */
async function readRests(context: Excel.RequestContext, task: RestsTask): Promise<InputViewFound> {
  const { candidates, heads, at, picks, engine, options } = task;
  const { lang, visibleOnly } = options;
  // The picked sheets' heads (each one's rest is appended to it), then the evidence sheet.
  engine.select([...at, ...Array.from({ length: task.evidence }, (_, i) => heads.length + i)]);
  const rests: SheetRect[] = at.map((c) => ({
    ...candidates[c],
    row: candidates[c].row + heads[c].rows,
    rows: candidates[c].rows - heads[c].rows,
  }));
  await readRanges(context, rests, {
    limits: options.limits,
    onBatch: options.onProgress,
    keepRows: false,
    onRows: (t: number, rows: CellValue[][]) => engine.append(t, rows),
    bytesPerCell: task.bytesPerCell === null ? undefined : nextEstimate(null, task.bytesPerCell),
  });
  const facts: InputFacts[] = [];
  for (const [i, c] of at.entries()) {
    facts.push(await inputFacts(context, candidates[c], task.survey));
    engine.facts(i, facts[i].facts);
  }
  let view = await engine.read({ lang, sheets: picks, visibleOnly });
  // iBangga shown as percentages, sheet by sheet (each its own columns), as for one sheet.
  let percents = false;
  for (const [i, c] of at.entries()) {
    // A sheet's own read (its columns) only where its first rows show a percentage at all.
    if (view.fatal || !view.hasIbangga || !hasPercentFormat(facts[i].formats)) continue;
    const one = await engine.read({ lang, sheet: candidates[c].sheet, visibleOnly });
    const more = await withPercentCells(context, candidates[c], facts[i], one);
    if (!more) continue;
    engine.facts(i, more);
    percents = true;
  }
  if (percents) view = await engine.read({ lang, sheets: picks, visibleOnly });
  return {
    view: { ...view, inputSheets: task.inputSheets },
    location: task.location,
    fellBack: task.plan.fellBack,
    survey: task.survey,
  };
}
