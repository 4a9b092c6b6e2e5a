/**
 * The engine on the national grid: readInput (grid to assessments and issues), scoreAll
 * (assessments to results), and buildSummary (results to sheet specs), each the median of
 * several runs with a full gc() before each; and the floor: a bare loop over the same
 * numbers computing the same means into a typed array, measured in the same process.
 */
import { createHash } from "node:crypto";
import { Results, scoreAll } from "../../src/engine/assessment";
import { SETARA } from "../../src/engine/ibangga";
import { CellValue } from "../../src/engine/cell";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { benchHeaders, COLUMNS, SHEET } from "./generate";
import { gc, median, now } from "./measure";

export interface EngineFigures {
  readonly kampung: number;
  readonly runs: number;
  readonly readInputMs: number;
  readonly scoreAllMs: number;
  /** readInput + scoreAll, per run (the budget's "read, checked and scored"). */
  readonly engineMs: number;
  /** CPU time of readInput + scoreAll (all threads, GC helpers included): steadier than wall time on a busy machine. */
  readonly engineCpuMs: number;
  /** The first (cold) run of readInput + scoreAll. */
  readonly engineFirstMs: number;
  readonly buildSummaryMs: number;
  readonly floorMs: number;
  /** engineMs / floorMs. */
  readonly ratio: number;
  readonly issues: number;
  /** sha256 of the results as JSON: the same before and after any optimisation. */
  readonly resultsSha256: string;
}

/** The grid as an adapter hands it over: header row, then one array per kampung. */
export function benchGrid(rows: readonly (readonly CellValue[])[]): Grid {
  return gridFromRows(SHEET, [benchHeaders(), ...rows]);
}

export function measureEngine(
  rows: readonly (readonly CellValue[])[],
  runs = 9
): { figures: EngineFigures; results: Results } {
  const grids = [benchGrid(rows)];
  const read: number[] = [];
  const score: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  const summary: number[] = [];
  const floor: number[] = [];
  let results: Results | null = null;
  for (let run = 0; run < runs; run++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = now();
    const input = readInput(grids, { lang: "id" });
    const t1 = now();
    results = scoreAll(input.assessments, SETARA, input.issues);
    const t2 = now();
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    read.push(t1 - t0);
    score.push(t2 - t1);
    total.push(t2 - t0);
    gc();
    const t3 = now();
    buildSummary(input, { lang: "id", weights: SETARA, source: "bench.xlsx", now: new Date(0) });
    summary.push(now() - t3);
    gc();
    const t4 = now();
    floorLoop(grids[0]);
    floor.push(now() - t4);
  }
  const json = JSON.stringify(results);
  const engineMs = median(total);
  const floorMs = median(floor);
  const figures: EngineFigures = {
    kampung: rows.length,
    runs,
    readInputMs: median(read),
    scoreAllMs: median(score),
    engineMs,
    engineCpuMs: median(cpu),
    engineFirstMs: total[0],
    buildSummaryMs: median(summary),
    floorMs,
    ratio: engineMs / floorMs,
    issues: results!.issues.length,
    resultsSha256: createHash("sha256").update(json).digest("hex"),
  };
  return { figures, results: results! };
}

/**
 * The floor: the same 18 numbers per row, the 5 domain means, the composite and both iBangga
 * composites (binary rounding, no checks, no issues, no objects), into one Float64Array.
 */
export function floorLoop(grid: Grid): Float64Array {
  const rows = grid.rows;
  const width = 8;
  const out = new Float64Array((rows.length - 1) * width);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const o = (r - 1) * width;
    let domainSum = 0;
    for (let d = 0; d < 5; d++) {
      const c = COLUMNS.firstSub + d * 3;
      const a = row[c];
      const b = row[c + 1];
      const e = row[c + 2];
      const mean =
        typeof a === "number" && typeof b === "number" && typeof e === "number"
          ? Math.round(((a + b + e) / 3) * 10) / 10
          : NaN;
      out[o + d] = mean;
      domainSum += mean;
    }
    out[o + 5] = Math.round((domainSum / 5) * 100) / 100;
    const x = row[COLUMNS.firstDimension] as number;
    const y = row[COLUMNS.firstDimension + 1] as number;
    const z = row[COLUMNS.firstDimension + 2] as number;
    out[o + 6] = Math.round(((x + y + z) / 3) * 10) / 10;
    out[o + 7] = Math.round((0.35 * x + 0.4 * y + 0.25 * z) * 10) / 10;
  }
  return out;
}
