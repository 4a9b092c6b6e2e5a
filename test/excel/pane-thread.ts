/**
 * The pane's thread in Excel, with the engine in its own thread (the pane's Web Worker; here a
 * worker_threads thread running the same handler): shared by the responsiveness test (which
 * asserts counts) and `npm run bench` (which measures the longest main-thread stretch).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { REQUEST_PAYLOAD_LIMIT } from "../../src/excel/limits";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { EngineReply } from "../../src/taskpane/engine-protocol";
import { EngineClient, EnginePort } from "../../src/taskpane/engine-client";
import { FIXED_NOW } from "./budget";
import { FakeContext, SheetModel } from "./fake-excel";
import { NATIONAL_KAMPUNG, nationalWorkbook } from "./workbooks";

export function engineThread(): Worker {
  return new Worker(path.join(__dirname, "engine-thread.js"));
}

/** The largest write-batch message the pane's thread took (its JSON length), when asked for. */
export interface BatchMessages {
  largest: number;
  count: number;
}

export function threadPort(worker: Worker, batches?: BatchMessages): EnginePort {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    listen: (onReply, failed) => {
      worker.on("message", (reply: EngineReply) => {
        if (batches && reply.kind === "done" && isBatchPart(reply.value)) {
          batches.count++;
          batches.largest = Math.max(batches.largest, JSON.stringify(reply.value).length);
        }
        onReply(reply);
      });
      worker.on("error", failed);
    },
  };
}

const isBatchPart = (value: unknown): boolean =>
  typeof value === "object" && value !== null && "ops" in value && "more" in value;

/** An engine client on the thread, warmed up (the thread transpiles the engine first). */
export async function warmEngine(worker: Worker, batches?: BatchMessages): Promise<EngineClient> {
  const engine = new EngineClient(threadPort(worker, batches));
  engine.begin([]);
  await engine.read({ lang: "id" });
  return engine;
}

export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What happened on the pane's thread between two turns of its event loop. */
export interface TurnLog {
  /** Turns of the event loop while the work ran. */
  turns: number;
  /** Syncs sent. */
  syncs: number;
  /** Most cells one sync carried (read or written). */
  maxCellsPerSync: number;
  /** Excel's own time answering syncs (ms; only the bench reads it). */
  excelMs: number;
}

/**
 * The fake's syncs as round trips, as Excel's are: sent, answered, received a turn later.
 * Counts the syncs and the most cells one carried.
 */
export function roundTrips(context: FakeContext, log: TurnLog): FakeContext {
  const sync = context.sync.bind(context);
  context.sync = async () => {
    log.syncs++;
    await turn();
    const start = performance.now();
    try {
      await sync();
    } finally {
      log.excelMs += performance.now() - start;
      const last = context.syncs[context.syncs.length - 1];
      if (last) log.maxCellsPerSync = Math.max(log.maxCellsPerSync, last.cells);
    }
    await turn();
  };
  return context;
}

export function newTurnLog(): TurnLog {
  return { turns: 0, syncs: 0, maxCellsPerSync: 0, excelMs: 0 };
}

/**
 * Runs `run` while counting turns of the event loop; with `timed`, also the longest stretch
 * between two turns less Excel's own time in it (for the bench only: tests never time).
 */
export async function watchTurns<T>(
  log: TurnLog,
  run: () => Promise<T>,
  timed = false
): Promise<{ value: T; longestMs: number }> {
  let longest = 0;
  let last = timed ? performance.now() : 0;
  let lastExcel = log.excelMs;
  let running = true;
  const tick = () => {
    log.turns++;
    if (timed) {
      const now = performance.now();
      longest = Math.max(longest, now - last - (log.excelMs - lastExcel));
      last = now;
      lastExcel = log.excelMs;
    }
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const value = await run();
    return { value, longestMs: longest };
  } finally {
    running = false;
  }
}

/** What the responsiveness test asserts about the national summary. */
export interface NationalRun {
  readonly ok: boolean;
  readonly kampung: number;
  readonly syncs: number;
  readonly loggedSyncs: number;
  readonly turns: number;
  readonly maxCellsPerSync: number;
  /** Syncs whose request or response passed the 4 MB limit. */
  readonly oversized: number;
  readonly inputChanges: number;
  readonly inputUnchanged: boolean;
  /** Cells of KKB Ringkasan naming the last kampung. */
  readonly lastKampungCells: number;
  readonly distinctFractions: number;
  /** Write-batch messages from the engine's thread, and the largest one's JSON length. */
  readonly batchMessages: BatchMessages;
}

function snapshot(sheet: SheetModel): string {
  return JSON.stringify({ values: sheet.values, types: sheet.types, formats: sheet.formatLayers });
}

/**
 * The national summary as the pane runs it in Excel: the fake's syncs as round trips, the
 * engine in its own thread; counts only (run from test/excel/national-thread.js).
 */
export async function runNationalInPane(): Promise<NationalRun> {
  const worker = engineThread();
  try {
    const { model, input } = nationalWorkbook(NATIONAL_KAMPUNG);
    const before = snapshot(input);
    const batchMessages: BatchMessages = { largest: 0, count: 0 };
    const engine = await warmEngine(worker, batchMessages);
    const log = newTurnLog();
    const context = roundTrips(new FakeContext(model), log);
    const fractions = new Set<number>();
    const { value: outcome } = await watchTurns(log, () =>
      summarizeWorkbook(context.asExcel(), {
        now: FIXED_NOW,
        engine,
        onProgress: (p) => fractions.add(p.fraction),
      })
    );
    const last = `Kampung ${NATIONAL_KAMPUNG}`;
    const ringkasan = model.sheet("KKB Ringkasan");
    return {
      ok: outcome.ok,
      kampung: outcome.kampung,
      syncs: context.syncCount,
      loggedSyncs: log.syncs,
      turns: log.turns,
      maxCellsPerSync: log.maxCellsPerSync,
      oversized: context.syncs.filter(
        (s) => s.requestBytes > REQUEST_PAYLOAD_LIMIT || s.responseBytes > REQUEST_PAYLOAD_LIMIT
      ).length,
      inputChanges: input.changes,
      inputUnchanged: snapshot(input) === before,
      lastKampungCells: (ringkasan?.values ?? []).filter((row) => row?.includes(last)).length,
      distinctFractions: fractions.size,
      batchMessages,
    };
  } finally {
    await worker.terminate();
  }
}
