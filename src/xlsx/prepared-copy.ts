/**
 * Copies of input sheets written and deflated before the summary is built (Node): the CLI
 * prepares them as soon as the input is read, lets the input's cells go, and the package takes
 * each copy's bytes as they are (package-writer.ts, zip-sink.ts `addDeflated`). On the national
 * workbook the cells held meanwhile were some 35 MB of heap, on four rounds of it about 140 MB;
 * the deflated copy is 10 MB per 84,276 rows, outside the heap.
 *
 * Deflated by zlib with node-deflate.ts's options (as the other parts are), its CRC-32 by
 * zlib's `crc32`, which Node has from 20.15 on: before, copies are written with the rest, from
 * the grids (`canPrepareCopies`).
 */
import { once } from "node:events";
import * as zlib from "node:zlib";
import { DeflatedCopy, PackageCopy, PackageTables, Progress, writeCopy } from "./package-writer";
import { DEFLATE_OPTIONS } from "./node-deflate";
import { ZipPart } from "./zip-sink";
import { copyHeaderRows } from "../workbook/copy-header";

/** True when this Node can prepare copies (zlib's `crc32`: Node 20.15 and later). */
export function canPrepareCopies(): boolean {
  return typeof (zlib as { crc32?: unknown }).crc32 === "function";
}

/** Characters gathered before they are encoded and deflated (as zip-sink.ts's CHUNK). */
const CHUNK = 32 * 1024;

/** A ZipPart whose text is deflated into memory. */
export class DeflatedPart implements ZipPart {
  private readonly deflater = zlib.createDeflateRaw(DEFLATE_OPTIONS);
  private readonly encoder = new TextEncoder();
  readonly chunks: Uint8Array[] = [];
  crc32 = 0;
  size = 0;
  private pending = "";
  private failure: Error | null = null;

  constructor() {
    this.deflater.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.deflater.on("error", (error: Error) => (this.failure = error));
  }

  write(text: string): Promise<void> | void {
    this.pending += text;
    if (this.pending.length >= CHUNK) return this.flush();
  }

  private flush(): Promise<void> | void {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const bytes = this.encoder.encode(this.pending);
    this.pending = "";
    this.crc32 = zlib.crc32(bytes, this.crc32);
    this.size += bytes.length;
    if (!this.deflater.write(bytes)) return once(this.deflater, "drain").then(() => undefined);
  }

  async end(): Promise<void> {
    await this.flush();
    const ended = once(this.deflater, "end");
    this.deflater.end();
    await ended;
    if (this.failure) throw this.failure;
  }
}

/**
 * Writes each grid as its copied sheet (package-writer.ts `writeCopy`, with the package's
 * styles and shared strings) and deflates it. `onRows` is called with the rows written so far.
 */
export async function prepareCopies(
  copies: readonly PackageCopy[],
  tables: PackageTables,
  onRows?: (written: number, total: number) => void
): Promise<DeflatedCopy[]> {
  const total = copies.reduce((n, c) => n + c.grid.rows.length, 0);
  const progress: Progress = { written: 0, total, onRows };
  const prepared: DeflatedCopy[] = [];
  for (const { name, grid, headerRows } of copies) {
    const part = new DeflatedPart();
    const before = progress.written;
    await writeCopy(part, grid, tables, progress);
    prepared.push({
      name,
      rows: progress.written - before,
      deflated: part.chunks,
      crc32: part.crc32,
      size: part.size,
      headerRows: headerRows !== undefined ? headerRows : copyHeaderRows(grid),
    });
  }
  onRows?.(progress.written, total);
  return prepared;
}
