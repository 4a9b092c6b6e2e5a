/**
 * The `desimal` argument of KKB.PERUBAHAN, read as Excel's ROUND reads its `num_digits`:
 * a number is truncated toward zero (1.5 -> 1, -0.5 -> 0), text that reads as a number in
 * either locale ("2", "2,0") is that number, a blank cell is the default, and anything else
 * (other text, TRUE/FALSE, an Excel error) is wrong. KKB allows 0 to 4 digits.
 */
import { isBlank, isCellError } from "../engine/cell";
import { parseNumberText } from "../engine/score";
import { UnverifiedZero } from "./blanks";
import { shownNumber } from "./messages";

export const DECIMALS_MIN = 0;
export const DECIMALS_MAX = 4;

export type DecimalsOutcome =
  | { readonly kind: "ok"; readonly digits: number }
  /** A blank cell: the caller's default. */
  | { readonly kind: "blank" }
  /** Excel sent 0 but the cell could not be checked. */
  | { readonly kind: "unverified" }
  /** Not a number of digits KKB accepts; `shown` as the message quotes it. */
  | { readonly kind: "wrong"; readonly shown: string };

/** One cell (or literal) of `desimal`. */
export function parseDecimals(raw: unknown): DecimalsOutcome {
  if (raw instanceof UnverifiedZero) return { kind: "unverified" };
  if (isBlank(raw)) return { kind: "blank" };
  let value: number | null = null;
  let shown: string;
  if (typeof raw === "number") {
    value = raw;
    shown = shownNumber(raw);
  } else if (typeof raw === "string") {
    value = parseNumberText(raw);
    shown = raw;
  } else if (isCellError(raw)) {
    shown = raw.error;
  } else if (typeof raw === "boolean") {
    shown = raw ? "TRUE" : "FALSE";
  } else {
    shown = String(raw);
  }
  if (value === null || !Number.isFinite(value)) return { kind: "wrong", shown };
  // ROUND truncates num_digits toward zero; `+ 0` turns -0 into 0.
  const digits = Math.trunc(value) + 0;
  if (digits < DECIMALS_MIN || digits > DECIMALS_MAX) return { kind: "wrong", shown };
  return { kind: "ok", digits };
}
