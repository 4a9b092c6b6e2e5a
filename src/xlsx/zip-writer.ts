/**
 * A small streaming ZIP writer for OOXML packages: parts are deflated (zlib, in the thread pool,
 * so compression runs beside the JavaScript that builds the XML) and written to a file as they
 * are produced, each followed by a data descriptor; the central directory goes at the end.
 * Memory stays at a few chunks whatever the size of a part. No ZIP64: a part or the package over
 * 4 GiB is refused.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import * as zlib from "node:zlib";

/** Bytes of XML gathered before they go to the deflater. */
const CHUNK = 256 * 1024;
/** Deflater output buffer (zlib default 16 KiB: fewer round trips to the thread pool). */
const OUT_CHUNK = 128 * 1024;
/** Bytes queued for the deflater before a writer waits. */
const QUEUE = 4 * CHUNK;
const MAX_32 = 0xffffffff;
/** Bit 3: sizes and CRC in a data descriptor; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date:
      ((Math.max(1980, date.getFullYear()) - 1980) << 9) |
      ((date.getMonth() + 1) << 5) |
      date.getDate(),
  };
}

/** One part being written: text goes in with `write`, `end` closes it. */
export interface ZipPart {
  /** Appends text (UTF-8); resolves when the deflater can take more. */
  write(text: string): Promise<void> | void;
  end(): Promise<void>;
}

export class ZipWriter {
  private readonly out: Writable;
  /** Whether the stream is the writer's own (opened from a file name) and closed by it. */
  private readonly own: boolean;
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };
  private failure: Error | null = null;
  /** Settles on the first error of the file or a deflater: no wait outlives a failure. */
  private readonly failed: Promise<void>;
  private fail: (error: Error) => void = () => undefined;
  private busy = false;

  /** `target`: a file name, or a stream the caller opened and closes (an OutputFile's). */
  constructor(
    target: string | Writable,
    private readonly level = 1,
    date = new Date()
  ) {
    this.failed = new Promise<void>((resolve) => {
      this.fail = (error) => {
        this.failure ??= error;
        resolve();
      };
    });
    this.own = typeof target === "string";
    this.out = typeof target === "string" ? createWriteStream(target) : target;
    this.out.on("error", (error) => this.fail(error));
    this.stamp = dosDateTime(date);
  }

  private async raw(bytes: Buffer): Promise<void> {
    this.check();
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await this.until(this.out, "drain");
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Waits for an event, or for a failure; throws the failure. */
  private async until(stream: NodeJS.EventEmitter, event: string): Promise<void> {
    this.check();
    const happened = once(stream, event);
    happened.catch(() => undefined);
    await Promise.race([happened, this.failed]);
    this.check();
  }

  /** Starts a part; parts are written one after the other. */
  async part(name: string): Promise<ZipPart> {
    if (this.busy) throw new Error("zip: a part is still open");
    this.busy = true;
    const nameBytes = Buffer.from(name, "utf8");
    const entry: Entry = { name: nameBytes, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14..25) are zero here: they follow the data, in the descriptor.
    header.writeUInt16LE(nameBytes.length, 26);
    await this.raw(Buffer.concat([header, nameBytes]));

    const deflater = zlib.createDeflateRaw({
      level: this.level,
      memLevel: 9,
      chunkSize: OUT_CHUNK,
      // Room for several chunks: the XML of the next ones is built while these are deflated.
      writableHighWaterMark: QUEUE,
      // (Stream options, which Node's zlib typings leave out.)
    } as zlib.ZlibOptions);
    let waiting: Promise<void> | null = null;
    deflater.on("data", (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflater.pause();
        this.out.once("drain", () => deflater.resume());
      }
    });
    deflater.on("error", (error) => this.fail(error));
    const ended = this.until(deflater, "end");
    ended.catch(() => undefined);
    let pending = "";

    const flush = (): Promise<void> | void => {
      if (pending.length === 0) return;
      const bytes = Buffer.from(pending, "utf8");
      pending = "";
      entry.crc = zlib.crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (entry.size > MAX_32) throw new Error(`zip: part ${name} is over 4 GiB`);
      if (!deflater.write(bytes)) {
        waiting ??= this.until(deflater, "drain").finally(() => {
          waiting = null;
        });
        return waiting;
      }
    };

    return {
      write: (text: string) => {
        this.check();
        pending += text;
        if (pending.length >= CHUNK) return flush();
        return waiting ?? undefined;
      },
      end: async () => {
        await flush();
        if (waiting) await waiting;
        deflater.end();
        await ended;
        this.check();
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(entry.crc >>> 0, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.raw(descriptor);
        this.entries.push(entry);
        this.busy = false;
      },
    };
  }

  /** A whole part at once. */
  async add(name: string, text: string): Promise<void> {
    const part = await this.part(name);
    await part.write(text);
    await part.end();
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    if (this.busy) throw new Error("zip: a part is still open");
    const start = this.offset;
    const records: Buffer[] = [];
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(e.crc >>> 0, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      records.push(record, e.name);
    }
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    if (start + directory.length > MAX_32 || this.entries.length > 0xffff) {
      throw new Error("zip: the package is over 4 GiB or 65,535 parts");
    }
    await this.raw(Buffer.concat([directory, end]));
    this.out.end();
    await this.until(this.out, this.own ? "close" : "finish");
  }

  /** Closes the file after a failure (the caller removes it). */
  async abort(): Promise<void> {
    if (this.out.closed || this.out.destroyed) return;
    this.out.destroy();
    await once(this.out, "close").catch(() => undefined);
  }
}
