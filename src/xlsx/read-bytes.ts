/**
 * A workbook file's bytes to grids, with no Node APIs (the pane's worker reads the file the user
 * opens through this): .xlsx through the one package reader, .csv as one grid, anything else a
 * typed error with a message that says what to do.
 */
import { Grid } from "../workbook/grid";
import { csvToGrid } from "./csv";
import { XlsxFileError } from "./errors";
import { GridLimitError } from "./ooxml/sheet-part";
import { CellBudget, MemoryLimitError, NewGridBuilder } from "./grid-builder";
import { NewSheetFeed, readXlsxPackage, RowProgress } from "./ooxml/workbook";
import { PackageLimitError, ZipPackage } from "./ooxml/zip-package";
import { sniffKind } from "./sniff";

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The sheet name a CSV file's grid gets: its file name without folder and extension (made valid for Excel by sheet-names.ts). */
export function csvSheetName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, "") || "CSV";
}

/** The grids of a workbook that has at least one worksheet (Excel cannot save one without). */
export function withSheets(grids: Grid[], name: string): Grid[] {
  if (grids.length === 0) throw new XlsxFileError("no-sheets", name);
  return grids;
}

/** A read failure as the user's problem: too large, an OpenDocument file, or damaged. */
export function fileProblem(cause: unknown, name: string, isOds: boolean): XlsxFileError {
  if (cause instanceof XlsxFileError) return cause;
  if (cause instanceof MemoryLimitError)
    return new XlsxFileError("too-large-memory", name, { cause });
  if (cause instanceof PackageLimitError || cause instanceof GridLimitError)
    return new XlsxFileError("too-large", name, { cause });
  if (isOds) return new XlsxFileError("ods", name, { cause });
  return new XlsxFileError("corrupt", name, { cause });
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

async function isOpenDocument(pkg: ZipPackage): Promise<boolean> {
  let mimetype = "";
  await pkg.readText("mimetype", (t) => (mimetype += t.slice(0, 100)));
  return mimetype.trim() === ODS_MIMETYPE;
}

/**
 * Reads an opened zip package as a workbook; closes it. `name` is for messages. Throws
 * XlsxFileError (`too-large`, `ods`, `corrupt`, `no-sheets`).
 */
export async function readZipWorkbook(
  open: () => Promise<ZipPackage>,
  name: string,
  onRows?: RowProgress,
  maxCells?: number,
  newBuilder?: NewGridBuilder,
  newFeed?: NewSheetFeed
): Promise<Grid[]> {
  let pkg: ZipPackage;
  try {
    pkg = await open();
  } catch (cause) {
    throw fileProblem(cause, name, false);
  }
  try {
    if (await isOpenDocument(pkg)) throw new XlsxFileError("ods", name);
    return withSheets(
      await readXlsxPackage(pkg, onRows, budgetOf(maxCells), newBuilder, newFeed),
      name
    );
  } catch (cause) {
    throw fileProblem(cause, name, false);
  } finally {
    await pkg.close().catch(() => undefined);
  }
}

export interface ReadBytesOptions {
  readonly onRows?: RowProgress;
  /** At most this many non-empty cells are kept (the CLI sets it from its heap's size). */
  readonly maxCells?: number;
}

function budgetOf(maxCells: number | undefined): CellBudget {
  return { remaining: maxCells ?? Infinity };
}

/** `name` is the file's name (for messages and to recognise .csv). */
export async function readWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  name: string,
  options: ReadBytesOptions = {}
): Promise<Grid[]> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw new XlsxFileError("empty", name);
  const kind = sniffKind(bytes.subarray(0, 4096), name, bytes);
  switch (kind) {
    case "xlsx":
      return readZipWorkbook(() => ZipPackage.open(bytes), name, options.onRows, options.maxCells);
    case "csv":
      try {
        return [csvToGrid(bytes, csvSheetName(name), budgetOf(options.maxCells))];
      } catch (cause) {
        throw fileProblem(cause, name, false);
      }
    case "encrypted":
    case "legacy-xls":
      throw new XlsxFileError(kind, name);
    case "text":
      throw new XlsxFileError("text-not-xlsx", name);
    default:
      throw new XlsxFileError("not-xlsx", name);
  }
}
