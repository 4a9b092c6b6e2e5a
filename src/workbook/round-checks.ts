/**
 * Rounds that may not be what the user meant, found the same way for one table with a
 * `Periode` column (input.ts) and for sheets read as rounds (round-sheets.ts). Pure.
 */
import { utcDayNumber } from "../engine/evidence-check";
import { MessageParams } from "../engine/issues";
import { latestDated, Period, Rounds } from "../engine/rounds";

/**
 * How long after its round's last day an assessment date may lie before it is questioned
 * (PERIODE_DATE_CONFLICT): a round's assessments are often done in the weeks after it ends;
 * three months is the evidence horizon (METHOD.md).
 */
export const DATE_AFTER_ROUND_DAYS = 92;

/** A finding about a round, to be said at the first row of round `round`. */
export interface RoundShape {
  readonly code: "ROUND_NESTED" | "ROUND_CURRENT_SMALL";
  readonly round: number;
  readonly params: MessageParams;
}

/**
 * A round whose days lie inside another's (`September 2024` beside `2024-T3`: two rounds, not
 * one: ROUND_NESTED), and a latest round with fewer than half the rows of the round before it
 * (a campaign over a quarter's end, a year typed wrong: ROUND_CURRENT_SMALL).
 */
export function roundShapes(rounds: Rounds): RoundShape[] {
  const list = rounds.list;
  const found: RoundShape[] = [];
  for (let i = 0; i < list.length; i++) {
    const inner = list[i];
    if (inner.first === null || inner.last === null) continue;
    const outer = list.findIndex(
      (o, j) =>
        j !== i &&
        o.first !== null &&
        o.last !== null &&
        o.first <= inner.first! &&
        inner.last! <= o.last &&
        o.last - o.first > inner.last! - inner.first!
    );
    if (outer >= 0)
      found.push({
        code: "ROUND_NESTED",
        round: i,
        params: { value: inner.label, other: list[outer].label },
      });
  }
  const latest = latestDated(list);
  const before = latest - 1;
  if (before >= 0 && list[latest].first !== null && list[latest].count * 2 < list[before].count) {
    found.push({
      code: "ROUND_CURRENT_SMALL",
      round: latest,
      params: {
        value: list[latest].label,
        count: list[latest].count,
        other: list[before].label,
        reference: list[before].count,
      },
    });
  }
  return found;
}

/**
 * The indexes of the rows whose assessment date lies before their round begins, or more than
 * DATE_AFTER_ROUND_DAYS after it ends (a year typed wrong in one of the two). A round of one
 * day (a Periode written as one date, a cut-off) has no span to be outside of.
 */
export function dateConflicts(
  periods: readonly (Period | null)[],
  dates: readonly (Date | null)[]
): number[] {
  const rows: number[] = [];
  periods.forEach((p, i) => {
    const date = dates[i];
    if (p === null || p.first === null || p.last === null || date === null) return;
    if (p.first === p.last) return;
    const day = utcDayNumber(date);
    if (day < p.first || day > p.last + DATE_AFTER_ROUND_DAYS) rows.push(i);
  });
  return rows;
}
