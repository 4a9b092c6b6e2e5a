/**
 * The `kkb` command: template, validate and summarize, with commander. Returns the exit code
 * (bin/kkb.js sets it); errors are one clear line on stderr, stack traces only with --debug.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Help, Option } from "commander";
import { Lang } from "../engine/framework";
import { escapeControls } from "../workbook/control-text";
import { isXlsxFileError } from "../xlsx/errors";
import { errnoCode, OutputFileError } from "../xlsx/output-file";
import { templateCommand } from "./commands/template";
import { summarizeCommand } from "./commands/summarize";
import { validateCommand } from "./commands/validate";
import {
  commanderError,
  HELP_COMMAND,
  HELP_OPTION,
  helpTitle,
  usageWords,
  VERSION_OPTION,
} from "./commander-text";
import { CliError, Context, EXIT } from "./context";
import { Io, processIo } from "./io";
import { OUTPUT_PROBLEMS, T } from "./messages";
import { collectSheet } from "./sheet-option";

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
    ) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The language for messages printed before (or without) commander's parse. */
function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? "id" : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "id";
}

const VISIBLE_ONLY = "--visible-only";
const SHEET_HELP =
  "lembar yang dibaca; beberapa (diulang atau dipisah koma) dibaca sebagai periode, NAMA=PERIODE bila nama lembar tidak menyebut periode / sheet to read; several (repeated or a comma list) are read as rounds, NAME=ROUND when the name gives none";
const VISIBLE_ONLY_HELP =
  "lewati baris tersembunyi (bawaan: dihitung seperti AVERAGE) / leave hidden rows out (default: counted, as AVERAGE does)";

function buildProgram(
  io: Io,
  lang: Lang,
  run: (work: (ctx: Context) => Promise<number>, cmd: Command) => Promise<void>
): Command {
  const program = new Command("kkb")
    .description(T.description.id + "\n" + T.description.en)
    .version(packageVersion(), "-V, --version", VERSION_OPTION[lang])
    .addOption(
      new Option("--lang <lang>", "bahasa pesan / message language")
        .choices(["id", "en"])
        .default("id")
    )
    .option("--debug", "tampilkan jejak galat / show stack traces")
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => helpTitle(title, lang),
      commandUsage(this: Help, cmd: Command) {
        return usageWords(Help.prototype.commandUsage.call(this, cmd), lang);
      },
    })
    .helpOption("-h, --help", HELP_OPTION[lang])
    .helpCommand("help [command]", HELP_COMMAND[lang])
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(commanderError(s.replace(/\n$/, ""), lang) + "\n"),
    });

  program
    .command("template")
    .alias("templat")
    .description("tulis templat masukan kosong / write a blank input workbook")
    .option(
      "-o, --output <file>",
      "file .xlsx (bawaan: templat-kkb.xlsx; default with --lang en: kkb-template.xlsx)"
    )
    .option("--force", "timpa file yang sudah ada / overwrite an existing file")
    .action((opts: { output?: string; force?: boolean }, cmd: Command) =>
      run((ctx) => templateCommand(opts, ctx), cmd)
    );

  program
    .command("validate")
    .alias("periksa")
    .description(
      "periksa buku kerja masukan / check an input workbook (exit 0 ok, 1 errors, 2 unreadable)"
    )
    .argument("<input>", "file .xlsx atau .csv")
    .option("--sheet <name>", SHEET_HELP, collectSheet)
    .option("--json", "hasil sebagai JSON di stdout / results as JSON on stdout")
    .option(VISIBLE_ONLY, VISIBLE_ONLY_HELP)
    .action(
      (
        input: string,
        opts: { sheet?: string[]; json?: boolean; visibleOnly?: boolean },
        cmd: Command
      ) => run((ctx) => validateCommand(input, opts, ctx), cmd)
    );

  program
    .command("summarize")
    .alias("ringkas")
    .description("tulis buku kerja ringkasan baru / write a new summary workbook")
    .argument("<input>", "file .xlsx atau .csv (tidak pernah diubah / never modified)")
    .requiredOption(
      "-o, --output <file>",
      "file .xlsx keluaran (bukan file masukan / not the input)"
    )
    .option(
      "--json <file>",
      "tulis hasil JSON ke file (- untuk stdout) / write JSON results (- for stdout)"
    )
    .option("--weights <weights>", "setara | kemandirian-sentral | W1,W2,W3", "setara")
    .option("--sheet <name>", SHEET_HELP, collectSheet)
    .option("--print", "cetak tabel domain / print the domain table")
    .option(
      "--profil [wilayah]",
      "juga tulis KKB Profil Cetak: satu halaman per kampung (semua, atau satu wilayah; paling banyak 200) / also write KKB Profil Cetak: one page per kampung (all, or one region; at most 200)"
    )
    .option("--force", "timpa keluaran yang sudah ada / overwrite an existing output")
    .option(VISIBLE_ONLY, VISIBLE_ONLY_HELP)
    .option(
      "--ketidakpastian",
      "ketidakpastian peringkat juga untuk lebih dari 10.000 kampung / rank uncertainty also above 10,000 kampung"
    )
    .option(
      "--periode <periode>",
      "periode yang diringkas (bawaan: terakhir) / round to summarise (default: latest)"
    )
    .action(
      (
        input: string,
        opts: {
          output: string;
          json?: string;
          weights: string;
          sheet?: string[];
          print?: boolean;
          visibleOnly?: boolean;
          force?: boolean;
          periode?: string;
          ketidakpastian?: boolean;
          profil?: string | boolean;
        },
        cmd: Command
      ) => run((ctx) => summarizeCommand(input, opts, ctx), cmd)
    );
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  if (io === processIo) guardStdout(() => lang);
  // Whatever reaches the terminal (file names, sheet names, messages quoting cell values) has
  // its control characters written out; JSON output carries none (terminalSafeJson).
  io = terminalIo(io);
  let lang = langFromArgv(argv);
  let debug = argv.includes("--debug");
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, lang, async (work, cmd) => {
    const globals = cmd.optsWithGlobals<{ lang: Lang; debug?: boolean }>();
    lang = globals.lang;
    debug = globals.debug === true;
    exitCode = await work({ io, lang, debug });
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (isValidateJsonFile(error, argv)) io.err(T.validateJsonFile[lang] + "\n");
    return report(error, io, lang, debug);
  }
}

