/**
 * `kkb summarize INPUT -o OUTPUT`: a new workbook with a copy of the input sheets and the KKB
 * summary sheets. Never writes over INPUT; writes the summary even when rows have errors.
 */
import { once } from "node:events";
import * as path from "node:path";
import { Writable } from "node:stream";
import { parseWeights } from "../../engine/ibangga";
import { escapeControls, terminalSafeJson } from "../../workbook/control-text";
import { Lang } from "../../engine/framework";
import { InputRead } from "../../workbook/input";
import { copiedGrids, summarySheetsBeside } from "../../workbook/output-sheets";
import { MAX_PROFIL_PRINT, ProfilSelectionError, suggestion } from "../../workbook/profil";
import { PeriodeNotFoundError, currentRound } from "../../workbook/round-read";
import { Summary, SummaryOptions, buildSummary } from "../../workbook/summary";
import { OutputFile, asOutputError } from "../../xlsx/output-file";
import { DeflatedCopy, PackageTables, copyRows, packageTables } from "../../xlsx/package-writer";
import { canPrepareCopies, prepareCopies } from "../../xlsx/prepared-copy";
import { StreamedCopies } from "../../xlsx/streamed-copy";
import { SheetCopy, writeWorkbook } from "../../xlsx/write";
import { copyHeaderRows } from "../../workbook/copy-header";
import { CliError, Context, EXIT } from "../context";
import { MadeList } from "../../workbook/made-list";
import { resultsJson } from "../json";
import { loadInput } from "../load";
import { openElsewhere } from "../open-elsewhere";
import { T, WEIGHT_PROBLEMS } from "../messages";
import { isFile, isReadOnly } from "../paths";
import { sameFile } from "../paths";
import { progressBar } from "../progress";
import { domainTable, issueKindLines } from "../table";
import { threadedRunner } from "../uncertainty-threads";

export interface SummarizeOptions {
  readonly output: string;
  readonly json?: string;
  readonly weights: string;
  /** One sheet, or several read as rounds (sheet-option.ts). */
  readonly sheet?: string | readonly string[];
  readonly print?: boolean;
  /** Leave hidden rows out. */
  readonly visibleOnly?: boolean;
  /** Replace an existing output (xlsx and JSON file). */
  readonly force?: boolean;
  /** The round to summarise; the latest by default. */
  readonly periode?: string;
  /** KKB Ketidakpastian for a file of any size (by default up to 10,000 kampung). */
  readonly ketidakpastian?: boolean;
  /** Also write KKB Profil Cetak: true for every kampung, a text for one region's (issue 15). */
  readonly profil?: string | boolean;
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
  // The output is always an .xlsx: another extension would give a file that opens as damaged.
  if (!/\.xlsx$/i.test(options.output)) throw new CliError(T.outputNotXlsx[lang](options.output));
  const jsonToStdout = options.json === "-";
  // Said before "already exists": --force must never be offered for the input itself.
  if (options.json && !jsonToStdout) {
    if ((await sameFile(input, options.json)) || (await sameFile(options.output, options.json))) {
      throw new CliError(T.refuseJsonOverwrite[lang](options.json));
    }
  }
  // An earlier summary (perhaps edited since) is never replaced silently, as with the template;
  // one the user made read-only not even with --force (Excel would not save over it either).
  const outputs = [options.output, ...(options.json && !jsonToStdout ? [options.json] : [])];
  for (const file of outputs) {
    if (await isReadOnly(file)) throw new CliError(T.refuseReadOnly[lang](file));
    if (!options.force && (await isFile(file))) throw new CliError(T.refuseExisting[lang](file));
  }

  // Replaced while open in Excel or LibreOffice, its later save there would undo this one.
  const outputOpen = options.force ? await openElsewhere(options.output) : null;

