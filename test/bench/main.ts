/**
 * `npm run bench`: the national workbook (84,276 kampung), generated from a fixed seed, through
 * the engine, the `kkb` command, LibreOffice recalculating the same method as formulas, the
 * office.js adapter's fake, the custom functions and the bundles. Prints a table and writes the
 * same figures to test-output/bench.json. Options: `--skip=uncertainty,cli,libreoffice,office,
 * pane,functions,bundles,peer,growth,rounds` (any of them), `--keep` (keep the generated files),
 * `--runs=N` (engine runs), `--growth=1000,10000` (the growth table's sizes; by default 1,000 to
 * Excel's full grid of 1,048,575 kampung, which takes some minutes each for KKB and the script).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { linearRegression } from "simple-statistics";
import { measureEngine } from "./engine";
import { measureUncertainty } from "./uncertainty";
import {
  benchHeaders,
  generateRoundRows,
  generateRows,
  kampungRows,
  NATIONAL_KAMPUNG,
  ROUNDS,
  SEED,
  writeXlsx,
} from "./generate";
import { now } from "./measure";
import {
  measureBundles,
  measureCli,
  measureFunctions,
  measureLibreOffice,
  measureOffice,
  measurePaneThread,
  measurePeer,
  PeerFigures,
  CliFigures,
  ROOT,
  Skipped,
} from "./sections";

/** Budgets from DESIGN.md ("Budgets"). */
const BUDGET = {
  // The whole job, not its parts: there is no separate engine budget (DESIGN.md).
  cliPeakMb: 600,
  ratioLibreOffice: 0.5,
  /** Issue 14: the national workbook in four rounds, against one round in the same run. */
  ratioRounds: 2,
  roundsPeakMb: 1024,
  syncsSmall: 6,
  syncsNational: 40,
  requestBytes: 4_000_000,
  taskpaneGzipBytes: 350 * 1024,
  paneStretchMs: 200,
  /** Issue 18: against the ExcelJS streaming script in the same run, and at Excel's full grid. */
  ratioPeer: 1.2,
  streamingPeakMb: 300,
  fullGridPeakMb: 1024,
  ratioPeerFullGrid: 1.5,
  growthExponent: 1.05,
  /** Issue 16: the 1,000-run uncertainty analysis on the national workbook. */
  uncertaintyMs: 10_000,
};

interface Line {
  readonly measure: string;
  readonly value: string;
  readonly budget?: string;
  readonly ok?: boolean;
}

const isSkipped = (x: object): x is Skipped => "skipped" in x;
/** A figure for the table (display only: never a score). */
const fixed = (x: number, digits: number) =>
  x.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
const ms = (x: number) => `${fixed(x, x < 10 ? 2 : 0)} ms`;
const mb = (x: number | null) => (x === null ? "n/a" : `${fixed(x, 0)} MB`);
const kb = (x: number) => `${fixed(x / 1024, 1)} KB`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");

