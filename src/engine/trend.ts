/**
 * What changed across assessment rounds: each kampung's scores in every round it was assessed,
 * the change since its previous assessment (signed, rounded as the method rounds the scores:
 * METHOD.md, "Rounding"), the rounds in which its status changed, the domains that fell by half
 * a rubric step or more, and the status-group and regional means of every round.
 */
import { Assessment, KampungResult, Region, scoreAll } from "./assessment";
import { scoreChange } from "./change";
import { GroupStats, nameKey, StatsTable, statsShape } from "./group-stats";
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
  /** Made when read (from typed arrays): take it once per kampung. */
  readonly history: readonly HistoryEntry[];
  /** The rounds it was assessed in (indexes into `Trend.rounds`), in order; no entry made. */
  readonly roundIndexes: readonly number[];
  /** Its j-th assessment in round order, as `history[j]`, made alone. */
  historyAt(j: number): HistoryEntry;
}

/** A kampung's trend as the JSON has it. */
export interface KampungTrendJson {
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
  /**
   * Per row of the current round, in row order (as the summary's results list them), the index
   * of its kampung in `kampung`; a duplicate row has a kampung of its own (see buildTrend).
   */
  readonly currentKampung: Int32Array;
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

/** The identity of a kampung across rounds: name and region as `identityKeyOf` compares them. */
export function kampungKey(name: string, region: Region): string {
  return identityKeyOf(name, region.desa, region.kecamatan, region.kabupaten, region.provinsi);
}

/**
 * The identity of a kampung row: its name and region with case ignored and every run of
 * spaces (a non-breaking space copied from a web page or a chat, two spaces typed) as one, as
 * regions are grouped (group-stats.ts `nameKey`). Two rows with the same key in one round are
 * a duplicate; in different rounds, the kampung's history.
 */
export function identityKeyOf(
  name: string,
  desa: string | null,
  kecamatan: string | null,
  kabupaten: string | null,
  provinsi: string | null
): string {
  // Joined by U+0000, which no cell of a workbook can hold: `A|B` + `C` is not `A` + `B|C`.
  return nameKey(
    `${name}\u0000${desa ?? ""}\u0000${kecamatan ?? ""}\u0000${kabupaten ?? ""}\u0000${provinsi ?? ""}`
  );
}

/** Per kept assessment: the five domains, the composite and the chosen iBangga (NaN: none). */
const VALUES = DOMAIN_KEYS.length + 2;
const COMPOSITE = DOMAIN_KEYS.length;
const IBANGGA = DOMAIN_KEYS.length + 1;

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The scores of every assessment the trend keeps, in typed arrays (no KampungResult held):
 * about 70 bytes an assessment, where the history as objects took some 650 (221 MB for the
 * national workbook in four rounds).
 */
class TrendStore {
  private readonly roundIndex: Int32Array;
  private readonly row: Int32Array;
  private readonly status: (string | null)[];
  private readonly values: Float64Array;
  /** `statusName` per status text: a file holds a handful of them. */
  private readonly statusNames = new Map<string | null, string | null>();
  private size = 0;

  /** Room for `capacity` assessments (all of them, at most). */
  constructor(
    readonly rounds: readonly Round[],
    private readonly weightsName: string,
    capacity: number
  ) {
    this.roundIndex = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.status = new Array<string | null>(capacity).fill(null);
    this.values = new Float64Array(capacity * VALUES);
  }

  add(k: KampungResult, roundIndex: number): number {
    const at = this.size++;
    this.roundIndex[at] = roundIndex;
    this.row[at] = k.row;
    this.status[at] = k.status;
    const base = at * VALUES;
    DOMAIN_KEYS.forEach((d, i) => (this.values[base + i] = k.domains[d] ?? NaN));
    this.values[base + COMPOSITE] = k.composite ?? NaN;
    this.values[base + IBANGGA] = chosenIbangga(k, this.weightsName) ?? NaN;
    return at;
  }

  value(entry: number, slot: number): number | null {
    return orNull(this.values[entry * VALUES + slot]);
  }

