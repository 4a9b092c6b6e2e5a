/**
 * What a chart of a sheet spec shows: its series, categories and values, read from the blocks its
 * source range covers, with the absolute references (`'KKB Ringkasan'!$C$18:$G$18`) a native
 * chart needs. Pure: no ExcelJS, no files. The values are those the sheet holds, so a chart's
 * cache matches its cells.
 */
import { address, columnLetters, sheetAddress } from "../workbook/a1";
import {
  ChartSpec,
  SheetSpec,
  SpecValue,
  TableBlock,
  isSpecFormula,
  rowAt,
} from "../workbook/sheet-spec";

export interface ChartStrings {
  /** Absolute reference, sheet included. */
  readonly ref: string;
  /** One text per cell of the reference ("" for an empty cell). */
  readonly values: readonly string[];
}

export interface ChartNumbers {
  readonly ref: string;
  /** One value per cell of the reference; null where the cell holds no number. */
  readonly values: readonly (number | null)[];
  /** Number format of the cells (`0.0`), or null for General. */
  readonly format: string | null;
}

export interface ChartSeries {
  readonly name: ChartStrings;
  readonly values: ChartNumbers;
}

export interface ChartData {
  readonly kind: ChartSpec["kind"];
  readonly title: string;
  readonly categories: ChartStrings;
  readonly series: readonly ChartSeries[];
  /** Value axis bounds when every value column has the same colour scale (0-2, 0-100). */
  readonly axis: { readonly min: number; readonly max: number } | null;
}

interface SpecCell {
  readonly value: SpecValue;
  readonly format: string | null;
  readonly scale: { readonly min: number; readonly max: number } | null;
}

const EMPTY: SpecCell = { value: null, format: null, scale: null };

/** The cell of a spec at (row, col): from a table (header or data), a title or a notes line. */
export function specCell(spec: SheetSpec, row: number, col: number): SpecCell {
  for (const block of spec.blocks) {
    switch (block.kind) {
      case "title":
        if (block.row === row && block.col === col) return { ...EMPTY, value: block.text };
        break;
      case "notes":
        if (block.col === col && row >= block.row && row < block.row + block.lines.length) {
          return { ...EMPTY, value: block.lines[row - block.row] };
        }
        break;
      case "table": {
        const c = col - block.col;
        const r = row - block.row;
        if (c < 0 || c >= block.header.length || r < 0 || r > block.rows.length) break;
        if (r === 0) return { ...EMPTY, value: block.header[c] };
        return {
          value: rowAt(block.rows, r - 1)[c] ?? null,
          format: block.formats[c] ?? null,
          scale: columnScale(block, c),
        };
      }
    }
  }
  return EMPTY;
}

function columnScale(table: TableBlock, column: number): SpecCell["scale"] {
  const scale = table.colorScales.find((s) => s.columns.includes(column));
  return scale ? { min: scale.min, max: scale.max } : null;
}

function text(value: SpecValue): string {
  if (value === null) return "";
  // A KKB formula (the profile page's radar): the value it has when written.
  if (isSpecFormula(value))
    return value.cached === null || value.cached === undefined ? "" : String(value.cached);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function number(value: SpecValue): number | null {
  if (isSpecFormula(value)) value = value.cached ?? null;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** `$C$18:$G$18` (or `$B$19` for one cell), sheet included. */
function absoluteRef(sheet: string, row: number, col: number, rows: number, cols: number): string {
  const abs = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const a1 =
    rows === 1 && cols === 1
      ? abs(row, col)
      : `${abs(row, col)}:${abs(row + rows - 1, col + cols - 1)}`;
  return sheetAddress(sheet, a1);
}

/**
 * The series of a chart. `seriesBy: "rows"`: each data row is a series named by its first cell,
 * the header cells after the first are the categories. `seriesBy: "columns"`: each column after
 * the first is a series named by its header cell, the first column's data cells are the
 * categories.
 */
export function chartData(spec: SheetSpec, chart: ChartSpec): ChartData {
  const { row, col, rows, cols } = chart.source;
  if (rows < 2 || cols < 2) {
    throw new Error(
      `Chart "${chart.title}" on ${spec.name}: source ${address(row, col)} needs a header row, a name column and data`
    );
  }
  const cell = (r: number, c: number) => specCell(spec, r, c);
  const strings = (r: number, c: number, nr: number, nc: number): ChartStrings => {
    const values: string[] = [];
    for (let i = 0; i < nr; i++)
      for (let j = 0; j < nc; j++) values.push(text(cell(r + i, c + j).value));
    return { ref: absoluteRef(spec.name, r, c, nr, nc), values };
  };
  const numbers = (
    r: number,
    c: number,
    nr: number,
    nc: number
  ): ChartNumbers & { scales: SpecCell["scale"][] } => {
    const cells: SpecCell[] = [];
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) cells.push(cell(r + i, c + j));
    return {
      ref: absoluteRef(spec.name, r, c, nr, nc),
      values: cells.map((x) => number(x.value)),
      format: cells.find((x) => x.format !== null)?.format ?? null,
      scales: cells.map((x) => x.scale),
    };
  };

  const series: (ChartSeries & { values: { scales: SpecCell["scale"][] } })[] = [];
  let categories: ChartStrings;
  if (chart.seriesBy === "rows") {
    categories = strings(row, col + 1, 1, cols - 1);
    for (let r = row + 1; r < row + rows; r++) {
      series.push({ name: strings(r, col, 1, 1), values: numbers(r, col + 1, 1, cols - 1) });
    }
  } else {
    categories = strings(row + 1, col, rows - 1, 1);
    for (let c = col + 1; c < col + cols; c++) {
      series.push({ name: strings(row, c, 1, 1), values: numbers(row + 1, c, rows - 1, 1) });
    }
  }
  const scales = series.flatMap((s) => s.values.scales);
  const first = scales[0];
  const axis =
    first && scales.every((s) => s !== null && s.min === first.min && s.max === first.max)
      ? { min: first.min, max: first.max }
      : null;
  return {
    kind: chart.kind,
    title: chart.title,
    categories,
    series: series.map((s) => ({
      name: s.name,
      values: { ref: s.values.ref, values: s.values.values, format: s.values.format },
    })),
    axis,
  };
}
