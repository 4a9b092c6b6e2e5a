/**
 * The worker of read-thread.ts: reads the .xlsx file its task names with the one-thread reader
 * (readZipWorkbook), whose sheets' builders send their rows and facts to the parent thread as
 * they are read; then "done", or the reader's error (its problem, for an XlsxFileError).
 */
import { openAsBlob } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { isXlsxFileError } from "./errors";
import { ZipPackage } from "./ooxml/zip-package";
import { readZipWorkbook } from "./read-bytes";
import { ReadTask, SendingGridBuilder, SentStrings, WorkerMessage } from "./read-thread";

const task = workerData as ReadTask;
const port = parentPort;
const post = (message: WorkerMessage) => port?.postMessage(message);
const sent = new SentStrings();

readZipWorkbook(
  async () => ZipPackage.open(await openAsBlob(task.file)),
  task.name,
  (rows) => post({ kind: "progress", rows }),
  task.maxCells,
  (sheet, budget) => new SendingGridBuilder(sheet, budget, post, sent)
).then(
  () => post({ kind: "done" }),
  (error: unknown) =>
    post({
      kind: "error",
      problem: isXlsxFileError(error) ? error.problem : null,
      message: error instanceof Error ? error.message : String(error),
    })
);
