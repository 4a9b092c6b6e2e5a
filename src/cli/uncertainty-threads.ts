/**
 * The Monte Carlo of `KKB Ketidakpastian` on two cores (Node's worker_threads). A worker runs
 * iBangga's runs (and the last composite runs, if THIS_THREAD_SHARE leaves it any) while this
 * thread runs the composite's; then each thread finds the composite percentiles of half the kampung (each sends the
 * other the bins of that other half, transferred, not copied); the engine merges the parts
 * (engine/uncertainty.ts: the same figures whatever the split). Synchronous for its caller, as
 * buildSummary is: each thread waits on a shared word (Atomics.wait) and takes the other's
 * message with receiveMessageOnPort. When the worker does not start or fails, this thread
 * computes everything itself (the same figures, in more time).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import {
  compositePercentiles,
  compositeSlice,
  partRuns,
  Percentiles,
  PartRuns,
  RunRange,
  SensitivityPart,
  THIS_THREAD,
  UncertaintyInput,
  UncertaintyParts,
  UncertaintyRunner,
} from "../engine/uncertainty";

/** What the worker is given (workerData). */
export interface WorkerTask {
  readonly input: UncertaintyInput;
  /** The worker's composite runs. */
  readonly composite: RunRange;
  /** The kampung parts: this thread's half first, the worker's second. */
  readonly cuts: readonly number[];
  /** Two shared words: the worker's state (WORKER_*) and this thread's (GO or STOP). */
  readonly state: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** The worker's first answer: its runs (the bins of this thread's half of the kampung only). */
export interface RunsAnswer {
  readonly runs: PartRuns;
  readonly sensitivity: SensitivityPart | null;
  readonly ibangga: Percentiles | null;
}

/** This thread's message to the worker: its runs' bins of the worker's half of the kampung. */
export type HalfMessage = PartRuns;

/** Words of the shared state: the worker's, then this thread's. */
export const WORKER = 0;
export const MAIN = 1;
/** The worker's state. */
export const STARTED = 1;
export const RUNS_DONE = 2;
export const DONE = 3;
export const FAILED = 4;
/** This thread's state: its half's bins posted, or nothing more to do. */
export const GO = 1;
export const STOP = 2;

/** Below this many kampung x runs, one thread: starting a worker costs more than it saves. */
export const MIN_THREADED_WORK = 2_000_000;
/** How long to wait for a worker that has not started by the time this thread needs it (ms). */
const START_WAIT_MS = 10_000;
/**
 * Share of the composite's runs this thread computes. A worker's slice starts by drawing (not
 * scoring) the runs before it, and on the national workbook drawing a run's rubric moves cost
 * almost as much as scoring it (3.2 and 4.1 ms CPU, at a load of 10): with iBangga's runs
 * (4.9 s) on the worker, the threads balance best with every composite run here (8.1 s)
 * and the percentiles (2.6 s) split between the two, against 11.1 s with 60 % here.
 */
const THIS_THREAD_SHARE = 1;

export interface ThreadOptions {
  /** Threads to use (1 or 2); by default 2 where the machine has 2 cores or more. */
  readonly threads?: number;
  /** The worker's script; by default uncertainty-worker.js beside this module. */
  readonly script?: string;
  /** Kampung x runs from which a worker is used (default MIN_THREADED_WORK). */
  readonly minWork?: number;
  /**
   * Whether this thread computes everything when the worker fails (default true); with false,
   * an Error says why (for tests that must know the worker ran).
   */
  readonly fallback?: boolean;
}

/**
 * A runner for rankUncertainty that uses a second thread for large inputs. `options.script`
 * lets a caller that runs the TypeScript sources (tests, bench) give a script that loads them.
 */
export function threadedRunner(options: ThreadOptions = {}): UncertaintyRunner {
  const threads = Math.min(2, options.threads ?? availableParallelism());
  const script = options.script ?? path.join(__dirname, "uncertainty-worker.js");
  const failed = (why: string, input: UncertaintyInput): UncertaintyParts => {
    if (options.fallback === false) throw new Error(`uncertainty worker: ${why}`);
    return THIS_THREAD(input);
  };
  return (input) => {
    const runs = input.options.runs;
    const n = input.composite.index.length;
    if (threads < 2 || n * runs < (options.minWork ?? MIN_THREADED_WORK)) return THIS_THREAD(input);
    if (!existsSync(script)) return failed(`no script ${script}`, input);
    // An even run: the sensitivity estimator's pairs stay within one slice.
    const split = 2 * Math.round((runs * THIS_THREAD_SHARE) / 2);
    const cuts = [0, Math.floor(n / 2), n];
    const state = new SharedArrayBuffer(8);
    const word = new Int32Array(state);
    const channel = new MessageChannel();
    const task: WorkerTask = {
      input,
      composite: { from: split, to: runs },
      cuts,
      state,
      port: channel.port2,
    };
    const worker = new Worker(script, { workerData: task, transferList: [channel.port2] });
    worker.unref();
    try {
      const mine = compositeSlice(input, { from: 0, to: split }, cuts);
      if (!waitFor(word, RUNS_DONE)) return failed("its runs failed", input);
      const theirs = receiveMessageOnPort(channel.port1)?.message as RunsAnswer;
      const half: HalfMessage = partRuns(mine, 1);
      channel.port1.postMessage(half, [half.bins.buffer as ArrayBuffer]);
      signal(word, GO);
      const first = compositePercentiles(input, { from: 0, to: cuts[1] }, [
        partRuns(mine, 0),
        theirs.runs,
      ]);
      if (!waitFor(word, DONE)) return failed("its percentiles failed", input);
      const second = receiveMessageOnPort(channel.port1)?.message as Percentiles;
      const sensitivity = [mine.sensitivity, theirs.sensitivity].flatMap((s) => (s ? [s] : []));
      return { composite: [first, second], sensitivity, ibangga: theirs.ibangga };
    } finally {
      signal(word, STOP);
      channel.port1.close();
      void worker.terminate();
    }
  };
}

/** Sets this thread's word (once: GO, then STOP changes nothing) and wakes the worker. */
function signal(word: Int32Array, value: number): void {
  Atomics.compareExchange(word, MAIN, 0, value);
  Atomics.notify(word, MAIN);
}

/** Waits until the worker reaches `until`; false when it did not start in time or failed. */
function waitFor(word: Int32Array, until: number): boolean {
  if (Atomics.load(word, WORKER) === 0) Atomics.wait(word, WORKER, 0, START_WAIT_MS);
  for (;;) {
    const now = Atomics.load(word, WORKER);
    if (now === 0 || now === FAILED) return false;
    if (now >= until) return true;
    Atomics.wait(word, WORKER, now);
  }
}
