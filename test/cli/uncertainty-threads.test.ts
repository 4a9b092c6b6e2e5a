/**
 * The Monte Carlo of KKB Ketidakpastian on two threads (cli/uncertainty-threads.ts) gives the
 * same figures and the same workbook, byte for byte, as in one thread; and any split of the
 * composite's runs into slices gives the same figures (engine/uncertainty.ts).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import {
  compositePercentiles,
  compositeSlice,
  ibanggaPercentiles,
  partRuns,
  mergeUncertainty,
  rankUncertainty,
  uncertaintyInput,
} from "../../src/engine/uncertainty";
import { threadedRunner } from "../../src/cli/uncertainty-threads";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { buildSummary, SummaryOptions } from "../../src/workbook/summary";
import { writeWorkbook } from "../../src/xlsx/write";
import { FIXED_NOW } from "../excel/budget";
import { nationalRows } from "../excel/workbooks";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-uncertainty-threads-");
afterAll(() => tmp.remove());

/** The worker's script for the TypeScript sources; never falls back to one thread. */
const twoThreads = threadedRunner({
  script: path.join(__dirname, "..", "helpers", "uncertainty-thread.js"),
  threads: 2,
  minWork: 0,
  fallback: false,
});

const UNCERTAINTY = { runs: 200, seed: 5, sensitivityRuns: 50 };

function scored(count: number) {
  const rows = nationalRows(count) as CellValue[][];
  return readInput([gridFromRows("Data", rows)], { lang: "id" });
}

/** Every part of the .xlsx package, unzipped, by name (but docProps/core.xml: the time of writing). */
async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((f) => !zip.files[f].dir && f !== "docProps/core.xml")
    .sort();
  const out: Record<string, string> = {};
  for (const name of names) out[name] = await zip.file(name)!.async("string");
  return out;
}

test("two threads and one give the same workbook, byte for byte", async () => {
  const read = scored(400);
  const options: SummaryOptions = {
    lang: "id",
    weights: SETARA,
    source: "uji.xlsx",
    now: FIXED_NOW,
    uncertainty: UNCERTAINTY,
  };
  const one = buildSummary(read, options);
  const two = buildSummary(read, { ...options, uncertaintyRunner: twoThreads });
  expect(JSON.stringify(two.uncertainty)).toBe(JSON.stringify(one.uncertainty));
  expect(one.uncertainty?.composite.moving).toBeGreaterThan(0);
  await writeWorkbook(path.join(tmp.dir, "one.xlsx"), one.sheets);
  await writeWorkbook(path.join(tmp.dir, "two.xlsx"), two.sheets);
  const a = await parts(path.join(tmp.dir, "one.xlsx"));
  const b = await parts(path.join(tmp.dir, "two.xlsx"));
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const name of Object.keys(a)) expect([name, b[name]]).toEqual([name, a[name]]);
});

test("the worker really runs: half the kampung's composite percentiles, all of iBangga", () => {
  const { kampung } = (() => {
    const read = scored(300);
    return buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "uji.xlsx",
      now: FIXED_NOW,
      ketidakpastian: false,
    }).results;
  })();
  const input = uncertaintyInput(kampung, SETARA, UNCERTAINTY);
  const parts = twoThreads(input);
  const n = input.composite.index.length;
  expect(parts.composite.map((p) => p.median.length)).toEqual([
    Math.floor(n / 2),
    n - Math.floor(n / 2),
  ]);
  // The first slice of runs (this thread's) holds the estimator's pairs; the worker's none.
  expect(parts.sensitivity).toHaveLength(1);
  expect(parts.ibangga?.median).toHaveLength(input.ibangga!.index.length);
  expect(JSON.stringify(mergeUncertainty(kampung, input, parts))).toBe(
    JSON.stringify(rankUncertainty(kampung, SETARA, UNCERTAINTY))
  );
});

test("any split of the composite's runs gives the same figures; bad splits are refused", () => {
  const read = scored(120);
  const { kampung } = buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "uji.xlsx",
    now: FIXED_NOW,
    ketidakpastian: false,
  }).results;
  const input = uncertaintyInput(kampung, SETARA, UNCERTAINTY);
  const whole = JSON.stringify(rankUncertainty(kampung, SETARA, UNCERTAINTY));
  const ibangga = ibanggaPercentiles(input);
  const n = input.composite.index.length;
  for (const [runCuts, kampungCuts] of [
    [[2], [40]],
    [
      [50, 52],
      [1, 60],
    ],
    [[98, 100, 160], [n - 1]],
    [[198], []],
  ]) {
    const edges = [0, ...runCuts, 200];
    const cuts = [0, ...kampungCuts, n];
    const slices = edges
      .slice(1)
      .map((to, i) => compositeSlice(input, { from: edges[i], to }, cuts));
    const composite = cuts.slice(1).map((to, p) =>
      compositePercentiles(
        input,
        { from: cuts[p], to },
        slices.map((s) => partRuns(s, p))
      )
    );
    const sensitivity = slices.flatMap((s) => (s.sensitivity ? [s.sensitivity] : []));
    expect(
      JSON.stringify(mergeUncertainty(kampung, input, { composite, sensitivity, ibangga }))
    ).toBe(whole);
  }
  expect(() => compositeSlice(input, { from: 3, to: 10 })).toThrow(RangeError);
  expect(() => compositeSlice(input, { from: 0, to: 201 })).toThrow(RangeError);
  const gap = [
    compositeSlice(input, { from: 0, to: 10 }),
    compositeSlice(input, { from: 12, to: 200 }),
  ];
  expect(() =>
    compositePercentiles(
      input,
      { from: 0, to: n },
      gap.map((s) => partRuns(s, 0))
    )
  ).toThrow(RangeError);
  const part = compositePercentiles(input, { from: 0, to: 10 }, [
    partRuns(compositeSlice(input, { from: 0, to: 200 }), 0),
  ]);
  expect(() =>
    mergeUncertainty(kampung, input, { composite: [part], sensitivity: [], ibangga })
  ).toThrow(RangeError);
});
