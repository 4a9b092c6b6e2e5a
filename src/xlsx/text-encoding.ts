/**
 * The text of a CSV file, whatever Excel, WPS, LibreOffice or a script saved it in: UTF-8 with
 * or without a byte-order mark, UTF-16 (Excel's "Unicode Text"), or the Windows ANSI code page
 * of an Indonesian (or any Western) Windows, Windows-1252. Decoding is iconv-lite's: Node's own
 * TextDecoder maps 0x80-0x9F of Windows-1252 to control characters (so `–` and `’` would be lost).
 */
import * as iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Which encoding the bytes are in: the byte-order mark when there is one; UTF-16 when every
 * other byte of the start is NUL; UTF-8 when the bytes are valid UTF-8; else Windows-1252
 * (every byte is some character there, so nothing is refused).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = Math.min(bytes.length, 4096) & ~1;
  if (head >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const pairs = head / 2;
    if (oddNul > pairs * 0.4 && evenNul === 0) return "utf-16le";
    if (evenNul > pairs * 0.4 && oddNul === 0) return "utf-16be";
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The bytes as text, without a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  return iconv.decode(bytes, detectEncoding(bytes), { stripBOM: true });
}
