/**
 * Sheet specs to a write plan: whole-range operations (values, number formats, fonts, widths,
 * freeze panes, tables, colour scales, validation, charts, links) in the order Excel needs them
 * (number formats before values, tables after their values), split into batches that each stay
 * under the request payload limit. The office.js executor runs the batches one `context.sync`
 * each and decides nothing itself. Pure.
 */
import { absoluteRange, address } from "../workbook/a1";
import {
  Block,
  ChartSpec,
  fitScale,
  MIN_FIT_SCALE,
  PAGE,
  SheetRole,
  SheetSpec,
  TableBlock,
  ValidationSpec,
  allRows,
  isSpecFormula,
  printedWidths,
} from "../workbook/sheet-spec";
import { OP_OVERHEAD_BYTES, REQUEST_PAYLOAD_LIMIT, VALUES_SLICE_BYTES } from "./limits";
import { jsonBytes } from "./payload";
import { GENERAL_FORMAT, TEXT_FORMAT, WriteValue, writeValue } from "./text-safety";

/** A rectangle on one sheet: 0-based top-left, counts. */
export interface CellRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export type ValidationRule = ValidationSpec["rule"];

/** One linked cell: its row, the target (`'Data'!F2`) and the text it shows. */
export interface HyperlinkCell {
  readonly row: number;
  readonly target: string;
  readonly text: string;
}

/** Request bytes of one hyperlink call beyond its JSON (the range and the property). */
const HYPERLINK_CALL_BYTES = 120;

export type WriteOp =
  | { readonly kind: "deleteSheet"; readonly sheet: string }
  /** Adds the sheet and, when `mark`, sets its KKB role custom property. */
  | {
      readonly kind: "addSheet";
      readonly sheet: string;
      readonly role: SheetRole;
      readonly mark: boolean;
    }
  /** One format for the whole rectangle (sent as a 1x1 array, which Excel applies to all cells). */
  | {
      readonly kind: "numberFormat";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly format: string;
    }
  | {
      readonly kind: "values";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly values: WriteValue[][];
      /** JSON bytes of the array, known from slicing. */
      readonly bytes?: number;
    }
  /**
   * Links to cells of this workbook, one `Range.hyperlink` per cell (ExcelApi 1.7): never
   * HYPERLINK formulas, which Excel does not recalculate when written under suspended
   * calculation. `row` is each link's row on the sheet.
   */
  | {
      readonly kind: "hyperlinks";
      readonly sheet: string;
      readonly col: number;
      readonly links: readonly HyperlinkCell[];
      readonly bytes?: number;
    }
  | {
      readonly kind: "font";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly bold: boolean;
      readonly size?: number;
    }
  | {
      readonly kind: "columnWidth";
      readonly sheet: string;
      readonly col: number;
      readonly cols: number;
      readonly points: number;
    }
  | {
      readonly kind: "freeze";
      readonly sheet: string;
      readonly rows: number;
      readonly cols: number;
    }
  | {
      readonly kind: "table";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly name: string;
    }
  | {
      readonly kind: "colorScale";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: "validation";
      readonly sheet: string;
      readonly rect: CellRect;
      readonly rule: ValidationRule;
      readonly prompt: { readonly title: string; readonly text: string };
      readonly error: { readonly title: string; readonly text: string };
      readonly strict: boolean;
    }
  | {
      readonly kind: "chart";
      readonly sheet: string;
      readonly chartType: "Radar" | "BarClustered" | "LineMarkers" | "BarStacked";
      /** Rank intervals: the first series only carries the bars to their start, not drawn. */
      readonly hideFirstSeries?: boolean;
      readonly source: CellRect;
      readonly seriesBy: "Rows" | "Columns";
      readonly title: string;
      /** Anchor cells (A1) of the chart's top-left and bottom-right. */
      readonly from: string;
      readonly to: string;
    }
  /**
   * KKB's own formulas (SpecFormula only, never user text), one `Range.formulas` per cell,
   * each `=` plus the formula in Excel's English syntax; `row`, `col` on the sheet.
   */
  | {
      readonly kind: "formulas";
      readonly sheet: string;
      readonly cells: readonly {
        readonly row: number;
        readonly col: number;
        readonly formula: string;
      }[];
    }
  /** Wrapped text, top-aligned (long names, next steps). */
  | { readonly kind: "wrap"; readonly sheet: string; readonly rect: CellRect }
  /** Rows as tall as their wrapped text: Excel measures them itself. */
  | { readonly kind: "autofitRows"; readonly sheet: string; readonly rect: CellRect }
  /**
   * How the sheet prints (ExcelApi 1.9): PAGE's paper, orientation, width fit and margins,
   * the rows repeated on every page (`$8:$8`) and breaks before rows (0-based).
   */
  | {
      readonly kind: "pageLayout";
      readonly sheet: string;
      /** Fitted to one page wide, or (too wide to stay readable) this scale in percent. */
      readonly scale: number | null;
      readonly titleRows: string | null;
      readonly breaksBefore: readonly number[];
      /** Only this range prints (`$A$1:$L$40`), when the sheet says so. */
      readonly printArea?: string;
    }
  | { readonly kind: "setting"; readonly key: string; readonly value: string }
  | { readonly kind: "activate"; readonly sheet: string };

