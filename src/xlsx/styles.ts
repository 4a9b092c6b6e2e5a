/**
 * The look of KKB's sheets: title, notes, header and data cells, and the colour scale.
 * Style objects are cached per (role, format) so ExcelJS sees few distinct styles.
 */
import type * as ExcelJS from "exceljs";
import { CellRole, isIntegerFormat, isNumberFormat } from "./layout";

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
const HEADER_BORDER: Partial<ExcelJS.Borders> = {
  bottom: { style: "thin", color: { argb: "FF5B9BD5" } },
};

/**
 * Every font names its face: a font without one is drawn in the viewer's default face
 * (LibreOffice falls back to a serif), not in the workbook's Calibri.
 */
const FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };

const HEADER_STYLE = {
  font: { ...FONT, bold: true, color: { argb: "FF1F2937" } },
  fill: HEADER_FILL,
  border: HEADER_BORDER,
  alignment: { vertical: "middle", wrapText: true },
} satisfies Partial<ExcelJS.Style>;

const ROLE_STYLES: Readonly<Record<CellRole, Partial<ExcelJS.Style>>> = {
  title: { font: { ...FONT, bold: true, size: 14, color: { argb: "FF1F4E78" } } },
  notes: { font: { ...FONT, italic: true, size: 11, color: { argb: "FF595959" } } },
  header: HEADER_STYLE,
  data: {},
  wrap: { alignment: { vertical: "top", wrapText: true } },
  headerAfterNumber: {
    ...HEADER_STYLE,
    alignment: { ...HEADER_STYLE.alignment, horizontal: "left", indent: 1 },
  },
  dataAfterNumber: { alignment: { horizontal: "left", indent: 1 } },
  wrapAfterNumber: {
    alignment: { vertical: "top", wrapText: true, horizontal: "left", indent: 1 },
  },
  link: { font: { ...FONT, color: { argb: "FF0563C1" }, underline: true } },
};

const cache = new Map<string, Partial<ExcelJS.Style>>();

export function cellStyle(role: CellRole, format: string | null): Partial<ExcelJS.Style> {
  const key = `${role}\u0000${format ?? ""}`;
  let style = cache.get(key);
  if (!style) {
    style = format ? { ...ROLE_STYLES[role], numFmt: format } : ROLE_STYLES[role];
    if (role === "data" && isIntegerFormat(format)) {
      // Ranks and counts centred: never against the text beside them ("1 berkelanjutan").
      style = { ...style, alignment: { horizontal: "center", vertical: "top" } };
    } else if (role === "data" && isNumberFormat(format)) {
      // Right-aligned numbers keep a space before left-aligned text ("62.7  berkembang").
      style = { ...style, alignment: { horizontal: "right", vertical: "top", indent: 1 } };
    } else if (role === "data" && format !== null) {
      // A table's cells stand level with the first line of a wrapped text beside them.
      style = { ...style, alignment: { vertical: "top" } };
    } else if (role === "dataAfterNumber" && format !== null) {
      style = { ...style, alignment: { horizontal: "left", vertical: "top", indent: 1 } };
    }
    cache.set(key, style);
  }
  return style;
}

/** Red (low) - yellow - green (high). */
export const COLOR_SCALE_COLORS: readonly ExcelJS.Color[] = [
  { argb: "FFF8696B" } as ExcelJS.Color,
  { argb: "FFFFEB84" } as ExcelJS.Color,
  { argb: "FF63BE7B" } as ExcelJS.Color,
];

/** Default width for columns of copied input sheets. */
export const COPY_COLUMN_WIDTH = 14;
