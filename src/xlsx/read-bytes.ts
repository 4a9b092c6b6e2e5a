/**
 * A workbook file's bytes to grids, with no Node APIs (the task pane reuses it for a file the
 * user opens): .xlsx through ExcelJS, .csv as one grid, anything else a typed error.
 */
import { Grid } from "../workbook/grid";
import { csvToGrid } from "./csv";
import { XlsxFileError } from "./errors";
import { readWorkbookFull } from "./read-full";
import { sniffKind } from "./sniff";

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Decodes CSV text: UTF-8, or Windows-1252 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The sheet name a CSV file's grid gets: its file name without folder and extension. */
export function csvSheetName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (base.replace(/\.[^.]*$/, "") || "CSV").slice(0, 31);
}

/** The grids of a workbook that has at least one worksheet (Excel cannot save one without). */
export function withSheets(grids: Grid[], name: string): Grid[] {
  if (grids.length === 0) throw new XlsxFileError("no-sheets", name);
  return grids;
}

/** `name` is the file's name (for messages and to recognise .csv). */
export async function readWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  name: string
): Promise<Grid[]> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw new XlsxFileError("empty", name);
  const kind = sniffKind(bytes.subarray(0, 4096), name, bytes);
  switch (kind) {
    case "xlsx": {
      let grids: Grid[];
      try {
        grids = await readWorkbookFull(bytes);
      } catch (cause) {
        throw new XlsxFileError("corrupt", name, { cause });
      }
      return withSheets(grids, name);
    }
    case "csv":
      return [csvToGrid(decodeText(bytes), csvSheetName(name))];
    case "encrypted":
    case "legacy-xls":
      throw new XlsxFileError(kind, name);
    default:
      throw new XlsxFileError("not-xlsx", name);
  }
}
