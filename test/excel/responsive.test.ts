/**
 * The pane stays responsive in Excel: with the engine in its own thread (the pane's Web Worker;
 * here a worker_threads thread running the same handler), the thread that talks to Excel only
 * reads ranges, hands rows on and runs write batches. Checked on the national workbook (84,276
 * kampung) against the fake Excel, whose syncs here are round trips as Excel's are. Asserted as
 * counts, never as time: the work is cut into many round trips, each carrying a bounded number
 * of cells, and the event loop turns between them. The same run checks the office.js budgets
 * (syncs, payload) and that the input is never written. How long the longest stretch takes is the
 * bench's figure (`npm run bench`, "pane main thread").
 */
import { Worker } from "node:worker_threads";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { EngineClient } from "../../src/taskpane/engine-client";
import { FIXED_NOW } from "./budget";
import { REQUEST_PAYLOAD_LIMIT } from "../../src/excel/limits";
import { FakeContext, SheetModel } from "./fake-excel";
import {
  engineThread,
  newTurnLog,
  roundTrips,
  threadPort,
  warmEngine,
  watchTurns,
} from "./pane-thread";
import { NATIONAL_KAMPUNG, nationalWorkbook } from "./workbooks";

function snapshot(sheet: SheetModel): string {
  return JSON.stringify({ values: sheet.values, types: sheet.types, formats: sheet.formatLayers });
}

/** At least this many round trips to Excel for the national workbook. */
const MIN_SYNCS = 12;
/** At most this many cell values in one round trip (one read or one write batch). */
const MAX_CELLS_PER_SYNC = 1_200_000;

describe("the pane's thread in Excel, with the engine in a worker", () => {
  let worker: Worker;
  beforeAll(() => {
    worker = engineThread();
  });
  afterAll(async () => {
    await worker.terminate();
  });

  it("cuts the national summary into bounded round trips, turning the event loop between them", async () => {
    const { model, input } = nationalWorkbook(NATIONAL_KAMPUNG);
    const before = snapshot(input);
    const engine = await warmEngine(worker);
    const log = newTurnLog();
    const context = roundTrips(new FakeContext(model), log);
    const fractions: number[] = [];
    const { value: outcome } = await watchTurns(log, () =>
      summarizeWorkbook(context.asExcel(), {
        now: FIXED_NOW,
        engine,
        onProgress: (p) => fractions.push(p.fraction),
      })
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.kampung).toBe(NATIONAL_KAMPUNG);
    expect(log.syncs).toBe(context.syncCount);
    // The office.js budgets (DESIGN.md): at most 40 syncs, no request or response over 4 MB.
    expect(context.syncCount).toBeGreaterThanOrEqual(MIN_SYNCS);
    expect(context.syncCount).toBeLessThanOrEqual(40);
    for (const sync of context.syncs) {
      expect(sync.requestBytes).toBeLessThanOrEqual(REQUEST_PAYLOAD_LIMIT);
      expect(sync.responseBytes).toBeLessThanOrEqual(REQUEST_PAYLOAD_LIMIT);
    }
    // The input is never written; the last kampung reaches the summary.
    expect(input.changes).toBe(0);
    expect(snapshot(input)).toBe(before);
    const ringkasan = model.sheet("KKB Ringkasan")!;
    const names = ringkasan.values.map((row) =>
      row?.find((v) => v === `Kampung ${NATIONAL_KAMPUNG}`)
    );
    expect(names.filter((v) => v !== undefined)).toHaveLength(1);
    expect(log.maxCellsPerSync).toBeLessThanOrEqual(MAX_CELLS_PER_SYNC);
    // Every round trip lets the loop turn at least twice (sent, answered).
    expect(log.turns).toBeGreaterThanOrEqual(2 * log.syncs);
    expect(new Set(fractions).size).toBeGreaterThan(5);
  }, 900_000);

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
  }, 900_000);
});
