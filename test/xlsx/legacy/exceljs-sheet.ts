/**
 * Drawing laid-out cells and table features on an ExcelJS worksheet, for the tests' reference
 * writer (legacy/write.ts): the package writer's output is compared with ExcelJS's.
 */
import * as ExcelJS from "exceljs";
import { isCellError } from "../../../src/engine/cell";
import { absoluteRange, rangeAddress } from "../../../src/workbook/a1";
import { TableBlock, ValidationSpec, isSpecFormula } from "../../../src/workbook/sheet-spec";
import { LaidCell } from "../../../src/xlsx/layout";
import { COLOR_SCALE_COLORS, cellStyle } from "../../../src/xlsx/styles";

export function setCell(target: ExcelJS.Cell, cell: LaidCell): void {
  const { value } = cell;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  if (value instanceof Date && Number.isNaN(value.getTime())) return;
  if (cell.role === "link" && cell.link) {
    // `#Sheet!A1` targets jump inside the workbook; the text is written as text.
    target.value = {
      text: value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
      hyperlink: `#${cell.link}`,
    };
  } else if (isCellError(value)) {
    target.value = { error: value.error } as ExcelJS.CellErrorValue;
  } else if (isSpecFormula(value)) {
    // Only KKB's own formulas (SpecFormula); user text is a string and stays text.
    target.value = {
      formula: value.formula,
      ...(value.cached !== undefined && value.cached !== null ? { result: value.cached } : {}),
    } as ExcelJS.CellFormulaValue;
  } else {
    target.value = value;
  }
  target.style = cellStyle(cell.role, cell.format);
}

export function addColorScales(sheet: ExcelJS.Worksheet, tables: readonly TableBlock[]): void {
  let priority = 1;
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    for (const scale of table.colorScales) {
      for (const column of scale.columns) {
        sheet.addConditionalFormatting({
          ref: rangeAddress(table.row + 1, table.col + column, table.rows.length, 1),
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

export function addAutoFilter(sheet: ExcelJS.Worksheet, tables: readonly TableBlock[]): void {
  const table = tables.find((t) => t.asExcelTable);
  if (!table) return;
  sheet.autoFilter = rangeAddress(table.row, table.col, table.rows.length + 1, table.header.length);
}

// Excel's limits for data validation messages.
const PROMPT_TITLE_MAX = 32;
const PROMPT_TEXT_MAX = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Worksheets have `dataValidations` at run time; ExcelJS's typings leave it out. */
interface ValidationHost {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export function addValidation(worksheet: ExcelJS.Worksheet, v: ValidationSpec): void {
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
    case "listRange":
      sheet.dataValidations.add(range, {
        ...common,
        type: "list",
        formulae: [absoluteRange(v.rule.row, v.rule.col, v.rule.rows, 1)],
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
