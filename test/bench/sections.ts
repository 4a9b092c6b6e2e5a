/**
 * The bench's measurements besides the engine: the `kkb summarize` command, LibreOffice
 * recalculating the same method as formulas, the office.js adapter against its fake, the custom
 * functions, and the bundles. Each returns its figures, or a note saying why it was skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import * as ExcelJS from "exceljs";
import { Results } from "../../src/engine/assessment";
import { CellValue } from "../../src/engine/cell";
import { DOMAIN_KEYS } from "../../src/engine/framework";
import { columnLetters } from "../../src/workbook/a1";
import { benchHeaders, COLUMNS, FormulaColumn, SHEET, writeXlsx } from "./generate";
import { median, now, runMeasured, which } from "./measure";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface Skipped {
  readonly skipped: string;
}

// ---------------------------------------------------------------------------------------------
// kkb summarize

export interface CliFigures {
  readonly wallMs: number;
  readonly peakMb: number | null;
  readonly exitCode: number | null;
  readonly outputBytes: number;
  /** Set when lib/ was older than src/ and `npm run prepare` rebuilt it first. */
  readonly rebuilt: boolean;
}

/** Newest modification time of the .ts files under the given folders (0 when none). */
function newestSource(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(ROOT, d)));
  return newest;
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export async function measureCli(
  input: string,
  outDir: string,
  name = "kkb",
  timeoutMs = 300_000
): Promise<CliFigures | Skipped> {
  const bin = path.join(ROOT, "bin", "kkb.js");
  const main = path.join(ROOT, "lib", "cli", "main.js");
  if (!existsSync(path.join(ROOT, "src", "cli", "main.ts")) || !existsSync(bin)) {
    return { skipped: "the kkb command (src/cli) does not exist yet" };
  }
  let rebuilt = false;
  if (mtime(main) < newestSource(["src/engine", "src/workbook", "src/xlsx", "src/cli"])) {
    try {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
        {
          cwd: ROOT,
          stdio: "pipe",
        }
      );
    } catch {
      // tsc emits despite type errors; the run below shows whether the command works.
    }
    rebuilt = true;
  }
  if (!existsSync(main)) return { skipped: "lib/cli/main.js missing: run `npm run prepare`" };
  const output = path.join(outDir, `${name}-ringkasan.xlsx`);
  const json = path.join(outDir, `${name}-hasil.json`);
  const run = await runMeasured(
    process.execPath,
    [bin, "summarize", input, "-o", output, "--json", json],
    { cwd: ROOT, timeoutMs }
  );
  if (!existsSync(output)) {
    return { skipped: `kkb summarize failed (exit ${run.code}): ${run.stderr.trim().slice(-400)}` };
  }
  return {
    wallMs: run.wallMs,
    peakMb: run.peakMb,
    exitCode: run.code,
    outputBytes: statSync(output).size,
    rebuilt,
  };
}

// ---------------------------------------------------------------------------------------------
// The streaming peer: an ExcelJS script (exceljs-peer.js) from the same input to the same
// per-kampung results

export interface PeerFigures {
  readonly wallMs: number;
  readonly peakMb: number | null;
  readonly kampung: number;
}

export async function measurePeer(
  input: string,
  outDir: string,
  name = "peer",
  timeoutMs = 300_000
): Promise<PeerFigures | Skipped> {
  const output = path.join(outDir, `${name}-exceljs.xlsx`);
  const run = await runMeasured(
    process.execPath,
    [path.join(__dirname, "exceljs-peer.js"), input, output],
    { cwd: ROOT, timeoutMs }
  );
  const m = /(\d+) kampung/.exec(run.stdout);
  if (run.code !== 0 || !m) {
    return {
      skipped: `the ExcelJS script failed (exit ${run.code}): ${run.stderr.trim().slice(-400)}`,
    };
  }
  return { wallMs: run.wallMs, peakMb: run.peakMb, kampung: Number(m[1]) };
}

// ---------------------------------------------------------------------------------------------
// LibreOffice

