/**
 * The engine as the office.js adapter sees it: grids are handed over in the chunks they are
 * read in, then read, scored and planned as a whole. `LocalEngine` does it in the calling thread
 * (the CLI's tests, the bench, hosts without workers); the task pane puts the same class in a
 * Web Worker behind a client with this interface (src/taskpane/engine-client.ts), so the pane's
 * thread only reads ranges, passes rows on and runs the planned batches.
 */
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Weights } from "../engine/ibangga";
import { plainIssue } from "../engine/issues";
import { Grid, GridRect, GridTable } from "../workbook/grid";
import { readChosenInput } from "../workbook/choose-input";
import { InputRead, ReadOptions } from "../workbook/input";
import {
  AnalysisView,
  issueCounts,
  ReadView,
  viewOfRead,
  viewOfResults,
} from "../workbook/read-view";
import { inputSheets } from "../workbook/round-sheets";
import { analyseCurrent, buildSummary } from "../workbook/summary";
import { currentRound, roundRead } from "../workbook/round-read";
import { whatIfView, WhatIfView } from "../workbook/what-if-view";
import { KampungResult, scoreAll } from "../engine/assessment";
import { SETARA } from "../engine/ibangga";
import { clearUnderMerges } from "./merged-areas";
import { OwnedEntry } from "./plan-names";
import { isRefusal, planSummaryWrite, WorkbookFacts, WriteRefusal } from "./plan-summary";
import { WriteOp } from "./plan-write";

/** A grid before its rows: where it sits. */
export interface GridShape {
  readonly sheet: string;
  readonly originRow: number;
  readonly originCol: number;
  /** The sheet's state in the workbook (Worksheet.visibility, survey.ts); absent: visible. */
  readonly visibility?: Grid["visibility"];
}

/** What the adapter knows of a grid besides its cells (the file reader finds the same in files). */
export interface GridFacts {
  /** 0-based sheet rows hidden by hand or by a filter. */
  readonly hiddenRows: readonly number[];
  /** The Excel tables on the grid's sheet, Total Row included in their range. */
  readonly tables: readonly GridTable[];
  /** Merged ranges in the grid (top-left cell in it). */
  readonly merges: readonly GridRect[];
  /** iBangga cells (A1) whose number format shows a percentage (percent-cells.ts). */
  readonly percentCells?: readonly string[];
}

export interface SummaryPlanRequest {
  readonly lang: Lang;
  readonly weights: Weights;
  /** The workbook's name, for the stamp. */
  readonly source: string;
  readonly now: Date;
  readonly facts: WorkbookFacts;
  readonly settings?: readonly { readonly key: string; readonly value: string }[];
  readonly limitBytes?: number;
  /** The round to summarise; the latest by default. */
  readonly periode?: string;
  /** Also write KKB Profil Cetak for the kampung of this region (null: all); issue 15. */
  readonly profil?: { readonly region: string | null };
}

export interface SummaryCounts {
  readonly kampung: number;
  readonly errors: number;
  readonly warnings: number;
}

export type SummaryPlanOutcome =
  | {
      readonly ok: true;
      readonly batchCount: number;
      /** Batch `index` of the plan (from a worker: asked for when it is about to run). */
      readonly batch: (index: number) => readonly WriteOp[] | Promise<readonly WriteOp[]>;
      readonly written: readonly OwnedEntry[];
      readonly deleted: readonly string[];
      readonly counts: SummaryCounts;
    }
  | { readonly ok: false; readonly refusal: WriteRefusal; readonly counts: SummaryCounts };

export interface SummaryEngine {
  /** Starts a new input: these grids, with no rows yet. */
  begin(shapes: readonly GridShape[]): void;
  /** Appends rows to grid `index` (in the order they are read). */
  append(index: number, rows: CellValue[][]): void;
  /** Keeps only these grids, in this order (after a scan picked the input sheet). */
  select(indexes: readonly number[]): void;
  /** Hidden rows and tables of grid `index`. */
  facts(index: number, facts: GridFacts): void;
  /** Reads the grids as input. */
  read(options: ReadOptions): Promise<ReadView>;
  /** Scores and analyses the last read. */
  analyse(weights: Weights, lang: Lang, periode?: string): Promise<AnalysisView>;
  /** The summary of the last read, as a write plan in batches. */
  plan(request: SummaryPlanRequest): Promise<SummaryPlanOutcome>;
}

interface GrowingGrid {
  readonly sheet: string;
  readonly originRow: number;
  readonly originCol: number;
  rows: CellValue[][];
  readonly visibility?: Grid["visibility"];
  hiddenRows?: ReadonlySet<number>;
  tables?: readonly GridTable[];
  merges?: readonly GridRect[];
  percentCells?: ReadonlySet<string>;
}

/** The engine in the calling thread. Synchronous work behind the async interface. */
export class LocalEngine implements SummaryEngine {
  private grids: GrowingGrid[] = [];
  private current: InputRead | null = null;
  /** Whether hidden rows are left out: set by a read that says, kept for the reads that follow. */
  private visibleOnly = false;

