/**
 * Reads a large .xlsx as a stream: ExcelJS's streaming reader unzips it and reads the shared
 * strings, styles and sheet names; each worksheet's XML goes through SheetXmlParser. Gives the
 * same grids as readWorkbookFull in a fraction of the memory.
 */
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import * as ExcelJS from "exceljs";
import { Grid } from "../workbook/grid";
import { isDateFormat, richTextString } from "./cell-value";
import { GridBuilder } from "./grid-builder";
import { SheetXmlContext, SheetXmlParser } from "./sheet-xml";

/** The parts of ExcelJS's streaming reader that its typings leave out. */
interface ReaderInternals {
  readonly sharedStrings?: readonly (string | { richText: { text?: string | null }[] } | null)[];
  readonly styles?: { getStyleModel(id: number): { numFmt?: string } | null };
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
  readonly model?: { readonly sheets?: readonly { readonly name: string }[] };
}

interface WorksheetInternals {
  readonly name: string;
  readonly iterator: AsyncIterable<Buffer | string>;
}

export interface StreamProgress {
  (rowsRead: number): void;
}

export async function readWorkbookStream(
  input: string | Uint8Array,
  onRows?: StreamProgress
): Promise<Grid[]> {
  const source = typeof input === "string" ? input : Readable.from([Buffer.from(input)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const internals = reader as unknown as ReaderInternals;
  const grids: Grid[] = [];
  let rowsBefore = 0;
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as WorksheetInternals;
    const grid = new GridBuilder(sheet.name);
    const parser = new SheetXmlParser(context(internals), grid);
    const decoder = new StringDecoder("utf8");
    for await (const chunk of sheet.iterator) {
      parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk));
      onRows?.(rowsBefore + parser.rowsRead);
    }
    parser.write(decoder.end());
    parser.end();
    rowsBefore += parser.rowsRead;
    grids.push(grid.build());
  }
  return inWorkbookOrder(grids, internals.model?.sheets ?? []);
}

function context(reader: ReaderInternals): SheetXmlContext {
  const dateStyles = new Map<number, boolean>();
  const strings = reader.sharedStrings ?? [];
  return {
    sharedString(index) {
      const s = strings[index];
      if (s === null || s === undefined) return "";
      return typeof s === "string" ? s : richTextString(s);
    },
    isDateStyle(style) {
      let isDate = dateStyles.get(style);
      if (isDate === undefined) {
        isDate = isDateFormat(reader.styles?.getStyleModel(style)?.numFmt);
        dateStyles.set(style, isDate);
      }
      return isDate;
    },
    date1904: reader.properties?.model?.date1904 === true,
  };
}

/** The zip may hold sheets in any order; the workbook's own list is the tab order. */
function inWorkbookOrder(grids: Grid[], sheets: readonly { readonly name: string }[]): Grid[] {
  const position = new Map(sheets.map((s, i) => [s.name, i]));
  return grids
    .map((grid, i) => ({ grid, key: position.get(grid.sheet) ?? sheets.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.grid);
}