/** PAGE's margins in points, as office.js takes them. */
export const PAGE_MARGINS_POINTS = {
  left: PAGE.margins.left * 72,
  right: PAGE.margins.right * 72,
  top: PAGE.margins.top * 72,
  bottom: PAGE.margins.bottom * 72,
  header: PAGE.margins.header * 72,
  footer: PAGE.margins.footer * 72,
} as const;

/** Excel's limits on data validation messages. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_TEXT_MAX = 255;
const TITLE_FONT_SIZE = 14;

/** Excel column width in characters of the default font to points (7 px per character, 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of equal neighbours: [start, length, value]. */
function runs<T>(items: readonly T[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === item && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1, item]);
  });
  return out;
}

/** Consecutive column indexes grouped: [3,4,5,8] -> [[3,3],[8,1]] as [start, count]. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/** Splits rows into slices whose JSON stays near `maxBytes`; every slice has at least one row. */
export function sliceRows<T>(
  rows: readonly T[][],
  maxBytes = VALUES_SLICE_BYTES
): { start: number; rows: T[][]; bytes: number }[] {
  const slices: { start: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let start = 0;
  let bytes = 2;
  rows.forEach((row, i) => {
    const rowBytes = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + rowBytes > maxBytes) {
      slices.push({ start, rows: current, bytes: bytes - 1 });
      current = [];
      start = i;
      bytes = 2;
    }
    current.push(row);
    bytes += rowBytes;
  });
  if (current.length > 0) slices.push({ start, rows: current, bytes: bytes - 1 });
  return slices;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** How many data rows of a table get its formats: its rows, or the rows its sheet prepares for input. */
function formattedRows(block: TableBlock, spec: SheetSpec): number {
  const prepared = spec.validations
    .filter((v) => v.col < block.col + block.header.length && v.col + v.cols > block.col)
    .map((v) => v.row + v.rows - (block.row + 1));
  return Math.max(block.rows.length, ...prepared, 0);
}

export interface SheetPlanOptions {
  /** The final sheet name (the spec's name may be taken). */
  readonly name: string;
  /** The final Excel table name for a spec's table name. */
  readonly tableName: (wanted: string) => string;
  /** Whether to set the KKB role custom property (ExcelApi 1.12). */
  readonly mark: boolean;
  readonly sliceBytes?: number;
}

function textBlockOps(sheet: string, block: Block): WriteOp[] {
  if (block.kind === "title") {
    const rect = { row: block.row, col: block.col, rows: 1, cols: 1 };
    return [
      { kind: "numberFormat", sheet, rect, format: TEXT_FORMAT },
      { kind: "values", sheet, rect, values: [[writeValue(block.text, TEXT_FORMAT)]] },
      { kind: "font", sheet, rect, bold: true, size: TITLE_FONT_SIZE },
    ];
  }
  if (block.kind === "notes" && block.lines.length > 0) {
    const rect = { row: block.row, col: block.col, rows: block.lines.length, cols: 1 };
    return [
      { kind: "numberFormat", sheet, rect, format: TEXT_FORMAT },
      { kind: "values", sheet, rect, values: block.lines.map((l) => [writeValue(l, TEXT_FORMAT)]) },
    ];
  }
  return [];
}

function tableOps(
  sheet: string,
  block: TableBlock,
  spec: SheetSpec,
  options: SheetPlanOptions
): WriteOp[] {
  const ops: WriteOp[] = [];
  const width = block.header.length;
  if (width === 0) return ops;
  // Office.js takes whole-range arrays: the table's rows, built once here.
  const rows = allRows(block.rows);
  const dataRows = rows.length;
  const formats = block.header.map((_, c) => block.formats[c] ?? null);

  ops.push({
    kind: "numberFormat",
    sheet,
    rect: { row: block.row, col: block.col, rows: 1, cols: width },
    format: TEXT_FORMAT,
  });
  const formatRows = formattedRows(block, spec);
  if (formatRows > 0) {
    for (const [start, count, format] of runs(formats)) {
      if (format === null || format === GENERAL_FORMAT) continue;
      ops.push({
        kind: "numberFormat",
        sheet,
        rect: { row: block.row + 1, col: block.col + start, rows: formatRows, cols: count },
        format,
      });
    }
  }

  const cells: WriteValue[][] = [
    block.header.map((h) => writeValue(h, TEXT_FORMAT)),
    ...rows.map((row) => formats.map((f, c) => writeValue(row[c], f))),
  ];
  for (const slice of sliceRows(cells, options.sliceBytes)) {
    ops.push({
      kind: "values",
      sheet,
      rect: { row: block.row + slice.start, col: block.col, rows: slice.rows.length, cols: width },
      values: slice.rows,
      bytes: slice.bytes,
    });
  }
  const formulaCells: { row: number; col: number; formula: string }[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isSpecFormula(value))
        formulaCells.push({
          row: block.row + 1 + r,
          col: block.col + c,
          formula: `=${value.formula}`,
        });
    })
  );
  if (formulaCells.length > 0) ops.push({ kind: "formulas", sheet, cells: formulaCells });
  if (block.links && dataRows > 0) {
    // The cells hold the shown text (written with the values above); each gets its link.
    const { column, targets } = block.links;
    const cellsWithLinks: HyperlinkCell[] = [];
    rows.forEach((row, r) => {
      const target = targets[r];
      if (!target) return;
      const shown = row[column];
      cellsWithLinks.push({
        row: block.row + 1 + r,
        target,
        text: typeof shown === "string" ? shown : String(shown ?? ""),
      });
    });
    let slice: HyperlinkCell[] = [];
    let bytes = 0;
    const limit = options.sliceBytes ?? VALUES_SLICE_BYTES;
    const flush = () => {
      if (slice.length === 0) return;
      ops.push({ kind: "hyperlinks", sheet, col: block.col + column, links: slice, bytes });
      slice = [];
      bytes = 0;
    };
    for (const link of cellsWithLinks) {
      const size = jsonBytes(link) + HYPERLINK_CALL_BYTES;
      if (slice.length > 0 && bytes + size > limit) flush();
      slice.push(link);
      bytes += size;
    }
    flush();
  }
  ops.push({
    kind: "font",
    sheet,
    rect: { row: block.row, col: block.col, rows: 1, cols: width },
    bold: true,
  });
  // Headers always wrap; data cells in the table's wrapped columns. Excel sets the heights.
  ops.push({ kind: "wrap", sheet, rect: { row: block.row, col: block.col, rows: 1, cols: width } });
  if (dataRows > 0) {
    for (const [start, count] of columnRuns(block.wrap ?? [])) {
      ops.push({
        kind: "wrap",
        sheet,
        rect: { row: block.row + 1, col: block.col + start, rows: dataRows, cols: count },
      });
    }
  }
  ops.push({
    kind: "autofitRows",
    sheet,
    rect: { row: block.row, col: block.col, rows: dataRows + 1, cols: width },
  });
  // Tables and conditional formats come after every slice of the values.
  if (block.asExcelTable && dataRows > 0) {
    ops.push({
      kind: "table",
      sheet,
      rect: { row: block.row, col: block.col, rows: dataRows + 1, cols: width },
      name: options.tableName(block.name),
    });
  }
  if (dataRows > 0) {
    for (const scale of block.colorScales) {
      for (const [start, count] of columnRuns(scale.columns)) {
        ops.push({
          kind: "colorScale",
          sheet,
          rect: { row: block.row + 1, col: block.col + start, rows: dataRows, cols: count },
          min: scale.min,
          max: scale.max,
        });
      }
    }
  }
  return ops;
}

