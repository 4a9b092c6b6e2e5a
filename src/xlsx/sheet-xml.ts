/**
 * A streaming parser for one worksheet's XML (xl/worksheets/sheetN.xml), fed in chunks.
 * It reads what ExcelJS's own streaming reader drops (hidden rows, merged ranges, error and
 * boolean formula results, rich inline strings) and gives the values the whole-workbook
 * reader gives. Complete <row> elements are parsed as they arrive, so memory stays at the
 * grid plus one chunk.
 */
import { CellValue } from "../engine/cell";
import { parseAddress } from "../workbook/a1";
import { excelSerialToDate } from "./cell-value";
import { GridBuilder } from "./grid-builder";

export interface SheetXmlContext {
  /** The shared string at an index ("" when missing). */
  sharedString(index: number): string;
  /** Whether the cell style (index into cellXfs) has a date number format. */
  isDateStyle(style: number): boolean;
  readonly date1904: boolean;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const VALUE = /<v\b[^>]*>([\s\S]*?)<\/v>/;
const INLINE = /<is\b[^>]*>([\s\S]*?)<\/is>/;
const TEXT_RUN = /<t\b[^>]*>([\s\S]*?)<\/t>/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;
const MERGE = /<mergeCell\b[^>]*?\bref\s*=\s*"([^"]+)"/g;

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
        );
    }
  });
}

/** The text of an <si> or <is> body: its <t> runs joined, phonetic runs left out. */
export function runsText(xml: string): string {
  let text = "";
  for (const m of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) text += decodeXml(m[1]);
  return text;
}

function attributes(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(ATTR)) out[m[1]] = m[2] ?? m[3] ?? "";
  return out;
}

/** The attributes of a <c> element that the values need (others are skipped). */
interface CellAttributes {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
}

const SPACE = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * Reads r, t and s of a cell's attribute text into `out` (a hand scan: this runs once per cell,
 * millions of times on a national workbook). Same result as `attributes` for these names.
 */
function cellAttributes(xml: string, out: CellAttributes): void {
  out.r = out.t = out.s = undefined;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    while (i < n && SPACE(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && xml[i] !== "=" && !SPACE(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameStart, i);
    while (i < n && SPACE(xml.charCodeAt(i))) i++;
    if (xml[i] !== "=") {
      if (name.length === 0) break;
      continue;
    }
    i++;
    while (i < n && SPACE(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") break;
    const end = xml.indexOf(quote, i + 1);
    if (end < 0) break;
    const value = xml.slice(i + 1, end);
    i = end + 1;
    if (name === "r") out.r = value;
    else if (name === "t") out.t = value;
    else if (name === "s") out.s = value;
  }
}

/** The 0-based column of an A1 reference (`B12`, `$B$12`), or -1 when it is not one. */
export function columnOf(ref: string): number {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const lettersStart = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i) | 32;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return -1;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = n - i;
  if (digits < 1 || digits > 7) return -1;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return col - 1;
}

export class SheetXmlParser {
  private buffer = "";
  private nextRow = 0;
  private readonly cell: CellAttributes = { r: undefined, t: undefined, s: undefined };

  constructor(
    private readonly context: SheetXmlContext,
    private readonly grid: GridBuilder
  ) {}

  /** Number of rows parsed so far. */
  get rowsRead(): number {
    return this.nextRow;
  }

  write(chunk: string): void {
    this.buffer += chunk;
    ROW.lastIndex = 0;
    let consumed = 0;
    let m: RegExpExecArray | null;
    while ((m = ROW.exec(this.buffer)) !== null) {
      this.row(m[1], m[2] ?? "");
      consumed = ROW.lastIndex;
    }
    if (consumed > 0) this.buffer = this.buffer.slice(consumed);
  }

  /** Call after the last chunk: applies merged ranges (only a range's top-left cell keeps its value). */
  end(): void {
    for (const m of this.buffer.matchAll(MERGE)) {
      const [from, to] = m[1].split(":");
      const a = parseAddress(from);
      const b = parseAddress(to ?? from);
      if (!a || !b) continue;
      for (let r = a.row; r <= b.row; r++) {
        for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) this.grid.clear(r, c);
      }
    }
    this.buffer = "";
  }

  private row(attrXml: string, body: string): void {
    const attrs = attributes(attrXml);
    const row = attrs.r ? Number(attrs.r) - 1 : this.nextRow;
    this.nextRow = row + 1;
    if (attrs.hidden === "1" || attrs.hidden === "true") this.grid.hideRow(row);
    let nextCol = 0;
    CELL.lastIndex = 0;
    let m: RegExpExecArray | null;
    const cell = this.cell;
    while ((m = CELL.exec(body)) !== null) {
      cellAttributes(m[1], cell);
      const at = cell.r === undefined ? -1 : columnOf(cell.r);
      const col = at >= 0 ? at : nextCol;
      nextCol = col + 1;
      const inner = m[2];
      if (!inner) continue;
      this.grid.set(row, col, this.value(cell, inner));
    }
  }

  private value(attrs: CellAttributes, inner: string): CellValue {
    const t = attrs.t ?? "n";
    if (t === "inlineStr") {
      const is = INLINE.exec(inner);
      if (is) return runsText(is[1]);
    }
    const v = VALUE.exec(inner);
    if (!v) return null;
    const text = v[1];
    switch (t) {
      case "s":
        return this.context.sharedString(parseInt(text, 10));
      case "str":
      case "inlineStr":
        return decodeXml(text);
      case "e":
        return { error: decodeXml(text).trim() };
      case "b":
        return parseInt(text, 10) !== 0;
      case "d":
        return new Date(decodeXml(text));
      default: {
        const n = parseFloat(text);
        if (!Number.isFinite(n)) return null;
        const style = attrs.s ? parseInt(attrs.s, 10) : 0;
        return style && this.context.isDateStyle(style)
          ? excelSerialToDate(n, this.context.date1904)
          : n;
      }
    }
  }
}
