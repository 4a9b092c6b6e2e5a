/**
 * The worker of uncertainty-threads.ts: its composite runs and all of iBangga's, posted on its
 * port (typed arrays transferred, not copied); then, once the other thread has sent its bins
 * of the worker's half of the kampung, that half's composite percentiles. Sets the shared
 * word after each answer and wakes the waiting thread.
 */
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import {
  compositePercentiles,
  compositeSlice,
  ibanggaPercentiles,
  partRuns,
} from "../engine/uncertainty";
import {
  DONE,
  FAILED,
  GO,
  HalfMessage,
  MAIN,
  RunsAnswer,
  RUNS_DONE,
  STARTED,
  WORKER,
  WorkerTask,
} from "./uncertainty-threads";

const task = workerData as WorkerTask;
const word = new Int32Array(task.state);

function tell(state: number): void {
  Atomics.store(word, WORKER, state);
  Atomics.notify(word, WORKER);
}

const buffers = (arrays: readonly (ArrayBufferView | null | undefined)[]): ArrayBuffer[] =>
  arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));

tell(STARTED);
try {
  const { input, cuts } = task;
  const slice = compositeSlice(input, task.composite, cuts);
  const ibangga = ibanggaPercentiles(input);
  // The rank tables are copied (both threads need them); the bins of the other half moved.
  const answer: RunsAnswer = { runs: partRuns(slice, 0), sensitivity: slice.sensitivity, ibangga };
  const s = slice.sensitivity;
  task.port.postMessage(
    answer,
    buffers([slice.bins[0], s?.sum, s?.sumSq, ibangga?.p5, ibangga?.median, ibangga?.p95])
  );
  tell(RUNS_DONE);
  Atomics.wait(word, MAIN, 0);
  if (Atomics.load(word, MAIN) === GO) {
    const theirs = receiveMessageOnPort(task.port)?.message as HalfMessage;
    const half = compositePercentiles(input, { from: cuts[1], to: cuts[2] }, [
      theirs,
      partRuns(slice, 1),
    ]);
    task.port.postMessage(half, buffers([half.p5, half.median, half.p95]));
    tell(DONE);
  }
} catch (error) {
  task.port.postMessage({ failed: String(error) });
  tell(FAILED);
}
