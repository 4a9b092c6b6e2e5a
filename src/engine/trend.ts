/**
 * What changed across assessment rounds: each kampung's scores in every round it was assessed,
 * the change since its previous assessment (signed, rounded as the method rounds the scores:
 * METHOD.md, "Rounding"), the rounds in which its status changed, the domains that fell by half
 * a rubric step or more, and the status-group and regional means of every round.
 */
import { Assessment, KampungResult, Region, scoreAll } from "./assessment";
import { scoreChange } from "./change";
import { GroupStats, StatsTable, statsShape } from "./group-stats";
import { DECIMALS, DOMAIN_KEYS, DomainKey } from "./framework";
import { Weights } from "./ibangga";
import { regionGroups, Regions } from "./regions";
import { Round, Rounds } from "./rounds";
import { normaliseStatus, StatusGroups, statusGroups } from "./status";

/** A domain fall this large or larger is flagged (half a rubric step of the domain mean). */
export const DOMAIN_FALL = 0.5;

export { scoreChange };

export interface Change {
  /** The label of the round compared with: the kampung's previous assessment. */
  readonly since: string;
  readonly domains: Record<DomainKey, number | null>;
  readonly composite: number | null;
  /** Change of the iBangga composite under the chosen weights. */
  readonly ibangga: number | null;
}

export interface HistoryEntry {
  /** The round's label and its place in `Trend.rounds`. */
  readonly round: string;
  readonly roundIndex: number;
  /** 1-based sheet row the entry was read from. */
  readonly row: number;
  readonly status: string | null;
  readonly domains: Record<DomainKey, number | null>;
  readonly composite: number | null;
  /** The iBangga composite under the chosen weights; null without iBangga. */
  readonly ibangga: number | null;
  /** Null for the kampung's first assessment. */
  readonly change: Change | null;
  /** The status as written at the previous assessment, when its level (or text) differs from this round's; `""` when it had none; else null. */
  readonly statusFrom: string | null;
  /** Domains that fell by DOMAIN_FALL or more since the previous assessment, framework order. */
  readonly fell: readonly DomainKey[];
}

export interface KampungTrend {
  readonly name: string;
  readonly region: Region;
  readonly history: readonly HistoryEntry[];
}

export interface RoundStats {
  readonly round: string;
  /** All kampung of the round. */
  readonly all: GroupStats;
  readonly statusGroups: StatusGroups;
  readonly regions: Regions;
}

export interface Trend {
  readonly rounds: readonly Round[];
  /** Index in `rounds` of the current round. */
  readonly current: number;
  /** Every kampung of every round: those of the current round first, in its row order. */
  readonly kampung: readonly KampungTrend[];
  /** Per round, in round order. */
  readonly perRound: readonly RoundStats[];
}

/** The iBangga composite under the chosen weights (as the summary ranks it). */
export function chosenIbangga(k: KampungResult, weightsName: string): number | null {
  const ib = k.ibangga;
  if (!ib) return null;
  if (weightsName === "custom") return ib.custom ?? null;
  return weightsName === "kemandirian-sentral" ? ib.kemandirianSentral : ib.setara;
}

/** The identity of a kampung across rounds: name and region, case ignored (as duplicates). */
export function kampungKey(name: string, region: Region): string {
  return `${name}|${region.desa ?? ""}|${region.kecamatan ?? ""}|${region.kabupaten ?? ""}|${region.provinsi ?? ""}`.toLowerCase();
}

/**
 * The trend of every kampung over the rounds. `assessments[i]` belongs to round
 * `rounds.of[i]`; a kampung twice in one round (a duplicate, reported by the reader) counts
 * with its first row there.
 */
