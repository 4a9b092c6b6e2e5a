/**
 * Renders sheet specs (after optional copies of input grids) to an .xlsx file: one code path for
 * 4 rows and for 84,276. The package is written directly (package-writer.ts): rows as XML
 * strings streamed into zip.js (zip-sink.ts) with zlib's fast deflate, charts in the same pass,
 * no object per cell. The file
 * appears under its name only when complete: written to an exclusive temporary file beside it,
 * flushed, then renamed (output-file.ts). User text is always written as text, never as a
 * formula.
 */
import { Writable } from "node:stream";
import { configure } from "@zip.js/zip.js";
import { Grid } from "../workbook/grid";
import { SheetSpec } from "../workbook/sheet-spec";
import { checkSheetNames } from "./layout";
import { CommitOptions, OutputFile, asOutputError } from "./output-file";
import { NodeDeflateRaw } from "./node-deflate";
import { DeflatedCopy, PackageTables, writePackage } from "./package-writer";
import { HeaderRows } from "../workbook/copy-header";

export interface SheetCopy {
  readonly name: string;
  readonly grid: Grid;
  /** Rows repeated on its printed pages (copy-header.ts); found from the grid when absent. */
  readonly headerRows?: HeaderRows | null;
}

export interface WriteOptions {
  /**
   * Grids written first, cell for cell at their own addresses (the input rows), or such copies
   * written beforehand (prepared-copy.ts, with `tables`).
   */
  readonly copies?: readonly (SheetCopy | DeflatedCopy)[];
  /** The styles and shared strings the copies were prepared with. */
  readonly tables?: PackageTables;
  /** Called with the number of rows written so far and the total. */
  readonly onRows?: (written: number, total: number) => void;
  /** Give the file its name now (the default); false leaves it to the caller's `commit`. */
  readonly commit?: boolean;
  /** Options of the commit (replace an existing file or not). */
  readonly commitOptions?: CommitOptions;
}

/**
 * Writes the workbook to `target`: a file name, or an OutputFile the caller created (and then
 * commits itself when `commit` is false). Fails with OutputFileError when the file system
 * refuses; the temporary file is then removed and the final name left as it was.
 */
export async function writeWorkbook(
  target: string | OutputFile,
  sheets: readonly SheetSpec[],
  options: WriteOptions = {}
): Promise<void> {
  checkSheetNames([...(options.copies ?? []).map((c) => c.name), ...sheets.map((s) => s.name)]);
  const out = typeof target === "string" ? await OutputFile.create(target) : target;
  try {
    const stream = Writable.toWeb(out.stream()) as WritableStream<Uint8Array>;
    // zlib's fast deflate instead of Node's CompressionStream (zlib's default level).
    configure({ CompressionStream: NodeDeflateRaw as never });
    await writePackage(stream, sheets, options);
    if (options.commit !== false) await out.commit(options.commitOptions);
  } catch (cause) {
    await out.discard();
    throw asOutputError(cause, out.file);
  }
}