/** Excel.ChartType of each chart kind of the sheet specs. */
const CHART_TYPES = {
  radar: "Radar",
  bar: "BarClustered",
  line: "LineMarkers",
  rankInterval: "BarStacked",
} as const;

function chartOp(sheet: string, chart: ChartSpec): WriteOp {
  const { anchor, size } = chart;
  return {
    kind: "chart",
    sheet,
    chartType: CHART_TYPES[chart.kind],
    ...(chart.kind === "rankInterval" ? { hideFirstSeries: true } : {}),
    source: chart.source,
    seriesBy: chart.seriesBy === "rows" ? "Rows" : "Columns",
    title: chart.title,
    from: address(anchor.row, anchor.col),
    to: address(anchor.row + Math.max(size.rows, 1) - 1, anchor.col + Math.max(size.cols, 1) - 1),
  };
}

/** The operations that draw one sheet spec on a new sheet. */
export function planSheetOps(spec: SheetSpec, options: SheetPlanOptions): WriteOp[] {
  const sheet = options.name;
  const ops: WriteOp[] = [{ kind: "addSheet", sheet, role: spec.role, mark: options.mark }];
  for (const [start, count, chars] of runs(spec.columnWidths)) {
    ops.push({
      kind: "columnWidth",
      sheet,
      col: start,
      cols: count,
      points: columnWidthPoints(chars),
    });
  }
  for (const block of spec.blocks) {
    ops.push(
      ...(block.kind === "table"
        ? tableOps(sheet, block, spec, options)
        : textBlockOps(sheet, block))
    );
  }
  for (const v of spec.validations) {
    ops.push({
      kind: "validation",
      sheet,
      rect: { row: v.row, col: v.col, rows: v.rows, cols: v.cols },
      rule: v.rule,
      prompt: {
        title: truncate(v.prompt.title, PROMPT_TITLE_MAX),
        text: truncate(v.prompt.text, PROMPT_TEXT_MAX),
      },
      error: {
        title: truncate(v.error.title, PROMPT_TITLE_MAX),
        text: truncate(v.error.text, PROMPT_TEXT_MAX),
      },
      strict: v.strict,
    });
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ops.push({ kind: "freeze", sheet, rows: spec.freeze.rows, cols: spec.freeze.columns });
  }
  for (const chart of spec.charts) ops.push(chartOp(sheet, chart));
  const repeat = spec.print?.repeatRows;
  ops.push({
    kind: "pageLayout",
    sheet,
    scale: fitScale(printedWidths(spec)) >= MIN_FIT_SCALE ? null : Math.round(MIN_FIT_SCALE * 100),
    titleRows: repeat ? `$${repeat.first + 1}:$${repeat.last + 1}` : null,
    breaksBefore: spec.print?.breaksBefore ?? [],
    ...(spec.print?.area
      ? {
          printArea: absoluteRange(
            spec.print.area.row,
            spec.print.area.col,
            spec.print.area.rows,
            spec.print.area.cols
          ),
        }
      : {}),
  });
  return ops;
}

