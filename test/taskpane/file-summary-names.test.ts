/**
 * Issue 17 items 6 and 8 in the pane outside Excel (the same rules as the CLI): a CSV named
 * `penilaian[1].csv` is summarised under a valid sheet name, and a user's own `KKB Ringkasan`
 * is kept with the summary numbered.
 */
import { SETARA } from "../../src/engine/ibangga";
import { EngineReply, FileSummary } from "../../src/taskpane/engine-protocol";
import { createEngineCore } from "../../src/taskpane/engine-core";
import * as fileEngine from "../../src/taskpane/file-engine";
import { gridFromRows } from "../../src/workbook/grid";
import { readWorkbookBytes } from "../../src/xlsx/read-bytes";
import { writeWorkbook } from "../../src/xlsx/write";
import { readFileSync } from "node:fs";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-pane-names-");
afterAll(() => tmp.remove());

const HEADER = ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"];

/** Opens a file in the engine core and asks for the summary workbook. */
async function summarise(bytes: ArrayBuffer, name: string): Promise<FileSummary> {
  const replies = new Map<number, (reply: EngineReply) => void>();
  const core = createEngineCore((reply) => {
    if (reply.kind !== "progress") replies.get(reply.id)?.(reply);
  }, fileEngine);
  const ask = (id: number, request: Parameters<typeof core>[0]) =>
    new Promise<EngineReply>((resolve) => {
      replies.set(id, resolve);
      core(request);
    });
  const opened = await ask(1, { id: 1, op: "openFile", bytes, name, lang: "id" });
  expect(opened.kind).toBe("done");
  const request = {
    lang: "id" as const,
    weights: SETARA,
    source: name,
    now: new Date(Date.UTC(2024, 0, 1)),
    includeCopies: true,
  };
  const done = await ask(2, { id: 2, op: "summaryFile", request });
  if (done.kind !== "done") throw new Error(JSON.stringify(done));
  return done.value as FileSummary;
}

const toArrayBuffer = (b: Uint8Array | Buffer) =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe("the pane's file summary names sheets as the CLI does", () => {
  it("summarises penilaian[1].csv under the sheet penilaian(1)", async () => {
    const csv = [HEADER.join(";"), "Satu;2;1;1"].join("\n") + "\n";
    const summary = await summarise(toArrayBuffer(Buffer.from(csv)), "penilaian[1].csv");
    const grids = await readWorkbookBytes(toArrayBuffer(summary.bytes), "out.xlsx");
    expect(grids[0].sheet).toBe("penilaian(1)");
    expect(summary.sheets).toContain("KKB Ringkasan");
  });

  it("keeps a user's own KKB Ringkasan and numbers the summary", async () => {
    const file = tmp.file("own.xlsx");
    const notes = [["Catatan rapat"]];
    await writeWorkbook(file, [], {
      copies: [
        { name: "Data", grid: gridFromRows("Data", [HEADER, ["Satu", 2, 1, 1]]) },
        { name: "KKB Ringkasan", grid: gridFromRows("KKB Ringkasan", notes) },
      ],
    });
    const summary = await summarise(toArrayBuffer(readFileSync(file)), "own.xlsx");
    expect(summary.sheets).toContain("KKB Ringkasan (2)");
    const grids = await readWorkbookBytes(toArrayBuffer(summary.bytes), "out.xlsx");
    expect(grids.find((g) => g.sheet === "KKB Ringkasan")!.rows).toEqual(notes);
  });
});
