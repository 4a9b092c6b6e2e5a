/** Reading the input workbook and its kampung rows, with progress for large files. */
import { promises as fs } from "node:fs";
import { readInput, InputRead } from "../workbook/input";
import { Grid } from "../workbook/grid";
import { readWorkbook } from "../xlsx/read";
import { CliError, Context } from "./context";
import { T } from "./messages";
import { progressBar } from "./progress";

/** Files larger than this (bytes) show a progress bar while they are read. */
const PROGRESS_ABOVE = 2 * 1024 * 1024;

export interface Loaded {
  readonly grids: Grid[];
  readonly read: InputRead;
}

export async function loadInput(
  file: string,
  sheet: string | undefined,
  ctx: Context,
  quiet: boolean,
  visibleOnly = false
): Promise<Loaded> {
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
  let grids: Grid[];
  try {
    grids = await readWorkbook(file, { onRows: (n) => bar.update(n) });
  } finally {
    bar.stop();
  }
  const read = readInput(grids, { lang: ctx.lang, sheet, visibleOnly });
  const missing = read.issues.find((i) => i.code === "SHEET_NOT_FOUND");
  if (read.fatal && missing) throw new CliError(missing.message);
  return { grids, read };
}
