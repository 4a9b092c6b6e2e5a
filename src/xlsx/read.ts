/**
 * Reading any workbook file (path or bytes) into grids, one per worksheet in tab order.
 * Small files are read whole; files over `streamAbove` bytes go through the streaming reader,
 * which gives the same grids with far less memory.
 */
import { promises as fs } from "node:fs";
import { Grid } from "../workbook/grid";
import { XlsxFileError } from "./errors";
import { readWorkbookBytes, toBytes, withSheets } from "./read-bytes";
import { readWorkbookStream } from "./read-stream";
import { sniffKind } from "./sniff";

export { XlsxFileError } from "./errors";

/** Files larger than this (bytes) are streamed. */
export const STREAM_ABOVE = 2 * 1024 * 1024;

export interface ReadOptions {
  /** Display name for messages when reading bytes (and to recognise .csv). */
  readonly name?: string;
  /** Force (true) or forbid (false) the streaming reader; by default chosen by size. */
  readonly streaming?: boolean;
  readonly streamAbove?: number;
  /** Called as rows are read (streaming reader only). */
  readonly onRows?: (rowsRead: number) => void;
}

export async function readWorkbook(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {}
): Promise<Grid[]> {
  if (typeof source !== "string") {
    const bytes = toBytes(source);
    const name = options.name ?? "(buffer)";
    if (useStream(bytes.length, options) && sniffKind(bytes.subarray(0, 8), name) === "xlsx") {
      return streamed(bytes, name, options);
    }
    return readWorkbookBytes(bytes, name);
  }
  const size = await fileSize(source);
  if (useStream(size, options) && (await sniffFile(source)) === "xlsx")
    return streamed(source, source, options);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(source);
  } catch (cause) {
    throw new XlsxFileError("not-found", source, { cause });
  }
  return readWorkbookBytes(bytes, options.name ?? source);
}

function useStream(size: number, options: ReadOptions): boolean {
  return options.streaming ?? size > (options.streamAbove ?? STREAM_ABOVE);
}

async function streamed(
  input: string | Uint8Array,
  name: string,
  options: ReadOptions
): Promise<Grid[]> {
  let grids: Grid[];
  try {
    grids = await readWorkbookStream(input, options.onRows);
  } catch (cause) {
    throw new XlsxFileError("corrupt", name, { cause });
  }
  return withSheets(grids, name);
}

async function fileSize(path: string): Promise<number> {
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
  } finally {
    await handle.close();
  }
}
