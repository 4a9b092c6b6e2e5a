/**
 * The pane's side of the engine worker: the same SummaryEngine the office.js adapter uses in one
 * thread, plus the file operations outside Excel, each a message to the worker and a promise of
 * its answer. Where `Worker` is missing (tests, an old host) or cannot start, the same engine
 * runs in this thread behind the same messages (without ExcelJS: files need the worker).
 */
import { WhatIfView } from "../workbook/what-if-view";
import { CellValue } from "../engine/cell";
import { Lang } from "../engine/framework";
import { Weights } from "../engine/ibangga";
import {
  GridFacts,
  GridShape,
  SummaryEngine,
  SummaryPlanOutcome,
  SummaryPlanRequest,
} from "../excel/engine";
import { WriteOp } from "../excel/plan-write";
import { ReadOptions } from "../workbook/input";
import { AnalysisView, ReadView } from "../workbook/read-view";
import { createEngineCore } from "./engine-core";
import {
  BatchPart,
  DoneValue,
  EngineReply,
  EngineRequest,
  EngineRequestMessage,
  FileProgress,
  FileSummary,
  FileSummaryRequest,
  PlanDone,
  Post,
} from "./engine-protocol";

/** A channel to the engine: a worker, or the engine in this thread. */
export interface EnginePort {
  readonly post: Post<EngineRequestMessage>;
  /** Called with every reply; `failed` when the worker itself fails (it is then unusable). */
  listen(onReply: (reply: EngineReply) => void, failed: (error: Error) => void): void;
}

/** An engine error; `fileText` says, in the pane's language, why a file cannot be read. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly fileText: string | null
  ) {
    super(message);
    this.name = "EngineError";
  }
}

interface Pending {
  readonly resolve: (value: DoneValue) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: FileProgress) => void;
}

/** The engine in this thread, a macrotask away both ways, as a worker would be. */
export function localPort(): EnginePort {
  let listener: ((reply: EngineReply) => void) | null = null;
  const core = createEngineCore((reply) => setTimeout(() => listener?.(reply), 0));
  return {
    post: (message) => setTimeout(() => core(message), 0),
    listen: (onReply) => {
      listener = onReply;
    },
  };
}

/** A port over a Web Worker (or anything that posts and receives messages like one). */
export function workerPort(worker: Worker): EnginePort {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    listen: (onReply, failed) => {
      worker.addEventListener("message", (event: MessageEvent<EngineReply>) => onReply(event.data));
      worker.addEventListener("error", (event: ErrorEvent) => {
        event.preventDefault();
        failed(new Error(`The engine worker failed: ${event.message || "it did not start"}`));
      });
    },
  };
}

/** Which engine: for the workbook open in Excel, or for .xlsx files (with ExcelJS). */
export type EngineKind = "excel" | "file";

async function defaultPort(kind: EngineKind): Promise<EnginePort> {
  if (typeof Worker === "undefined") return localPort();
  try {
    const start = await import(/* webpackMode: "eager" */ "./engine-worker-start.js");
    return workerPort(kind === "file" ? start.startFileWorker() : start.startEngineWorker());
  } catch {
    return localPort();
  }
}

export class EngineClient implements SummaryEngine {
  private port: Promise<EnginePort>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** A failure of a request nobody awaits (begin, append, select): the next await reports it. */
  private failure: Error | null = null;

  constructor(port: EnginePort | Promise<EnginePort> = defaultPort("excel")) {
    this.port = this.connect(port);
  }

  private connect(port: EnginePort | Promise<EnginePort>): Promise<EnginePort> {
    return Promise.resolve(port).then((p) => {
      p.listen(
        (reply) => this.receive(reply),
        (error) => this.fail(error)
      );
      return p;
    });
  }

  begin(shapes: readonly GridShape[]): void {
    this.send({ op: "begin", shapes });
  }

  append(index: number, rows: CellValue[][]): void {
    this.send({ op: "append", index, rows });
  }

  select(indexes: readonly number[]): void {
    this.send({ op: "select", indexes });
  }

