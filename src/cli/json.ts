/** The `--json` results, shaped exactly as DESIGN's CLI contract (null where not computed). */
import { AnalysisResult, KampungAnalysis } from "../engine/analysis";
import { KampungResult, Results } from "../engine/assessment";
import { Issue } from "../engine/issues";
import { Association } from "../engine/association";
import { UncertaintyResult } from "../engine/uncertainty";
import { HistoryEntry, KampungTrend, Trend } from "../engine/trend";
import { latestDated, Round } from "../engine/rounds";
import { MadeList } from "../workbook/made-list";

export interface JsonResults {
  readonly method: string;
  readonly weights: { readonly name: string; readonly values: readonly number[] };
  readonly kampung: MadeList<ReturnType<typeof kampungJson>>;
  readonly issues: readonly Issue[];
  /** Additive: status groups, regions, rank sensitivity, evidence coverage. */
  readonly analysis?: ReturnType<typeof analysisJson> & {
    readonly uncertainty?: ReturnType<typeof uncertaintyJson>;
  };
  /** Additive, only for a file of several rounds: the rounds in time order, with counts. */
  readonly rounds?: readonly ReturnType<typeof roundJson>[];
  /** Additive, with `rounds`: per-round means, and the kampung not in the current round. */
  readonly trend?: ReturnType<typeof trendJson>;
}

function roundJson(trend: Trend, index: number) {
  return roundOfList(trend.rounds, index, trend.current);
}

/**
 * The JSON's `rounds` from a read's rounds (`kkb periksa --json`, which builds no trend):
 * in time order, the current one (the latest that can be placed in time) marked.
 */
export function roundsJson(rounds: readonly Round[]) {
  const current = latestDated(rounds);
  return rounds.map((_, i) => roundOfList(rounds, i, current));
}

function roundOfList(rounds: readonly Round[], index: number, current: number) {
  const r = rounds[index];
  return {
    label: r.label,
    key: r.key,
    first: r.first === null ? null : isoDayOf(r.first),
    last: r.last === null ? null : isoDayOf(r.last),
    count: r.count,
    current: index === current,
  };
}

function isoDayOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function historyJson(h: HistoryEntry) {
  return {
    round: h.round,
    row: h.row,
    status: h.status,
    domains: h.domains,
    composite: h.composite,
    ibangga: h.ibangga,
    change: h.change,
    statusFrom: h.statusFrom,
    fell: h.fell,
  };
}

function trendJson(trend: Trend) {
  const absent = trend.kampung.filter((k) => !k.roundIndexes.includes(trend.current));
  return {
    perRound: trend.perRound,
    notInCurrentRound: absent.map((k: KampungTrend) => ({
      name: k.name,
      region: k.region,
      history: k.history.map(historyJson),
    })),
  };
}

/** What `KKB Ketidakpastian` shows (issue 16): rank intervals per kampung in results order. */
export interface UncertaintyParts {
  readonly uncertainty: UncertaintyResult;
  readonly association: Association;
}

function uncertaintyJson({ uncertainty: u, association }: UncertaintyParts) {
  return {
    runs: u.options.runs,
    seed: u.options.seed,
    generator: u.generator,
    options: u.options,
    composite: u.composite,
    ibangga: u.ibangga,
    sensitivity: u.sensitivity,
    association,
  };
}

/** Additive per-kampung fields of the analysis (issue 6), after the contract's fields. */
function kampungAnalysisJson(a: KampungAnalysis) {
  return {
    statusLevel: a.status.level,
    rank: a.ranks.composite,
    ibanggaRanks: a.ranks.ibangga,
    weakest: a.weakest,
    statusCheck: a.statusCheck,
    evidence: a.evidence,
    /** Issue 15: ranks of the composite and each domain within kecamatan, kabupaten/kota, provinsi. */
    regionRanks: a.regionRanks,
    /** Issue 15: scored sub-indicators without valid evidence (null without an evidence sheet). */
    uncoveredEvidence: a.uncoveredEvidence,
  };
}

function analysisJson(analysis: AnalysisResult) {
  return {
    statusGroups: analysis.statusGroups,
    regions: analysis.regions,
    sensitivity: analysis.sensitivity,
    evidence: analysis.evidence,
  };
}

function kampungJson(
  k: KampungResult,
  a: KampungAnalysis | undefined,
  history: readonly HistoryEntry[] | undefined
) {
  const ib = k.ibangga;
  return {
    row: k.row,
    name: k.name,
    status: k.status,
    region: {
      desa: k.region.desa,
      kecamatan: k.region.kecamatan,
      kabupaten: k.region.kabupaten,
      provinsi: k.region.provinsi,
    },
    subscores: k.subscores,
    domains: k.domains,
    composite: k.composite,
    ibangga: ib
      ? {
          ketenteraman: ib.ketenteraman,
          kemandirian: ib.kemandirian,
          kebahagiaan: ib.kebahagiaan,
          setara: ib.setara,
          kemandirianSentral: ib.kemandirianSentral,
          ...(ib.custom !== undefined ? { custom: ib.custom } : {}),
          band: ib.band,
        }
      : null,
    ...(a ? kampungAnalysisJson(a) : {}),
    ...(history ? { history: history.map(historyJson) } : {}),
  };
}

/**
 * Per kampung of the current round (by its index in `results.kampung`, the current round's
 * results in row order as `buildSummary` gives them), its history up to and including the
 * current round, made when asked for: the JSON is written one kampung at a time, so no more
 * than one history is held (the national workbook in four rounds has 337,104 assessments).
 * Throws RangeError when `results` are not the trend's current round.
 */
function histories(results: Results, trend: Trend): (i: number) => readonly HistoryEntry[] {
  // The trend's own index of the current round's rows, not each kampung's identity key made
  // again and looked up: about 0.5 s less CPU for four national rounds (168,552 keys).
  const at = trend.currentKampung;
  if (at.length !== results.kampung.length) {
    throw new RangeError(
      `expected ${at.length} kampung of the current round, got ${results.kampung.length}`
    );
  }
  return (i) => {
    const k = trend.kampung[at[i]];
    const rounds = k.roundIndexes;
    const history: HistoryEntry[] = [];
    for (let j = 0; j < rounds.length && rounds[j] <= trend.current; j++)
      history.push(k.historyAt(j));
    return history;
  };
}

export function resultsJson(
  results: Results,
  analysis?: AnalysisResult,
  trend?: Trend | null,
  uncertainty?: UncertaintyParts
): JsonResults {
  const history = trend ? histories(results, trend) : null;
  return {
    method: results.method,
    weights: { name: results.weights.name, values: [...results.weights.values] },
    kampung: new MadeList(results.kampung.length, (i) =>
      kampungJson(results.kampung[i], analysis?.kampung[i], history?.(i))
    ),
    issues: results.issues.map((i) => ({
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      kampung: i.kampung,
      field: i.field,
      code: i.code,
      message: i.message,
    })),
    ...(analysis
      ? {
          analysis: {
            ...analysisJson(analysis),
            ...(uncertainty ? { uncertainty: uncertaintyJson(uncertainty) } : {}),
          },
        }
      : {}),
    ...(trend
      ? { rounds: trend.rounds.map((_, i) => roundJson(trend, i)), trend: trendJson(trend) }
      : {}),
  };
}
