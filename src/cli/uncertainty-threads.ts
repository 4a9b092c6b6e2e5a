/**
 * The Monte Carlo of `KKB Ketidakpastian` on two cores (Node's worker_threads): a worker runs
 * iBangga's runs and the last composite runs while this thread runs the first composite runs;
 * the engine merges the parts (engine/uncertainty.ts: the same figures whatever the split).
 * Synchronous for its caller, as buildSummary is: this thread waits on a shared word
 * (Atomics.wait) and takes the worker's part with receiveMessageOnPort. When the worker does
 * not start or fails, its part is computed in this thread instead (same figures, more time).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import {
  compositeSlice,
  CompositeSlice,
  ibanggaPercentiles,
  Percentiles,
  RunRange,
  THIS_THREAD,
  UncertaintyInput,
  UncertaintyRunner,
} from "../engine/uncertainty";

/** What the worker is given (workerData). */
export interface WorkerTask {
  readonly input: UncertaintyInput;
  readonly composite: RunRange;
  /** The shared word the worker sets: STARTED, then DONE or FAILED. */
  readonly state: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** What the worker answers on its port. */
export type WorkerAnswer =
  | { readonly ok: true; readonly composite: CompositeSlice; readonly ibangga: Percentiles | null }
  | { readonly ok: false; readonly message: string };

export const STARTED = 1;
export const DONE = 2;
export const FAILED = 3;

/** Below this many kampung x runs, one thread: starting a worker costs more than it saves. */
export const MIN_THREADED_WORK = 2_000_000;
/** How long to wait for a worker that has not started by the time this thread is done (ms). */
const START_WAIT_MS = 10_000;
/**
 * Share of the composite's runs this thread computes: the worker also draws (not scores) the
 * runs before its slice and runs all of iBangga. Measured on the national workbook (2 cores):
 * ~0.6 balances the two threads.
 */
const THIS_THREAD_SHARE = 0.6;

export interface ThreadOptions {
  /** Threads to use (1 or 2); by default 2 where the machine has 2 cores or more. */
  readonly threads?: number;
  /** The worker's script; by default uncertainty-worker.js beside this module. */
  readonly script?: string;
  /** Kampung x runs from which a worker is used (default MIN_THREADED_WORK). */
  readonly minWork?: number;
  /**
   * Whether this thread computes the worker's part when the worker fails (default true);
   * with false, an Error says why (for tests that must know the worker ran).
   */
  readonly fallback?: boolean;
}

/**
 * A runner for rankUncertainty that uses a second thread for large inputs. `options.script`
 * lets a caller that runs the TypeScript sources (tests, bench) supply a script that loads
 * them.
 */
export function threadedRunner(options: ThreadOptions = {}): UncertaintyRunner {
  const threads = Math.min(2, options.threads ?? availableParallelism());
  const script = options.script ?? path.join(__dirname, "uncertainty-worker.js");
  return (input) => {
    const runs = input.options.runs;
    if (
      threads < 2 ||
      input.composite.index.length * runs < (options.minWork ?? MIN_THREADED_WORK)
    ) {
      return THIS_THREAD(input);
    }
    if (!existsSync(script)) {
      if (options.fallback === false) throw new Error(`no worker script ${script}`);
      return THIS_THREAD(input);
    }
    // An even run: the sensitivity estimator's pairs stay within one slice.
    const split = 2 * Math.round((runs * THIS_THREAD_SHARE) / 2);
    const mine = { from: 0, to: split };
    const theirs = { from: split, to: runs };
    const state = new SharedArrayBuffer(4);
    const word = new Int32Array(state);
    const channel = new MessageChannel();
    const task: WorkerTask = { input, composite: theirs, state, port: channel.port2 };
    const worker = new Worker(script, { workerData: task, transferList: [channel.port2] });
    worker.unref();
    try {
      const first = compositeSlice(input, mine);
      const answer = waitFor(word, channel.port1);
      if (answer?.ok) return { composite: [first, answer.composite], ibangga: answer.ibangga };
      if (options.fallback === false) {
        throw new Error(`the worker failed: ${answer ? answer.message : "no answer"}`);
      }
      return {
        composite: [first, compositeSlice(input, theirs)],
        ibangga: ibanggaPercentiles(input),
      };
    } finally {
      channel.port1.close();
      void worker.terminate();
    }
  };
}

/** The worker's answer, or null when it did not start in time or failed. */
function waitFor(word: Int32Array, port: MessagePort): WorkerAnswer | null {
  if (Atomics.load(word, 0) === 0) Atomics.wait(word, 0, 0, START_WAIT_MS);
  if (Atomics.load(word, 0) === 0) return null;
  while (Atomics.load(word, 0) === STARTED) Atomics.wait(word, 0, STARTED);
  const message = receiveMessageOnPort(port);
  return message ? (message.message as WorkerAnswer) : null;
}
