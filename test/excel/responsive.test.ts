/**
 * The pane stays responsive in Excel: with the engine in its own thread (the pane's Web Worker;
 * here a worker_threads thread running the same handler), the thread that talks to Excel only
 * reads ranges, hands rows on and runs write batches. Checked on the national workbook (84,276
 * kampung) against the fake Excel, whose syncs here are round trips as Excel's are. Asserted as
 * counts, never as time: the work is cut into many round trips, each carrying a bounded number
 * of cells, and the event loop turns between them. The same run checks the office.js budgets
 * (syncs, payload) and that the input is never written. It runs in a plain Node thread
 * (national-thread.js): jest's sandbox would make it three times slower. How long the longest
 * stretch takes is the bench's figure (`npm run bench`, "pane main thread").
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { EngineClient } from "../../src/taskpane/engine-client";
import { BATCH_PART_BYTES } from "../../src/taskpane/engine-core";
import { FIXED_NOW } from "./budget";
import { FakeContext } from "./fake-excel";
import { engineThread, NationalRun, threadPort } from "./pane-thread";
import { NATIONAL_KAMPUNG, nationalWorkbook } from "./workbooks";

/** At least this many round trips to Excel for the national workbook. */
const MIN_SYNCS = 12;
/** At most this many cell values in one round trip (one read or one write batch). */
const MAX_CELLS_PER_SYNC = 1_200_000;

function nationalRun(): Promise<NationalRun> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(path.join(__dirname, "national-thread.js"));
    thread.once("message", (m: { ok: boolean; result?: NationalRun; error?: string }) => {
      void thread.terminate();
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(m.error));
    });
    thread.once("error", reject);
  });
}

describe("the pane's thread in Excel, with the engine in a worker", () => {
  it("cuts the national summary into bounded round trips, turning the event loop between them", async () => {
    const run = await nationalRun();
    expect(run.ok).toBe(true);
    expect(run.kampung).toBe(NATIONAL_KAMPUNG);
    expect(run.loggedSyncs).toBe(run.syncs);
    // The office.js budgets (DESIGN.md): at most 40 syncs, no request or response over 4 MB.
    expect(run.syncs).toBeGreaterThanOrEqual(MIN_SYNCS);
    expect(run.syncs).toBeLessThanOrEqual(40);
    expect(run.oversized).toBe(0);
    expect(run.maxCellsPerSync).toBeLessThanOrEqual(MAX_CELLS_PER_SYNC);
    // Every round trip lets the loop turn at least twice (sent, answered).
    expect(run.turns).toBeGreaterThanOrEqual(2 * run.syncs);
    expect(run.distinctFractions).toBeGreaterThan(5);
    // Write batches (up to a request's 4 MB) reach this thread in parts, each a short task.
    expect(run.batchMessages.count).toBeGreaterThan(run.syncs);
    expect(run.batchMessages.largest).toBeLessThanOrEqual(BATCH_PART_BYTES + 64_000);
    // The input is never written; the last kampung reaches the summary.
    expect(run.inputChanges).toBe(0);
    expect(run.inputUnchanged).toBe(true);
    expect(run.lastKampungCells).toBe(1);
  });

  it("writes what the engine in this thread writes", async () => {
    const worker = engineThread();
    try {
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
    } finally {
      await worker.terminate();
    }
  });
});
