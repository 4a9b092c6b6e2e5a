/**
 * Issue 14 in the pane's engine: a file of several rounds shows them, the check step analyses
 * the chosen round, and the summary file is that round's with KKB Tren.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SETARA } from "../../src/engine/ibangga";
import { createEngineCore } from "../../src/taskpane/engine-core";
import { EngineReply, FileSummary } from "../../src/taskpane/engine-protocol";
import * as fileEngine from "../../src/taskpane/file-engine";
import { AnalysisView, ReadView } from "../../src/workbook/read-view";
import { readWorkbookBytes } from "../../src/xlsx/read-bytes";

const FIXTURE = path.join(__dirname, "..", "fixtures", "rounds", "tiga-periode.xlsx");

function engine() {
  const replies = new Map<number, (reply: EngineReply) => void>();
  const core = createEngineCore((reply) => {
    if (reply.kind !== "progress") replies.get(reply.id)?.(reply);
  }, fileEngine);
  let next = 0;
  return async (request: Record<string, unknown>): Promise<unknown> => {
    const id = ++next;
    const reply = await new Promise<EngineReply>((resolve) => {
      replies.set(id, resolve);
      core({ ...request, id } as Parameters<typeof core>[0]);
    });
    if (reply.kind !== "done") throw new Error(JSON.stringify(reply));
    return reply.value;
  };
}

describe("rounds in the pane's engine", () => {
  it("lists the rounds, analyses and summarises the round chosen", async () => {
    const ask = engine();
    const b = readFileSync(FIXTURE);
    const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const view = (await ask({ op: "openFile", bytes, name: "tiga.xlsx", lang: "id" })) as ReadView;
    expect(view.rounds).toEqual([
      { label: "2024-T3", count: 29 },
      { label: "2024-T4", count: 29 },
      { label: "2025-T1", count: 29 },
    ]);
    const latest = (await ask({ op: "analyse", weights: SETARA, lang: "id" })) as AnalysisView;
    // K04 is Mandiri only in 2025-T1, with a composite of a Berkembang kampung.
    expect(latest.issues.map((i) => i.code)).toContain("STATUS_INCONSISTENT");
    const earlier = (await ask({
      op: "analyse",
      weights: SETARA,
      lang: "id",
      periode: "2024-T4",
    })) as AnalysisView;
    expect(earlier.issues.map((i) => i.code)).not.toContain("STATUS_INCONSISTENT");
    expect(earlier.kampung).toBe(29);
    const request = {
      lang: "id",
      weights: SETARA,
      source: "tiga.xlsx",
      now: new Date(Date.UTC(2025, 3, 1)),
      includeCopies: false,
      periode: "2024-T4",
    };
    const summary = (await ask({ op: "summaryFile", request })) as FileSummary;
    expect(summary.sheets).toContain("KKB Tren");
    const sheets = await readWorkbookBytes(summary.bytes.slice().buffer, "out.xlsx");
    const ringkasan = sheets.find((g) => g.sheet === "KKB Ringkasan")!;
    expect(String(ringkasan.rows[3][0])).toMatch(/periode 2024-T4 \(dipilih dari 3 periode\)/);
    expect(ringkasan.rows.some((row) => row[1] === "K29")).toBe(true);
  });
});
