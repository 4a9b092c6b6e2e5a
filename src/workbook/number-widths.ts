/**
 * Numeric columns wide enough for the largest value they can hold, so that no cell shows `###`
 * (Excel and LibreOffice print `###` for a number wider than its column): the whole numbers
 * (No, ranks, counts, rank shifts) from the largest whole number of the sheet, which is never more
 * than its longest table or the kampung count (a No column at Excel's last row, 1,048,575, is
 * "1,048,575" with separators); scores, composites, changes and shares from their scales.
 */
import { FORMATS, SheetSpec, TableBlock } from "./sheet-spec";

/** Excel's width unit holds one digit; a cell adds about one for its padding, LibreOffice a little more. */
const PADDING = 2;

/** Characters of the widest value of a column of this number format, or null for text. */
export function widestNumberText(format: string | null, maxWhole: number): number | null {
  const whole = Math.max(0, Math.floor(maxWhole)).toLocaleString("en-US").length;
  switch (format) {
    case FORMATS.integer:
      return whole;
    case "+0;-0;0":
      return whole + 1;
    case FORMATS.score: // 0-2, or an iBangga 0-100: "100.0"
      return 5;
    case FORMATS.composite: // 0-2 and differences: "-2.00"
      return 5;
    case FORMATS.change: // "+100.0"
      return 6;
    case FORMATS.changeComposite: // "+2.00"
      return 5;
    case "0%":
      return 4;
    default:
      return null;
  }
}

/**
 * The sheet with each numeric table column at least as wide as its widest value (plus padding);
 * `kampung`: the kampung count of the summary (ranks and counts reach it).
 */
export function withNumberWidths(spec: SheetSpec, kampung: number): SheetSpec {
  const tables = spec.blocks.filter((b): b is TableBlock => b.kind === "table");
  const maxWhole = Math.max(kampung, ...tables.map((t) => t.rows.length));
  const widths = [...spec.columnWidths];
  let changed = false;
  for (const t of tables) {
    t.formats.forEach((format, c) => {
      const text = widestNumberText(format, maxWhole);
      const col = t.col + c;
      if (text === null || widths[col] === undefined) return;
      if (widths[col] < text + PADDING) {
        widths[col] = text + PADDING;
        changed = true;
      }
    });
  }
  return changed ? { ...spec, columnWidths: widths } : spec;
}
