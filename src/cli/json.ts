/** The `--json` results, shaped exactly as DESIGN's CLI contract (null where not computed). */
import { KampungResult, Results } from "../engine/assessment";
import { Issue } from "../engine/issues";

export interface JsonResults {
  readonly method: string;
  readonly weights: { readonly name: string; readonly values: readonly number[] };
  readonly kampung: readonly ReturnType<typeof kampungJson>[];
  readonly issues: readonly Issue[];
}

function kampungJson(k: KampungResult) {
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
  };
}

export function resultsJson(results: Results): JsonResults {
  return {
    method: results.method,
    weights: { name: results.weights.name, values: [...results.weights.values] },
    kampung: results.kampung.map(kampungJson),
    issues: results.issues.map((i) => ({
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      kampung: i.kampung,
      field: i.field,
      code: i.code,
      message: i.message,
    })),
  };
}
