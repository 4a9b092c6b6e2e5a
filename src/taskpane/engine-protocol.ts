/**
 * Messages between the pane's thread and the engine's Web Worker (engine.worker.ts). Every
 * message is plain data (structured clone): rows arrive in the blocks the adapter reads them in,
 * write batches and file bytes leave one message each, so no message takes long to copy.
 */
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Weights } from "../engine/ibangga";
import {
  GridFacts,
  GridShape,
  SummaryCounts,
  SummaryPlanOutcome,
  SummaryPlanRequest,
} from "../excel/engine";
import { WriteOp } from "../excel/plan-write";
import { ReadOptions } from "../workbook/input";
import { AnalysisView, ReadView } from "../workbook/read-view";
import { WhatIfView } from "../workbook/what-if-view";

export interface FileSummaryRequest {
  /** The sheets' language (the read is made again in it when it differs). */
  readonly lang: Lang;
  readonly weights: Weights;
  /** The file's name, for the stamp. */
  readonly source: string;
  readonly now: Date;
  /** Copy the file's other sheets into the summary workbook. */
  readonly includeCopies: boolean;
  /** The round to summarise; the latest by default. */
  readonly periode?: string;
  /** Also write KKB Profil Cetak for the kampung of this region (null: all); issue 15. */
  readonly profil?: { readonly region: string | null };
}

export interface FileSummary {
  readonly bytes: Uint8Array;
  readonly counts: SummaryCounts;
  readonly sheets: readonly string[];
}

export type EngineRequest =
  | { readonly op: "begin"; readonly shapes: readonly GridShape[] }
  | { readonly op: "append"; readonly index: number; readonly rows: CellValue[][] }
  | { readonly op: "select"; readonly indexes: readonly number[] }
  | { readonly op: "facts"; readonly index: number; readonly facts: GridFacts }
  | { readonly op: "read"; readonly options: ReadOptions }
  | {
      readonly op: "analyse";
      readonly weights: Weights;
      readonly lang: Lang;
      readonly periode?: string;
    }
  | { readonly op: "plan"; readonly request: SummaryPlanRequest }
  /**
   * Part `part` of batch `index` of the last plan, when the pane is about to run it: a batch
   * (up to a request's 4 MB) leaves in parts of at most BATCH_PART_BYTES (engine-core.ts).
   */
  | { readonly op: "batch"; readonly index: number; readonly part: number }
  | {
      readonly op: "openFile";
      readonly bytes: ArrayBuffer;
      readonly name: string;
      readonly lang: Lang;
      readonly visibleOnly?: boolean;
    }
  | { readonly op: "summaryFile"; readonly request: FileSummaryRequest }
  | { readonly op: "template"; readonly lang: Lang }
  /** What-if domain weights (not the study's method) on the last read. */
  | { readonly op: "whatIf"; readonly weights: readonly number[] };

export type EngineRequestMessage = EngineRequest & { readonly id: number };

/** Where a file summary is: scoring, a sheet being laid out, or packing the file. */
export type FileProgress =
  | { readonly stage: "score"; readonly fraction: number }
  | { readonly stage: "sheet"; readonly fraction: number; readonly sheet: string }
  | { readonly stage: "zip"; readonly fraction: number };

export type PlanDone =
  | Exclude<SummaryPlanOutcome, { ok: true }>
  | {
      readonly ok: true;
      readonly batchCount: number;
      readonly written: Extract<SummaryPlanOutcome, { ok: true }>["written"];
      readonly deleted: readonly string[];
      readonly counts: SummaryCounts;
    };

/** Some of a batch's operations, in order; `more` when the batch has parts after this one. */
export interface BatchPart {
  readonly ops: readonly WriteOp[];
  readonly more: boolean;
}

export type DoneValue =
  ReadView | AnalysisView | PlanDone | FileSummary | Uint8Array | BatchPart | WhatIfView | null;

export type EngineReply =
  | { readonly id: number; readonly kind: "done"; readonly value: DoneValue }
  | { readonly id: number; readonly kind: "progress"; readonly progress: FileProgress }
  | {
      readonly id: number;
      readonly kind: "error";
      readonly message: string;
      /** For a file that cannot be read: the reason in the pane's language. */
      readonly fileText: string | null;
    };

/** Sends a message; `transfer` lists buffers that move rather than being copied. */
export type Post<T> = (message: T, transfer?: Transferable[]) => void;