export function buildTrend(
  assessments: readonly Assessment[],
  rounds: Rounds,
  current: number,
  weights: Weights
): Trend {
  const byRound: Assessment[][] = rounds.list.map(() => []);
  assessments.forEach((a, i) => byRound[rounds.of[i]].push(a));
  const scored = byRound.map((list) => scoreAll(list, weights, []).kampung);
  const weightsName = weights.name;

  const perRound = scored.map((kampung, r) => ({
    round: rounds.list[r].label,
    all: allStats(kampung, weightsName),
    statusGroups: statusGroups(
      kampung,
      kampung.map((k) => normaliseStatus(k.status)),
      weightsName
    ),
    regions: regionGroups(kampung, weightsName),
  }));

  // Kampung in order: the current round's first, then those of the other rounds, latest first.
  const order = [current, ...rounds.list.map((_, r) => rounds.list.length - 1 - r)].filter(
    (r, i, all) => all.indexOf(r) === i
  );
  const entries = new Map<string, { name: string; region: Region; at: (KampungResult | null)[] }>();
  for (const r of order) {
    for (const k of scored[r]) {
      const key = kampungKey(k.name, k.region);
      let entry = entries.get(key);
      if (!entry) {
        entry = { name: k.name, region: k.region, at: rounds.list.map(() => null) };
        entries.set(key, entry);
      }
      entry.at[r] ??= k;
    }
  }

  const kampung: KampungTrend[] = [];
  for (const { name, region, at } of entries.values()) {
    const history: HistoryEntry[] = [];
    let previous: { k: KampungResult; round: Round } | null = null;
    at.forEach((k, r) => {
      if (!k) return;
      const round = rounds.list[r];
      history.push(historyEntry(k, r, round, previous, weightsName));
      previous = { k, round };
    });
    kampung.push({ name, region, history });
  }
  return { rounds: rounds.list, current, kampung, perRound };
}

function allStats(kampung: readonly KampungResult[], weightsName: string): GroupStats {
  const table = new StatsTable(1);
  for (const k of kampung) table.add(0, k);
  return table.result(0, statsShape(kampung, weightsName));
}

function historyEntry(
  k: KampungResult,
  roundIndex: number,
  round: Round,
  previous: { k: KampungResult; round: Round } | null,
  weightsName: string
): HistoryEntry {
  const ibangga = chosenIbangga(k, weightsName);
  let change: Change | null = null;
  let statusFrom: string | null = null;
  const fell: DomainKey[] = [];
  if (previous) {
    const before = previous.k;
    const domains = {} as Record<DomainKey, number | null>;
    for (const d of DOMAIN_KEYS) {
      const delta = scoreChange(k.domains[d], before.domains[d], DECIMALS.domain);
      domains[d] = delta;
      if (delta !== null && delta <= -DOMAIN_FALL) fell.push(d);
    }
    change = {
      since: previous.round.label,
      domains,
      composite: scoreChange(k.composite, before.composite, DECIMALS.composite),
      ibangga: scoreChange(ibangga, chosenIbangga(before, weightsName), DECIMALS.ibangga),
    };
    const now = statusName(k.status);
    const then = statusName(before.status);
    if (now !== then) statusFrom = before.status ?? "";
  }
  return {
    round: round.label,
    roundIndex,
    row: k.row,
    status: k.status,
    domains: k.domains,
    composite: k.composite,
    ibangga,
    change,
    statusFrom,
    fell,
  };
}

/** A status compared across rounds: its level when it names one, else its text, case-free. */
function statusName(text: string | null): string | null {
  const s = normaliseStatus(text);
  if (s.text === null) return null;
  return s.level ?? s.text.toLowerCase();
}

/**
 * The domain(s) that rose most and fell most since the previous assessment: ties all listed in
 * framework order; empty when none rose (or fell), or there is no previous assessment.
 */
export function mostChanged(change: Change | null): {
  readonly up: readonly DomainKey[];
  readonly down: readonly DomainKey[];
} {
  if (!change) return { up: [], down: [] };
  const deltas = DOMAIN_KEYS.map((d) => change.domains[d]);
  const known = deltas.filter((x): x is number => x !== null);
  const top = Math.max(...known);
  const bottom = Math.min(...known);
  return {
    up: top > 0 ? DOMAIN_KEYS.filter((d) => change.domains[d] === top) : [],
    down: bottom < 0 ? DOMAIN_KEYS.filter((d) => change.domains[d] === bottom) : [],
  };
}