/**
 * `periksa data.xlsx --json hasil.json`, as `ringkas` takes `--json FILE`: commander says only
 * "too many arguments"; the hint says where periksa's JSON goes.
 */
function isValidateJsonFile(error: unknown, argv: readonly string[]): boolean {
  if (!(error instanceof CommanderError) || error.code !== "commander.excessArguments")
    return false;
  return argv.some((a) => a === "periksa" || a === "validate") && argv.includes("--json");
}

let stdoutGuarded = false;

/**
 * Standard output that cannot be written (redirected to a full disk; a pipe whose reader has
 * gone, as with `| head`) ends the run with exit 2 and one line, not with Node's stack trace
 * and exit 1 ("the input has errors"). Temporary files are removed on the way out.
 */
function guardStdout(lang: () => Lang): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on("error", (error: Error) => {
    const code = errnoCode(error);
    // A closed pipe is the reader's choice: nothing to say (stderr may be the same pipe).
    if (code !== "EPIPE") {
      const problem = code === "ENOSPC" || code === "EDQUOT" ? "no-space" : "unwritable";
      process.stderr.write(OUTPUT_PROBLEMS[problem][lang()]("stdout") + "\n");
    }
    process.exit(EXIT.unusable);
  });
}

function terminalIo(io: Io): Io {
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) => io.err(escapeControls(text)),
    get errIsTty() {
      return io.errIsTty;
    },
    errStream: io.errStream,
  };
}

function report(error: unknown, io: Io, lang: Lang, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every usage error (already printed by commander) is 2.
    return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
  }
  const stack = debug && error instanceof Error && error.stack ? error.stack + "\n" : "";
  if (error instanceof CliError) {
    io.err(error.message + "\n" + stack);
    return error.exitCode;
  }
  if (error instanceof OutputFileError) {
    io.err(OUTPUT_PROBLEMS[error.problem][lang](error.file, error.example) + "\n" + stack);
    return EXIT.unusable;
  }
  if (isXlsxFileError(error)) {
    io.err(error.text(lang) + "\n" + stack);
    return EXIT.unusable;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(T.unexpected[lang](message) + "\n" + stack);
  return EXIT.internal;
}
