/**
 * What the pane shows of a what-if (engine/what-if.ts): the kampung first under the user's
 * domain weights, each with the method's composite and rank beside. Plain data for the worker's
 * messages.
 */
import { KampungResult } from "../engine/assessment";
import { competitionRanks } from "../engine/ranks";
import { whatIfScores } from "../engine/what-if";

/** Kampung the pane lists (the top of the what-if ranking). */
export const WHAT_IF_ROWS = 20;

export interface WhatIfRow {
  readonly row: number;
  readonly name: string;
  /** The method's composite and rank. */
  readonly composite: number | null;
  readonly rank: number | null;
  /** Under the user's weights: not the study's method. */
  readonly whatIfComposite: number | null;
  readonly whatIfRank: number | null;
}

export interface WhatIfView {
  readonly weights: readonly number[];
  /** Kampung ranked under both. */
  readonly ranked: number;
  /** Of those, how many have another rank under the user's weights. */
  readonly changed: number;
  /** The top of the what-if ranking (ties in sheet order). */
  readonly rows: readonly WhatIfRow[];
}

export function whatIfView(
  kampung: readonly KampungResult[],
  weights: readonly number[]
): WhatIfView {
  const method = competitionRanks(kampung.map((k) => k.composite));
  const w = whatIfScores(kampung, weights);
  let ranked = 0;
  let changed = 0;
  const order: number[] = [];
  kampung.forEach((_, i) => {
    if (w.ranks[i] === null) return;
    ranked++;
    if (w.ranks[i] !== method[i]) changed++;
    order.push(i);
  });
  order.sort((a, b) => (w.ranks[a] as number) - (w.ranks[b] as number) || a - b);
  const rows = order.slice(0, WHAT_IF_ROWS).map((i) => ({
    row: kampung[i].row,
    name: kampung[i].name,
    composite: kampung[i].composite,
    rank: method[i],
    whatIfComposite: w.composite[i],
    whatIfRank: w.ranks[i],
  }));
  return { weights: [...weights], ranked, changed, rows };
}
