/**
 * From scores to decisions: status groups, regions, ranks and their sensitivity to the iBangga
 * weights, the status check, the weakest domains with the study's next steps, and the audit
 * trail. Pure: the caller gives the results, the assessments, the evidence rows and a way to
 * address cells; it gets back JSON-friendly data (null, never 0, for what cannot be computed)
 * and the issues found.
 */
import { Assessment, Results } from "./assessment";
import { checkEvidence, EvidenceCheckOptions, EvidenceCoverage } from "./evidence-check";
import { EvidenceRecord } from "./evidence";
import { DOMAINS, DomainKey, RUBRIC_MAX } from "./framework";
import { Issue, makeIssue } from "./issues";
import { KampungRanks, rankResults, Ranks, RankSensitivity } from "./ranks";
import { Regions, regionGroups } from "./regions";
import { LevelRanks, RankLevel, RegionRankTable, RegionRanks } from "./region-ranks";
import {
  isUnknownStatus,
  normaliseStatuses,
  NormalisedStatus,
  StatusFlag,
  statusCheck,
  statusGroups,
  StatusGroups,
} from "./status";

export { normaliseStatus, statusGroups, statusCheck, median, levelIndex } from "./status";
export type {
  NormalisedStatus,
  StatusFlag,
  StatusGroup,
  StatusGroups,
  StatusSpread,
} from "./status";
export { competitionRanks, rankResults, rankShift } from "./ranks";
export type { IbanggaRanks, KampungRanks, RankSensitivity, Ranks, ShiftSummary } from "./ranks";
export { regionGroups } from "./regions";
export { RANK_LEVELS } from "./region-ranks";
export type { LevelRanks, RankLevel, RegionRanks } from "./region-ranks";
export type { RegionGroup, RegionLevel, Regions } from "./regions";
export {
  checkEvidence,
  evidenceTiming,
  subtractMonthsUtc,
  utcDayNumber,
  isoDay,
} from "./evidence-check";
export type {
  EvidenceAudit,
  EvidenceCheckOptions,
  EvidenceColumn,
  EvidenceCoverage,
  EvidenceTiming,
} from "./evidence-check";
export type { GroupStats, IbanggaStats, Stat } from "./group-stats";

export interface NextStep {
  readonly domain: DomainKey;
  /** The study's recommendation for the domain, in Indonesian and in English. */
  readonly id: string;
  readonly en: string;
}

export interface WeakestDomains {
  /** The lowest domain(s), ties all listed, in framework order; empty when a domain is missing or all are at 2.0. */
  readonly domains: readonly DomainKey[];
  /** The lowest domain score, or null when a domain is missing. */
  readonly score: number | null;
  /** The next step for each of `domains`, in the same order. */
  readonly nextSteps: readonly NextStep[];
}

/**
 * A kampung's lowest domain(s) and the study's next step for each. Nothing when any domain
 * is missing (the missing one might be the weakest), nor when every domain is at the top of
 * the scale (2.0: nothing left to strengthen).
 */
export function weakestDomains(
  domains: Readonly<Record<DomainKey, number | null>>
): WeakestDomains {
  let lowest = Infinity;
  for (const d of DOMAINS) {
    const v = domains[d.key];
    if (v === null || v === undefined) return NO_WEAKEST;
    if (v < lowest) lowest = v;
  }
  if (lowest >= RUBRIC_MAX) return weakestOf(0, lowest);
  let mask = 0;
  DOMAINS.forEach((d, i) => {
    if (domains[d.key] === lowest) mask |= 1 << i;
  });
  return weakestOf(mask, lowest);
}

const NO_WEAKEST: WeakestDomains = Object.freeze({ domains: [], score: null, nextSteps: [] });

/**
 * The weakest domains of each set (a bit mask, 0 for none) at each lowest score, made once and
 * shared (read-only): domain scores have one decimal, so a file holds a few hundred of them,
 * where one per kampung was 3 MB of a national summary's heap. Bounded for odd scores.
 */
