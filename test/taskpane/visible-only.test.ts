/**
 * "Visible rows only" in the pane outside Excel: the worker's engine core opens the file the
 * user chose, and a later read with the option leaves the hidden rows out and keeps that choice
 * for the reads after it (a language switch, the analysis).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { createEngineCore } from "../../src/taskpane/engine-core";
import { EngineReply, EngineRequest, FileSummary } from "../../src/taskpane/engine-protocol";
import * as files from "../../src/taskpane/file-engine";
import { AnalysisView, ReadView } from "../../src/workbook/read-view";
import { SETARA } from "../../src/engine/ibangga";

const FILE = path.join(__dirname, "..", "fixtures", "real", "openpyxl-tersembunyi.xlsx");

function core() {
  const replies = new Map<number, (reply: EngineReply) => void>();
  const handle = createEngineCore((reply) => {
    if (reply.kind !== "progress") replies.get(reply.id)?.(reply);
  }, files);
  let next = 0;
  return <T>(request: EngineRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      replies.set(id, (reply) =>
        reply.kind === "done" ? resolve(reply.value as T) : reject(new Error(JSON.stringify(reply)))
      );
      handle({ ...request, id });
    });
}

describe("visible rows only (pane, outside Excel)", () => {
  it("opens with hidden rows counted, then leaves them out on request and keeps it so", async () => {
    const call = core();
    const bytes = new Uint8Array(readFileSync(FILE)).buffer;
    const all = await call<ReadView>({ op: "openFile", bytes, name: "t.xlsx", lang: "id" });
    expect(all.kampung).toBe(6);
    const visible = await call<ReadView>({
      op: "read",
      options: { lang: "id", sheet: all.sheet, visibleOnly: true },
    });
    expect(visible.kampung).toBe(4);
    // A language switch reads again: the choice stands.
    const english = await call<ReadView>({ op: "read", options: { lang: "en", sheet: all.sheet } });
    expect(english.kampung).toBe(4);
    const analysis = await call<AnalysisView>({ op: "analyse", weights: SETARA, lang: "id" });
    expect(analysis.kampung).toBe(4);
  });

  it("a file opened with the box ticked is read without its hidden rows", async () => {
    const call = core();
    const bytes = new Uint8Array(readFileSync(FILE)).buffer;
    const view = await call<ReadView>({
      op: "openFile",
      bytes,
      name: "t.xlsx",
      lang: "id",
      visibleOnly: true,
    });
    expect(view.kampung).toBe(4);
  });

  it("a summary in another language than the pane's still leaves the hidden rows out", async () => {
    const call = core();
    const bytes = new Uint8Array(readFileSync(FILE)).buffer;
    const all = await call<ReadView>({ op: "openFile", bytes, name: "t.xlsx", lang: "id" });
    await call<ReadView>({
      op: "read",
      options: { lang: "id", sheet: all.sheet, visibleOnly: true },
    });
    const summary = await call<FileSummary>({
      op: "summaryFile",
      request: {
        lang: "en",
        weights: SETARA,
        source: "t.xlsx",
        now: new Date(Date.UTC(2025, 0, 2)),
        includeCopies: false,
      },
    });
    expect(summary.counts.kampung).toBe(4);
  });
});
