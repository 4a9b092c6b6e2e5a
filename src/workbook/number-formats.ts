/**
 * What a number format code says about the number it shows, as both adapters read formats (the
 * file's styles part, office.js `Range.numberFormat`, whose codes are Excel's invariant ones):
 * whether it shows a date, and whether a percentage. Pure.
 */

/** A format code without its bracketed parts, quoted text and escaped characters. */
function bareFormat(code: string): string {
  return code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
}

/** A format code shows a date when it has date or time letters outside quotes and brackets. */
export function isDateFormat(code: string | undefined | null): boolean {
  if (!code) return false;
  const bare = bareFormat(code);
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * A format code shows a percentage when its first section (positive numbers) has `%` outside
 * quotes, brackets and escapes, and it is not a date.
 */
export function isPercentFormat(code: string | undefined | null): boolean {
  if (!code || isDateFormat(code)) return false;
  return bareFormat(code).split(";")[0].includes("%");
}
