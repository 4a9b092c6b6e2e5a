/**
 * What kind of file the bytes are, before any parser sees them: an .xlsx (a zip), an
 * encrypted .xlsx or an old .xls (both OLE compound files), a CSV, or something else.
 */

import { detectEncoding } from "./text-encoding";

export type FileKind = "xlsx" | "encrypted" | "legacy-xls" | "csv" | "text" | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An encrypted OOXML package is an OLE file holding the streams EncryptionInfo and EncryptedPackage.
const ENCRYPTION_INFO = Array.from("EncryptionInfo").flatMap((ch) => [ch.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function includes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text a CSV could be: no NUL bytes in the first 4 KB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return true;
}

/** Text with no control characters but tab, line breaks and form feed in the first 4 KB. */
function plainText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) {
      return false;
    }
  }
  return true;
}

/** UTF-16 text (Excel's "Unicode Text", LibreOffice's UTF-16 CSV): NUL bytes are part of it. */
function isUtf16(bytes: Uint8Array): boolean {
  const encoding = detectEncoding(bytes.subarray(0, 4096));
  return encoding === "utf-16le" || encoding === "utf-16be";
}

/**
 * `head` is the start of the file (at least 8 bytes when the file has them); for OLE files
 * `whole`, when given, is searched for the encryption stream names.
 */
export function sniffKind(head: Uint8Array, name: string, whole?: Uint8Array): FileKind {
  if (startsWith(head, ZIP)) return "xlsx";
  if (startsWith(head, OLE)) {
    return includes(whole ?? head, ENCRYPTION_INFO) ? "encrypted" : "legacy-xls";
  }
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (["csv", "txt", "tsv"].includes(ext) && (looksLikeText(head) || isUtf16(head))) return "csv";
  if (ext === "" && head.length > 0 && looksLikeText(head)) return "csv";
  // Text under another name: a CSV saved as .xlsx, a web page exported as .xls.
  if (head.length > 0 && (plainText(head) || isUtf16(head))) return "text";
  return "unknown";
}
