/**
 * The worker of uncertainty-threads.ts: computes its slice of the composite's runs and all of
 * iBangga's, posts them on its port (the typed arrays transferred, not copied), then sets the
 * shared word and wakes the waiting thread.
 */
import { workerData } from "node:worker_threads";
import { compositeSlice, ibanggaPercentiles } from "../engine/uncertainty";
import { DONE, FAILED, STARTED, WorkerAnswer, WorkerTask } from "./uncertainty-threads";

const task = workerData as WorkerTask;
const word = new Int32Array(task.state);
Atomics.store(word, 0, STARTED);
try {
  const composite = compositeSlice(task.input, task.composite);
  const ibangga = ibanggaPercentiles(task.input);
  const answer: WorkerAnswer = { ok: true, composite, ibangga };
  const buffers: (ArrayBufferView | undefined)[] = [
    composite.bins,
    composite.rankOfBin,
    ibangga?.p5,
    ibangga?.median,
    ibangga?.p95,
  ];
  if (composite.sensitivity) buffers.push(composite.sensitivity.sum, composite.sensitivity.sumSq);
  task.port.postMessage(
    answer,
    buffers.flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []))
  );
  Atomics.store(word, 0, DONE);
} catch (error) {
  const answer: WorkerAnswer = { ok: false, message: String(error) };
  task.port.postMessage(answer);
  Atomics.store(word, 0, FAILED);
}
Atomics.notify(word, 0);
