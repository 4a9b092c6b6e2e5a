/**
 * The engine's side of the worker protocol (engine-protocol.ts): a LocalEngine for rows the
 * office.js adapter streams, and, outside Excel, the file engine (ExcelJS) reading and writing
 * .xlsx bytes. Requests run one after another in the order they arrive. Runs in a Web Worker
 * (engine.worker.ts in Excel, file.worker.ts outside it), or in the pane's thread where workers
 * are missing.
 */
import { LocalEngine } from "../excel/engine";
import { WriteOp, opBytes } from "../excel/plan-write";
import { readChosenInput } from "../workbook/choose-input";
import { sameInputOptions } from "../workbook/round-sheets";
import { outputSheets } from "../workbook/output-sheets";
import { issueCounts } from "../workbook/read-view";
import { withValidSheetNames } from "../workbook/sheet-names";
import { buildSummary } from "../workbook/summary";
import {
  DoneValue,
  EngineReply,
  EngineRequest,
  EngineRequestMessage,
  FileSummary,
  FileSummaryRequest,
  Post,
} from "./engine-protocol";

export type FileEngine = typeof import("./file-engine");

/**
 * The request handler: call it with each message; it answers through `post`. `files` is the
 * file engine (ExcelJS), where files are read and written; without it, file requests fail.
 */
export function createEngineCore(
  post: Post<EngineReply>,
  files: FileEngine | null = null
): (message: EngineRequestMessage) => void {
  const loadFileEngine = (): Promise<FileEngine> =>
    files ? Promise.resolve(files) : Promise.reject(new Error("No file engine in this thread"));
  const engine = new LocalEngine();
  let file: { name: string } | null = null;
  let queue: Promise<void> = Promise.resolve();
  /** The last plan's batches, each in parts handed out one message each. */
  let batches: readonly (readonly (readonly WriteOp[])[])[] = [];

  async function summaryFile(id: number, request: FileSummaryRequest): Promise<FileSummary> {
    const files = await loadFileEngine();
    const current = engine.lastRead;
    if (!current || !file) throw new Error("No file has been read");
    const grids = engine.inputGrids;
    post({ id, kind: "progress", progress: { stage: "score", fraction: 0.05 } });
    const read =
      current.sheet !== "" && request.lang !== currentLang
        ? readChosenInput(grids, {
            lang: request.lang,
            ...sameInputOptions(current),
            // The user's choice stands in the summary's language too.
            visibleOnly: engine.leavesHiddenRowsOut,
          })
        : current;
    const summary = buildSummary(read, {
      lang: request.lang,
      weights: request.weights,
      source: request.source,
      now: request.now,
      periode: request.periode,
      ...(request.profil ? { profil: request.profil } : {}),
    });
    // A user's own `KKB ...` sheet is kept and the summary numbered, as in Excel.
    const { copies, sheets } = request.includeCopies
      ? outputSheets(grids, summary.sheets)
      : { copies: [], sheets: summary.sheets };
    const bytes = await files.workbookBytes(sheets, {
      copies,
      onSheet: (sheet, index, total) =>
        post({
          id,
          kind: "progress",
          progress: { stage: "sheet", fraction: 0.1 + (0.8 * index) / total, sheet },
        }),
      onPack: () => post({ id, kind: "progress", progress: { stage: "zip", fraction: 0.92 } }),
    });
    return {
      bytes,
      counts: { kampung: summary.results.kampung.length, ...issueCounts(summary.results.issues) },
      sheets: sheets.map((sheet) => sheet.name),
    };
  }

  let currentLang: string | null = null;

  async function handle(id: number, request: EngineRequest): Promise<DoneValue> {
    switch (request.op) {
      case "begin":
        file = null;
        engine.begin(request.shapes);
        return null;
      case "append":
        engine.append(request.index, request.rows);
        return null;
      case "select":
        engine.select(request.indexes);
        return null;
      case "facts":
        engine.facts(request.index, request.facts);
        return null;
      case "read":
        currentLang = request.options.lang;
        return engine.read(request.options);
      case "analyse": {
        // Messages are made when reading: read again when the pane's language changed.
        const last = engine.lastRead;
        if (last && !last.fatal && request.lang !== currentLang) {
          engine.readNow({ lang: request.lang, ...sameInputOptions(last) });
          currentLang = request.lang;
        }
        return engine.analyse(request.weights, request.lang, request.periode);
      }
      case "whatIf":
        return engine.whatIf(request.weights);
      case "plan": {
        const outcome = engine.planNow(request.request);
        batches = [];
        if (!outcome.ok) return outcome;
        // Kept here; the pane asks for one batch at a time (at most a request's 4 MB to copy).
        batches = Array.from({ length: outcome.batchCount }, (_, i) =>
          batchParts(outcome.batch(i) as WriteOp[])
        );
        return {
          ok: true,
          batchCount: outcome.batchCount,
          written: outcome.written,
          deleted: outcome.deleted,
          counts: outcome.counts,
        };
      }
      case "batch": {
        const parts = batches[request.index];
        const ops = parts?.[request.part];
        if (!parts || !ops) throw new Error(`No write batch ${request.index}.${request.part}`);
        const more = request.part < parts.length - 1;
        if (!more && request.index === batches.length - 1) batches = [];
        return { ops, more };
      }
      case "openFile": {
        const files = await loadFileEngine();
        // Names Excel accepts (a CSV is named after its file: `penilaian[1].csv`).
        const grids = withValidSheetNames(await files.readFileGrids(request.bytes, request.name));
        engine.useGrids(grids);
        file = { name: request.name };
        currentLang = request.lang;
        return engine.read({ lang: request.lang, visibleOnly: request.visibleOnly });
      }
      case "summaryFile":
        return summaryFile(id, request.request);
      case "template":
        return (await loadFileEngine()).templateBytes(request.lang);
    }
  }

  async function run(message: EngineRequestMessage): Promise<void> {
    const { id } = message;
    try {
      const value = await handle(id, message);
      const transfer: Transferable[] = [];
      if (value instanceof Uint8Array) transfer.push(value.buffer as ArrayBuffer);
      else if (value && "bytes" in value) transfer.push(value.bytes.buffer as ArrayBuffer);
      post({ id, kind: "done", value }, transfer);
    } catch (error) {
      let fileText: string | null = null;
      if (message.op === "openFile" || message.op === "summaryFile") {
        fileText =
          files?.fileErrorText(
            error,
            message.op === "openFile" ? message.lang : message.request.lang
          ) ?? null;
      }
      const e = error as { code?: unknown; message?: unknown } | null;
      const text = typeof e?.message === "string" ? e.message : String(error);
      post({
        id,
        kind: "error",
        message: typeof e?.code === "string" ? `${e.code}: ${text}` : text,
        fileText,
      });
    }
  }

  return (message) => {
    queue = queue.then(() => run(message));
  };
}

/**
 * Bytes of operations per message to the pane. The pane's thread takes each message in one task
 * (structured-clone deserialisation, native time): a whole 4 MB batch took 144-290 ms of the
 * national summary's longest main-thread stretch (budget 200 ms); parts of this size keep each
 * task short, at some 16 messages a batch.
 */
export const BATCH_PART_BYTES = 256_000;

/** A batch in consecutive parts of at most BATCH_PART_BYTES (an operation larger stands alone). */
export function batchParts(ops: readonly WriteOp[]): (readonly WriteOp[])[] {
  const parts: WriteOp[][] = [];
  let part: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (part.length > 0 && bytes + size > BATCH_PART_BYTES) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(op);
    bytes += size;
  }
  parts.push(part);
  return parts;
}
