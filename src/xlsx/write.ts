/**
 * Renders sheet specs (after optional copies of input grids) to an .xlsx file: one code path for
 * 4 rows and for 84,276. The package is written directly (package-writer.ts): rows as XML
 * strings streamed through a fast deflate, charts in the same pass, no object per cell. The file
 * appears under its name only when complete (written beside it, then renamed). User text is
 * always written as text, never as a formula.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { Grid } from "../workbook/grid";
import { SheetSpec } from "../workbook/sheet-spec";
import { XlsxFileError } from "./errors";
import { writePackage } from "./package-writer";
import { checkSheetNames } from "./layout";

export interface SheetCopy {
  readonly name: string;
  readonly grid: Grid;
}

export interface WriteOptions {
  /** Grids written first, cell for cell at their own addresses (the input rows). */
  readonly copies?: readonly SheetCopy[];
  /** Called with the number of rows written so far and the total. */
  readonly onRows?: (written: number, total: number) => void;
}

export async function writeWorkbook(
  file: string,
  sheets: readonly SheetSpec[],
  options: WriteOptions = {}
): Promise<void> {
  checkSheetNames([...(options.copies ?? []).map((c) => c.name), ...sheets.map((s) => s.name)]);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writePackage(temp, sheets, options);
    await fs.rename(temp, file);
  } catch (cause) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (cause instanceof XlsxFileError) throw cause;
    if (isFsError(cause)) throw new XlsxFileError("unwritable", file, { cause });
    throw cause;
  }
}

/** A system error (ENOENT, EACCES, EBUSY...); duck-typed, as errors may come from another realm. */
function isFsError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as NodeJS.ErrnoException).syscall === "string"
  );
}

/** A name Excel accepts for a copied sheet: invalid characters replaced, at most 31 characters. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean || "Sheet";
}
