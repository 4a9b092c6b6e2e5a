/**
 * Numeric columns wide enough for the largest value they can hold, so that no cell shows `###`
 * (Excel and LibreOffice print `###` for a number wider than its column): the whole numbers
 * (No, ranks, counts, rank shifts) from the largest whole number of the sheet, which is never more
 * than its longest table or the kampung count (a No column at Excel's last row, 1,048,575, is
 * "1,048,575" with separators); scores, composites, changes and shares from their scales.
 * Headers too: a column is as wide as the longest word of its (bold, wrapped) header, so that no
 * word is cut in two ("Rank in the regency/cit|y"), unless that would print the sheet smaller
 * than MIN_FIT_SCALE.
 */
import {
  Block,
  FORMATS,
  fitScale,
  LINE_MARGIN,
  MIN_FIT_SCALE,
  SheetSpec,
  TableBlock,
} from "./sheet-spec";
import { textWidth } from "./text-width";

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
 * The width the longest word of a header takes in bold, with the cell's margin: words are
 * broken at spaces and after hyphens (where Excel and LibreOffice break them), not at slashes.
 */
export function headerWordWidth(header: string): number {
  const words = header.split(/\s+/).flatMap((w) => w.split(/(?<=-)/));
  return Math.max(0, ...words.map((w) => textWidth(w, true))) + LINE_MARGIN;
}

/**
 * The sheet with each numeric table column at least as wide as its widest value (plus padding);
 * `kampung`: the kampung count of the summary (ranks and counts reach it). Header words are
 * kept whole unless the sheet would then print below MIN_FIT_SCALE (narrowing the wrapped text
 * columns instead made KKB Ringkasan's rows, and its pages, a third more at 300 kampung).
 * `resize` sizes the rows again for the new widths (summary.ts `sizedBlocks`).
 */
export function withNumberWidths(
  spec: SheetSpec,
  kampung: number,
  resize: (blocks: readonly Block[], widths: readonly number[]) => Block[]
): SheetSpec {
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
  // Header words whole, where the page's scale allows it.
  const words = [...widths];
  let wider = false;
  for (const t of tables) {
    t.header.forEach((header, c) => {
      const col = t.col + c;
      const need = Math.ceil(headerWordWidth(header) * 2) / 2;
      if (words[col] !== undefined && words[col] < need) {
        words[col] = need;
        wider = true;
      }
    });
  }
  // Not below MIN_FIT_SCALE: under it a sheet prints at 75 % over pages across.
  const final =
    wider && (fitScale(words) >= MIN_FIT_SCALE || fitScale(words) >= fitScale(widths))
      ? words
      : widths;
  if (!wider && !changed) return spec;
  return { ...spec, columnWidths: final, blocks: resize(spec.blocks, final) };
}
