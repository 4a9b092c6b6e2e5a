/**
 * A number as Excel's General format shows it in a cell, for messages that quote a value:
 * at most 15 significant digits (0.9109999999999999 is 0,911; 2/3 is 0,666666666666667),
 * an exponent as Excel writes it (1E-07), and the locale's decimal mark (Indonesian comma,
 * English point). Never for scores in the sheets: those are rounded by `excelRound`.
 */
export type NumberLocale = "id" | "en";

const EXCEL_SIGNIFICANT_DIGITS = 15;

export function excelNumberText(value: number, locale: NumberLocale = "id"): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS));
  let text = String(rounded);
  const e = text.indexOf("e");
  if (e >= 0) {
    const mantissa = text.slice(0, e);
    const exponent = Number(text.slice(e + 1));
    const sign = exponent < 0 ? "-" : "+";
    text = `${mantissa}E${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return locale === "id" ? text.replace(".", ",") : text;
}

/**
 * A composite score (or a median of composites) in a message as the sheets show it, with at
 * least `decimals` decimals: `1,00`, not `1` (excelNumberText's General format drops them);
 * more decimals, a median's `1,125`, are kept, never rounded away.
 */
export function scoreText(value: number, locale: NumberLocale = "id", decimals = 2): string {
  const text = excelNumberText(value, locale);
  if (/E/.test(text)) return text;
  const mark = locale === "id" ? "," : ".";
  const [whole, fraction = ""] = text.split(mark);
  return fraction.length >= decimals ? text : `${whole}${mark}${fraction.padEnd(decimals, "0")}`;
}
