/**
 * One kampung's assessment (what the reader found) and its scores (what the method gives).
 */
import { convergenceScores } from "./convergence";
import {
  BandKey,
  DIMENSION_KEYS,
  DimensionKey,
  DOMAINS,
  DomainKey,
  METHOD_VERSION,
} from "./framework";
import { ibanggaBand, ibanggaComposite, KEMANDIRIAN_SENTRAL, SETARA, Weights } from "./ibangga";
import { Issue } from "./issues";

export interface Region {
  readonly desa: string | null;
  readonly kecamatan: string | null;
  readonly kabupaten: string | null;
  readonly provinsi: string | null;
}

export interface Assessment {
  /** 1-based row of the sheet the kampung was read from. */
  readonly row: number;
  readonly name: string;
  /** The status as written (trimmed), or null. */
  readonly status: string | null;
  readonly region: Region;
  readonly date: Date | null;
  /** The 15 sub-indicator values in framework order; null where missing or unreadable. */
  readonly sub: readonly (number | null)[];
  /** The 3 dimension scores (computed from sub-indicator columns when those were given), or null when the sheet has no iBangga part. */
  readonly dimensions: readonly (number | null)[] | null;
}

export type Subscores = Record<DomainKey, Record<string, number | null>>;

export interface IbanggaResult {
  readonly ketenteraman: number | null;
  readonly kemandirian: number | null;
  readonly kebahagiaan: number | null;
  readonly setara: number | null;
  readonly kemandirianSentral: number | null;
  /** Present when the user chose custom weights. */
  readonly custom?: number | null;
  /** Band of the composite under the chosen weights. */
  readonly band: BandKey | null;
  /** True when a dimension was missing and the weights were renormalised. */
  readonly renormalised: boolean;
}

export interface KampungResult {
  readonly row: number;
  readonly name: string;
  readonly status: string | null;
  readonly region: Region;
  readonly subscores: Subscores;
  readonly domains: Record<DomainKey, number | null>;
  readonly composite: number | null;
  readonly ibangga: IbanggaResult | null;
}

export interface Results {
  readonly method: string;
  readonly weights: { readonly name: string; readonly values: readonly number[] };
  readonly kampung: readonly KampungResult[];
  readonly issues: readonly Issue[];
}

export function scoreAssessment(a: Assessment, weights: Weights): KampungResult {
  const { domains, composite } = convergenceScores(a.sub);
  const subscores = {} as Subscores;
  const domainRecord = {} as Record<DomainKey, number | null>;
  DOMAINS.forEach((domain, d) => {
    const subs: Record<string, number | null> = {};
    domain.subIndicators.forEach((s, i) => (subs[s.key] = a.sub[d * 3 + i]));
    subscores[domain.key] = subs;
    domainRecord[domain.key] = domains[d];
  });
  return {
    row: a.row,
    name: a.name,
    status: a.status,
    region: a.region,
    subscores,
    domains: domainRecord,
    composite,
    ibangga: a.dimensions ? scoreIbangga(a.dimensions, weights) : null,
  };
}

export function scoreIbangga(
  dimensions: readonly (number | null)[],
  weights: Weights
): IbanggaResult {
  const setara = ibanggaComposite(dimensions, SETARA);
  const sentral = ibanggaComposite(dimensions, KEMANDIRIAN_SENTRAL);
  const custom = weights.name === "custom" ? ibanggaComposite(dimensions, weights) : undefined;
  const chosen = custom ?? (weights.name === "kemandirian-sentral" ? sentral : setara);
  const dims = {} as Record<DimensionKey, number | null>;
  DIMENSION_KEYS.forEach((key, i) => (dims[key] = dimensions[i] ?? null));
  return {
    ...dims,
    setara: setara.value,
    kemandirianSentral: sentral.value,
    ...(custom ? { custom: custom.value } : {}),
    band: chosen.value === null ? null : ibanggaBand(chosen.value),
    renormalised: setara.renormalised,
  };
}

export function scoreAll(
  assessments: readonly Assessment[],
  weights: Weights,
  issues: readonly Issue[]
): Results {
  return {
    method: METHOD_VERSION,
    weights: { name: weights.name, values: [...weights.values] },
    kampung: assessments.map((a) => scoreAssessment(a, weights)),
    issues,
  };
}