  domains(entry: number): Record<DomainKey, number | null> {
    const domains = {} as Record<DomainKey, number | null>;
    DOMAIN_KEYS.forEach((d, i) => (domains[d] = this.value(entry, i)));
    return domains;
  }

  /** A kampung's history from its entries in round order (METHOD.md, "Rounding" for changes). */
  history(entries: readonly number[]): HistoryEntry[] {
    let previous = -1;
    return entries.map((e) => {
      const entry = this.entry(e, previous);
      previous = e;
      return entry;
    });
  }

  /** `statusName` of a status text, worked out once per distinct text. */
  private statusNameOf(text: string | null): string | null {
    let name = this.statusNames.get(text);
    if (name === undefined) {
      name = statusName(text);
      this.statusNames.set(text, name);
    }
    return name;
  }

  roundOf(entry: number): number {
    return this.roundIndex[entry];
  }

  /** Entry `e` against the kampung's assessment before it (`before`; -1 for its first). */
  entry(e: number, before: number): HistoryEntry {
    const domains = this.domains(e);
    let change: Change | null = null;
    let statusFrom: string | null = null;
    const fell: DomainKey[] = [];
    if (before >= 0) {
      const deltas = {} as Record<DomainKey, number | null>;
      DOMAIN_KEYS.forEach((d, i) => {
        const delta = scoreChange(domains[d], this.value(before, i), DECIMALS.domain);
        deltas[d] = delta;
        if (delta !== null && delta <= -DOMAIN_FALL) fell.push(d);
      });
      change = {
        since: this.rounds[this.roundIndex[before]].label,
        domains: deltas,
        composite: scoreChange(
          this.value(e, COMPOSITE),
          this.value(before, COMPOSITE),
          DECIMALS.composite
        ),
        ibangga: scoreChange(this.value(e, IBANGGA), this.value(before, IBANGGA), DECIMALS.ibangga),
      };
      if (this.statusNameOf(this.status[e]) !== this.statusNameOf(this.status[before]))
        statusFrom = this.status[before] ?? "";
    }
    const roundIndex = this.roundIndex[e];
    return {
      round: this.rounds[roundIndex].label,
      roundIndex,
      row: this.row[e],
      status: this.status[e],
      domains,
      composite: this.value(e, COMPOSITE),
      ibangga: this.value(e, IBANGGA),
      change,
      statusFrom,
      fell,
    };
  }
}

/** A kampung across the rounds; its history is made from the store when read. */
class StoredKampungTrend implements KampungTrend {
  constructor(
    readonly name: string,
    readonly region: Region,
    private readonly store: TrendStore,
    /** Its entries in the store, in round order. */
    private readonly entries: readonly number[]
  ) {}

  get history(): HistoryEntry[] {
    return this.store.history(this.entries);
  }

  get roundIndexes(): number[] {
    return this.entries.map((e) => this.store.roundOf(e));
  }

  historyAt(j: number): HistoryEntry {
    return this.store.entry(this.entries[j], j > 0 ? this.entries[j - 1] : -1);
  }

