/**
 * What-if: the composite and its ranks under domain weights the user sets. NOT the study's
 * method (METHOD.md "Scores" weights the five domains equally); the pane shows it beside the
 * method's figures, marked so, to explore how much the weights matter.
 */
import { KampungResult } from "./assessment";
import { excelRound } from "./decimal";
import { DECIMALS, DOMAIN_KEYS } from "./framework";
import { competitionRanks } from "./ranks";

export interface WhatIfScores {
  /** Per kampung in results order: the weighted mean of the domains as reported, 2 decimals; null where the composite is. */
  readonly composite: (number | null)[];
  /** Competition ranks of those composites (1 is the highest). */
  readonly ranks: (number | null)[];
}

/**
 * The composite under `weights` (five numbers >= 0, in DOMAIN_KEYS order, any scale: they are
 * normalised), rounded to 2 decimals like the method's, and its ranks. Throws a RangeError for
 * other than five finite weights >= 0 with a positive sum.
 */
export function whatIfScores(
  kampung: readonly KampungResult[],
  weights: readonly number[]
): WhatIfScores {
  if (
    weights.length !== DOMAIN_KEYS.length ||
    weights.some((w) => !Number.isFinite(w) || w < 0) ||
    !(weights.reduce((s, w) => s + w, 0) > 0)
  ) {
    throw new RangeError("what-if weights: five finite numbers >= 0 with a positive sum");
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  const composite = kampung.map((k) => {
    if (k.composite === null) return null;
    let total = 0;
    DOMAIN_KEYS.forEach((key, d) => {
      total += weights[d] * (k.domains[key] as number);
    });
    return excelRound(total / sum, DECIMALS.composite);
  });
  return { composite, ranks: competitionRanks(composite) };
}
