/**
 * The writer as it was before the package writer (ExcelJS's streaming writer, then the charts
 * spliced in by package-charts.ts): kept for tests only, as the reference the new writer's
 * output is compared with.
 */
import * as ExcelJS from "exceljs";
import { isCellError } from "../../../src/engine/cell";
import { rangeAddress } from "../../../src/workbook/a1";
import { SheetSpec, TableBlock, ValidationSpec } from "../../../src/workbook/sheet-spec";
import { enableInternalLinks } from "./internal-links";
import { LaidCell, LaidRow, gridRows, specRowCount, specRows } from "../../../src/xlsx/layout";
import { addChartsToPackage } from "./package-charts";
import { COLOR_SCALE_COLORS, COPY_COLUMN_WIDTH, cellStyle } from "../../../src/xlsx/styles";
import { WriteOptions } from "../../../src/xlsx/write";

const YIELD_EVERY_ROWS = 2000;
const PROMPT_TITLE_MAX = 32;
const PROMPT_TEXT_MAX = 255;

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
  const copies = options.copies ?? [];
  const total =
    copies.reduce((n, c) => n + c.grid.rows.length, 0) +
    sheets.reduce((n, s) => n + specRowCount(s), 0);
  const progress = { written: 0, total, onRows: options.onRows };

  for (const copy of copies) {
    const sheet = workbook.addWorksheet(copy.name);
    const width = copy.grid.originCol + Math.max(0, ...copy.grid.rows.map((r) => r.length));
    sheet.columns = Array.from({ length: width }, () => ({ width: COPY_COLUMN_WIDTH }));
    await writeRows(sheet, gridRows(copy.grid), progress);
    sheet.commit();
  }
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, {
      views:
        spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)
          ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
          : [],
      // Summaries print on A4 landscape, one page wide; the template keeps Excel's defaults.
      ...(spec.role === "input" || spec.role === "bukti"
        ? {}
        : {
            pageSetup: {
              paperSize: 9,
              orientation: "landscape" as const,
              fitToPage: true,
              fitToWidth: 1,
              fitToHeight: 0,
            },
          }),
    });
    enableInternalLinks(sheet);
    sheet.columns = spec.columnWidths.map((width) => ({ width }));
    const tables = spec.blocks.filter((b): b is TableBlock => b.kind === "table");
    addColorScales(sheet, tables);
    addAutoFilter(sheet, tables);
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

function setCell(target: ExcelJS.Cell, cell: LaidCell): void {
  const { value } = cell;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  if (value instanceof Date && Number.isNaN(value.getTime())) return;
  if (cell.role === "link" && cell.link) {
    // A string here is the link's text: ExcelJS writes it as text, never as a formula.
    target.value = {
      text: value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
      hyperlink: `#${cell.link}`,
    };
  } else if (isCellError(value)) {
    target.value = { error: value.error } as ExcelJS.CellErrorValue;
  } else {
    // Strings are always written as strings (t="str" with no <f>); ExcelJS makes a formula only from
    // a { formula } object, which KKB never builds from user text.
    target.value = value;
  }
  target.style = cellStyle(cell.role, cell.format);
}

function tableDataRange(table: TableBlock, column: number): string {
  return rangeAddress(table.row + 1, table.col + column, table.rows.length, 1);
}

function addColorScales(sheet: ExcelJS.Worksheet, tables: readonly TableBlock[]): void {
  let priority = 1;
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    for (const scale of table.colorScales) {
      for (const column of scale.columns) {
        sheet.addConditionalFormatting({
          ref: tableDataRange(table, column),
          rules: [
            {
              type: "colorScale",
              priority: priority++,
              cfvo: [
                { type: "num", value: scale.min },
                { type: "num", value: (scale.min + scale.max) / 2 },
                { type: "num", value: scale.max },
              ],
              color: [...COLOR_SCALE_COLORS],
            },
          ],
        });
      }
    }
  }
}

/** Excel tables need the whole-workbook writer; a filter on the first such table gives the buttons. */
function addAutoFilter(sheet: ExcelJS.Worksheet, tables: readonly TableBlock[]): void {
  const table = tables.find((t) => t.asExcelTable);
  if (!table) return;
  sheet.autoFilter = rangeAddress(table.row, table.col, table.rows.length + 1, table.header.length);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Worksheets have `dataValidations` at run time; ExcelJS's typings leave it out. */
interface ValidationHost {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function addValidation(worksheet: ExcelJS.Worksheet, v: ValidationSpec): void {
  const sheet = worksheet as unknown as ValidationHost;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(v.prompt.title, PROMPT_TITLE_MAX),
    prompt: clip(v.prompt.text, PROMPT_TEXT_MAX),
    showErrorMessage: true,
    errorStyle: v.strict ? "stop" : "warning",
    errorTitle: clip(v.error.title, PROMPT_TITLE_MAX),
    error: clip(v.error.text, PROMPT_TEXT_MAX),
  } as const;
  const range = rangeAddress(v.row, v.col, v.rows, v.cols);
  switch (v.rule.type) {
    case "decimal":
      sheet.dataValidations.add(range, {
        ...common,
        type: "decimal",
        operator: "between",
        formulae: [v.rule.min, v.rule.max],
      });
      break;
    case "list":
      sheet.dataValidations.add(range, {
        ...common,
        type: "list",
        formulae: [`"${v.rule.values.map((x) => x.replace(/"/g, '""')).join(",")}"`],
      });
      break;
    case "date":
      sheet.dataValidations.add(range, {
        ...common,
        type: "date",
        operator: "between",
        formulae: [new Date(Date.UTC(1950, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
      });
      break;
  }
}
