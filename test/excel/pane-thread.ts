/**
 * The pane's thread in Excel, with the engine in its own thread (the pane's Web Worker; here a
 * worker_threads thread running the same handler): shared by the responsiveness test (which
 * asserts counts) and `npm run bench` (which measures the longest main-thread stretch).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { EngineReply } from "../../src/taskpane/engine-protocol";
import { EngineClient, EnginePort } from "../../src/taskpane/engine-client";
import { FakeContext } from "./fake-excel";

export function engineThread(): Worker {
  return new Worker(path.join(__dirname, "engine-thread.js"));
}

export function threadPort(worker: Worker): EnginePort {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    listen: (onReply, failed) => {
      worker.on("message", (reply: EngineReply) => onReply(reply));
      worker.on("error", failed);
    },
  };
}

/** An engine client on the thread, warmed up (the thread transpiles the engine first). */
export async function warmEngine(worker: Worker): Promise<EngineClient> {
  const engine = new EngineClient(threadPort(worker));
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
