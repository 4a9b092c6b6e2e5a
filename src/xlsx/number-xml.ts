/**
 * A cell's number as the sheet XML writes it (`<v>`): JavaScript's shortest round-trip text,
 * `String(value)`, which Excel reads back to the same double.
 *
 * Scores, means and iBangga values are almost all hundredths between -100 and 100 (METHOD.md
 * rounds to one or two decimals), and the national summary writes some 4.5 million of them.
 * Making each text anew (V8's shortest-double conversion) took about 200 ns a number, some
 * 0.8 s of the summary's single thread; a hundredth's text is made once and kept. The text is
 * the same by construction: a value is taken from the table only when it is exactly the double
 * `k / 100` whose text the table holds.
 */

/** Hundredths kept: -100.00 to 100.00. */
const LIMIT = 100 * 100;
const texts: (string | undefined)[] = new Array<string | undefined>(2 * LIMIT + 1);

/** `String(value)` for a finite number. */
export function numberXml(value: number): string {
  const k = Math.round(value * 100);
  if (k >= -LIMIT && k <= LIMIT && k / 100 === value) {
    return (texts[k + LIMIT] ??= String(k / 100));
  }
  return String(value);
}
