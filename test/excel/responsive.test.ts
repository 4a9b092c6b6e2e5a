/**
 * The pane stays responsive in Excel: with the engine in its own thread (the pane's Web Worker;
 * here a worker_threads thread running the same handler), the thread that talks to Excel only
 * reads ranges, hands rows on and runs write batches. Checked on the national workbook (84,276
 * kampung) against the fake Excel, whose syncs here take a turn of the event loop as Excel's do:
 * no synchronous stretch between two turns may pass 200 ms (Excel desktop restarts an add-in
 * that stays unresponsive for 5 s). Timings themselves belong to the bench; this checks that the
 * work is cut into bounded pieces, with a wide margin.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { EngineReply } from "../../src/taskpane/engine-protocol";
import { EngineClient, EnginePort } from "../../src/taskpane/engine-client";
import { FIXED_NOW } from "./budget";
import { FakeContext } from "./fake-excel";
import { NATIONAL_KAMPUNG, nationalWorkbook } from "./workbooks";

/** Budget for one main-thread task (ms). */
const LONGEST_TASK_MS = 200;

function threadPort(worker: Worker): EnginePort {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    listen: (onReply, failed) => {
      worker.on("message", (reply: EngineReply) => onReply(reply));
      worker.on("error", failed);
    },
  };
}

/** Time spent inside the fake's syncs: Excel's own work, in Excel's process, not the pane's. */
let excelTime = 0;

/**
 * Records the longest gap between turns of the event loop while `run` runs, less the time the
 * fake Excel spent answering syncs in that gap.
 */
async function longestStretch<T>(run: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let longest = 0;
  let last = performance.now();
  let lastExcel = excelTime;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - (excelTime - lastExcel));
    last = now;
    lastExcel = excelTime;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const value = await run();
    return { value, longest };
  } finally {
    running = false;
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The fake's syncs are round trips, as Excel's are: sent, answered, received a turn later. */
function roundTrips(context: FakeContext): FakeContext {
  const sync = context.sync.bind(context);
  context.sync = async () => {
    await turn();
    const start = performance.now();
    try {
      await sync();
    } finally {
      excelTime += performance.now() - start;
    }
    await turn();
  };
  return context;
}

describe("the pane's thread in Excel, with the engine in a worker", () => {
  let worker: Worker;
  beforeAll(() => {
    worker = new Worker(path.join(__dirname, "engine-thread.js"));
  });
  afterAll(async () => {
    await worker.terminate();
  });

  it("summarises 84,276 kampung with no synchronous stretch over 200 ms", async () => {
    const { model } = nationalWorkbook(NATIONAL_KAMPUNG);
    const engine = new EngineClient(threadPort(worker));
    // Warm the worker up (it transpiles the engine on its first request).
    engine.begin([]);
    await engine.read({ lang: "id" });

    const context = roundTrips(new FakeContext(model));
    const fractions: number[] = [];
    const { value: outcome, longest } = await longestStretch(() =>
      summarizeWorkbook(context.asExcel(), {
        now: FIXED_NOW,
        engine,
        onProgress: (p) => fractions.push(p.fraction),
      })
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.kampung).toBe(NATIONAL_KAMPUNG);
    expect(context.syncCount).toBeLessThanOrEqual(40);
    expect(new Set(fractions).size).toBeGreaterThan(5);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
  }, 120_000);

  it("writes what the engine in this thread writes", async () => {
    const run = async (engine?: EngineClient) => {
      const { model } = nationalWorkbook(300);
      await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW, engine });
      return {
        sheets: model.sheets.map((s) => ({
          name: s.name,
          values: s.values,
          formats: s.formatLayers,
        })),
        settings: [...model.settings],
      };
    };
    expect(await run(new EngineClient(threadPort(worker)))).toEqual(await run());
  }, 60_000);
});
