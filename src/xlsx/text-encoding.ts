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
 * other byte of the start is NUL; UTF-8 when the bytes are valid UTF-8, or would be but for
 * surrogates written CESU-8 style (cesuRepair); else Windows-1252 (every byte is some character
 * there, so nothing is refused).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return detect(bytes).encoding;
}

/** detectEncoding, with the bytes repaired when they are UTF-8 written CESU-8 style. */
function detect(bytes: Uint8Array): { encoding: TextEncoding; fixed: CesuRepaired | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", fixed: cesuRepair(bytes) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", fixed: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", fixed: null };
  const head = Math.min(bytes.length, 4096) & ~1;
  if (head >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const pairs = head / 2;
    if (oddNul > pairs * 0.4 && evenNul === 0) return { encoding: "utf-16le", fixed: null };
    if (evenNul > pairs * 0.4 && oddNul === 0) return { encoding: "utf-16be", fixed: null };
  }
  // Valid UTF-8 holds no surrogate: only when it is not is CESU-8 looked for. A file whose only
  // "surrogates" are lone halves is Windows-1252 whose bytes happen to look like one (`í`, a
  // no-break space and `–` are ED A0 96): without a byte-order mark, CESU-8 needs a whole pair.
  if (isUtf8(bytes)) return { encoding: "utf-8", fixed: null };
  const fixed = cesuRepair(bytes);
  return fixed && fixed.repair.restored > 0
    ? { encoding: "utf-8", fixed }
    : { encoding: "windows-1252", fixed: null };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 surrogates found written CESU-8 style in UTF-8 text (see cesuRepair). */
export interface SurrogateRepair {
  /** Characters outside the BMP (emoji, say) written as two surrogates, read as themselves. */
  readonly restored: number;
  /** Surrogates without their other half, read as U+FFFD. */
  readonly replaced: number;
}

/** Bytes made valid UTF-8 by cesuRepair, and what was repaired. */
export interface CesuRepaired {
  readonly bytes: Uint8Array;
  readonly repair: SurrogateRepair;
}

/** The text of a CSV file, and what was repaired in it. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** Surrogates written CESU-8 style (null when there were none). */
  readonly surrogates: SurrogateRepair | null;
}

/**
 * UTF-8 whose only fault is CESU-8 (Java's and Oracle's "UTF-8" exports write a character
 * outside the BMP, an emoji say, as its two UTF-16 surrogates of 3 bytes each: ED A0-AF xx, then
 * ED B0-BF xx), made valid UTF-8: each such pair becomes the character's 4 bytes, and a
 * surrogate without its other half becomes U+FFFD (EF BF BD). Null when the bytes hold no such
 * surrogate, or are not UTF-8 even once repaired (then they are Windows-1252).
 */
export function cesuRepair(
  bytes: Uint8Array
): { bytes: Uint8Array; repair: SurrogateRepair } | null {
  const surrogate = (i: number) =>
    bytes[i] === 0xed &&
    bytes[i + 1] >= 0xa0 &&
    bytes[i + 1] <= 0xbf &&
    bytes[i + 2] >= 0x80 &&
    bytes[i + 2] <= 0xbf
      ? 0xd000 | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)
      : -1;
  let first = bytes.indexOf(0xed);
  while (first >= 0 && surrogate(first) < 0) first = bytes.indexOf(0xed, first + 1);
  if (first < 0) return null;
  const out = new Uint8Array(bytes.length);
  out.set(bytes.subarray(0, first));
  let o = first;
  let restored = 0;
  let replaced = 0;
  for (let i = first; i < bytes.length;) {
    const high = surrogate(i);
    if (high < 0) {
      out[o++] = bytes[i++];
      continue;
    }
    const low = high <= 0xdbff ? surrogate(i + 3) : -1;
    if (low >= 0xdc00) {
      const cp = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 0x3f);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
      restored++;
      i += 6;
    } else {
      out[o++] = 0xef;
      out[o++] = 0xbf;
      out[o++] = 0xbd;
      replaced++;
      i += 3;
    }
  }
  const repaired = out.subarray(0, o);
  return isUtf8(repaired) ? { bytes: repaired, repair: { restored, replaced } } : null;
}

/**
 * The bytes as text, without a byte-order mark, in the encoding detectEncoding finds; UTF-8
 * written CESU-8 style is repaired first (cesuRepair) and the repair is said. One strict UTF-8
 * check for a file without a byte-order mark, as before; a byte scan for one with it.
 */
export function decodeCsvText(bytes: Uint8Array): DecodedText {
  const { encoding, fixed } = detect(bytes);
  const text = iconv.decode(fixed?.bytes ?? bytes, encoding, { stripBOM: true });
  return { text, encoding, surrogates: fixed?.repair ?? null };
}

/** The bytes as text, without a byte-order mark (see decodeCsvText). */
export function decodeText(bytes: Uint8Array): string {
  return decodeCsvText(bytes).text;
}