export async function main(argv: readonly string[]): Promise<number> {
  const skip = new Set(
    argv
      .filter((a) => a.startsWith("--skip="))
      .flatMap((a) => a.slice(7).split(","))
      .map((s) => s.trim())
  );
  const keep = argv.includes("--keep");
  const runs = Number(argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 9);
  const dir = mkdtempSync(path.join(os.tmpdir(), "kkb-bench-"));
  const lines: Line[] = [];
  const section = (title: string) => lines.push({ measure: `## ${title}`, value: "" });
  const add = (measure: string, value: string, budget?: string, ok?: boolean) =>
    lines.push({ measure, value, budget, ok });
  const json: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "",
      loadavg: os.loadavg(),
    },
    workbook: { kampung: NATIONAL_KAMPUNG, seed: SEED },
  };
  const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

  try {
    section("Machine");
    add("node, cores", `${process.version}, ${os.cpus().length}`);
    add("load average at start (1 min)", fixed(os.loadavg()[0], 2));
    progress(`generating ${int(NATIONAL_KAMPUNG)} kampung (seed ${SEED})`);
    const rows = generateRows();

    progress(`engine, ${runs} runs`);
    const { figures: engine, results } = measureEngine(rows, runs);
    json.engine = engine;
    section(
      `Engine: ${int(engine.kampung)} kampung, grid to results (median of ${runs}, gc() before each)`
    );
    add("readInput (read and check)", ms(engine.readInputMs));
    add("scoreAll (score)", ms(engine.scoreAllMs));
    add("readInput + scoreAll", ms(engine.engineMs));
    add("  CPU time, all threads (median)", ms(engine.engineCpuMs));
    add("  first run (cold)", ms(engine.engineFirstMs));
    add("buildSummary (scores again + sheet specs)", ms(engine.buildSummaryMs));
    add("floor: bare loop, same numbers, same means", ms(engine.floorMs));
    add("ratio engine / floor", `${fixed(engine.ratio, 1)} x`);
    add("issues found (off-rubric and blank cells)", int(engine.issues));

    section("Uncertainty (KKB Ketidakpastian): Monte Carlo and association, engine only");
    if (skip.has("uncertainty")) json.uncertainty = { skipped: "--skip=uncertainty" };
    else {
      progress("uncertainty, 1,000 runs");
      const u = measureUncertainty(results);
      json.uncertainty = u;
      add(
        `${int(u.runs)} runs x ${int(u.kampung)} kampung (+ ${u.sensitivityPairs} sensitivity pairs), ${u.threads} threads`,
        ms(u.monteCarloMs),
        `<= ${int(BUDGET.uncertaintyMs / 1000)} s`,
        u.monteCarloMs <= BUDGET.uncertaintyMs
      );
      add("  CPU time, all threads", ms(u.monteCarloCpuMs));
      add(
        "  one thread (the pane's worker), same figures",
        `${ms(u.oneThreadMs)}, ${u.sameFigures ? "same" : "DIFFERENT"}`,
        "same",
        u.sameFigures
      );
      add("association with iBangga (Spearman, bootstrap)", ms(u.associationMs));
      add("RSS after", mb(u.rssAfterMb));
      add(
        "neighbouring pairs not robust (intervals overlap)",
        `${int(u.overlappingPairs)} of ${int(u.neighbourPairs)}`
      );
      add(
        "share of composite rank variance: weights / rubric",
        `${u.sensitivity.weights ?? "n/a"} / ${u.sensitivity.rubric ?? "n/a"}`
      );
    }

    const input = path.join(dir, "nasional.xlsx");
    const t0 = now();
    await writeXlsx(input, rows);
    const writeMs = now() - t0;
    json.inputXlsx = { bytes: statSync(input).size, writeMs };
    section("Input workbook (ExcelJS streaming writer)");
    add("write 84,276 rows x 24 columns", `${ms(writeMs)}, ${kb(statSync(input).size)}`);

    section("kkb summarize, end to end");
    let cliMs: number | null = null;
    if (skip.has("cli")) json.cli = { skipped: "--skip=cli" };
    else {
      progress("kkb summarize");
      const cli = await measureCli(input, dir);
      json.cli = cli;
      if (isSkipped(cli)) add("kkb summarize", `skipped: ${cli.skipped}`);
      else {
        cliMs = cli.wallMs;
        add(
          "wall time",
          ms(cli.wallMs) + (cli.rebuilt ? " (lib/ rebuilt first)" : ""),
          "<= LibreOffice",
          undefined
        );
        add(
          "peak RSS",
          mb(cli.peakMb),
          `<= ${BUDGET.cliPeakMb} MB`,
          cli.peakMb !== null && cli.peakMb <= BUDGET.cliPeakMb
        );
        add("exit code (1: the input has errors)", String(cli.exitCode));
      }
    }

    section(
      "ExcelJS streaming script: same input, same per-kampung results (test/bench/exceljs-peer.js)"
    );
    let peer: PeerFigures | Skipped | null = null;
    let cliFigures: CliFigures | Skipped | null = null;
    if (json.cli && !isSkipped(json.cli as object)) cliFigures = json.cli as CliFigures;
    if (skip.has("peer")) json.peer = { skipped: "--skip=peer" };
    else {
      progress("ExcelJS streaming script");
      peer = await measurePeer(input, dir);
      json.peer = peer;
      if (isSkipped(peer)) add("ExcelJS script", `skipped: ${peer.skipped}`);
      else {
        add("wall time", ms(peer.wallMs));
        add("peak RSS", mb(peer.peakMb));
        if (cliMs !== null) {
          const ratio = cliMs / peer.wallMs;
          json.ratioKkbPeer = ratio;
          add(
            "ratio KKB / script (wall time)",
            `${fixed(ratio, 2)} x`,
            `<= ${BUDGET.ratioPeer}`,
            ratio <= BUDGET.ratioPeer
          );
        }
        if (cliFigures && !isSkipped(cliFigures))
          add(
            "KKB's peak RSS against the streaming budget",
            mb(cliFigures.peakMb),
            `<= ${BUDGET.streamingPeakMb} MB`,
            cliFigures.peakMb !== null && cliFigures.peakMb <= BUDGET.streamingPeakMb
          );
      }
    }

    section("Growth: kkb summarize and the ExcelJS script from 1,000 kampung to Excel's full grid");
    if (skip.has("growth") || skip.has("cli") || skip.has("peer"))
      json.growth = { skipped: "--skip" };
    else {
      const sizes = (
        argv
          .find((a) => a.startsWith("--growth="))
          ?.slice(9)
          .split(",")
          .map(Number) ?? [1_000, 10_000, NATIONAL_KAMPUNG, 300_000, 1_048_575]
      ).filter((n) => Number.isInteger(n) && n > 0 && n <= 1_048_575);
      json.growth = await measureGrowth(sizes, dir, {
        national: { cli: cliFigures, peer },
        progress,
        add,
      });
    }

    section(`Four rounds: ${ROUNDS.join(", ")} (${int(ROUNDS.length * NATIONAL_KAMPUNG)} rows)`);
    if (skip.has("rounds") || skip.has("cli")) json.rounds = { skipped: "--skip" };
    else {
      progress("kkb summarize, four rounds");
      const roundsInput = path.join(dir, "nasional-4-periode.xlsx");
      await writeXlsx(roundsInput, generateRoundRows(), [], [...benchHeaders(), "Periode"]);
      const four = await measureCli(roundsInput, dir, "rounds");
      json.rounds = four;
      if (isSkipped(four)) add("kkb summarize, four rounds", `skipped: ${four.skipped}`);
      else {
        const ratio = cliMs === null ? null : four.wallMs / cliMs;
        add("wall time", ms(four.wallMs));
        add(
          "ratio four rounds / one round (wall time)",
          ratio === null ? "n/a" : `${fixed(ratio, 2)} x`,
          `<= ${BUDGET.ratioRounds}`,
          ratio !== null && ratio <= BUDGET.ratioRounds
        );
        add(
          "peak RSS",
          mb(four.peakMb),
          `<= ${BUDGET.roundsPeakMb} MB`,
          four.peakMb !== null && four.peakMb <= BUDGET.roundsPeakMb
        );
      }
    }

    section("LibreOffice headless: same method as native formulas, recalculated, saved as xlsx");
    if (skip.has("libreoffice")) json.libreoffice = { skipped: "--skip=libreoffice" };
    else {
      progress("LibreOffice");
      const lo = await measureLibreOffice(rows, results, dir);
      json.libreoffice = lo;
      if (isSkipped(lo)) add("LibreOffice", `skipped: ${lo.skipped}`);
      else {
        add("version", lo.version);
        add("wall time", ms(lo.wallMs));
        add("peak RSS", mb(lo.peakMb));
        add(
          "values checked against KKB (first rows)",
          `${lo.differingRows} of ${lo.checkedRows} rows differ`,
          "0",
          lo.differingRows === 0
        );
        if (cliMs !== null) {
          const ratio = cliMs / lo.wallMs;
          json.ratioKkbLibreOffice = ratio;
          add(
            "ratio KKB / LibreOffice (wall time)",
            `${fixed(ratio, 2)} x`,
            `<= ${BUDGET.ratioLibreOffice}`,
            ratio <= BUDGET.ratioLibreOffice
          );
        }
      }
    }

    section("office.js adapter against the fake (one-click summary)");
    if (skip.has("office")) json.office = { skipped: "--skip=office" };
    else {
      progress("office.js fake");
      const office = await measureOffice(rows);
      json.office = office;
      if (isSkipped(office)) add("office.js", `skipped: ${office.skipped}`);
      else
        for (const o of office) {
          const limit = o.kampung <= 4 ? BUDGET.syncsSmall : BUDGET.syncsNational;
          add(
            `${int(o.kampung)} kampung: context.sync calls`,
            String(o.syncs),
            `<= ${limit}`,
            o.syncs <= limit
          );
          add(
            `${int(o.kampung)} kampung: largest request`,
            kb(o.largestRequestBytes),
            "< 4 MB",
            o.largestRequestBytes < BUDGET.requestBytes
          );
          add(`${int(o.kampung)} kampung: largest response`, kb(o.largestResponseBytes));
          add(`${int(o.kampung)} kampung: time against the fake`, ms(o.ms));
        }
    }

    section("The pane's main thread in Excel (engine in a worker, national workbook)");
    if (skip.has("pane")) json.pane = { skipped: "--skip=pane" };
    else {
      progress("pane main thread");
      const pane = await measurePaneThread();
      json.pane = pane;
      if (isSkipped(pane)) add("pane main thread", `skipped: ${pane.skipped}`);
      else {
        add(
          `${int(pane.kampung)} kampung: longest main-thread stretch`,
          ms(pane.longestMs),
          `< ${BUDGET.paneStretchMs} ms`,
          pane.longestMs < BUDGET.paneStretchMs
        );
        add(
          `${int(pane.kampung)} kampung: round trips, most cells in one`,
          `${pane.syncs}, ${int(pane.maxCellsPerSync)}`
        );
      }
    }

    section("Custom functions");
    if (skip.has("functions")) json.functions = { skipped: "--skip=functions" };
    else {
      progress("custom functions");
      const fn = await measureFunctions(rows);
      json.functions = fn;
      if (isSkipped(fn)) add("custom functions", `skipped: ${fn.skipped}`);
      else {
        add("DOMAIN on one row", `${int(fn.domainCallsPerSecond)} calls/s`);
        add(
          `DOMAIN spilling over ${int(fn.spillRows)} rows`,
          `${ms(fn.spillMs)} = ${int(fn.spillRowsPerSecond)} rows/s`
        );
      }
    }

    section("Bundles (gzip)");
    if (skip.has("bundles")) json.bundles = { skipped: "--skip=bundles" };
    else {
      progress("bundles");
      const b = measureBundles();
      json.bundles = b;
      if (isSkipped(b)) add("bundles", `skipped: ${b.skipped}`);
      else {
        add(
          "dist/functions.js" + (b.rebuilt ? " (rebuilt)" : ""),
          kb(b.functionsGzipBytes),
          "no React",
          !b.functionsHasReact
        );
        add(
          "dist/taskpane.js",
          kb(b.taskpaneGzipBytes),
          "<= 350 KB",
          b.taskpaneGzipBytes <= BUDGET.taskpaneGzipBytes
        );
      }
    }
  } finally {
    if (keep) progress(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  process.stdout.write(renderTable(lines));
  const outDir = path.join(ROOT, "test-output");
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, "bench.json");
  writeFileSync(outFile, JSON.stringify(json, null, 2) + "\n");
  process.stdout.write(`\nFigures written to ${path.relative(process.cwd(), outFile)}\n`);
  return 0;
}