  // The outputs' temporary files are made first: a folder that cannot be written is said
  // before the input is read, and a signal during the work removes them (temp-files.ts).
  const xlsxOut = await OutputFile.create(options.output);
  let jsonOut: OutputFile | null = null;
  let summary: Summary;
  let facts: ReadFacts;
  try {
    if (options.json && !jsonToStdout)
      jsonOut = await OutputFile.create(options.json, "ringkasan.json");
    ({ summary, facts } = await writeSummaryWorkbook(input, xlsxOut, options, ctx, jsonToStdout, {
      lang,
      weights: parsed.weights,
      source: path.basename(input),
      now: new Date(),
      periode: options.periode,
      ...(options.ketidakpastian ? { ketidakpastian: true } : {}),
      uncertaintyRunner: threadedRunner(),
      ...(options.profil
        ? { profil: { region: typeof options.profil === "string" ? options.profil : null } }
        : {}),
    }));
    // Built only when asked for, and written in pieces: on the national workbook the whole
    // text would be one string of some 200 MB.
    if (options.json) {
      const results = resultsJson(
        summary.results,
        summary.analysis,
        summary.trend,
        summary.uncertainty && summary.association
          ? { uncertainty: summary.uncertainty, association: summary.association }
          : undefined
      );
      if (jsonOut) {
        const file = jsonOut.file;
        await writeJson(jsonOut.stream(), results).catch((error: unknown) => {
          throw asOutputError(error, file);
        });
      } else io.out(terminalSafeJson([...jsonPieces(results)].join("")) + "\n");
    }
    // Renamed only when both are written, one right after the other.
    await xlsxOut.commit();
    await jsonOut?.commit();
  } catch (error) {
    await xlsxOut.discard();
    await jsonOut?.discard();
    throw error;
  }

  // `--json -` promises nothing but JSON on stdout: the table then goes to stderr.
  if (options.print) {
    const table = domainTable(summary.results.kampung, lang, parsed.weights);
    if (jsonToStdout) io.err(table);
    else io.out(table);
  }

