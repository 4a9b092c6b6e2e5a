/**
 * The .xlsx container, written with zip.js: parts go in one after the other as streams of
 * text, deflated as they come (Zip64 where a part needs it), into any WritableStream: a file
 * (Node), or memory (the task pane's download). No ZIP structure is written by KKB itself.
 *
 * Compression is zip.js's configured `CompressionStream`: the browser's own in the task pane;
 * on Node, zlib at level 1 (node-deflate.ts, set by write.ts), so that the national summary's
 * 330 MB of XML deflate in the thread pool beside the JavaScript that writes it.
 */
import { ZipWriter as ZipJsWriter } from "@zip.js/zip.js";

/**
 * Characters of text gathered before they go to the deflater: each chunk, flattened to be
 * encoded, stays an ordinary young object (256 K went to V8's large-object space, reclaimed only
 * by full collections while 440 MB of national XML went through).
 */
const CHUNK = 32 * 1024;
/** Chunks a part may queue before its writer waits for the deflater. */
const QUEUE = 4;

/** One part being written: text goes in with `write`, `end` closes it. */
export interface ZipPart {
  /** Appends text (UTF-8); resolves when more can be taken (or returns nothing: go on). */
  write(text: string): Promise<void> | void;
  end(): Promise<void>;
}

export interface ZipSinkOptions {
  /** The date of every entry (the time the workbook is written). */
  readonly date?: Date;
}

export class ZipSink {
  private readonly zip: ZipJsWriter<unknown>;
  private readonly encoder = new TextEncoder();
  private open = false;

  constructor(target: WritableStream<Uint8Array>, options: ZipSinkOptions = {}) {
    this.zip = new ZipJsWriter(target, {
      lastModDate: options.date ?? new Date(),
      // 6: the level CompressionStream implements; zip.js uses its own deflate for any other.
      level: 6,
      useWebWorkers: false,
      useCompressionStream: true,
      // One entry at a time, straight to the target.
      keepOrder: true,
      bufferedWrite: false,
    });
  }

  /** Starts a part; parts are written one after the other. */
  part(name: string): Promise<ZipPart> {
    if (this.open) return Promise.reject(new Error("zip: a part is still open"));
    this.open = true;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let pulled: (() => void) | null = null;
    const readable = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          controller = c;
        },
        pull: () => {
          pulled?.();
          pulled = null;
        },
      },
      { highWaterMark: QUEUE }
    );
    const added = this.zip.add(name, readable);
    // A failure shows at the next write or at end; never unhandled meanwhile.
    let failure: unknown = null;
    added.catch((error: unknown) => {
      failure = error;
      pulled?.();
    });
    let pending = "";
    const check = () => {
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
    };
    const flush = (): Promise<void> | void => {
      check();
      if (pending.length === 0) return;
      controller.enqueue(this.encoder.encode(pending));
      pending = "";
      if ((controller.desiredSize ?? 1) <= 0) {
        return new Promise<void>((resolve) => {
          pulled = resolve;
        }).then(check);
      }
    };
    return Promise.resolve({
      write: (text: string) => {
        pending += text;
        if (pending.length >= CHUNK) return flush();
      },
      end: async () => {
        await flush();
        controller.close();
        await added;
        this.open = false;
      },
    });
  }

  /** Adds a whole part. */
  async add(name: string, text: string): Promise<void> {
    const part = await this.part(name);
    await part.write(text);
    await part.end();
  }

  /**
   * Adds a part deflated beforehand (raw DEFLATE), as it is: zip.js writes its bytes with the
   * CRC-32 and size given, without inflating them. Each chunk is taken out of `deflated` as it
   * goes to the file: the array is empty afterwards.
   */
  async addDeflated(
    name: string,
    part: {
      readonly deflated: Uint8Array[];
      readonly crc32: number;
      readonly size: number;
    }
  ): Promise<void> {
    if (this.open) throw new Error("zip: a part is still open");
    const data = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        const chunk = part.deflated.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await this.zip.add(name, data, {
      passThrough: true,
      compressionMethod: 8,
      crc32: part.crc32,
      uncompressedSize: part.size,
    });
  }

  /** Writes the central directory and closes the target. */
  async close(): Promise<void> {
    await this.zip.close();
  }
}
