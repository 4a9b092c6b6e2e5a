/**
 * Domain and composite convergence scores. A domain is the mean of its three
 * sub-indicators, rounded to 1 decimal; the composite is the mean of the five domains
 * as reported (already rounded), rounded to 2 decimals. Anything missing stays missing.
 */
import { excelRound } from "./decimal";
import { DECIMALS, DOMAINS, SUB_INDICATOR_COUNT } from "./framework";

/** Mean of the values, rounded; null if any is missing (never average what is there). */
export function roundedMeanOfAll(
  values: readonly (number | null)[],
  decimals: number
): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return excelRound(sum / values.length, decimals);
}

export function domainScore(subIndicators: readonly (number | null)[]): number | null {
  return roundedMeanOfAll(subIndicators, DECIMALS.domain);
}

export function compositeScore(domains: readonly (number | null)[]): number | null {
  return roundedMeanOfAll(domains, DECIMALS.composite);
}

/** A domain score from its three sub-indicators, without building an array. */
export function domainScore3(a: number | null, b: number | null, c: number | null): number | null {
  return a === null || b === null || c === null
    ? null
    : excelRound((a + b + c) / 3, DECIMALS.domain);
}

export interface ConvergenceScores {
  /** In framework order. */
  readonly domains: (number | null)[];
  readonly composite: number | null;
}

/** Scores from the 15 sub-indicator values in framework order (domain by domain). */
export function convergenceScores(subIndicators: readonly (number | null)[]): ConvergenceScores {
  if (subIndicators.length !== SUB_INDICATOR_COUNT) {
    throw new RangeError(
      `expected ${SUB_INDICATOR_COUNT} sub-indicators, got ${subIndicators.length}`
    );
  }
  const domains: (number | null)[] = new Array(DOMAINS.length);
  for (let d = 0; d < DOMAINS.length; d++) {
    const a = subIndicators[d * 3];
    const b = subIndicators[d * 3 + 1];
    const c = subIndicators[d * 3 + 2];
    domains[d] =
      a === null || b === null || c === null ? null : excelRound((a + b + c) / 3, DECIMALS.domain);
  }
  return { domains, composite: compositeScore(domains) };
}
