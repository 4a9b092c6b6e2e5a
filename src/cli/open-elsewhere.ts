/**
 * A workbook open in Excel or LibreOffice while `kkb` reads or writes it. Both leave a lock file
 * beside it while it is open: LibreOffice `.~lock.NAME#` (one CSV line: the user, the machine,
 * ...), Excel and WPS `~$NAME`. Read, the file is its last saved state, so edits not yet saved
 * are not in the summary; written over, the program holding it may save its own copy over
 * KKB's later. Both are said (a notice on stderr, not an issue of the input). And a lock file
 * given as the input is named as what it is.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";

export interface OpenElsewhere {
  readonly program: "LibreOffice" | "Excel";
  /** Who holds it (LibreOffice writes the user's name), or null. */
  readonly user: string | null;
}

/** The lock files of `file`, LibreOffice's first. */
function lockFiles(file: string): { program: OpenElsewhere["program"]; lock: string }[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return [
    { program: "LibreOffice", lock: path.join(dir, `.~lock.${base}#`) },
    { program: "Excel", lock: path.join(dir, `~$${base}`) },
  ];
}

/** Bytes of a LibreOffice lock file read for its user's name (its first line is short). */
const LOCK_HEAD = 4096;

/**
 * Whether `file` is open in Excel or LibreOffice (a lock file beside it, a regular file), and
 * by whom. Only the head of a lock file is read, and only LibreOffice's: a FIFO or a huge file
 * under that name neither hangs nor fills the memory; an unreadable one still says it is open.
 */
export async function openElsewhere(file: string): Promise<OpenElsewhere | null> {
  for (const { program, lock } of lockFiles(file)) {
    const stat = await fs.lstat(lock).catch(() => null);
    if (!stat?.isFile()) continue;
    return { program, user: program === "LibreOffice" ? await lockUser(lock) : null };
  }
  return null;
}

/** The user a LibreOffice lock file names (its first field), or null. */
async function lockUser(lock: string): Promise<string | null> {
  let head: string;
  try {
    const handle = await fs.open(lock, "r");
    try {
      const buffer = Buffer.alloc(LOCK_HEAD);
      const { bytesRead } = await handle.read(buffer, 0, LOCK_HEAD, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  return firstField(head.split(/\r?\n/)[0]);
}

/** The first field of a lock file's CSV line, or null. */
function firstField(text: string): string | null {
  try {
    const [record] = parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
    const user = record?.[0]?.trim();
    return user ? user : null;
  } catch {
    return null;
  }
}

/**
 * The workbook a lock file stands for (`data.xlsx` for `.~lock.data.xlsx#` or `~$data.xlsx`),
 * or null when `file` is no lock file.
 */
export function lockedWorkbook(file: string): string | null {
  const base = path.basename(file);
  const libre = /^\.~lock\.(.+)#$/.exec(base);
  if (libre) return libre[1];
  return base.startsWith("~$") && base.length > 2 ? base.slice(2) : null;
}
