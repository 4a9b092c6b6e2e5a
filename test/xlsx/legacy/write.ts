/**
 * The writer as it was before the package writer (ExcelJS's streaming writer, then the charts
 * spliced in by package-charts.ts): kept for tests only, as the reference the new writer's
 * output is compared with.
 */
import * as ExcelJS from "exceljs";
import {
  MIN_FIT_SCALE,
  PAGE,
  SheetSpec,
  TableBlock,
  fitScale,
  printedWidths,
} from "../../../src/workbook/sheet-spec";
import { addColorScales, addValidation, setCell } from "./exceljs-sheet";
import { LaidRow, gridRows, specRowCount, specRows } from "../../../src/xlsx/layout";
import { COPY_COLUMN_WIDTH } from "../../../src/xlsx/styles";
import { enableInternalLinks } from "./internal-links";
import { addChartsToPackage } from "./package-charts";
import { SheetCopy, WriteOptions } from "../../../src/xlsx/write";

const YIELD_EVERY_ROWS = 2000;

const PAGE_SETUP = {
  paperSize: PAGE.paperSize,
  orientation: PAGE.orientation,
  fitToPage: true,
  fitToWidth: PAGE.fitToWidth,
  fitToHeight: PAGE.fitToHeight,
  margins: PAGE.margins,
};

/** Writes `sheets` the old way to `file` (no temporary file, no name checks). */
export async function legacyWriteWorkbook(
  file: string,
  sheets: readonly SheetSpec[],
  options: WriteOptions = {}
): Promise<void> {
  await legacyRender(file, sheets, options);
  await addChartsToPackage(file, sheets);
}

export async function legacyRender(
  file: string,
  sheets: readonly SheetSpec[],
  options: WriteOptions
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
    // Fast deflate: the sheets are repetitive XML, level 1 is several times faster than the
    // default and the file only slightly larger.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "KKB";
  // The legacy writer copies grids only (no copies deflated beforehand).
  const copies = (options.copies ?? []).filter((c): c is SheetCopy => "grid" in c);
  const total =
    copies.reduce((n, c) => n + c.grid.rows.length, 0) +
    sheets.reduce((n, s) => n + specRowCount(s), 0);
  const progress = { written: 0, total, onRows: options.onRows };

  for (const copy of copies) {
    const width = copy.grid.originCol + Math.max(0, ...copy.grid.rows.map((r) => r.length));
    const widths = Array.from({ length: width }, () => COPY_COLUMN_WIDTH);
    const fit = fitScale(widths) >= MIN_FIT_SCALE;
    const sheet = workbook.addWorksheet(copy.name, {
      pageSetup: fit ? PAGE_SETUP : { ...PAGE_SETUP, fitToPage: false, scale: MIN_FIT_SCALE * 100 },
    });
    sheet.columns = widths.map((w) => ({ width: w }));
    await writeRows(sheet, gridRows(copy.grid), progress);
    sheet.commit();
  }
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, {
      views:
        spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)
          ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
          : [],
      // Every sheet prints on A4 landscape, one page wide when that stays readable.
      pageSetup:
        fitScale(printedWidths(spec)) >= MIN_FIT_SCALE
          ? PAGE_SETUP
          : { ...PAGE_SETUP, fitToPage: false, scale: MIN_FIT_SCALE * 100 },
    });
    enableInternalLinks(sheet);
    sheet.columns = spec.columnWidths.map((width) => ({ width }));
    const tables = spec.blocks.filter((b): b is TableBlock => b.kind === "table");
    // (Excel tables, which the package writer adds, are not written here: compared apart.)
    addColorScales(sheet, tables);
    spec.validations.forEach((v) => addValidation(sheet, v));
    await writeRows(sheet, specRows(spec), progress);
    sheet.commit();
  }
  await workbook.commit();
}

async function writeRows(
  sheet: ExcelJS.Worksheet,
  rows: Iterable<LaidRow>,
  progress: { written: number; total: number; onRows?: (written: number, total: number) => void }
): Promise<void> {
  for (const laid of rows) {
    const row = sheet.getRow(laid.row + 1);
    if (laid.height) row.height = laid.height;
    for (const cell of laid.cells) setCell(row.getCell(cell.col + 1), cell);
    row.commit();
    progress.written++;
    if (progress.written % YIELD_EVERY_ROWS === 0) {
      progress.onRows?.(progress.written, progress.total);
      // Let the zip stream drain so memory stays flat.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  progress.onRows?.(progress.written, progress.total);
}