  toJSON(): KampungTrendJson {
    return { name: this.name, region: this.region, history: this.history };
  }
}

/**
 * The trend of every kampung over the rounds. `assessments[i]` belongs to round
 * `rounds.of[i]`; a kampung twice in one round (a duplicate, reported by the reader) counts
 * with its first row there, but in the current round each such row is a kampung of its own, with
 * the first row's history in the earlier rounds and its own scores and change in this one. Rounds are scored one at a time and only their scores kept;
 * `currentScored`, when given, is the current round already scored (`scoreAll` of its
 * assessments in order, as the summary has it), not scored again; `currentGroups`, given with
 * it, its status groups and regions as the summary's analysis has them, not grouped again.
 */
export function buildTrend(
  assessments: readonly Assessment[],
  rounds: Rounds,
  current: number,
  weights: Weights,
  currentScored?: readonly KampungResult[],
  currentGroups?: { readonly statusGroups: StatusGroups; readonly regions: Regions }
): Trend {
  const byRound: Assessment[][] = rounds.list.map(() => []);
  assessments.forEach((a, i) => byRound[rounds.of[i]].push(a));
  const weightsName = weights.name;
  const store = new TrendStore(rounds.list, weightsName, assessments.length);
  const perRound: RoundStats[] = new Array<RoundStats>(rounds.list.length);

  // Kampung in order: the current round's first, then those of the other rounds, latest first.
  const order = [current, ...rounds.list.map((_, r) => rounds.list.length - 1 - r)].filter(
    (r, i, all) => all.indexOf(r) === i
  );
  const R = rounds.list.length;
  const found = new Map<string, number>();
  const identities: { name: string; region: Region }[] = [];
  // Per kampung and round, its entry in the store (-1: not assessed then).
  const slots: number[] = [];
  // Rows of the current round whose kampung it already had: [their own kampung, the first's].
  const twins: [number, number][] = [];
  let currentKampung = new Int32Array(0);
  for (const r of order) {
    const scored = r === current && sameRows(currentScored, byRound[r]);
    const kampung = scored ? currentScored! : scoreAll(byRound[r], weights, []).kampung;
    // The current round's groups as the analysis has them, not made again: about 0.25 s less
    // for four national rounds (84,276 kampung grouped by status and region).
    const groups = scored ? currentGroups : undefined;
    perRound[r] = {
      round: rounds.list[r].label,
      all: allStats(kampung, weightsName),
      statusGroups:
        groups?.statusGroups ??
        statusGroups(
          kampung,
          kampung.map((k) => normaliseStatus(k.status)),
          weightsName
        ),
      regions: groups?.regions ?? regionGroups(kampung, weightsName),
    };
    if (r === current) currentKampung = new Int32Array(kampung.length);
    for (let row = 0; row < kampung.length; row++) {
      const k = kampung[row];
      const key = kampungKey(k.name, k.region);
      let n = found.get(key);
      if (n === undefined) {
        n = identities.length;
        found.set(key, n);
        identities.push({ name: k.name, region: k.region });
        for (let i = 0; i < R; i++) slots.push(-1);
      }
      if (slots[n * R + r] < 0) slots[n * R + r] = store.add(k, r);
      else if (r === current) {
        // The same kampung twice in the current round (a duplicate, said by the reader): the
        // second row is a kampung of its own here, its history the first's in the earlier
        // rounds and its own scores in this one, so that its change is its own.
        const twin = identities.length;
        identities.push({ name: k.name, region: k.region });
        for (let i = 0; i < R; i++) slots.push(-1);
        slots[twin * R + r] = store.add(k, r);
        twins.push([twin, n]);
        n = twin;
      }
      if (r === current) currentKampung[row] = n;
    }
  }
  // A twin's earlier rounds are its first row's, known once every round is in. Not the later
  // ones (--periode picked an earlier round): the change there is since the first row's scores.
  for (const [twin, first] of twins)
    for (let i = 0; i < current; i++) slots[twin * R + i] = slots[first * R + i];

  const kampung = identities.map(({ name, region }, n) => {
    const entries: number[] = [];
    for (let r = 0; r < R; r++) if (slots[n * R + r] >= 0) entries.push(slots[n * R + r]);
    return new StoredKampungTrend(name, region, store, entries);
  });
  return { rounds: rounds.list, current, kampung, currentKampung, perRound };
}

/** True when `scored` are the results of `assessments`, row for row. */
function sameRows(
  scored: readonly KampungResult[] | undefined,
  assessments: readonly Assessment[]
): boolean {
  return (
    scored !== undefined &&
    scored.length === assessments.length &&
    scored.every((k, i) => k.row === assessments[i].row)
  );
}

function allStats(kampung: readonly KampungResult[], weightsName: string): GroupStats {
  const table = new StatsTable(1);
  for (const k of kampung) table.add(0, k);
  return table.result(0, statsShape(kampung, weightsName));
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
