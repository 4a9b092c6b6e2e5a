/**
 * xl/styles.xml for the package writer: each (role, number format) of styles.ts becomes one cell
 * format (xf) the first time a cell asks for it; fonts, fills, borders and number formats are
 * shared. Defaults as ExcelJS writes them (Calibri 11, theme colour), so the look is unchanged.
 */
import type * as ExcelJS from "exceljs";
import { CellRole } from "./layout";
import { cellStyle } from "./styles";
import { xmlAttr } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Built-in number formats (ids every reader knows), as ExcelJS maps them. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const DEFAULT_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";

function colorXml(tag: string, color: Partial<ExcelJS.Color> | undefined): string {
  if (!color) return "";
  if (color.argb) return `<${tag} rgb="${xmlAttr(color.argb)}"/>`;
  if (color.theme !== undefined) return `<${tag} theme="${color.theme}"/>`;
  return "";
}

function fontXml(font: Partial<ExcelJS.Font>): string {
  let xml = "<font>";
  if (font.bold) xml += "<b/>";
  if (font.italic) xml += "<i/>";
  if (font.strike) xml += "<strike/>";
  if (font.underline) {
    xml +=
      font.underline === true || font.underline === "single"
        ? "<u/>"
        : `<u val="${font.underline}"/>`;
  }
  if (font.size !== undefined) xml += `<sz val="${font.size}"/>`;
  xml += colorXml("color", font.color);
  if (font.name) xml += `<name val="${xmlAttr(font.name)}"/>`;
  if (font.family !== undefined) xml += `<family val="${font.family}"/>`;
  if (font.scheme) xml += `<scheme val="${font.scheme}"/>`;
  return `${xml}</font>`;
}

function fillXml(fill: ExcelJS.Fill): string {
  if (fill.type !== "pattern") throw new Error(`Unsupported fill type ${fill.type}`);
  const colors = colorXml("fgColor", fill.fgColor) + colorXml("bgColor", fill.bgColor);
  return colors
    ? `<fill><patternFill patternType="${fill.pattern}">${colors}</patternFill></fill>`
    : `<fill><patternFill patternType="${fill.pattern}"/></fill>`;
}

function borderXml(border: Partial<ExcelJS.Borders>): string {
  const side = (tag: "left" | "right" | "top" | "bottom") => {
    const b = border[tag];
    if (!b?.style) return `<${tag}/>`;
    const color = colorXml("color", b.color);
    return color ? `<${tag} style="${b.style}">${color}</${tag}>` : `<${tag} style="${b.style}"/>`;
  };
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
}

function alignmentXml(alignment: Partial<ExcelJS.Alignment>): string {
  let attrs = "";
  if (alignment.horizontal) attrs += ` horizontal="${alignment.horizontal}"`;
  if (alignment.vertical) {
    attrs += ` vertical="${alignment.vertical === "middle" ? "center" : alignment.vertical}"`;
  }
  if (alignment.wrapText) attrs += ' wrapText="1"';
  if (alignment.indent) attrs += ` indent="${alignment.indent}"`;
  return attrs ? `<alignment${attrs}/>` : "";
}

/** A list of distinct XML items, each with its index. */
class Pool {
  readonly items: string[];
  private readonly index = new Map<string, number>();

  constructor(initial: readonly string[]) {
    this.items = [...initial];
    this.items.forEach((item, i) => this.index.set(item, i));
  }

  id(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.index.set(xml, id);
    }
    return id;
  }
}

export class StyleSheet {
  private readonly fonts = new Pool([DEFAULT_FONT]);
  private readonly fills = new Pool([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Pool([DEFAULT_BORDER]);
  private readonly xfs = new Pool([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly formats = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  private frozen = false;

  /** The cellXfs index of a role's look with a number format (null: General). */
  id(role: CellRole, format: string | null): number {
    const key = `${role}\u0000${format ?? ""}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      if (this.frozen)
        throw new Error(`Style ${role} ${format ?? "General"} not registered in time`);
      id = this.xfs.id(this.xfXml(cellStyle(role, format)));
      this.byKey.set(key, id);
    }
    return id;
  }

  private numFmtId(format: string): number {
    const builtin = BUILTIN_FORMATS[format];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(format);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(format, id);
    }
    return id;
  }

  private xfXml(style: Partial<ExcelJS.Style>): string {
    const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.id(fillXml(style.fill)) : 0;
    const borderId = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const alignment = style.alignment ? alignmentXml(style.alignment) : "";
    let xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xml += ' applyNumberFormat="1"';
    if (fontId) xml += ' applyFont="1"';
    if (fillId) xml += ' applyFill="1"';
    if (borderId) xml += ' applyBorder="1"';
    return alignment ? `${xml} applyAlignment="1">${alignment}</xf>` : `${xml}/>`;
  }

  /** After styles.xml is written: a style asked for only now would be missing from it. */
  freeze(): void {
    this.frozen = true;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
