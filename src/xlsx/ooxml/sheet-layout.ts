/**
 * A worksheet's layout besides its cells, as ECMA-376 Part 1 places it before `sheetData`: the
 * column runs of `<cols>` (§18.3.1.13 `col`: `min`, `max`, `width`, `hidden`) and the frozen
 * panes of the first `<sheetView>` (§18.3.1.66 `pane`: with `state="frozen"` or `frozenSplit`,
 * `xSplit` and `ySplit` count the columns and rows frozen; a plain split counts twips and is
 * not a freeze). KKB keeps them so that the input's copy looks like the input (grid.ts
 * `SheetLayout`).
 */
import { GridColumn, SheetLayout } from "../../workbook/grid";
import { XmlAttributes } from "./xml";
import { EXCEL_COLS, EXCEL_ROWS } from "./excel-grid";

/** Widths Excel accepts (§18.3.1.13: at most 255 characters). */
const MAX_WIDTH = 255;

export class SheetLayoutReader {
  private readonly columns: GridColumn[] = [];
  private frozen = { rows: 0, columns: 0 };
  private views = 0;

  /** A `sheetView` opens: only the first one's pane is the sheet's. */
  sheetView(): void {
    this.views++;
  }

  /** A `col` element. Runs that are not columns of Excel's grid are left out. */
  col(attributes: XmlAttributes): void {
    const min = Number(attributes.min);
    const max = Number(attributes.max);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) return;
    if (min > EXCEL_COLS || this.columns.length >= EXCEL_COLS) return;
    const width = Number(attributes.width);
    const hidden = attributes.hidden === "1" || attributes.hidden === "true";
    this.columns.push({
      first: min - 1,
      last: Math.min(max, EXCEL_COLS) - 1,
      width: attributes.width !== undefined && width > 0 ? Math.min(width, MAX_WIDTH) : null,
      hidden,
    });
  }

  /** A `pane` element (of the first sheet view only). */
  pane(attributes: XmlAttributes): void {
    if (this.views !== 1) return;
    const state = attributes.state;
    if (state !== "frozen" && state !== "frozenSplit") return;
    const count = (value: string | undefined, limit: number) => {
      const n = Number(value ?? 0);
      return Number.isInteger(n) && n > 0 && n < limit ? n : 0;
    };
    this.frozen = {
      rows: count(attributes.ySplit, EXCEL_ROWS),
      columns: count(attributes.xSplit, EXCEL_COLS),
    };
  }

  /** What the sheet said, or null when it gave no column and froze nothing. */
  layout(): SheetLayout | null {
    const { columns, frozen } = this;
    if (columns.length === 0 && frozen.rows === 0 && frozen.columns === 0) return null;
    return { columns, frozen };
  }
}
