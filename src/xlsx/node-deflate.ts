/**
 * A `CompressionStream` for zip.js on Node: zlib at level 1, in the thread pool. Node's own
 * `CompressionStream` has no level (zlib's default, 6): on the national summary's 330 MB of XML,
 * level 1 deflates several times faster for a file some 30 % larger. zip.js asks for `gzip`
 * (the trailer gives it the CRC-32 natively) and takes the deflate data out of it.
 */
import { Duplex, TransformOptions } from "node:stream";
import * as zlib from "node:zlib";

/** zlib's output buffer (default 16 KiB: fewer round trips to the thread pool). */
const OUT_CHUNK = 128 * 1024;

/**
 * KKB's zlib deflate on Node, for the package's parts and the prepared copies (prepared-copy.ts):
 * level 1, and text of some 30 chunks may wait for the thread pool (Transform's option, which
 * zlib's streams take): with the default 16 KiB each chunk waited for its own deflating.
 */
export const DEFLATE_OPTIONS: Readonly<zlib.ZlibOptions & TransformOptions> = {
  level: 1,
  memLevel: 9,
  chunkSize: OUT_CHUNK,
  writableHighWaterMark: 1 << 20,
};

export class NodeDeflateRaw {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;

  constructor(format: string) {
    const options = DEFLATE_OPTIONS;
    const deflater =
      format === "gzip"
        ? zlib.createGzip(options)
        : format === "deflate-raw"
          ? zlib.createDeflateRaw(options)
          : format === "deflate"
            ? zlib.createDeflate(options)
            : null;
    if (!deflater) throw new Error(`NodeDeflateRaw: format ${format}`);
    const web = Duplex.toWeb(deflater) as {
      readable: ReadableStream<Uint8Array>;
      writable: WritableStream<Uint8Array>;
    };
    this.readable = web.readable;
    this.writable = web.writable;
  }
}
