/**
 * One kampung's assessment (what the reader found) and its scores (what the method gives).
 */
import { domainScore3 } from "./convergence";
import { excelRound } from "./decimal";
import { BandKey, DECIMALS, DOMAIN_KEYS, DOMAINS, DomainKey, METHOD_VERSION } from "./framework";
import {
  hasMissingDimension,
  ibanggaBand,
  KEMANDIRIAN_SENTRAL,
  SETARA,
  weightedComposite,
  Weights,
} from "./ibangga";
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

const SUB_KEYS = DOMAINS.map((d) => d.subIndicators.map((s) => s.key));

/**
 * Rubric-step triples (0, 0.5, 1, 1.5, 2 each: 125 per domain) are scored once. Each has its
 * domain score and its subscores record, shared (and frozen) by every kampung with that triple:
 * a national workbook then allocates no record per domain. Other triples are scored per kampung.
 */
const TRIPLES = 125;

/** The triple's index in the tables, or -1 when a value is missing or not a rubric step. */
function tripleCode(a: number | null, b: number | null, c: number | null): number {
  const i = stepIndex(a);
  const j = stepIndex(b);
  const k = stepIndex(c);
  return i < 0 || j < 0 || k < 0 ? -1 : i * 25 + j * 5 + k;
}

/** 0, 0.5, 1, 1.5, 2 to 0..4; anything else (and -0, kept as given) to -1. */
function stepIndex(value: number | null): number {
  if (value === null || (value === 0 && 1 / value < 0)) return -1;
  const twice = value * 2;
  return twice >= 0 && twice <= 4 && Number.isInteger(twice) ? twice : -1;
}

const TRIPLE_SCORES: readonly number[] = Object.freeze(
  Array.from({ length: TRIPLES }, (_, code) => {
    const [a, b, c] = tripleValues(code);
    return excelRound((a + b + c) / 3, DECIMALS.domain);
  })
);

const TRIPLE_SUBSCORES: readonly (readonly Record<string, number | null>[])[] = SUB_KEYS.map(
  (keys) =>
    Array.from({ length: TRIPLES }, (_, code) =>
      Object.freeze(subscoreRecord(keys, ...tripleValues(code)))
    )
);

function tripleValues(code: number): [number, number, number] {
  return [Math.floor(code / 25) / 2, (Math.floor(code / 5) % 5) / 2, (code % 5) / 2];
}

function subscoreRecord(
  keys: readonly string[],
  a: number | null,
  b: number | null,
  c: number | null
): Record<string, number | null> {
  // Properties added in the same order share one hidden class: fast, unlike computed-key literals.
  const record: Record<string, number | null> = {};
  record[keys[0]] = a;
  record[keys[1]] = b;
  record[keys[2]] = c;
  return record;
}

/**
 * A record with one entry per domain, in framework order. Written as a literal, so every record
 * has one shape from the start (several times faster than adding the keys one by one); the
 * check below keeps it in step with DOMAINS.
 */
function byDomain<T>(v: readonly T[]): Record<DomainKey, T> {
  return {
    koordinasi: v[0],
    rujukan: v[1],
    interoperabilitas: v[2],
    umpanBalik: v[3],
    kader: v[4],
  };
}
if (
  Object.entries(byDomain(DOMAIN_KEYS)).some(
    ([key, value], d) => key !== value || key !== DOMAIN_KEYS[d]
  )
) {
  throw new Error("byDomain does not follow the order of DOMAINS");
}

// The subscores records and domain scores of the kampung being scored (reused: no allocation).
const subscoresScratch: Record<string, number | null>[] = new Array(DOMAINS.length);
const scoresScratch: (number | null)[] = new Array(DOMAINS.length);

export function scoreAssessment(a: Assessment, weights: Weights): KampungResult {
  const sub = a.sub;
  let domainSum = 0;
  let complete = true;
  for (let d = 0; d < DOMAINS.length; d++) {
    const x = sub[d * 3];
    const y = sub[d * 3 + 1];
    const z = sub[d * 3 + 2];
    const code = tripleCode(x, y, z);
    let score: number | null;
    if (code >= 0) {
      subscoresScratch[d] = TRIPLE_SUBSCORES[d][code];
      score = TRIPLE_SCORES[code];
    } else {
      subscoresScratch[d] = subscoreRecord(SUB_KEYS[d], x, y, z);
      score = domainScore3(x, y, z);
    }
    scoresScratch[d] = score;
    if (score === null) complete = false;
    else domainSum += score;
  }
  const composite = complete ? excelRound(domainSum / DOMAINS.length, DECIMALS.composite) : null;
  return {
    row: a.row,
    name: a.name,
    status: a.status,
    region: a.region,
    subscores: byDomain(subscoresScratch),
    domains: byDomain(scoresScratch),
    composite,
    ibangga: a.dimensions ? scoreIbangga(a.dimensions, weights) : null,
  };
}

export function scoreIbangga(
  dimensions: readonly (number | null)[],
  weights: Weights
): IbanggaResult {
  const setara = weightedComposite(dimensions, SETARA);
  const sentral = weightedComposite(dimensions, KEMANDIRIAN_SENTRAL);
  const isCustom = weights.name === "custom";
  const custom = isCustom ? weightedComposite(dimensions, weights) : null;
  const chosen = isCustom ? custom : weights.name === "kemandirian-sentral" ? sentral : setara;
  const result: IbanggaResult = {
    ketenteraman: dimensions[0] ?? null,
    kemandirian: dimensions[1] ?? null,
    kebahagiaan: dimensions[2] ?? null,
    setara,
    kemandirianSentral: sentral,
    band: chosen === null ? null : ibanggaBand(chosen),
    renormalised: hasMissingDimension(dimensions),
  };
  return isCustom ? { ...result, custom } : result;
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