  facts(index: number, facts: GridFacts): void {
    this.send({ op: "facts", index, facts });
  }

  read(options: ReadOptions): Promise<ReadView> {
    return this.call({ op: "read", options }) as Promise<ReadView>;
  }

  analyse(weights: Weights, lang: Lang, periode?: string): Promise<AnalysisView> {
    return this.call({ op: "analyse", weights, lang, periode }) as Promise<AnalysisView>;
  }

  /** What-if domain weights on the last read, in the worker (not the study's method). */
  whatIf(weights: readonly number[]): Promise<WhatIfView> {
    return this.call({ op: "whatIf", weights }) as Promise<WhatIfView>;
  }

  async plan(request: SummaryPlanRequest): Promise<SummaryPlanOutcome> {
    const done = (await this.call({ op: "plan", request })) as PlanDone;
    if (!done.ok) return done;
    return {
      ok: true,
      batchCount: done.batchCount,
      batch: (index) => this.batch(index),
      written: done.written,
      deleted: done.deleted,
      counts: done.counts,
    };
  }

  /** Batch `index` of the last plan, gathered from its parts (one short message each). */
  private async batch(index: number): Promise<readonly WriteOp[]> {
    const ops: WriteOp[] = [];
    for (let part = 0; ; part++) {
      const reply = (await this.call({ op: "batch", index, part })) as BatchPart;
      for (const op of reply.ops) ops.push(op);
      if (!reply.more) return ops;
    }
  }

  /** Reads a workbook file (its bytes move to the worker). */
  openFile(bytes: ArrayBuffer, name: string, lang: Lang, visibleOnly = false): Promise<ReadView> {
    return this.call({ op: "openFile", bytes, name, lang, visibleOnly }, {}, [
      bytes,
    ]) as Promise<ReadView>;
  }

  /** The summary workbook of the file read last, as bytes. */
  summaryFile(
    request: FileSummaryRequest,
    onProgress?: (progress: FileProgress) => void
  ): Promise<FileSummary> {
    return this.call({ op: "summaryFile", request }, { onProgress }) as Promise<FileSummary>;
  }

  templateBytes(lang: Lang): Promise<Uint8Array> {
    return this.call({ op: "template", lang }) as Promise<Uint8Array>;
  }

  private send(request: EngineRequest, transfer?: Transferable[]): number {
    const id = this.nextId++;
    const message = { ...request, id } as EngineRequestMessage;
    void this.port.then((p) => p.post(message, transfer));
    return id;
  }

  private call(
    request: EngineRequest,
    extra: Pick<Pending, "onProgress"> = {},
    transfer?: Transferable[]
  ): Promise<DoneValue> {
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    return new Promise<DoneValue>((resolve, reject) => {
      const id = this.send(request, transfer);
      this.pending.set(id, { resolve, reject, ...extra });
    });
  }

  private receive(reply: EngineReply): void {
    const pending = this.pending.get(reply.id);
    switch (reply.kind) {
      case "progress":
        pending?.onProgress?.(reply.progress);
        return;
      case "done":
        this.pending.delete(reply.id);
        pending?.resolve(reply.value);
        return;
      case "error": {
        this.pending.delete(reply.id);
        const error = new EngineError(reply.message, reply.fileText);
        if (pending) pending.reject(error);
        else this.failure = error;
        return;
      }
    }
  }

  /** The worker failed: what it was doing fails; later requests run in this thread. */
  private fail(error: Error): void {
    for (const [, pending] of this.pending) pending.reject(error);
    this.pending.clear();
    this.port = this.connect(localPort());
  }
}

const shared: Partial<Record<EngineKind, EngineClient>> = {};

/**
 * The pane's engine, started on first use: in Excel the engine alone, outside Excel the engine
 * with ExcelJS. Without workers it runs in this thread, without the file engine.
 */
export function paneEngine(kind: EngineKind = "excel"): EngineClient {
  return (shared[kind] ??= new EngineClient(defaultPort(kind)));
}