  const issues = summary.results.issues;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  io.err(T.summaryWritten[lang](options.output) + "\n");
  if (outputOpen)
    io.err(T.outputOpen[lang](options.output, outputOpen.program, outputOpen.user) + "\n");
  if (options.json && !jsonToStdout) io.err(T.jsonWritten[lang](options.json) + "\n");
  const rounds = summary.trend?.rounds.length ?? 1;
  io.err(T.checked[lang](input, facts.sourceRange, facts.rows, errors, warnings, rounds) + "\n");
  io.err(issueKindLines(issues, lang));
  // Other sheets that look like input, not read: said in full, not only counted.
  for (const issue of issues.filter((i) => i.code === "SHEET_OTHER_INPUTS"))
    io.err(escapeControls(issue.message, "escape") + "\n");
  if (!summary.uncertainty && summary.results.kampung.length > 0) {
    io.err(T.uncertaintySkipped[lang](summary.results.kampung.length) + "\n");
  }
  if (summary.cut.length > 0) {
    const fmt = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US");
    const list = summary.cut
      .map((c) =>
        lang === "id"
          ? `${c.sheet} tanpa ${fmt.format(c.rowsLeftOut)} baris`
          : `${c.sheet} without ${fmt.format(c.rowsLeftOut)} rows`
      )
      .join("; ");
    io.err(T.sheetsCut[lang](list) + "\n");
  }
  const trend = summary.trend;
  if (trend) {
    const round = trend.rounds[trend.current].label;
    const n = summary.results.kampung.length;
    // Kampung of earlier rounds missing from this one: otherwise told only in KKB Tren.
    const gone = trend.kampung.filter(
      (k) => k.roundIndexes[0] < trend.current && !k.roundIndexes.includes(trend.current)
    ).length;
    io.err(T.roundSummarised[lang](round, n, gone) + "\n");
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

/**
 * Reads the input, builds the summary and writes the workbook (not yet committed). A function
 * of its own so that the package's shared-string table and styles, and the sheets, go with its
 * frame before the JSON is written (locals of the caller live until it returns).
 */
async function writeSummaryWorkbook(
  input: string,
  xlsxOut: OutputFile,
  options: SummarizeOptions,
  ctx: Context,
  quiet: boolean,
  summaryOptions: SummaryOptions
): Promise<{ summary: Summary; facts: ReadFacts }> {
  const { io, lang } = ctx;
  const { summary, copies, tables, facts } = await summaryAndCopies(
    input,
    options,
    ctx,
    quiet,
    summaryOptions
  );
  // The summary sheets' names are free beside the copies' (output-sheets.ts).
  const sheets = summarySheetsBeside(
    copies.map((c) => c.name),
    summary.sheets
  );
  const totalRows = copies.reduce((n, c) => n + copyRows(c), 0);
  const bar = progressBar(io, !quiet && totalRows > 20_000, T.writing[lang], T.rows[lang]);
  try {
    await writeWorkbook(xlsxOut, sheets, {
      copies,
      tables,
      onRows: (n, total) => bar.update(n, total),
      commit: false,
    });
  } finally {
    bar.stop();
  }
  return { summary, facts };
}

/** What the messages say of the input once it is let go: its range and its kampung rows. */
interface ReadFacts {
  readonly sourceRange: string;
  readonly rows: number;
}

/**
 * Reads the input, writes its copied sheets at once (deflated, prepared-copy.ts) so that the
 * input's cells are let go before the summary is built, and builds the summary; the read itself
 * is let go before the sheets are written (on the national workbook its 84,276 assessments are
 * some 50 MB). The input sheets keep their names so the links of KKB Validasi lead to the
 * cells; a summary KKB wrote before is regenerated, not copied (output-sheets.ts). A Node
 * without zlib's `crc32` (before 20.15) copies the grids with the rest, holding them meanwhile.
 */
async function summaryAndCopies(
  input: string,
  options: SummarizeOptions,
  ctx: Context,
  quiet: boolean,
  summaryOptions: SummaryOptions
): Promise<Copied & { summary: Summary; facts: ReadFacts }> {
  const { read, copies, tables } = await loadAndCopy(input, options, ctx, quiet);
  const summary = usageErrors(() => buildSummary(read, summaryOptions), ctx.lang);
  return {
    summary,
    copies,
    tables,
    facts: { sourceRange: read.sourceRange, rows: read.assessments.length },
  };
}

/** The input's copied sheets, and the package's tables that hold their texts and styles. */
interface Copied {
  readonly copies: (SheetCopy | DeflatedCopy)[];
  readonly tables: PackageTables;
}

/**
 * The input read and its sheets copied: as the rows are read where it can be (streamed-copy.ts),
 * else from the grids once read. A function of its own so that the grids go with its frame:
 * built in the caller's, they stayed alive through the summary (+35-45 MB national).
 */
async function loadAndCopy(
  input: string,
  options: SummarizeOptions,
  ctx: Context,
  quiet: boolean
): Promise<Copied & { read: InputRead }> {
  // Copies written as the rows are read (streamed-copy.ts), where they can be.
  const streamed = canPrepareCopies() ? new StreamedCopies() : undefined;
  const { grids, read } = await loadInput(
    input,
    options.sheet,
    ctx,
    quiet,
    options.visibleOnly,
    streamed
  );
  // No kampung (no header, no rows under it): a summary of nothing is not written (exit 2),
  // the reason is said instead (it would be only a count on stderr after "written").
  if (read.assessments.length === 0) {
    const why =
      read.issues.find((i) => i.code === "HEADER_NOT_FOUND" || i.code === "NO_ROWS") ??
      read.issues.find((i) => i.severity === "error");
    // Every row left out as hidden (--visible-only): that is the reason, said with it.
    const hidden = read.issues.find((i) => i.code === "ROWS_HIDDEN_SKIPPED");
    throw new CliError(
      T.noKampungToSummarize[ctx.lang](
        (why ? `${why.sheet ? `'${why.sheet}'!${why.cell}: ` : ""}${why.message}` : "") +
          (hidden ? ` ${hidden.message}` : "")
      )
    );
  }
  // A round that is not in the file is said before anything is written.
  usageErrors(() => currentRound(read.rounds, options.periode), ctx.lang);
  // The input sheet's copy repeats the header rows as read on its printed pages.
  const kept = copiedGrids(grids).map((grid) => ({
    name: grid.sheet,
    grid,
    headerRows:
      grid.sheet === read.sheet ? copyHeaderRows(grid, read.headerRow) : copyHeaderRows(grid),
  }));
  const done = await streamed?.finish(kept.map((c) => c.grid));
  if (streamed && done) {
    const copies = done.map((copy, i) => ({ ...copy, headerRows: kept[i].headerRows }));
    return { read, copies, tables: streamed.tables };
  }
  const tables = packageTables();
  if (!canPrepareCopies()) return { read, copies: kept, tables };
  const rows = kept.reduce((n, c) => n + c.grid.rows.length, 0);
  const bar = progressBar(ctx.io, !quiet && rows > 20_000, T.copying[ctx.lang], T.rows[ctx.lang]);
  try {
    const copies = await prepareCopies(kept, tables, (n, total) => bar.update(n, total));
    return { read, copies, tables };
  } finally {
    bar.stop();
  }
}

/**
 * What `make` gives, or a usage error (exit 2): `--periode` names no round of the file (the
 * message names those it has), or `--profil` would print too many kampung or none.
 */
function usageErrors<T>(make: () => T, lang: Lang): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof PeriodeNotFoundError) {
      throw new CliError(T.periodeNotFound[lang](error.wanted, error.available));
    }
    if (error instanceof ProfilSelectionError) {
      throw new CliError(
        error.problem === "tooMany"
          ? T.profilTooMany[lang](error.count, MAX_PROFIL_PRINT, error.region)
          : T.profilNoRegion[lang](error.region ?? "") + suggestion(error.candidates, lang)
      );
    }
    throw error;
  }
}

