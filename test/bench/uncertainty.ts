/**
 * The uncertainty analysis of `KKB Ketidakpastian` (issue 16) on the national results: the
 * 1,000-run Monte Carlo with its sensitivity estimator (engine/uncertainty.ts) and the
 * association with iBangga with its bootstrap (engine/association.ts), engine only, once each
 * after a full gc(). Wall and CPU time, and the heap and RSS they leave. The Monte Carlo as
 * `kkb summarize` runs it (on two threads where there are two cores: cli/uncertainty-threads.ts)
 * and, for comparison, in one thread (as the pane's worker runs it); both give the same figures.
 */
import { associationWithIbangga } from "../../src/engine/association";
import { Results } from "../../src/engine/assessment";
import { SETARA } from "../../src/engine/ibangga";
import * as path from "node:path";
import { rankUncertainty } from "../../src/engine/uncertainty";
import { threadedRunner } from "../../src/cli/uncertainty-threads";
import { gc, now } from "./measure";
import * as os from "node:os";

export interface UncertaintyFigures {
  readonly kampung: number;
  readonly runs: number;
  readonly sensitivityPairs: number;
  readonly monteCarloMs: number;
  readonly monteCarloCpuMs: number;
  /** Threads the Monte Carlo used above. */
  readonly threads: number;
  /** The same Monte Carlo in one thread. */
  readonly oneThreadMs: number;
  /** Whether both gave the same figures (they must). */
  readonly sameFigures: boolean;
  readonly associationMs: number;
  readonly rssAfterMb: number;
  /** Neighbouring pairs in the nominal order whose intervals overlap, of all pairs. */
  readonly overlappingPairs: number;
  readonly neighbourPairs: number;
  readonly sensitivity: { readonly weights: number | null; readonly rubric: number | null };
}

export function measureUncertainty(results: Results): UncertaintyFigures {
  // The worker thread runs the TypeScript sources as the bench does.
  const script = path.join(__dirname, "..", "helpers", "uncertainty-thread.js");
  const threads = Math.min(2, os.availableParallelism());
  gc();
  const c0 = process.cpuUsage();
  const t0 = now();
  const u = rankUncertainty(results.kampung, SETARA, {}, threadedRunner({ script, threads }));
  const monteCarloMs = now() - t0;
  const cpu = process.cpuUsage(c0);
  gc();
  const t2 = now();
  const single = rankUncertainty(results.kampung, SETARA);
  const oneThreadMs = now() - t2;
  const sameFigures = JSON.stringify(single) === JSON.stringify(u);
  gc();
  const t1 = now();
  associationWithIbangga(results.kampung, "setara", u.options.seed);
  const associationMs = now() - t1;
  return {
    kampung: u.composite.ranked,
    runs: u.options.runs,
    sensitivityPairs: Math.min(u.options.sensitivityRuns, Math.floor(u.options.runs / 2)),
    monteCarloMs,
    monteCarloCpuMs: (cpu.user + cpu.system) / 1000,
    threads,
    oneThreadMs,
    sameFigures,
    associationMs,
    rssAfterMb: process.memoryUsage().rss / 1e6,
    overlappingPairs: u.composite.overlappingPairs,
    neighbourPairs: u.composite.neighbourPairs,
    sensitivity: {
      weights: u.sensitivity.composite.weights,
      rubric: u.sensitivity.composite.rubric,
    },
  };
}
