/** The `--json` results, shaped exactly as DESIGN's CLI contract (null where not computed). */
import { AnalysisResult, KampungAnalysis } from "../engine/analysis";
import { KampungResult, Results } from "../engine/assessment";
import { Issue } from "../engine/issues";
import { Association } from "../engine/association";
import { UncertaintyResult } from "../engine/uncertainty";

export interface JsonResults {
  readonly method: string;
  readonly weights: { readonly name: string; readonly values: readonly number[] };
  readonly kampung: readonly ReturnType<typeof kampungJson>[];
  readonly issues: readonly Issue[];
  /** Additive: status groups, regions, rank sensitivity, evidence coverage. */
  readonly analysis?: ReturnType<typeof analysisJson> & {
    readonly uncertainty?: ReturnType<typeof uncertaintyJson>;
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

function kampungJson(k: KampungResult, a: KampungAnalysis | undefined) {
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
  };
}

export function resultsJson(
  results: Results,
  analysis?: AnalysisResult,
  uncertainty?: UncertaintyParts
): JsonResults {
  return {
    method: results.method,
    weights: { name: results.weights.name, values: [...results.weights.values] },
    kampung: results.kampung.map((k, i) => kampungJson(k, analysis?.kampung[i])),
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
  };
}
