/**
 * The part of the pane that reads and writes .xlsx files outside Excel, through the ExcelJS
 * adapter. Loaded only on demand (see file-session.ts), so the in-Excel bundle stays small.
 */
import { Lang } from "../engine/framework";
import { Grid } from "../workbook/grid";
import { SheetSpec } from "../workbook/sheet-spec";
import { templateSheets } from "../workbook/template";
import { isXlsxFileError } from "../xlsx/errors";
import { readWorkbookBytes } from "../xlsx/read-bytes";
import { BytesCopy, writeWorkbookBytes, WriteBytesOptions } from "../xlsx/write-bytes";

export type { BytesCopy };

export function readFileGrids(data: ArrayBuffer, name: string): Promise<Grid[]> {
  return readWorkbookBytes(data, name);
}

export function workbookBytes(
  sheets: readonly SheetSpec[],
  options: WriteBytesOptions = {}
): Promise<Uint8Array> {
  return writeWorkbookBytes(sheets, options);
}

export function templateBytes(lang: Lang): Promise<Uint8Array> {
  return writeWorkbookBytes(templateSheets(lang));
}

/** One line for the user when a file cannot be read, or null for other errors. */
export function fileErrorText(error: unknown, lang: Lang): string | null {
  return isXlsxFileError(error) ? error.text(lang) : null;
}