/**
 * The JSON text of `value` in pieces: objects and arrays down to `levels` deep are taken apart
 * and indented by two spaces, each deeper value is written whole on one line. At the default two
 * levels each kampung is one line: the national file is 150 MB instead of 277 MB pretty-printed
 * throughout, written in some 1 s less, and still reads line by line (`head`, `grep`). The pieces
 * joined parse to what `JSON.stringify(value)` parses to; a `MadeList` stands for its array.
 */
export function* jsonPieces(value: unknown, levels = 2, indent = ""): Generator<string> {
  if (levels > 0 && value instanceof MadeList) {
    // Items made one at a time, written as the array they stand for.
    const inner = indent + "  ";
    if (value.length === 0) return yield "[]";
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield (i ? ",\n" : "\n") + inner;
      yield* jsonPieces(value.at(i), levels - 1, inner);
    }
    return yield `\n${indent}]`;
  }
  if (
    levels > 0 &&
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  ) {
    const inner = indent + "  ";
    if (Array.isArray(value)) {
      if (value.length === 0) return yield "[]";
      yield "[";
      for (let i = 0; i < value.length; i++) {
        yield (i ? ",\n" : "\n") + inner;
        const item: unknown = value[i];
        if (item === undefined || typeof item === "function" || typeof item === "symbol") {
          yield "null";
        } else yield* jsonPieces(item, levels - 1, inner);
      }
      return yield `\n${indent}]`;
    }
    const entries = Object.entries(value).filter(
      ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol"
    );
    if (entries.length === 0) return yield "{}";
    yield "{";
    for (let i = 0; i < entries.length; i++) {
      yield `${i ? ",\n" : "\n"}${inner}${JSON.stringify(entries[i][0])}: `;
      yield* jsonPieces(entries[i][1], levels - 1, inner);
    }
    return yield `\n${indent}}`;
  }
  return yield JSON.stringify(value);
}

/**
 * Characters per write. Small enough that each flattened chunk is an ordinary young object:
 * chunks of 1 MB went to V8's large-object space, where the 200 MB of a national JSON piled up
 * until a full collection (peak 630 MB against 520 MB without --json).
 */
const JSON_CHUNK = 1 << 15;

/**
 * A chunk of the JSON text as UTF-8, terminal-safe (terminalSafeJson). Checked on the bytes the
 * stream needs anyway: a chunk whose bytes are as many as its characters is ASCII, and ASCII
 * with no DEL and no `\ud` escape is already safe; the regular expressions run only on the
 * others. 0.5 s less CPU than running them on every piece (four national rounds, 298 MB).
 */
function safeBytes(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === text.length && !bytes.includes(0x7f) && !text.includes("\\ud")) return bytes;
  return Buffer.from(terminalSafeJson(text), "utf8");
}

/**
 * Writes the JSON text to a stream in chunks of about 32 KB, made terminal-safe, and ends it.
 * A chunk is whole pieces of jsonPieces, so it holds whole strings, as terminalSafeJson needs.
 */
export async function writeJson(out: Writable, value: unknown): Promise<void> {
  const failed = once(out, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  let chunk = "";
  const write = async (text: string) => {
    if (!out.write(safeBytes(text))) await Promise.race([once(out, "drain"), failed]);
  };
  for (const piece of jsonPieces(value)) {
    chunk += piece;
    if (chunk.length >= JSON_CHUNK) {
      await write(chunk);
      chunk = "";
    }
  }
  out.end(safeBytes(chunk + "\n"));
  await Promise.race([once(out, "finish"), failed]);
}
