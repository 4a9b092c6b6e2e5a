/** Reading the input workbook and its kampung rows, with progress for large files. */
import { promises as fs } from "node:fs";
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import { readChosenInput } from "../workbook/choose-input";
import { InputRead } from "../workbook/input";
import { isRoundSheetsRead } from "../workbook/round-sheets";
import { Grid } from "../workbook/grid";
import { withValidSheetNames } from "../workbook/sheet-names";
import { readWorkbook } from "../xlsx/read";
import { RowSink } from "../xlsx/read-thread";
import { CliError, Context } from "./context";
import { lockedWorkbook, openElsewhere } from "./open-elsewhere";
import { otherInputSheetsIssue } from "./other-input-sheets";
import { sheetPicks } from "./sheet-option";
import { T } from "./messages";
import { progressBar } from "./progress";

/**
 * Bytes of memory one cell of the input takes through the whole summary, at the peak, with a
 * margin: Excel's full grid (1,048,575 kampung of 24 cells, 25.2 million cells) peaked at
 * 2.52 GB of resident memory (100 B a cell; the input's cells are let go before the summary,
 * whose results then hold the most). The reader keeps at most heap limit / this many cells, so
 * a sheet too large for the memory is refused with a clear message (exit 2) instead of V8's
 * "heap out of memory" crash (exit 134): on this machine's 4.3 GB heap, 35 million cells.
 */
const HEAP_BYTES_PER_CELL = 120;

/**
 * Heap the command needs whatever the input (its code, the summary's fixed parts, buffers),
 * kept out of the cells' share: with `--max-old-space-size=128` (a 184 MB heap), 56,000 rows
 * of 24 cells crashed at 120 bytes a cell without it; with it 48,000 are refused, 46,000 run.
 */
const HEAP_RESERVE_BYTES = 48 * 1024 * 1024;

/** Files larger than this (bytes) show a progress bar while they are read. */
const PROGRESS_ABOVE = 2 * 1024 * 1024;

export interface Loaded {
  readonly grids: Grid[];
  readonly read: InputRead;
}

/**
 * Reads the input: the best sheet, the sheet `--sheet` names, or the sheets it names read as
 * rounds (sheet-option.ts); without `--sheet`, sheets each named for a different round are read
 * as rounds, and a line on stderr says so. A sheet that is missing, or whose round cannot be told, is exit 2.
 * `sink` is told of the rows as they are read, when an .xlsx file is read in a second thread.
 */
export async function loadInput(
  file: string,
  sheet: string | readonly string[] | undefined,
  ctx: Context,
  quiet: boolean,
  visibleOnly = false,
  sink?: RowSink
): Promise<Loaded> {
  const workbook = lockedWorkbook(file);
  if (workbook !== null) throw new CliError(T.lockFileInput[ctx.lang](file, workbook));
  const open = await openElsewhere(file);
  if (open) ctx.io.err(T.inputOpen[ctx.lang](file, open.program, open.user) + "\n");
  const size = await fs.stat(file).then(
    (s) => s.size,
    () => 0
  );
  const bar = progressBar(
    ctx.io,
    !quiet && size > PROGRESS_ABOVE,
    T.reading[ctx.lang],
    T.rows[ctx.lang]
  );
  let read: Grid[];
  try {
    read = await readWorkbook(file, {
      onRows: (n) => bar.update(n),
      // A second thread only pays where there is a second core to run it.
      thread: availableParallelism() > 1,
      sink,
      maxCells: Math.floor(
        Math.max(0, getHeapStatistics().heap_size_limit - HEAP_RESERVE_BYTES) / HEAP_BYTES_PER_CELL
      ),
    });
  } finally {
    bar.stop();
  }
  const grids = withValidSheetNames(read);
  const values = sheet === undefined ? [] : typeof sheet === "string" ? [sheet] : sheet;
  const named = (name: string) =>
    read.some((g) => g.sheet === name) || grids.some((g) => g.sheet === name);
  const picks = sheetPicks(values, named).map((p) => ({
    ...p,
    sheet: renamedSheet(p.sheet, read, grids),
  }));
  const input = readChosenInput(grids, {
    lang: ctx.lang,
    ...(picks.length > 1 ? { sheets: picks } : { sheet: picks[0]?.sheet }),
    visibleOnly,
  });
  const missing = input.issues.find((i) => i.code === "SHEET_NOT_FOUND");
  if (input.fatal && missing) throw new CliError(missing.message);
  const noRound = input.issues.find((i) => i.code === "SHEET_ROUND_MISSING");
  if (input.fatal && noRound)
    throw new CliError(`${noRound.message} ${T.sheetRoundHint[ctx.lang](noRound.sheet)}`);
  if (sheet === undefined && isRoundSheetsRead(input)) {
    // Read as rounds by their names (choose-input.ts), not picked: said, with how to pick one.
    const list = input.picks.map((p) => `"${p.sheet}"`).join(", ");
    ctx.io.err(T.sheetsAsRounds[ctx.lang](list) + "\n");
  }
  // Without --sheet, other sheets that look like input are named, once (other-input-sheets.ts).
  const others = sheet === undefined ? otherInputSheetsIssue(grids, input, ctx.lang) : null;
  if (!others) return { grids, read: input };
  return { grids, read: { ...input, issues: [...input.issues, others] } };
}

/** --sheet as the user typed it: the file's own name of a sheet that was renamed works too. */
function renamedSheet(sheet: string, before: readonly Grid[], after: readonly Grid[]): string {
  const i = before.findIndex((g) => g.sheet === sheet);
  return i >= 0 ? after[i].sheet : sheet;
}
