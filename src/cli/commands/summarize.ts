/**
 * `kkb summarize INPUT -o OUTPUT`: a new workbook with a copy of the input sheets and the KKB
 * summary sheets. Never writes over INPUT; writes the summary even when rows have errors.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseWeights } from "../../engine/ibangga";
import { buildSummary } from "../../workbook/summary";
import { SheetCopy, writeWorkbook } from "../../xlsx/write";
import { CliError, Context, EXIT } from "../context";
import { resultsJson } from "../json";
import { loadInput } from "../load";
import { T, WEIGHT_PROBLEMS } from "../messages";
import { ensureParentDir, sameFile } from "../paths";
import { progressBar } from "../progress";
import { domainTable } from "../table";

export interface SummarizeOptions {
  readonly output: string;
  readonly json?: string;
  readonly weights: string;
  readonly sheet?: string;
  readonly print?: boolean;
}

export async function summarizeCommand(
  input: string,
  options: SummarizeOptions,
  ctx: Context
): Promise<number> {
  const { lang, io } = ctx;
  const parsed = parseWeights(options.weights);
  if (!parsed.ok) throw new CliError(WEIGHT_PROBLEMS[parsed.problem][lang](options.weights));
  if (await sameFile(input, options.output))
    throw new CliError(T.refuseOverwriteInput[lang](options.output));
  const jsonToStdout = options.json === "-";
  if (options.json && !jsonToStdout) {
    if ((await sameFile(input, options.json)) || (await sameFile(options.output, options.json))) {
      throw new CliError(T.refuseJsonOverwrite[lang](options.json));
    }
  }

  const { grids, read } = await loadInput(input, options.sheet, ctx, jsonToStdout);
  const summary = buildSummary(read, {
    lang,
    weights: parsed.weights,
    source: path.basename(input),
    now: new Date(),
  });
  // The input sheets keep their names so the links of KKB Validasi lead to the cells; sheets
  // KKB wrote before (a summary summarised again) are regenerated, not copied.
  const owned = new Set(summary.sheets.map((s) => s.name.toLowerCase()));
  const copies: SheetCopy[] = grids
    .filter((g) => !owned.has(g.sheet.toLowerCase()))
    .map((grid) => ({ name: grid.sheet, grid }));

  await ensureParentDir(options.output);
  const totalRows = copies.reduce((n, c) => n + c.grid.rows.length, 0);
  const bar = progressBar(io, !jsonToStdout && totalRows > 20_000, T.writing[lang], T.rows[lang]);
  try {
    await writeWorkbook(options.output, summary.sheets, {
      copies,
      onRows: (n, total) => bar.update(n, total),
    });
  } finally {
    bar.stop();
  }

  const json = JSON.stringify(resultsJson(summary.results, summary.analysis), null, 2) + "\n";
  if (jsonToStdout) io.out(json);
  else if (options.json) {
    await ensureParentDir(options.json);
    await fs.writeFile(options.json, json, "utf8");
  }
  if (options.print) io.out(domainTable(summary.results.kampung, lang));

  const issues = summary.results.issues;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  io.err(T.summaryWritten[lang](options.output) + "\n");
  if (options.json && !jsonToStdout) io.err(T.jsonWritten[lang](options.json) + "\n");
  io.err(
    T.checked[lang](input, read.sourceRange, read.assessments.length, errors, warnings) + "\n"
  );
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}