interface GrowthRow {
  readonly kampung: number;
  readonly kkb: CliFigures | Skipped;
  readonly peer: PeerFigures | Skipped;
}

/**
 * The growth table: for each size, a generated input with that many kampung (the national
 * run's figures are reused), `kkb summarize` and the ExcelJS script on it, and the exponent of
 * wall time in the number of kampung fitted by least squares on log-log (1.0: linear).
 */
async function measureGrowth(
  sizes: readonly number[],
  dir: string,
  context: {
    national: { cli: CliFigures | Skipped | null; peer: PeerFigures | Skipped | null };
    progress: (text: string) => void;
    add: (measure: string, value: string, budget?: string, ok?: boolean) => void;
  }
): Promise<unknown> {
  const { add, progress } = context;
  const rows: GrowthRow[] = [];
  for (const kampung of sizes) {
    const { cli, peer } = context.national;
    if (kampung === NATIONAL_KAMPUNG && cli && peer) {
      rows.push({ kampung, kkb: cli, peer });
      continue;
    }
    progress(`growth: ${int(kampung)} kampung`);
    const input = path.join(dir, `tumbuh-${kampung}.xlsx`);
    await writeXlsx(input, kampungRows(kampung));
    // Excel's full grid takes minutes on this machine.
    const timeout = 30 * 60_000;
    const kkb = await measureCli(input, dir, `tumbuh-${kampung}`, timeout);
    const other = await measurePeer(input, dir, `tumbuh-${kampung}`, timeout);
    rows.push({ kampung, kkb, peer: other });
    for (const f of readdirSync(dir))
      if (f.startsWith(`tumbuh-${kampung}`)) rmSync(path.join(dir, f));
  }
  const cell = (f: CliFigures | PeerFigures | Skipped) =>
    isSkipped(f) ? `failed: ${f.skipped.slice(0, 60)}` : `${ms(f.wallMs)}, ${mb(f.peakMb)}`;
  for (const r of rows) {
    add(`${int(r.kampung)} kampung: KKB`, cell(r.kkb));
    add(`${int(r.kampung)} kampung: ExcelJS script`, cell(r.peer));
  }
  const exponent = (pick: (r: GrowthRow) => CliFigures | PeerFigures | Skipped) => {
    const points = rows.flatMap((r) => {
      const f = pick(r);
      return isSkipped(f) ? [] : [[Math.log(r.kampung), Math.log(f.wallMs)]];
    });
    return points.length >= 2 ? linearRegression(points).m : null;
  };
  const kkbExponent = exponent((r) => r.kkb);
  const peerExponent = exponent((r) => r.peer);
  add(
    "growth exponent of KKB's wall time",
    kkbExponent === null ? "n/a" : fixed(kkbExponent, 2),
    `<= ${BUDGET.growthExponent}`,
    kkbExponent !== null && kkbExponent <= BUDGET.growthExponent
  );
  add(
    "growth exponent of the script's wall time",
    peerExponent === null ? "n/a" : fixed(peerExponent, 2)
  );
  const full = rows.find((r) => r.kampung === 1_048_575);
  if (full) {
    const complete = !isSkipped(full.kkb) && full.kkb.exitCode !== null && full.kkb.exitCode <= 1;
    const peak = isSkipped(full.kkb) ? null : full.kkb.peakMb;
    add(
      "Excel's full grid: KKB complete, peak RSS",
      complete ? mb(peak) : "incomplete",
      `<= ${BUDGET.fullGridPeakMb} MB`,
      complete && peak !== null && peak <= BUDGET.fullGridPeakMb
    );
    if (!isSkipped(full.kkb) && !isSkipped(full.peer)) {
      const ratio = full.kkb.wallMs / full.peer.wallMs;
      add(
        "Excel's full grid: ratio KKB / script",
        `${fixed(ratio, 2)} x`,
        `<= ${BUDGET.ratioPeerFullGrid}`,
        ratio <= BUDGET.ratioPeerFullGrid
      );
    }
  }
  return { sizes: rows, exponent: { kkb: kkbExponent, peer: peerExponent } };
}

function renderTable(lines: readonly Line[]): string {
  const rows = lines.filter((l) => !l.measure.startsWith("## "));
  const w1 = Math.max(...rows.map((l) => l.measure.length));
  const w2 = Math.max(...rows.map((l) => l.value.length));
  let out = "";
  for (const l of lines) {
    if (l.measure.startsWith("## ")) {
      out += `\n${l.measure.slice(3)}\n`;
      continue;
    }
    const verdict = l.ok === undefined ? "" : l.ok ? "  ok" : "  OVER";
    const budget = l.budget ? `  (${l.budget})${verdict}` : verdict;
    out += `  ${l.measure.padEnd(w1)}  ${l.value.padStart(Math.min(w2, 24))}${budget}\n`;
  }
  return out;
}
