/**
 * One round of a file of several: the rows of that round, and the evidence rows that belong to
 * it. An evidence row belongs to another round when its date lies in the evidence horizon of
 * the same kampung's row of that round and not in this round's (METHOD.md, "Evidence": three
 * months before each row's own date); it is then not this round's evidence, nor stale.
 */
import { EvidenceRecord } from "../engine/evidence";
import { horizonDays, utcDayNumber } from "../engine/evidence-check";
import { looseKey } from "../engine/group-stats";
import { pickRound, Rounds } from "../engine/rounds";
import { InputRead } from "./input";
import { parsePeriode } from "./periode";
import { sheetOfRound } from "./round-sheets";

/** A round named with `--periode` (or in the pane) that the file does not have. */
export class PeriodeNotFoundError extends Error {
  constructor(
    readonly wanted: string,
    readonly available: readonly string[]
  ) {
    super(`no round ${wanted}`);
  }
}

/**
 * The index of the current round: the one named (as its label, or in any form a Periode cell
 * takes: periode.ts), or the latest. Throws PeriodeNotFoundError
 * when a name is given and no round has it (a file without rounds has none).
 */
export function currentRound(rounds: Rounds | null, name: string | undefined): number | null {
  if (!rounds) {
    if (name !== undefined) throw new PeriodeNotFoundError(name, []);
    return null;
  }
  let index = pickRound(rounds, name);
  if (index < 0 && name !== undefined) {
    // Any form a Periode cell takes names the same round: `Triwulan I 2024` is `2024-T1`. A date
    // whose day and month could be either way (3/4/2024) is taken only when one reading is a
    // round of the file (its own column may be read month first).
    const found = new Set<number>();
    for (const order of ["dayFirst", "monthFirst"] as const) {
      const parsed = parsePeriode(name, order);
      if (parsed.ok) found.add(rounds.list.findIndex((r) => r.key === parsed.period.key));
    }
    found.delete(-1);
    if (found.size === 1) index = [...found][0];
  }
  if (index < 0)
    throw new PeriodeNotFoundError(
      name ?? "",
      rounds.list.map((r) => r.label)
    );
  return index;
}

/** The read restricted to round `round` (`read.rounds` must be set). */
export function roundRead(read: InputRead, round: number): InputRead {
  const rounds = read.rounds!;
  const assessments = read.assessments.filter((_, i) => rounds.of[i] === round);
  const evidence = read.evidence && evidenceOfRound(read, rounds, round);
  // Rounds on separate sheets: what is found after reading points at the round's own sheet.
  return { ...read, ...sheetOfRound(read, round), assessments, evidence };
}

function evidenceOfRound(read: InputRead, rounds: Rounds, round: number): EvidenceRecord[] {
  // Per kampung name: whether it is in this round, and the horizons of its rows in this round
  // and in the others.
  const kampung = new Map<string, { here: boolean; mine: Horizon[]; others: Horizon[] }>();
  read.assessments.forEach((a, i) => {
    const key = looseKey(a.name);
    let entry = kampung.get(key);
    if (!entry) kampung.set(key, (entry = { here: false, mine: [], others: [] }));
    const mine = rounds.of[i] === round;
    if (mine) entry.here = true;
    if (a.date) (mine ? entry.mine : entry.others).push(horizonDays(a.date));
  });
  return read.evidence!.filter((record) => {
    const entry = kampung.get(looseKey(record.kampung));
    // A kampung of other rounds only: its evidence is theirs (and not an unknown kampung).
    if (entry && !entry.here) return false;
    if (!record.date) return true;
    if (!entry || entry.others.length === 0) return true;
    const day = utcDayNumber(record.date);
    const within = (h: Horizon) => day >= h.first && day <= h.last;
    return entry.mine.some(within) || !entry.others.some(within);
  });
}

type Horizon = { readonly first: number; readonly last: number };
