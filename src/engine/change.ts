/** The signed change of two scores, rounded as the method rounds (METHOD.md, "Rounding"). */
import { excelRound } from "./decimal";

/**
 * `now - before`, rounded to `decimals` as Excel's ROUND would (the scores are already rounded,
 * but their binary difference is not: 1.3 - 1.0 is 0.30000000000000004); null when either is.
 */
export function scoreChange(
  now: number | null,
  before: number | null,
  decimals: number
): number | null {
  if (now === null || before === null) return null;
  return excelRound(now - before, decimals);
}
