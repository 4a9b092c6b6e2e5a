/**
 * The worker of read-thread.ts: reads the .xlsx file its task names with the one-thread reader
 * (readZipWorkbook), whose sheets' builders send their rows and facts to the parent thread as
 * they are read, and whose sheets' text is cut between rows so that the parent parses a share
 * of it meanwhile (sheet-split.ts); then "done", or the reader's error (its problem, for an
 * XlsxFileError).
 */
import { openAsBlob } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { isXlsxFileError } from "./errors";
import { ZipPackage } from "./ooxml/zip-package";
import { readZipWorkbook } from "./read-bytes";
import { ReadTask, SPLIT_EVERY, waitForRoom, WorkerMessage } from "./read-thread";
import { splitReading } from "./sheet-split";

const task = workerData as ReadTask;
const port = parentPort;
/** Messages the parent has taken in, shared with it: at most IN_FLIGHT wait there at once. */
const taken = task.taken ? new Int32Array(task.taken) : null;
let sent = 0;
const post = (message: WorkerMessage) => {
  if (taken) waitForRoom(taken, sent++);
  port?.postMessage(message);
};
const { newBuilder, newFeed } = splitReading(post, {
  every: task.splitEvery ?? SPLIT_EVERY,
  pieceChars: task.pieceChars,
});

readZipWorkbook(
  async () => ZipPackage.open(await openAsBlob(task.file)),
  task.name,
  (rows) => post({ kind: "progress", rows }),
  task.maxCells,
  newBuilder,
  newFeed
).then(
  () => post({ kind: "done" }),
  (error: unknown) =>
    post({
      kind: "error",
      problem: isXlsxFileError(error) ? error.problem : null,
      message: error instanceof Error ? error.message : String(error),
    })
);
