/**
 * Assessment rounds: which period each kampung row belongs to, and the rounds of a file in time
 * order. A kampung's rows in different rounds are its history; twice in one round is a
 * duplicate. Days are UTC day numbers (days since 1970-01-01). See DESIGN.md, "Rounds".
 */
import { isoDay, utcDayNumber } from "./evidence-check";

export interface Period {
  /** What rows are grouped by: `2025`, `2024-T1`, `2024-S2`, `2024-05`, `2024-05-31`; `?text` for text that names no time. */
  readonly key: string;
  /** As the user wrote it (trimmed), or the key when KKB made the period. */
  readonly label: string;
  /** First and last day of the period; null when the text names no time. */
  readonly first: number | null;
  readonly last: number | null;
}

export interface Round extends Period {
  /** Kampung rows in the round. */
  readonly count: number;
}

/**
 * Where the rounds came from: the `Periode` column, the quarter of `Tanggal penilaian`, or the
 * sheets picked as rounds (each sheet's name or own `Periode` column: round-sheets.ts).
 */
export type RoundSource = "periode" | "tanggal" | "lembar";

export interface Rounds {
  /** In time order (undated rounds last, in the order they first appear). */
  readonly list: readonly Round[];
  /** Per assessment (same order as the assessments), the index of its round in `list`. */
  readonly of: readonly number[];
  readonly source: RoundSource;
}

const day = (year: number, month: number, date: number) =>
  utcDayNumber(new Date(Date.UTC(year, month, date)));

export function periodOfYear(year: number, label: string | null): Period {
  const key = String(year);
  return { key, label: label ?? key, first: day(year, 0, 1), last: day(year, 11, 31) };
}

/** A quarter (`T`, 1-4) or a half year (`S`, 1-2): `2024-T1`, `2024-S2`. */
export function periodOfPart(
  year: number,
  kind: "T" | "S",
  n: number,
  label: string | null
): Period {
  const months = kind === "T" ? 3 : 6;
  const start = (n - 1) * months;
  const key = `${year}-${kind}${n}`;
  return {
    key,
    label: label ?? key,
    first: day(year, start, 1),
    last: day(year, start + months, 0),
  };
}

/** A calendar month (0-based): `2024-05`. */
export function periodOfMonth(year: number, month: number, label: string | null): Period {
  const key = `${year}-${String(month + 1).padStart(2, "0")}`;
  return { key, label: label ?? key, first: day(year, month, 1), last: day(year, month + 1, 0) };
}

/** One day: `2024-05-31`. */
export function periodOfDay(date: Date, label: string | null): Period {
  const key = isoDay(date);
  const n = utcDayNumber(date);
  return { key, label: label ?? key, first: n, last: n };
}

/** The quarter of an assessment date (rounds without a `Periode` column): `2024-T2`. */
export function quarterOf(date: Date): Period {
  const q = Math.floor(date.getUTCMonth() / 3) + 1;
  return periodOfPart(date.getUTCFullYear(), "T", q, null);
}

/**
 * The rounds of a file: the distinct periods in time order (by first day, then last day, then
 * first appearance; periods with no days last), each with its row count and the label of its
 * first row. `periods[i]` null (no period) puts row i in the latest round (`latestDated`).
 */
export function orderRounds(
  periods: readonly (Period | null)[],
  source: RoundSource
): Rounds | null {
  const byKey = new Map<string, { period: Period; count: number; seen: number }>();
  periods.forEach((p) => {
    if (!p) return;
    const entry = byKey.get(p.key);
    if (entry) entry.count++;
    else byKey.set(p.key, { period: p, count: 1, seen: byKey.size });
  });
  if (byKey.size === 0) return null;
  const sorted = [...byKey.values()].sort((a, b) => {
    const fa = a.period.first ?? Infinity;
    const fb = b.period.first ?? Infinity;
    if (fa !== fb) return fa - fb;
    const la = a.period.last ?? Infinity;
    const lb = b.period.last ?? Infinity;
    if (la !== lb) return la - lb;
    return a.seen - b.seen;
  });
  const index = new Map(sorted.map((e, i) => [e.period.key, i]));
  const latest = latestDated(sorted.map((e) => e.period));
  const counts = sorted.map((e) => e.count);
  const of = periods.map((p) => {
    if (p) return index.get(p.key)!;
    counts[latest]++;
    return latest;
  });
  return {
    list: sorted.map((e, i) => ({
      key: e.period.key,
      label: e.period.label,
      first: e.period.first,
      last: e.period.last,
      count: counts[i],
    })),
    of,
    source,
  };
}

/**
 * The index of the latest round that can be placed in time (rounds are in time order, undated
 * ones last); the last round when none can. A round whose text names no time (a typo such as
 * `2O24-T4`) is never the current one by default: it could be any time.
 */
export function latestDated(list: readonly Period[]): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].first !== null) return i;
  return list.length - 1;
}

/** A normalised form of a round's name for matching what a user typed (`--periode 2024 t1`). */
function roundKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The round a user named, by its key or its label (case, spaces and punctuation ignored), or
 * the latest that can be placed in time (`latestDated`) when `name` is undefined. Returns -1
 * when no round has that name.
 */
export function pickRound(rounds: Rounds, name: string | undefined): number {
  if (name === undefined) return latestDated(rounds.list);
  const wanted = roundKey(name);
  return rounds.list.findIndex((r) => roundKey(r.key) === wanted || roundKey(r.label) === wanted);
}
