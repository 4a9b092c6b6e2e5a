/**
 * Renders sheet specs (after optional copies of input grids) to .xlsx bytes in memory, with no
 * Node APIs: the task pane outside Excel builds the summary workbook the user downloads. It uses
 * ExcelJS's in-memory workbook (its browser build has no streaming writer) and the same layout
 * and styles as the file writer (write.ts). User text is always written as text, never as a
 * formula. Charts are not written (ExcelJS cannot write them).
 */
import * as ExcelJS from "exceljs";
import { rangeAddress } from "../workbook/a1";
import { Grid, gridEndCol } from "../workbook/grid";
import {
  MIN_FIT_SCALE,
  PAGE,
  SheetSpec,
  TableBlock,
  fitScale,
  printedWidths,
} from "../workbook/sheet-spec";
import { addAutoFilter, addColorScales, addValidation, setCell } from "./exceljs-sheet";
import { LaidRow, checkSheetNames, gridRows, specRows } from "./layout";
import { COPY_COLUMN_WIDTH } from "./styles";

export interface BytesCopy {
  readonly name: string;
  readonly grid: Grid;
}

export interface WriteBytesOptions {
  /** Grids written first, cell for cell at their own addresses (the input rows). */
  readonly copies?: readonly BytesCopy[];
  /** Called before each sheet is laid out, with its name, its place and the sheet count. */
  readonly onSheet?: (name: string, index: number, total: number) => void;
  /** Called when every sheet is laid out and the file is being packed. */
  readonly onPack?: () => void;
}

/** Every sheet prints on A4 landscape, one page wide (PAGE), as the file writer has it. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: PAGE.paperSize,
  orientation: PAGE.orientation,
  fitToPage: true,
  fitToWidth: PAGE.fitToWidth,
  fitToHeight: PAGE.fitToHeight,
  margins: PAGE.margins,
};

/** Lets the page paint (progress) between sheets. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function writeWorkbookBytes(
  sheets: readonly SheetSpec[],
  options: WriteBytesOptions = {}
): Promise<Uint8Array> {
  const copies = options.copies ?? [];
  checkSheetNames([...copies.map((c) => c.name), ...sheets.map((s) => s.name)]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KKB";
  enableInternalLinks(workbook);
  const total = copies.length + sheets.length;
  let index = 0;

  for (const copy of copies) {
    options.onSheet?.(copy.name, index++, total);
    await nextTurn();
    const widths = Array.from({ length: gridEndCol(copy.grid) }, () => COPY_COLUMN_WIDTH);
    // Too wide to fit at a readable size: the smallest readable scale, over pages across.
    const fit = fitScale(widths) >= MIN_FIT_SCALE;
    const sheet = workbook.addWorksheet(copy.name, {
      pageSetup: fit ? PAGE_SETUP : { ...PAGE_SETUP, fitToPage: false, scale: MIN_FIT_SCALE * 100 },
    });
    sheet.columns = widths.map((width) => ({ width }));
    writeRows(sheet, gridRows(copy.grid));
  }
  for (const spec of sheets) {
    options.onSheet?.(spec.name, index++, total);
    await nextTurn();
    const sheet = workbook.addWorksheet(spec.name, {
      views:
        spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)
          ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
          : [],
      pageSetup:
        fitScale(printedWidths(spec)) >= MIN_FIT_SCALE
          ? PAGE_SETUP
          : { ...PAGE_SETUP, fitToPage: false, scale: MIN_FIT_SCALE * 100 },
    });
    const repeat = spec.print?.repeatRows;
    if (repeat) sheet.pageSetup.printTitlesRow = `${repeat.first + 1}:${repeat.last + 1}`;
    const area = spec.print?.area;
    if (area) sheet.pageSetup.printArea = rangeAddress(area.row, area.col, area.rows, area.cols);
    sheet.columns = spec.columnWidths.map((width) => ({ width }));
    const tables = spec.blocks.filter((b): b is TableBlock => b.kind === "table");
    addColorScales(sheet, tables);
    addAutoFilter(sheet, tables);
    spec.validations.forEach((v) => addValidation(sheet, v));
    writeRows(sheet, specRows(spec));
    // A break before a row is a break after the row above it.
    for (const row of spec.print?.breaksBefore ?? []) if (row > 0) sheet.getRow(row).addPageBreak();
  }
  // The workbook opens on the summary's first sheet (KKB Ringkasan).
  const ringkasan = sheets.findIndex((s) => s.role === "ringkasan");
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 10000,
      height: 20000,
      firstSheet: 0,
      activeTab: copies.length + Math.max(0, ringkasan),
      visibility: "visible",
    },
  ];
  options.onPack?.();
  await nextTurn();
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

interface PreparedLink {
  target?: string;
  rId?: string;
}

interface PreparedSheet {
  hyperlinks?: PreparedLink[];
  rels?: { Id: string }[];
}

interface XlsxInternals {
  prepareModel(model: { worksheets: PreparedSheet[] }, options: unknown): void;
}

/**
 * Internal hyperlinks (`#'KKB Input'!C5`) for ExcelJS's in-memory writer, which gives every
 * hyperlink an external relationship. Excel writes an internal link as a `location` with no
 * relationship: after ExcelJS prepares its model, links to `#...` lose their relationship and
 * keep the target as their location (ExcelJS 4.4, pinned).
 */
function enableInternalLinks(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  if (typeof xlsx.prepareModel !== "function") {
    throw new Error("ExcelJS writer internals changed: internal links cannot be written");
  }
  const prepare = xlsx.prepareModel.bind(xlsx);
  xlsx.prepareModel = (model, options) => {
    prepare(model, options);
    for (const sheet of model.worksheets) {
      if (!Array.isArray(sheet.hyperlinks) || !Array.isArray(sheet.rels)) {
        throw new Error("ExcelJS writer internals changed: internal links cannot be written");
      }
      const dropped = new Set<string>();
      for (const link of sheet.hyperlinks) {
        if (!link.target?.startsWith("#") || link.rId === undefined) continue;
        dropped.add(link.rId);
        link.target = link.target.slice(1);
        delete link.rId;
      }
      if (dropped.size > 0) sheet.rels = sheet.rels.filter((rel) => !dropped.has(rel.Id));
    }
  };
}

function writeRows(sheet: ExcelJS.Worksheet, rows: Iterable<LaidRow>): void {
  for (const laid of rows) {
    const row = sheet.getRow(laid.row + 1);
    if (laid.height) row.height = laid.height;
    for (const cell of laid.cells) setCell(row.getCell(cell.col + 1), cell);
  }
}

/** A name Excel accepts for a copied sheet: invalid characters replaced, at most 31 characters. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean || "Sheet";
}
