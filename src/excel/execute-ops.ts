/**
 * Runs planned write operations through office.js: each operation is one whole-range call
 * (values, number formats, a table, a chart...). Decides nothing; see plan-write.ts.
 */
import { absoluteRange, sheetAddress } from "../workbook/a1";
import { CellRect, PAGE_MARGINS_POINTS, ValidationRule, WriteOp } from "./plan-write";
import { ROLE_PROPERTY } from "./survey";

/** Red (low) - yellow - green (high), Excel's own 3-colour scale. */
const COLOR_SCALE = { low: "#F8696B", middle: "#FFEB84", high: "#63BE7B" };

function dataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
    case "listRange":
      return {
        list: {
          inCellDropDown: true,
          source: `=${
            rule.sheet
              ? sheetAddress(rule.sheet, absoluteRange(rule.row, rule.col, rule.rows, 1))
              : absoluteRange(rule.row, rule.col, rule.rows, 1)
          }`,
        },
      };
  }
}

/** Sheets by name for one write: proxies stay valid across syncs of the same context. */
export class SheetProxies {
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  add(name: string): Excel.Worksheet {
    const sheet = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  forget(name: string): void {
    this.sheets.delete(name);
  }
}

function range(sheet: Excel.Worksheet, rect: CellRect): Excel.Range {
  return sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols);
}

export function executeOp(context: Excel.RequestContext, sheets: SheetProxies, op: WriteOp): void {
  switch (op.kind) {
    case "deleteSheet": {
      // Excel refuses to delete a very hidden sheet: make it visible first (ExcelApi 1.1).
      const sheet = sheets.get(op.sheet);
      sheet.visibility = "Visible";
      sheet.delete();
      sheets.forget(op.sheet);
      return;
    }
    case "addSheet": {
      const sheet = sheets.add(op.sheet);
      if (op.mark) sheet.customProperties.add(ROLE_PROPERTY, op.role);
      return;
    }
    case "numberFormat":
      // A 1x1 array applies to every cell of the range: no per-cell payload.
      range(sheets.get(op.sheet), op.rect).numberFormat = [[op.format]];
      return;
    case "values":
      range(sheets.get(op.sheet), op.rect).values = op.values;
      return;
    case "hyperlinks": {
      const sheet = sheets.get(op.sheet);
      for (const link of op.links) {
        sheet.getRangeByIndexes(link.row, op.col, 1, 1).hyperlink = {
          documentReference: link.target,
          textToDisplay: link.text,
        };
      }
      return;
    }
    case "font": {
      const font = range(sheets.get(op.sheet), op.rect).format.font;
      font.bold = op.bold;
      if (op.size !== undefined) font.size = op.size;
      return;
    }
    case "columnWidth":
      sheets
        .get(op.sheet)
        .getRangeByIndexes(0, op.col, 1, op.cols)
        .getEntireColumn().format.columnWidth = op.points;
      return;
    case "freeze": {
      const sheet = sheets.get(op.sheet);
      if (op.rows > 0 && op.cols > 0)
        sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.cols));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else sheet.freezePanes.freezeColumns(op.cols);
      return;
    }
    case "table": {
      const table = sheets.get(op.sheet).tables.add(range(sheets.get(op.sheet), op.rect), true);
      table.name = op.name;
      return;
    }
    case "colorScale": {
      const format = range(sheets.get(op.sheet), op.rect).conditionalFormats.add("ColorScale");
      format.colorScale.criteria = {
        minimum: { type: "Number", formula: String(op.min), color: COLOR_SCALE.low },
        midpoint: {
          type: "Number",
          formula: String((op.min + op.max) / 2),
          color: COLOR_SCALE.middle,
        },
        maximum: { type: "Number", formula: String(op.max), color: COLOR_SCALE.high },
      };
      return;
    }
    case "validation": {
      const validation = range(sheets.get(op.sheet), op.rect).dataValidation;
      validation.rule = dataValidationRule(op.rule);
      validation.prompt = { showPrompt: true, title: op.prompt.title, message: op.prompt.text };
      validation.errorAlert = {
        showAlert: true,
        style: op.strict ? "Stop" : "Warning",
        title: op.error.title,
        message: op.error.text,
      };
      return;
    }
    case "chart": {
      const sheet = sheets.get(op.sheet);
      const chart = sheet.charts.add(op.chartType, range(sheet, op.source), op.seriesBy);
      chart.title.text = op.title;
      chart.setPosition(op.from, op.to);
      // ChartFill.clear (ExcelApi 1.1): the first segment of each stacked bar is not drawn.
      // ChartLegend.visible (ExcelApi 1.1): the sheet's note names the two colours instead.
      if (op.hideFirstSeries) {
        chart.series.getItemAt(0).format.fill.clear();
        chart.legend.visible = false;
      }
      return;
    }
    case "setting":
      context.workbook.settings.add(op.key, op.value);
      return;
    case "formulas": {
      const sheet = sheets.get(op.sheet);
      for (const cell of op.cells)
        sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).formulas = [[cell.formula]];
      return;
    }
    case "wrap": {
      const format = range(sheets.get(op.sheet), op.rect).format;
      format.wrapText = true;
      format.verticalAlignment = "Top";
      return;
    }
    case "autofitRows":
      range(sheets.get(op.sheet), op.rect).format.autofitRows();
      return;
    case "pageLayout": {
      const sheet = sheets.get(op.sheet);
      const page = sheet.pageLayout;
      page.orientation = "Landscape";
      page.paperSize = "A4";
      page.zoom =
        op.scale === null
          ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
          : { scale: op.scale };
      const m = PAGE_MARGINS_POINTS;
      page.leftMargin = m.left;
      page.rightMargin = m.right;
      page.topMargin = m.top;
      page.bottomMargin = m.bottom;
      page.headerMargin = m.header;
      page.footerMargin = m.footer;
      if (op.titleRows) page.setPrintTitleRows(op.titleRows);
      if (op.printArea) page.setPrintArea(op.printArea);
      for (const row of op.breaksBefore) sheet.horizontalPageBreaks.add(`A${row + 1}`);
      return;
    }
    case "activate":
      sheets.get(op.sheet).activate();
      return;
  }
}

/** Runs the batches, one sync each, with calculation suspended while values land. */
export async function executeBatches(
  context: Excel.RequestContext,
  batches: readonly (readonly WriteOp[])[],
  onBatch?: (done: number, total: number, batch: readonly WriteOp[]) => void
): Promise<void> {
  await executeBatchStream(context, batches.length, (i) => batches[i], onBatch);
}

/**
 * Runs `total` batches fetched one at a time (from the engine's worker, one message each), so
 * this thread never holds or copies more than one batch at once.
 */
export async function executeBatchStream(
  context: Excel.RequestContext,
  total: number,
  batch: (index: number) => readonly WriteOp[] | Promise<readonly WriteOp[]>,
  onBatch?: (done: number, total: number, batch: readonly WriteOp[]) => void
): Promise<void> {
  const sheets = new SheetProxies(context);
  for (let i = 0; i < total; i++) {
    const ops = await batch(i);
    // Formulas written under suspended calculation are not calculated: their batch (planned
    // last, on its own: plan-summary.ts) is not suspended.
    if (!ops.some((op) => op.kind === "formulas"))
      context.application.suspendApiCalculationUntilNextSync();
    for (const op of ops) executeOp(context, sheets, op);
    // One sync per planned batch is the point: each stays under the payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onBatch?.(i + 1, total, ops);
  }
}
