/**
 * Rounding as Excel's ROUND does it: on the decimal value Excel shows (15 significant
 * digits), half away from zero. Binary shortcuts such as Math.round(x * 10) / 10 are wrong
 * here: 0.35*10.1 + 0.40*10.1 + 0.25*10.3 is 10.149999999999999 in binary and must give 10.2.
 */

/** Excel keeps 15 significant decimal digits of a double. */
const EXCEL_SIGNIFICANT_DIGITS = 15;

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Below this scaled magnitude, 15-digit display error is far smaller than FAST_PATH_MARGIN. */
const FAST_PATH_LIMIT = 1e6;
const FAST_PATH_MARGIN = 1e-6;

export function excelRound(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  // Fast path: when the scaled value is not near a half, the binary and decimal roundings agree.
  if (decimals >= 0 && decimals < POW10.length) {
    const scale = POW10[decimals];
    const scaled = Math.abs(value) * scale;
    if (scaled < FAST_PATH_LIMIT) {
      const whole = Math.floor(scaled);
      const fraction = scaled - whole;
      if (Math.abs(fraction - 0.5) > FAST_PATH_MARGIN) {
        const magnitude = (fraction > 0.5 ? whole + 1 : whole) / scale;
        return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
      }
    }
  }
  return decimalRound(value, decimals);
}

/** The exact path: round the 15-significant-digit decimal text. */
function decimalRound(value: number, decimals: number): number {
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

/**
 * The number a percentage format shows for `fraction` (0.978 shows as 97,8 %): its 15-digit
 * decimal, as Excel keeps it, times 100 by moving the decimal point (0.978 * 100 is
 * 97.80000000000001 in binary).
 */
export function percentShown(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction === 0) return fraction * 100;
  const [mantissa, exponent = "0"] = fraction.toPrecision(EXCEL_SIGNIFICANT_DIGITS).split("e");
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

/** Arithmetic mean of numbers, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
