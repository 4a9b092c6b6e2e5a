/**
 * An output file written safely: the bytes go to a temporary file beside the final name, with
 * an unpredictable name, created exclusively (O_EXCL, and O_NOFOLLOW: a planted link at that
 * name is refused, never followed); flushed to the disk (fsync); then renamed over the final
 * name. A reader of the final name sees the old file or the whole new one, never a part; two
 * runs writing the same name each leave a whole file (the last rename wins); a full disk, an
 * error, Ctrl-C or SIGTERM leave the old file as it was and no temporary file (temp-files.ts).
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import * as nodeFs from "node:fs";
import { constants, createWriteStream, promises as fs, WriteStream } from "node:fs";
import * as path from "node:path";
import { releaseTempFile, trackTempFile } from "./temp-files";

/** Why an output could not be written; the CLI words each one (exit 2). */
export type OutputProblem =
  /** The disk (or the user's quota) is full. */
  | "no-space"
  /** The folder is read-only or not ours to write in. */
  | "read-only"
  /** The folder does not exist and cannot be made (a file is in the way, say). */
  | "folder"
  /** The output name is a folder. */
  | "is-folder"
  /** The name is too long for the file system. */
  | "name-too-long"
  /** The file exists and may not be replaced (the template without --force). */
  | "exists"
  /** Any other failure of the file system. */
  | "unwritable";

/** Bytes a stream to an output file takes ahead of the disk. */
const WRITE_AHEAD = 1 << 20;

export class OutputFileError extends Error {
  constructor(
    readonly problem: OutputProblem,
    /** The output's name as the user gave it. */
    readonly file: string,
    options?: { cause?: unknown },
    /** A file name the message may propose inside `file` when it is a folder. */
    readonly example = "ringkasan.xlsx"
  ) {
    super(`${problem}: ${file}`, options);
    this.name = "OutputFileError";
  }
}

/** A system error (ENOSPC, EACCES...); duck-typed, as errors may come from another realm. */
export function errnoCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, syscall } = error as NodeJS.ErrnoException;
  return typeof code === "string" && typeof syscall === "string" ? code : null;
}

function problemOf(code: string): OutputProblem {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return "no-space";
    case "EROFS":
    case "EACCES":
    case "EPERM":
      return "read-only";
    case "ENOTDIR":
    case "ENOENT":
      return "folder";
    case "EISDIR":
      return "is-folder";
    case "ENAMETOOLONG":
      return "name-too-long";
    default:
      return "unwritable";
  }
}

/** The error as an OutputFileError when it comes from the file system; other errors as they are. */
export function asOutputError(error: unknown, file: string): unknown {
  if (error instanceof OutputFileError) return error;
  const code = errnoCode(error);
  return code ? new OutputFileError(problemOf(code), file, { cause: error }) : error;
}

// O_NOFOLLOW is POSIX; where it is missing (Windows) O_EXCL alone already refuses any
// existing name, links included.
const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Creates `file` exclusively, never through a link: fails with EEXIST when anything (a file, a
 * link, even a dangling one) already has the name.
 */
export function createExclusive(file: string): Promise<number> {
  return openFd(file, EXCLUSIVE, 0o666);
}

// A plain descriptor, not a FileHandle: a FileHandle used by a stream cannot be closed while
// the stream lives, and the stream must stay open until the content is flushed.
const openFd = (file: string, flags: number, mode: number) =>
  new Promise<number>((resolve, reject) =>
    nodeFs.open(file, flags, mode, (error, fd) => (error ? reject(error) : resolve(fd)))
  );
const fsyncFd = (fd: number) =>
  new Promise<void>((resolve, reject) =>
    nodeFs.fsync(fd, (error) => (error ? reject(error) : resolve()))
  );
const closeFd = (fd: number) =>
  new Promise<void>((resolve, reject) =>
    nodeFs.close(fd, (error) => (error ? reject(error) : resolve()))
  );

/** Keeps the temporary name within common file-name limits (255 bytes). */
const NAME_KEEP = 80;

function tempName(final: string): string {
  const base = path.basename(final).slice(0, NAME_KEEP);
  // 128 random bits: a name nobody can plant in advance.
  return path.join(path.dirname(final), `.${base}.${randomBytes(16).toString("hex")}.tmp`);
}

/**
 * A test hook: with KKB_TEST_HOLD_BEFORE_RENAME=1 the process says on stderr that the temporary
 * files are written and waits, so a test can signal it at exactly that point (no timing).
 */
