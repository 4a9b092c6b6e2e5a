/**
 * Adds the native charts of the sheet specs to an .xlsx that ExcelJS has written (ExcelJS cannot
 * write charts). Per sheet with charts: a drawing part with one anchor per chart, one chart part
 * per chart, their relationships, the content types, and the `<drawing r:id>` element in the
 * sheet XML at its place in CT_Worksheet's sequence.
 *
 * Bounded memory: the package is opened with JSZip, whose entries stay compressed; the parts
 * that do not change are copied compressed as they are. Only the sheets that carry charts are
 * rewritten, and they are streamed through (inflate, splice, deflate), never held whole nor
 * parsed: the element goes after `</sheetData>`, in the short tail of the sheet.
 *
 * writeWorkbook no longer needs this (package-writer.ts writes the same drawing and chart parts
 * with the sheets, in one pass); it stays for adding charts to a package written by another
 * writer (and the tests' reference writer).
 */
import { createWriteStream, promises as fs } from "node:fs";
import * as path from "node:path";
import { Readable, Transform, TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";
import { ChartSpec, SheetSpec } from "../../../src/workbook/sheet-spec";
import { chartData } from "../../../src/xlsx/chart-data";
import {
  CONTENT_TYPES,
  REL_TYPES,
  Relationship,
  chartXml,
  drawingXml,
  escapeXml,
  relationshipsXml,
} from "../../../src/xlsx/charts";

/** Parts only: folder entries, which JSZip adds by default, are not part of an OOXML package. */
const NO_FOLDERS = { createFolders: false } as const;

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = `${R_NS}/worksheet`;

/**
 * CT_Worksheet's elements that follow `<drawing>`: the element goes before the first of them
 * present, else before `</worksheet>`. Everything else after sheetData (autoFilter,
 * conditionalFormatting, dataValidations, hyperlinks, printOptions, pageMargins, pageSetup,
 * headerFooter, rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors, smartTags)
 * precedes it.
 */
export const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

const AFTER_DRAWING_RE = new RegExp(`<(?:${AFTER_DRAWING.join("|")})[\\s/>]|</worksheet\\s*>`);

/** Where `<drawing>` goes in the part of a sheet's XML that follows its sheetData. */
export function drawingInsertionIndex(tail: string): number {
  if (/<drawing[\s/>]/.test(tail)) throw new Error("The sheet already has a drawing");
  const match = AFTER_DRAWING_RE.exec(tail);
  if (!match) throw new Error("Malformed sheet XML: no </worksheet>");
  return match.index;
}

const SHEET_DATA_END = [Buffer.from("</sheetData>"), Buffer.from("<sheetData/>")];
const MARKER_MAX = Math.max(...SHEET_DATA_END.map((m) => m.length));
const HEAD_BYTES = 4096;

/**
 * A stream of a sheet's XML with `<drawing r:id="...">` spliced in. The rows pass through as
 * they come; only the tail after `</sheetData>` (filters, formats, links, page setup) is held.
 */
export class DrawingInserter extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private head = "";
  private tail: Buffer[] | null = null;

  constructor(private readonly relId: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.tail) {
      this.tail.push(chunk);
      return done();
    }
    if (this.head.length < HEAD_BYTES) {
      this.head += chunk.subarray(0, HEAD_BYTES - this.head.length).toString("latin1");
    }
    const buffer = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let end = -1;
    for (const marker of SHEET_DATA_END) {
      const at = buffer.indexOf(marker);
      if (at >= 0) end = end < 0 ? at + marker.length : Math.min(end, at + marker.length);
    }
    if (end >= 0) {
      this.push(buffer.subarray(0, end));
      this.tail = [buffer.subarray(end)];
      this.carry = Buffer.alloc(0);
    } else {
      const keep = Math.min(buffer.length, MARKER_MAX - 1);
      this.push(buffer.subarray(0, buffer.length - keep));
      this.carry = Buffer.from(buffer.subarray(buffer.length - keep));
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.tail) return done(new Error("Malformed sheet XML: no sheetData"));
    try {
      const tail = Buffer.concat(this.tail).toString("utf8");
      const at = drawingInsertionIndex(tail);
      // ExcelJS declares xmlns:r on <worksheet>; declare it on the element if a writer did not.
      const root = /<worksheet\b[^>]*>/.exec(this.head)?.[0] ?? "";
      const ns = root.includes(`xmlns:r="${R_NS}"`) ? "" : ` xmlns:r="${R_NS}"`;
      this.push(
        Buffer.from(
          `${tail.slice(0, at)}<drawing${ns} r:id="${this.relId}"/>${tail.slice(at)}`,
          "utf8"
        )
      );
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(
          e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

/** Attributes of every `<tag .../>` (or `<tag ...>`) in a small XML part, unescaped. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, "g");
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]] = unescapeXml(a[3] ?? a[4] ?? "");
    }
    found.push(attrs);
  }
  return found;
}

/** `xl/worksheets/sheet3.xml`'s rels part: `xl/worksheets/_rels/sheet3.xml.rels`. */
export function relsPath(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship target resolved against the part that holds it (`xl/workbook.xml`). */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

async function text(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file ? file.async("string") : null;
}

/** Sheet name to its part (`KKB Ringkasan` to `xl/worksheets/sheet3.xml`), from the workbook. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const rootRels = (await text(zip, "_rels/.rels")) ?? "";
  const officeDoc = elements(rootRels, "Relationship").find((r) =>
    (r.Type ?? "").endsWith("/officeDocument")
  );
  const workbookPart = officeDoc?.Target ? resolveTarget("", officeDoc.Target) : "xl/workbook.xml";
  const workbook = await text(zip, workbookPart);
  const rels = await text(zip, relsPath(workbookPart));
  if (workbook === null || rels === null) throw new Error("Not a workbook package");
  const targets = new Map(
    elements(rels, "Relationship")
      .filter((r) => r.Type === WORKSHEET_REL)
      .map((r) => [r.Id, resolveTarget(workbookPart, r.Target)])
  );
  const parts = new Map<string, string>();
  for (const sheet of elements(workbook, "sheet")) {
    const part = targets.get(sheet["r:id"]);
    if (sheet.name !== undefined && part) parts.set(sheet.name, part);
  }
  return parts;
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((name) => {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

function nextRelId(relsXml: string | null): string {
  let max = 0;
  for (const r of elements(relsXml ?? "", "Relationship")) {
    const m = /^rId(\d+)$/.exec(r.Id ?? "");
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

function addRelationship(relsXml: string | null, rel: Relationship): string {
  if (relsXml === null) return relationshipsXml([rel]);
  const item = `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${escapeXml(rel.target)}"/>`;
  const at = relsXml.lastIndexOf("</Relationships>");
  if (at < 0) throw new Error("Malformed relationships part");
  return relsXml.slice(0, at) + item + relsXml.slice(at);
}

function addOverrides(contentTypes: string, overrides: readonly [string, string][]): string {
  const items = overrides
    .map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`)
    .join("");
  const at = contentTypes.lastIndexOf("</Types>");
  if (at < 0) throw new Error("Malformed [Content_Types].xml");
  return contentTypes.slice(0, at) + items + contentTypes.slice(at);
}

/**
 * Adds every chart of `sheets` to the package `file`, in place (through a file beside it).
 * Does nothing, and reads nothing, when no sheet has charts.
 */
export async function addChartsToPackage(
  file: string,
  sheets: readonly SheetSpec[]
): Promise<void> {
  const charted = sheets.filter((s) => s.charts.length > 0);
  if (charted.length === 0) return;
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = await sheetParts(zip);
  let drawingNo = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNo = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const overrides: [string, string][] = [];

  for (const spec of charted) {
    const sheetPart = parts.get(spec.name);
    const sheetFile = sheetPart ? zip.file(sheetPart) : null;
    if (!sheetPart || !sheetFile) throw new Error(`Sheet ${spec.name} is not in the package`);
    const drawingPart = `xl/drawings/drawing${drawingNo++}.xml`;

    const anchored: { chart: ChartSpec; relId: string }[] = [];
    const drawingRels: Relationship[] = [];
    spec.charts.forEach((chart, i) => {
      const chartPart = `xl/charts/chart${chartNo++}.xml`;
      zip.file(chartPart, chartXml(chartData(spec, chart)), NO_FOLDERS);
      overrides.push([chartPart, CONTENT_TYPES.chart]);
      const relId = `rId${i + 1}`;
      drawingRels.push({
        id: relId,
        type: REL_TYPES.chart,
        target: `../charts/${path.posix.basename(chartPart)}`,
      });
      anchored.push({ chart, relId });
    });
    zip.file(drawingPart, drawingXml(anchored), NO_FOLDERS);
    zip.file(relsPath(drawingPart), relationshipsXml(drawingRels), NO_FOLDERS);
    overrides.push([drawingPart, CONTENT_TYPES.drawing]);

    const sheetRelsPart = relsPath(sheetPart);
    const sheetRels = await text(zip, sheetRelsPart);
    const relId = nextRelId(sheetRels);
    const target = path.posix.relative(path.posix.dirname(sheetPart), drawingPart);
    zip.file(
      sheetRelsPart,
      addRelationship(sheetRels, { id: relId, type: REL_TYPES.drawing, target }),
      NO_FOLDERS
    );
    // Streamed: the rows pass through, the element is spliced into the tail.
    const source = sheetFile.nodeStream("nodebuffer") as Readable;
    zip.file(sheetPart, source.pipe(new DrawingInserter(relId)), { ...NO_FOLDERS, binary: true });
  }

  const contentTypes = await text(zip, "[Content_Types].xml");
  if (contentTypes === null) throw new Error("Not an OOXML package: no [Content_Types].xml");
  zip.file("[Content_Types].xml", addOverrides(contentTypes, overrides), NO_FOLDERS);

  const temp = path.join(path.dirname(file), `.${path.basename(file)}.charts.tmp`);
  try {
    await pipeline(
      zip.generateNodeStream({
        type: "nodebuffer",
        streamFiles: true,
        compression: "DEFLATE",
        compressionOptions: { level: 1 },
      }),
      createWriteStream(temp)
    );
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
