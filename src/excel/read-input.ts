/**
 * Finds and reads the input in the open workbook: the planned rectangles are read in chunks,
 * turned into grids that keep every cell's address, and handed to the same reader the file
 * adapter uses. A scan reads the first rows of every candidate sheet, lets the reader pick the
 * sheet with the best header, then reads the rest of that sheet only.
 */
import { Lang } from "../engine/framework";
import { Grid } from "../workbook/grid";
import { InputRead, readInput } from "../workbook/input";
import { PayloadLimits } from "./limits";
import { InputPlan, planInput } from "./plan-input";
import { HEAD_ROWS, nextEstimate, SheetRect } from "./plan-read";
import { readRanges, ReadProgress } from "./read-ranges";
import { InputLocation } from "./settings-codec";
import { surveyWorkbook, WorkbookSurvey } from "./survey";

export interface InputFound {
  readonly read: InputRead;
  /** Where the input was read from, as it is saved for the next run. */
  readonly location: InputLocation;
  /** True when a saved location was gone and the input was looked for instead. */
  readonly fellBack: boolean;
  readonly survey: WorkbookSurvey;
}

export interface ReadInputOptions {
  readonly lang: Lang;
  /** A survey taken in the same `Excel.run`, to save its two syncs. */
  readonly survey?: WorkbookSurvey;
  readonly limits?: PayloadLimits;
  readonly onProgress?: (progress: ReadProgress) => void;
}

function grid(rect: SheetRect, rows: Grid["rows"]): Grid {
  return { sheet: rect.sheet, rows, originRow: rect.row, originCol: rect.col };
}

export async function readInputFromWorkbook(
  context: Excel.RequestContext,
  where: InputLocation,
  options: ReadInputOptions
): Promise<InputFound> {
  const survey =
    options.survey && (where.kind !== "selection" || options.survey.selection)
      ? options.survey
      : await surveyWorkbook(context, { selection: where.kind === "selection" });
  const plan: InputPlan = planInput(where, survey);
  const { lang } = options;
  const readOptions = { limits: options.limits, onBatch: options.onProgress };
  const evidence = plan.evidence ? [plan.evidence] : [];

  if (plan.input.mode === "rect") {
    const { rect, sheet, location } = plan.input;
    const tasks = [...(rect ? [rect] : []), ...evidence];
    const result = await readRanges(context, tasks, readOptions);
    const grids = tasks.map((t, i) => grid(t, result.rows[i]));
    if (!rect) grids.unshift({ sheet, rows: [], originRow: 0, originCol: 0 });
    return { read: readInput(grids, { lang, sheet }), location, fellBack: plan.fellBack, survey };
  }

  // Scan: the heads of all candidates (and the evidence sheet whole) in as few syncs as fit.
  const candidates = plan.input.candidates;
  const heads = candidates.map((c) => ({ ...c, rows: Math.min(c.rows, HEAD_ROWS) }));
  const first = await readRanges(context, [...heads, ...evidence], readOptions);
  const headGrids = heads.map((h, i) => grid(h, first.rows[i]));
  const evidenceGrids = evidence.map((e, i) => grid(e, first.rows[heads.length + i]));
  const pick = readInput([...headGrids, ...evidenceGrids], { lang });
  const chosen = candidates.findIndex((c) => c.sheet === pick.sheet);
  if (pick.fatal || chosen < 0) {
    return { read: pick, location: { kind: "auto" }, fellBack: plan.fellBack, survey };
  }
  const candidate = candidates[chosen];
  const rest: SheetRect = {
    ...candidate,
    row: candidate.row + heads[chosen].rows,
    rows: candidate.rows - heads[chosen].rows,
  };
  const more = await readRanges(context, [rest], {
    ...readOptions,
    bytesPerCell:
      first.measuredBytesPerCell === null
        ? undefined
        : nextEstimate(null, first.measuredBytesPerCell),
  });
  const full = grid(candidate, [...first.rows[chosen], ...more.rows[0]]);
  return {
    read: readInput([full, ...evidenceGrids], { lang, sheet: candidate.sheet }),
    location: { kind: "sheet", sheet: candidate.sheet },
    fellBack: plan.fellBack,
    survey,
  };
}