  /** Whether the reads leave hidden rows out (the last choice a read made). */
  get leavesHiddenRowsOut(): boolean {
    return this.visibleOnly;
  }

  /** The last read in full (only in the thread that made it). */
  get lastRead(): InputRead | null {
    return this.current;
  }

  /** Starts from whole grids (a file read in this thread). */
  useGrids(grids: readonly Grid[]): void {
    this.grids = grids.map((g) => ({ ...g, rows: g.rows as CellValue[][] }));
    this.current = null;
  }

  get inputGrids(): readonly Grid[] {
    return this.grids;
  }

  begin(shapes: readonly GridShape[]): void {
    this.grids = shapes.map((s) => ({
      sheet: s.sheet,
      originRow: s.originRow,
      originCol: s.originCol,
      ...(s.visibility ? { visibility: s.visibility } : {}),
      rows: [],
    }));
    this.current = null;
  }

  append(index: number, rows: CellValue[][]): void {
    const target = this.grids[index].rows;
    for (const row of rows) target.push(row);
  }

  select(indexes: readonly number[]): void {
    this.grids = indexes.map((i) => this.grids[i]);
  }

  facts(index: number, facts: GridFacts): void {
    const grid = this.grids[index];
    grid.hiddenRows = new Set(facts.hiddenRows);
    grid.tables = facts.tables;
    grid.merges = facts.merges;
    grid.percentCells = facts.percentCells ? new Set(facts.percentCells) : undefined;
    // The cells under a merge read as the file reader reads them (only the top-left holds one).
    clearUnderMerges(grid.rows, grid.originRow, grid.originCol, facts.merges);
  }

  readNow(options: ReadOptions): InputRead {
    if (options.visibleOnly !== undefined) this.visibleOnly = options.visibleOnly;
    this.periode = undefined;
    this.current = readChosenInput(this.grids, { ...options, visibleOnly: this.visibleOnly });
    return this.current;
  }

  read(options: ReadOptions): Promise<ReadView> {
    const view = viewOfRead(this.readNow(options), options.lang);
    return Promise.resolve({ ...view, inputSheets: inputSheets(this.grids, options.lang) });
  }

  analyse(weights: Weights, lang: Lang, periode?: string): Promise<AnalysisView> {
    const read = this.requireRead();
    // The what-if ranks the same round (whatIf).
    this.periode = periode;
    if (read.fatal)
      return Promise.resolve({ issues: read.issues.map(plainIssue), kampung: 0, preview: [] });
    return Promise.resolve(viewOfResults(analyseCurrent(read, weights, lang, periode).results));
  }

  plan(request: SummaryPlanRequest): Promise<SummaryPlanOutcome> {
    return Promise.resolve(this.planNow(request));
  }

  /**
   * The last read's composite and ranks under the user's domain weights, beside the method's
   * (issue 16, what-if: not the study's method). The scores are kept between calls, so moving a
   * weight costs one weighted mean per kampung. RangeError for weights whatIfScores refuses.
   */
  whatIf(weights: readonly number[]): WhatIfView {
    const read = this.requireRead();
    const periode = this.periode;
    if (this.scored?.read !== read || this.scored.periode !== periode) {
      // The round the last analysis showed (the latest unless one was picked): kampung of
      // other rounds are not ranked with it.
      const current = read.fatal ? null : currentRound(read.rounds, periode);
      const assessments = read.fatal
        ? []
        : (current === null ? read : roundRead(read, current)).assessments;
      this.scored = { read, periode, kampung: scoreAll(assessments, SETARA, []).kampung };
    }
    return whatIfView(this.scored.kampung, weights);
  }

  /** The round picked at the last analyse (undefined: the latest). */
  private periode: string | undefined;
  private scored: {
    read: InputRead;
    periode: string | undefined;
    kampung: readonly KampungResult[];
  } | null = null;

  planNow(request: SummaryPlanRequest): SummaryPlanOutcome {
    const read = this.requireRead();
    const summary = buildSummary(read, {
      lang: request.lang,
      weights: request.weights,
      source: request.source,
      now: request.now,
      periode: request.periode,
      ...(request.profil ? { profil: request.profil } : {}),
    });
    const counts = {
      kampung: summary.results.kampung.length,
      ...issueCounts(summary.results.issues),
    };
    const plan = planSummaryWrite({
      specs: summary.sheets,
      facts: request.facts,
      inputSheet: read.sheet,
      settings: request.settings,
      limitBytes: request.limitBytes,
    });
    if (isRefusal(plan)) return { ok: false, refusal: plan, counts };
    const { batches } = plan;
    return {
      ok: true,
      batchCount: batches.length,
      batch: (index) => batches[index],
      written: plan.written,
      deleted: plan.deleted,
      counts,
    };
  }

  private requireRead(): InputRead {
    if (!this.current) throw new Error("Nothing has been read yet");
    return this.current;
  }
}
