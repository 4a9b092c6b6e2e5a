/**
 * Reading any workbook file (a path or bytes) into grids, one per worksheet in tab order. One
 * reading path whatever the size: a path's zip is read lazily from disk (a Blob over the file),
 * each part decompressed and parsed as a stream.
 */
import { openAsBlob, promises as fs } from "node:fs";
import { Grid } from "../workbook/grid";
import { XlsxFileError } from "./errors";
import { readWorkbookBytes, readZipWorkbook, toBytes } from "./read-bytes";
import { ZipPackage } from "./ooxml/zip-package";
import { sniffKind } from "./sniff";
import { readXlsxInThread, RowSink } from "./read-thread";

export { XlsxFileError } from "./errors";

export interface ReadOptions {
  /** Display name for messages when reading bytes (and to recognise .csv). */
  readonly name?: string;
  /** Called as rows are read, with the count so far. */
  readonly onRows?: (rowsRead: number) => void;
  /** At most this many non-empty cells are kept; more is refused as too large for memory. */
  readonly maxCells?: number;
  /**
   * An .xlsx file is parsed in a worker thread (read-thread.ts), the same grids in less of this
   * thread's time; `script` names the worker's script (tests run the TypeScript sources). When
   * the worker cannot run, the file is read in this thread.
   */
  readonly thread?: boolean | { readonly script: string };
  /** Told of the rows as a thread's read puts them into grids (read-thread.ts). */
  readonly sink?: RowSink;
}

export async function readWorkbook(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {}
): Promise<Grid[]> {
  if (typeof source !== "string") {
    return readWorkbookBytes(toBytes(source), options.name ?? "(buffer)", options);
  }
  const name = options.name ?? source;
  const size = await fileSize(source);
  if (size > 0 && (await sniffFile(source)) === "xlsx") {
    if (options.thread) {
      const script = typeof options.thread === "object" ? options.thread.script : undefined;
      const task = { file: source, name, maxCells: options.maxCells };
      const { onRows, sink } = options;
      const grids = await readXlsxInThread(task, { onRows, script, sink });
      if (grids) return grids;
    }
    return readZipWorkbook(
      async () => ZipPackage.open(await openAsBlob(source)),
      name,
      options.onRows,
      options.maxCells
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(source);
  } catch (cause) {
    throw new XlsxFileError("not-found", source, { cause });
  }
  return readWorkbookBytes(bytes, name, options);
}

/** The size of a file, in bytes; XlsxFileError when it is missing or not a file. */
export async function fileSize(path: string): Promise<number> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new XlsxFileError("not-a-file", path);
    return stat.size;
  } catch (cause) {
    if (cause instanceof XlsxFileError) throw cause;
    throw new XlsxFileError("not-found", path, { cause });
  }
}

async function sniffFile(path: string): Promise<ReturnType<typeof sniffKind>> {
  const handle = await fs.open(path, "r");
  try {
    const head = new Uint8Array(8);
    await handle.read(head, 0, 8, 0);
    return sniffKind(head, path);
  } catch (cause) {
    throw new XlsxFileError("not-found", path, { cause });
  } finally {
    await handle.close();
  }
}