async function testHold(temp: string): Promise<void> {
  if (process.env.KKB_TEST_HOLD_BEFORE_RENAME !== "1") return;
  process.stderr.write(`KKB_TEST_HOLD ${temp}\n`);
  await new Promise<void>(() => setInterval(() => undefined, 1 << 30));
}

export interface CommitOptions {
  /** Replace an existing file at the final name (the default); false refuses with "exists". */
  readonly overwrite?: boolean;
}

export class OutputFile {
  private out: WriteStream | null = null;
  private closed = false;
  private done = false;

  private constructor(
    /** The final name, as the user gave it. */
    readonly file: string,
    /** The temporary file beside it. */
    readonly temp: string,
    private readonly fd: number
  ) {}

  /**
   * Makes the folder if needed and creates the temporary file. Fails (OutputFileError) when the
   * output cannot be written there, before any work is done; `example` is the file name the
   * message proposes when `file` is a folder (`ringkasan.xlsx` by default).
   */
  static async create(file: string, example?: string): Promise<OutputFile> {
    const final = path.resolve(file);
    const existing = await fs.stat(final).catch(() => null);
    if (existing?.isDirectory()) throw new OutputFileError("is-folder", file, {}, example);
    try {
      await fs.mkdir(path.dirname(final), { recursive: true });
    } catch (error) {
      // mkdir through a file gives EEXIST or ENOTDIR: a folder that cannot be made.
      const code = errnoCode(error);
      if (code === "EEXIST" || code === "ENOTDIR") {
        throw new OutputFileError("folder", file, { cause: error });
      }
      throw asOutputError(error, file);
    }
    for (let attempt = 0; ; attempt++) {
      const temp = tempName(final);
      // Tracked before it exists: a signal between open and tracking leaves nothing behind.
      trackTempFile(temp);
      try {
        return new OutputFile(file, temp, await createExclusive(temp));
      } catch (error) {
        releaseTempFile(temp);
        // (A name taken by chance, one in 2^128, is tried again with another.)
        if (errnoCode(error) !== "EEXIST" || attempt >= 4) throw asOutputError(error, file);
      }
    }
  }

  /**
   * The stream to write the content to; end it and wait for "finish" before `commit`. It takes
   * up to 1 MB ahead of the disk (Node's default is 16 KB): the writer then rarely waits for a
   * write to finish (writing 160 MB of JSON in 32 KB pieces: 0.42-0.57 s against 0.61-0.81 s).
   */
  stream(): WriteStream {
    this.out ??= createWriteStream(this.temp, {
      fd: this.fd,
      autoClose: false,
      highWaterMark: WRITE_AHEAD,
    });
    return this.out;
  }

  /** Flushes the content to the disk and renames it to the final name. */
  async commit(options: CommitOptions = {}): Promise<void> {
    const final = path.resolve(this.file);
    try {
      await testHold(this.temp);
      await fsyncFd(this.fd);
      this.closed = true;
      await closeFd(this.fd);
      if (options.overwrite === false) await placeNew(this.temp, final, this.file);
      else await fs.rename(this.temp, final);
      this.done = true;
      releaseTempFile(this.temp);
      await syncFolder(path.dirname(final));
    } catch (error) {
      await this.discard();
      throw asOutputError(error, this.file);
    }
  }

  /** Removes the temporary file (after a failure); the final name is left as it was. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (!this.closed) {
      this.closed = true;
      if (this.out) {
        // Destroying the stream closes the descriptor (autoClose only concerns the end).
        if (!this.out.closed) {
          const closed = once(this.out, "close").catch(() => undefined);
          this.out.destroy();
          await closed;
        }
      } else await closeFd(this.fd).catch(() => undefined);
    }
    await fs.rm(this.temp, { force: true }).catch(() => undefined);
    releaseTempFile(this.temp);
  }
}

/**
 * Gives the temporary file the final name only if that name is free: a hard link fails when
 * the name exists, so no file created meanwhile is replaced. File systems without hard links
 * (FAT on a USB stick) get a check and a rename.
 */
async function placeNew(temp: string, final: string, file: string): Promise<void> {
  try {
    await fs.link(temp, final);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST") throw new OutputFileError("exists", file, { cause: error });
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (
      await fs.lstat(final).then(
        () => true,
        () => false
      )
    ) {
      throw new OutputFileError("exists", file);
    }
    await fs.rename(temp, final);
    return;
  }
  await fs.unlink(temp);
}

/** Makes the rename itself durable; not every system can open a folder, so failures are ignored. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, constants.O_RDONLY).catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