export interface LibreOfficeFigures {
  readonly wallMs: number;
  readonly peakMb: number | null;
  readonly version: string;
  /** Rows whose 8 recalculated values were compared with KKB's results, and how many differed. */
  readonly checkedRows: number;
  readonly differingRows: number;
}

const letter = (col: number) => columnLetters(col);

/** The method as native formulas: 5 domains, the composite, both iBangga composites. */
export function methodFormulas(): FormulaColumn[] {
  const domainCol = COLUMNS.count; // first formula column
  const domains: FormulaColumn[] = DOMAIN_KEYS.map((key, d) => {
    const first = letter(COLUMNS.firstSub + d * 3);
    const last = letter(COLUMNS.firstSub + d * 3 + 2);
    return { header: key, formula: (r) => `ROUND(AVERAGE(${first}${r}:${last}${r}),1)` };
  });
  const [a, b, c] = [0, 1, 2].map((i) => letter(COLUMNS.firstDimension + i));
  return [
    ...domains,
    {
      header: "komposit",
      formula: (r) => `ROUND(AVERAGE(${letter(domainCol)}${r}:${letter(domainCol + 4)}${r}),2)`,
    },
    { header: "setara", formula: (r) => `ROUND((${a}${r}+${b}${r}+${c}${r})/3,1)` },
    {
      header: "kemandirian-sentral",
      formula: (r) => `ROUND(0.35*${a}${r}+0.4*${b}${r}+0.25*${c}${r},1)`,
    },
  ];
}

/** A LibreOffice user profile that recalculates every formula of an .xlsx on load. */
export function recalcProfile(dir: string): string {
  const user = path.join(dir, "user");
  mkdirSync(user, { recursive: true });
  const item = (prop: string, value: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>${value}</value></prop></item>`;
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${item("OOXMLRecalcMode", "0")}\n${item("ODFRecalcMode", "0")}\n</oor:items>\n`
  );
  return `file://${dir}`;
}

export async function measureLibreOffice(
  rows: readonly (readonly CellValue[])[],
  results: Results,
  dir: string
): Promise<LibreOfficeFigures | Skipped> {
  const soffice = which(["soffice", "libreoffice"]);
  if (!soffice) {
    return { skipped: "LibreOffice not installed (apt-get install libreoffice-calc)" };
  }
  const formulas = methodFormulas();
  const input = path.join(dir, "libreoffice-rumus.xlsx");
  await writeXlsx(input, rows, formulas);
  const profile = recalcProfile(path.join(dir, "lo-profile"));
  const outDir = path.join(dir, "lo-out");
  mkdirSync(outDir, { recursive: true });
  const args = (file: string) => [
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    file,
  ];
  // Warm-up on a small file: the first start creates the profile; it is not part of the timing.
  const warm = path.join(dir, "lo-warmup.xlsx");
  await writeXlsx(warm, rows.slice(0, 4), formulas);
  await runMeasured(soffice, args(warm), { timeoutMs: 180_000 });
  const run = await runMeasured(soffice, args(input), { timeoutMs: 600_000 });
  const output = path.join(outDir, path.basename(input));
  if (!existsSync(output)) {
    return { skipped: `LibreOffice did not write ${output}: ${run.stderr.trim().slice(-300)}` };
  }
  const version = execFileSync(soffice, ["--version"], { encoding: "utf8" }).trim();
  const check = await compareFormulaResults(output, results, 5000);
  return { wallMs: run.wallMs, peakMb: run.peakMb, version, ...check };
}

/** Compares the first `limit` rows of LibreOffice's recalculated values with KKB's results. */
async function compareFormulaResults(
  file: string,
  results: Results,
  limit: number
): Promise<{ checkedRows: number; differingRows: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "ignore",
  });
  let checkedRows = 0;
  let differingRows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const k = results.kampung[row.number - 2];
      const expected = [
        ...DOMAIN_KEYS.map((d) => k.domains[d]),
        k.composite,
        k.ibangga?.setara ?? null,
        k.ibangga?.kemandirianSentral ?? null,
      ];
      const got = expected.map((_, i) => formulaResult(row.getCell(COLUMNS.count + 1 + i).value));
      checkedRows++;
      // KKB leaves a score missing where LibreOffice averages what is there: compare the rest.
      if (expected.some((e, i) => e !== null && e !== got[i])) differingRows++;
      if (checkedRows >= limit) break;
    }
    break;
  }
  return { checkedRows, differingRows };
}

