/** File-system checks: is an output the same file as the input (links, other spellings)? */
import { promises as fs } from "node:fs";
import * as path from "node:path";

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false
  );
}

/**
 * True when `a` and `b` name the same file: the same real path (after symlinks and `..`), or
 * the same device and inode (hard links, case-insensitive file systems).
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  if (sa && sb && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([realTarget(a), realTarget(b)]);
  return ra === rb;
}

/** The real path of a file, or of its folder plus its name when the file does not exist yet. */
async function realTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await fs.realpath(absolute);
  } catch {
    const dir = await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
    return path.join(dir, path.basename(absolute));
  }
}

/** Whether `file` is an existing regular file (a folder of that name is not: its own message comes later). */
export async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether `file` is an existing regular file its owner may not write (`chmod 444`, `chmod u-w`,
 * or Windows' read-only attribute, which Node reports as no write bits). By the mode, not by
 * access(2): a root user may write any file, but a file made read-only was made so on purpose.
 */
export async function isReadOnly(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() && (stat.mode & 0o200) === 0;
  } catch {
    return false;
  }
}