const WEAKEST = new Map<string, WeakestDomains>();
const WEAKEST_MAX = 4096;

function weakestOf(mask: number, lowest: number): WeakestDomains {
  const key = `${mask}:${lowest}`;
  let weakest = WEAKEST.get(key);
  if (!weakest) {
    const { keys, nextSteps } = mask === 0 ? { keys: [], nextSteps: [] } : weakestSet(mask);
    weakest = Object.freeze({ domains: keys, score: lowest, nextSteps });
    if (WEAKEST.size < WEAKEST_MAX) WEAKEST.set(key, weakest);
  }
  return weakest;
}

// The domain keys and next steps of each set of weakest domains (a bit mask in framework
// order), built once: at most 31 sets, shared by every kampung (read-only).
const WEAKEST_SETS = new Map<
  number,
  { keys: readonly DomainKey[]; nextSteps: readonly NextStep[] }
>();

function weakestSet(mask: number): { keys: readonly DomainKey[]; nextSteps: readonly NextStep[] } {
  let set = WEAKEST_SETS.get(mask);
  if (!set) {
    const weakest = DOMAINS.filter((_, i) => mask & (1 << i));
    set = {
      keys: Object.freeze(weakest.map((d) => d.key)),
      nextSteps: Object.freeze(
        weakest.map((d) => Object.freeze({ domain: d.key, id: d.nextStep.id, en: d.nextStep.en }))
      ),
    };
    WEAKEST_SETS.set(mask, set);
  }
  return set;
}

/** What the analysis adds to one kampung (same order as `results.kampung`). */
export interface KampungAnalysis {
  readonly row: number;
  readonly name: string;
  /** The status level recognised (case- and space-free) and the text as written. */
  readonly status: NormalisedStatus;
  readonly ranks: KampungRanks;
  readonly weakest: WeakestDomains;
  /** Status-check flags (usually none). */
  readonly statusCheck: readonly StatusFlag[];
  /** Evidence coverage; null when no evidence sheet was given. */
  readonly evidence: EvidenceCoverage | null;
  /** Keys of the scored sub-indicators without valid evidence; null without an evidence sheet. */
  readonly uncoveredEvidence: readonly string[] | null;
  /** Ranks within the kampung's kecamatan, kabupaten/kota and provinsi (region-ranks.ts). */
  readonly regionRanks: RegionRanks;
  /** The ranks within one of them: `regionRanks[level]` without making the other two. */
  regionRank(level: RankLevel): LevelRanks | null;
}

export interface AnalysisResult {
  readonly kampung: readonly KampungAnalysis[];
  readonly statusGroups: StatusGroups;
  readonly regions: Regions;
  /** How much the iBangga ranks move between weightings; null without iBangga. */
  readonly sensitivity: RankSensitivity | null;
  readonly evidence: {
    readonly given: boolean;
    /** All kampung together; null when no evidence sheet was given. */
    readonly total: EvidenceCoverage | null;
  };
  /** STATUS_UNKNOWN, STATUS_INCONSISTENT and the evidence issues, in that order. */
  readonly issues: readonly Issue[];
}

export type AnalysisOptions = EvidenceCheckOptions;

/**
 * One kampung's analysis. Its ranks and region ranks are made from compact tables when read:
 * held as objects they took 8 MB and 61 MB of the national workbook's heap (ranks.ts,
 * RegionRankTable). Written as JSON, it is the plain record with `ranks` and `regionRanks`.
 */
class KampungAnalysisEntry implements KampungAnalysis {
  readonly row: number;
  readonly name: string;
  readonly status: NormalisedStatus;
  readonly weakest: WeakestDomains;
  readonly statusCheck: readonly StatusFlag[];
  readonly evidence: EvidenceCoverage | null;
  readonly uncoveredEvidence: readonly string[] | null;
  readonly #table: RegionRankTable;
  readonly #ranks: Ranks;
  readonly #index: number;

