/**
 * Rounding as Excel's ROUND does it: on the decimal value Excel shows (15 significant
 * digits), half away from zero. Binary shortcuts such as Math.round(x * 10) / 10 are wrong
 * here: 0.35*10.1 + 0.40*10.1 + 0.25*10.3 is 10.149999999999999 in binary and must give 10.2.
 */

/** Excel keeps 15 significant decimal digits of a double. */
const EXCEL_SIGNIFICANT_DIGITS = 15;

export function excelRound(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const shown = Math.abs(value).toPrecision(EXCEL_SIGNIFICANT_DIGITS);
  const [mantissa, exponent = "0"] = shown.split("e");
  const [integerDigits, fractionDigits = ""] = mantissa.split(".");
  const digits = integerDigits + fractionDigits;
  // Index in `digits` just after the last digit kept.
  const keep = integerDigits.length + Number(exponent) + decimals;
  let magnitude: number;
  if (keep >= digits.length) {
    magnitude = Number(shown);
  } else if (keep < 0) {
    magnitude = 0;
  } else {
    let kept = digits.slice(0, keep);
    if (digits.charCodeAt(keep) >= 53 /* "5" */) kept = incrementDigits(kept);
    magnitude = Number(`${kept || "0"}e${-decimals}`);
  }
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** "129" -> "130", "99" -> "100", "" -> "1": adds one to a string of decimal digits. */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === "9") {
      chars[i] = "0";
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

/** Arithmetic mean of numbers, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
