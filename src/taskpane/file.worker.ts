/**
 * The engine's Web Worker outside Excel: ExcelJS parses the file the user opens and writes the
 * summary workbook here, and the engine reads and scores, all off the pane's thread. Built as
 * xlsx.js; loaded only when the pane runs outside Excel.
 */
import { EngineReply, EngineRequestMessage } from "./engine-protocol";
import { createEngineCore } from "./engine-core";
import * as files from "./file-engine";

interface WorkerScope {
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<EngineRequestMessage>) => void
  ): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createEngineCore(
  (message, transfer) => scope.postMessage(message, transfer ?? []),
  files
);
scope.addEventListener("message", (event) => handle(event.data));