  constructor(
    fields: Omit<KampungAnalysis, "regionRanks" | "regionRank" | "ranks">,
    table: RegionRankTable,
    ranks: Ranks,
    index: number
  ) {
    this.row = fields.row;
    this.name = fields.name;
    this.status = fields.status;
    this.weakest = fields.weakest;
    this.statusCheck = fields.statusCheck;
    this.evidence = fields.evidence;
    this.uncoveredEvidence = fields.uncoveredEvidence;
    this.#table = table;
    this.#ranks = ranks;
    this.#index = index;
  }

  get ranks(): KampungRanks {
    return this.#ranks.at(this.#index);
  }

  get regionRanks(): RegionRanks {
    return this.#table.at(this.#index);
  }

  regionRank(level: RankLevel): LevelRanks | null {
    return this.#table.level(this.#index, level);
  }

  toJSON(): Omit<KampungAnalysis, "regionRank"> {
    return {
      row: this.row,
      name: this.name,
      status: this.status,
      ranks: this.ranks,
      weakest: this.weakest,
      statusCheck: this.statusCheck,
      evidence: this.evidence,
      uncoveredEvidence: this.uncoveredEvidence,
      regionRanks: this.regionRanks,
    };
  }
}

/**
 * The whole analysis. `assessments[i]` must be the assessment `results.kampung[i]` was scored
 * from (as `scoreAll` returns them).
 */
export function buildAnalysis(
  results: Results,
  assessments: readonly Assessment[],
  evidence: readonly EvidenceRecord[] | null,
  options: AnalysisOptions
): AnalysisResult {
  const kampung = results.kampung;
  if (assessments.length !== kampung.length) {
    throw new RangeError(`expected ${kampung.length} assessments, got ${assessments.length}`);
  }
  const { lang, sheet, cellOf } = options;
  const weightsName = results.weights.name;
  const statuses = normaliseStatuses(kampung);
  const groups = statusGroups(kampung, statuses, weightsName);
  const flags = statusCheck(kampung, statuses);
  const ranks = rankResults(kampung, weightsName);
  const audit = checkEvidence(assessments, evidence, options);
  const inRegions = new RegionRankTable(kampung);

  const issues: Issue[] = [];
  kampung.forEach((k, i) => {
    const s = statuses[i];
    if (isUnknownStatus(s)) {
      issues.push(
        makeIssue(
          "STATUS_UNKNOWN",
          { sheet, cell: cellOf(k.row, "status"), kampung: k.name, field: "status" },
          { value: s.text ?? "" },
          lang
        )
      );
    }
  });
  kampung.forEach((k, i) => {
    for (const f of flags[i]) {
      issues.push(
        makeIssue(
          "STATUS_INCONSISTENT",
          { sheet, cell: cellOf(k.row, "status"), kampung: k.name, field: "status" },
          {
            value: statuses[i].text ?? f.declared,
            other: f.comparedWith,
            score: f.composite,
            reference: f.median,
            direction: f.direction,
          },
          lang
        )
      );
    }
  });
  // A loop, not push(...): hundreds of thousands of evidence issues would overflow the stack.
  for (const issue of audit.issues) issues.push(issue);

  return {
    kampung: kampung.map(
      (k, i) =>
        new KampungAnalysisEntry(
          {
            row: k.row,
            name: k.name,
            status: statuses[i],
            weakest: weakestDomains(k.domains),
            statusCheck: flags[i],
            evidence: audit.coverage[i],
            uncoveredEvidence: audit.uncovered?.[i] ?? null,
          },
          inRegions,
          ranks,
          i
        )
    ),
    statusGroups: groups,
    regions: regionGroups(kampung, weightsName),
    sensitivity: ranks.sensitivity,
    evidence: { given: audit.given, total: audit.total },
    issues,
  };
}