function formulaResult(value: ExcelJS.CellValue): number | null {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "formula" in value) {
    // ExcelJS's streaming reader drops a cached result of 0 (`<v>0</v>`): a formula without a
    // result reads as 0. Had LibreOffice not recalculated, every value would read 0 and differ.
    const result = (value as ExcelJS.CellFormulaValue).result ?? 0;
    return typeof result === "number" ? result : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// office.js adapter against the fake

export interface OfficeFigures {
  readonly kampung: number;
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly ms: number;
}

export async function measureOffice(
  rows: readonly (readonly CellValue[])[]
): Promise<OfficeFigures[] | Skipped> {
  const budget = path.join(ROOT, "test", "excel", "budget.ts");
  if (!existsSync(budget))
    return { skipped: "the office.js fake (test/excel/budget.ts) does not exist yet" };
  // Loaded only now: the adapter may not exist on an older checkout.
  const { measureSummary } = require(budget) as typeof import("../excel/budget");
  const { exampleWorkbook } = require(
    path.join(ROOT, "test", "excel", "workbooks.ts")
  ) as typeof import("../excel/workbooks");
  const { WorkbookModel } = require(
    path.join(ROOT, "test", "excel", "fake-excel.ts")
  ) as typeof import("../excel/fake-excel");
  const national = new WorkbookModel();
  national.addSheet(SHEET).fill([benchHeaders(), ...rows.map((r) => r.slice())]);
  const figures: OfficeFigures[] = [];
  for (const model of [exampleWorkbook().model, national]) {
    const m = await measureSummary(model);
    figures.push({
      kampung: m.kampung,
      syncs: m.syncs,
      largestRequestBytes: m.largestRequestBytes,
      largestResponseBytes: m.largestResponseBytes,
      ms: m.milliseconds,
    });
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// The pane's main thread in Excel

export interface PaneFigures {
  readonly kampung: number;
  readonly syncs: number;
  readonly maxCellsPerSync: number;
  /** Longest stretch between two turns of the pane's event loop, less Excel's own time (ms). */
  readonly longestMs: number;
}

/**
 * The pane's main thread, measured in a child process of its own (`run.js --pane-child`): in
 * the bench's process, full collections also marked the bench's own national rows and results,
 * which no pane holds (729 ms against 145-156 ms alone, in one run each).
 */
export async function measurePaneThread(): Promise<PaneFigures | Skipped> {
  const run = await runMeasured(
    process.execPath,
    ["--expose-gc", path.join(__dirname, "run.js"), "--pane-child"],
    { cwd: ROOT, timeoutMs: 300_000 }
  );
  const line = run.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as PaneFigures | Skipped;
  } catch {
    return {
      skipped: `the pane measurement failed (exit ${run.code}): ${run.stderr.trim().slice(-400)}`,
    };
  }
}

/**
 * The national summary against the fake Excel with the engine in a worker thread, as the
 * responsiveness test runs it; here the longest main-thread stretch is timed (tests only count).
 * The fake's workbook model shares the heap (in Excel it would not).
 */
export async function measurePaneThreadHere(): Promise<PaneFigures | Skipped> {
  const file = path.join(ROOT, "test", "excel", "pane-thread.ts");
  if (!existsSync(file)) return { skipped: "test/excel/pane-thread.ts does not exist yet" };
  const thread = require(file) as typeof import("../excel/pane-thread");
  const { nationalWorkbook, NATIONAL_KAMPUNG } = require(
    path.join(ROOT, "test", "excel", "workbooks.ts")
  ) as typeof import("../excel/workbooks");
  const { FakeContext } = require(
    path.join(ROOT, "test", "excel", "fake-excel.ts")
  ) as typeof import("../excel/fake-excel");
  const { FIXED_NOW } = require(
    path.join(ROOT, "test", "excel", "budget.ts")
  ) as typeof import("../excel/budget");
  const { summarizeWorkbook } = require(
    path.join(ROOT, "src", "excel", "summarize.ts")
  ) as typeof import("../../src/excel/summarize");
  const worker = thread.engineThread();
  try {
    const engine = await thread.warmEngine(worker);
    const log = thread.newTurnLog();
    const context = thread.roundTrips(
      new FakeContext(nationalWorkbook(NATIONAL_KAMPUNG).model),
      log
    );
    const { value, longestMs } = await thread.watchTurns(
      log,
      () => summarizeWorkbook(context.asExcel(), { now: FIXED_NOW, engine }),
      true
    );
    return {
      kampung: value.kampung,
      syncs: context.syncCount,
      maxCellsPerSync: log.maxCellsPerSync,
      longestMs,
    };
  } finally {
    await worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// Custom functions

export interface FunctionFigures {
  readonly domainCallsPerSecond: number;
  readonly spillRows: number;
  readonly spillMs: number;
  readonly spillRowsPerSecond: number;
}

type DomainFunction = (values: unknown[][]) => Promise<unknown[][]>;

export async function measureFunctions(
  rows: readonly (readonly CellValue[])[]
): Promise<FunctionFigures | Skipped> {
  const file = path.join(ROOT, "src", "functions", "functions.ts");
  if (!existsSync(file))
    return { skipped: "the custom functions (src/functions) do not exist yet" };
  const { domain } = require(file) as { domain: DomainFunction };
  const one = [[1, 1.5, 2]];
  // Calls per second on one row, awaited one after the other as Excel's calls would be.
  for (let i = 0; i < 2000; i++) await domain(one);
  let calls = 0;
  const start = now();
  while (now() - start < 1000) {
    for (let i = 0; i < 500; i++) await domain(one);
    calls += 500;
  }
  const domainCallsPerSecond = calls / ((now() - start) / 1000);
  // One spilling call over the whole column range of the first domain.
  const range = rows.map((r) => r.slice(COLUMNS.firstSub, COLUMNS.firstSub + 3));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    const out = await domain(range);
    times.push(now() - t0);
    if (out.length !== range.length) throw new Error("DOMAIN did not spill one row per row");
  }
  const spillMs = median(times);
  return {
    domainCallsPerSecond,
    spillRows: range.length,
    spillMs,
    spillRowsPerSecond: range.length / (spillMs / 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Bundles

export interface BundleFigures {
  readonly functionsGzipBytes: number;
  readonly taskpaneGzipBytes: number;
  readonly functionsHasReact: boolean;
  readonly rebuilt: boolean;
}

export function measureBundles(): BundleFigures | Skipped {
  const dist = path.join(ROOT, "dist");
  const functions = path.join(dist, "functions.js");
  const taskpane = path.join(dist, "taskpane.js");
  let rebuilt = false;
  const stale =
    Math.min(mtime(functions), mtime(taskpane)) <
    newestSource(["src/functions", "src/taskpane", "src/engine", "src/workbook", "src/excel"]);
  if (stale) {
    if (!existsSync(path.join(ROOT, "webpack.config.js"))) {
      return { skipped: "no dist/ and no webpack build yet" };
    }
    try {
      execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "pipe" });
      rebuilt = true;
    } catch (error) {
      const out = String((error as { stderr?: Buffer }).stderr ?? error).slice(-300);
      if (!existsSync(functions) || !existsSync(taskpane)) {
        return { skipped: `npm run build failed: ${out}` };
      }
    }
  }
  if (!existsSync(functions) || !existsSync(taskpane)) {
    return { skipped: "dist/functions.js or dist/taskpane.js missing after the build" };
  }
  const functionsCode = readFileSync(functions);
  return {
    functionsGzipBytes: gzipSync(functionsCode).length,
    taskpaneGzipBytes: gzipSync(readFileSync(taskpane)).length,
    // React's element marker appears in any bundle that includes React.
    functionsHasReact: /react\.(transitional\.)?element|__SECRET_INTERNALS|react-dom/.test(
      functionsCode.toString("utf8")
    ),
    rebuilt,
  };
}
