/**
 * The zip container of an OOXML or ODF package, through zip.js: entries from the central
 * directory (as Excel reads them, so a forged local header or an entry missing from the
 * directory is never read), each part decompressed as a stream of text chunks. Part names are
 * compared the way Open Packaging Conventions say: case-insensitively.
 */
import {
  BlobReader,
  configure,
  Entry,
  FileEntry,
  Uint8ArrayReader,
  ZipReader,
} from "@zip.js/zip.js";

// The pane already runs this inside a Web Worker, and Node needs none: no nested workers.
configure({ useWebWorkers: false });

/**
 * Limits on what a package may decompress to, checked as it inflates (never trusting the sizes
 * the zip declares). Excel's full grid of kampung is about 0.9 GB of sheet XML; real sheet XML
 * deflates 10-30 times, while a deflate bomb of repeated bytes reaches about 1,000.
 */
export const PACKAGE_LIMITS = {
  /** All parts read from one package, decompressed. */
  totalBytes: 3 * 1024 ** 3,
  /** A part that inflates beyond this many times its compressed size (past `ratioFloor`) is a bomb. */
  ratio: 250,
  ratioFloor: 64 * 1024 * 1024,
};

/** Bytes decoded to text at a time (see readText). */
const DECODE_PIECE = 64 * 1024;

export class PackageLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageLimitError";
  }
}

export class ZipPackage {
  private readonly byName = new Map<string, FileEntry>();
  private bytesRead = 0;

  private constructor(
    private readonly reader: ZipReader<unknown>,
    entries: readonly Entry[]
  ) {
    for (const entry of entries) {
      if (entry.directory) continue;
      const key = partKey(entry.filename);
      // A name twice in the directory: the first entry counts, as in Excel.
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  /** Opens bytes, or a Blob (a File in the browser, `fs.openAsBlob` in Node, read lazily). */
  static async open(source: Uint8Array | Blob): Promise<ZipPackage> {
    const reader = new ZipReader(
      source instanceof Uint8Array ? new Uint8ArrayReader(source) : new BlobReader(source)
    );
    return new ZipPackage(reader, await reader.getEntries());
  }

  /** Part names in the package, without a leading slash. */
  names(): string[] {
    return [...this.byName.values()].map((e) => partKey(e.filename));
  }

  has(part: string): boolean {
    return this.byName.has(partKey(part));
  }

  /** Streams a part's text (UTF-8) to `onText`; false when there is no such part. */
  async readText(part: string, onText: (text: string) => void): Promise<boolean> {
    const entry = this.byName.get(partKey(part));
    if (!entry) return false;
    const decoder = new TextDecoder("utf-8");
    let partBytes = 0;
    const compressed = Math.max(entry.compressedSize, 1);
    await entry.getData(
      new WritableStream<Uint8Array>({
        write: (chunk) => {
          partBytes += chunk.length;
          this.bytesRead += chunk.length;
          if (this.bytesRead > PACKAGE_LIMITS.totalBytes)
            throw new PackageLimitError(`more than ${PACKAGE_LIMITS.totalBytes} bytes unpacked`);
          if (
            partBytes > PACKAGE_LIMITS.ratioFloor &&
            partBytes / compressed > PACKAGE_LIMITS.ratio
          )
            throw new PackageLimitError(`${part} inflates more than ${PACKAGE_LIMITS.ratio} times`);
          // In pieces: a text of more than 64 K characters is one of V8's large objects,
          // several times slower to make (a national sheet's 64 MB in zip.js's 256 KB chunks
          // decoded in 330-390 ms, in 64 KB pieces in 42-44 ms).
          for (let at = 0; at < chunk.length; at += DECODE_PIECE) {
            const text = decoder.decode(chunk.subarray(at, at + DECODE_PIECE), { stream: true });
            if (text) onText(text);
          }
        },
      })
    );
    const rest = decoder.decode();
    if (rest) onText(rest);
    return true;
  }

  async close(): Promise<void> {
    await this.reader.close();
  }
}

/** A part name as a map key: no leading slash, forward slashes, case folded. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}
