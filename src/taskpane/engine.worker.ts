/**
 * The engine's Web Worker inside Excel: reading, scoring and planning the writes run here, off
 * the pane's thread, so the pane keeps painting and Excel never sees it unresponsive. No ExcelJS.
 */
import { EngineReply, EngineRequestMessage } from "./engine-protocol";
import { createEngineCore } from "./engine-core";

interface WorkerScope {
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<EngineRequestMessage>) => void
  ): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createEngineCore((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener("message", (event) => handle(event.data));