/** Estimated request bytes of one operation. */
export function opBytes(op: WriteOp): number {
  switch (op.kind) {
    case "values":
      return OP_OVERHEAD_BYTES + (op.bytes ?? jsonBytes(op.values));
    case "hyperlinks":
      return (
        OP_OVERHEAD_BYTES +
        (op.bytes ?? jsonBytes(op.links) + HYPERLINK_CALL_BYTES * op.links.length)
      );
    default:
      return OP_OVERHEAD_BYTES + jsonBytes(op);
  }
}

/** Packs operations, in order, into batches whose estimated request stays under the limit. */
export function batchOps(ops: readonly WriteOp[], limitBytes = REQUEST_PAYLOAD_LIMIT): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let batch: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (size > limitBytes)
      throw new Error(`A single ${op.kind} operation of ${size} bytes passes the limit`);
    // Formulas never share a batch with other operations (see executeBatchStream).
    const kindChanges =
      batch.length > 0 &&
      (op.kind === "formulas") !== (batch[batch.length - 1].kind === "formulas");
    if (batch.length > 0 && (bytes + size > limitBytes || kindChanges)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(op);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The sheet a write operation touches, or null for workbook-level ones. */
export function opSheet(op: WriteOp): string | null {
  return op.kind === "setting" ? null : op.sheet;
}
