/**
 * Header matching: a header cell's text to the field it names. Matching ignores case,
 * spaces, punctuation and accents, and accepts keys and labels in Indonesian or English,
 * all derived from the framework data.
 */
import { distance } from "fastest-levenshtein";
import { DIMENSIONS, DOMAINS, SUB_INDICATORS } from "../engine/framework";

/** The identity columns, in the template's order. */
export const IDENTITY_KEYS = [
  "kampung",
  "desa",
  "kecamatan",
  "kabupaten",
  "provinsi",
  "status",
  "tanggal",
  "periode",
] as const;

export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export type Field =
  | { readonly kind: "identity"; readonly key: IdentityKey }
  | { readonly kind: "sub"; readonly index: number }
  | { readonly kind: "dimension"; readonly index: number }
  | { readonly kind: "ibanggaSub"; readonly dimension: number; readonly name: string };

export const IDENTITY_ALIASES: Readonly<Record<IdentityKey, readonly string[]>> = {
  kampung: ["Kampung", "Nama kampung", "Kampung KB", "Nama Kampung KB", "Village"],
  desa: ["Desa/Kelurahan", "Desa", "Kelurahan", "Desa/Kel", "Village/Ward", "desa_kelurahan"],
  kecamatan: ["Kecamatan", "Kec", "Subdistrict"],
  kabupaten: [
    "Kabupaten/Kota",
    "Kabupaten",
    "Kota",
    "Kab/Kota",
    "Regency/City",
    "Regency",
    "District",
    "kabupaten_kota",
  ],
  // "Propinsi": the older spelling, still common in government tables.
  provinsi: ["Provinsi", "Prov", "Propinsi", "Prop", "Province"],
  status: ["Status", "Status kampung", "Status Kampung KB", "Tingkat", "Level"],
  tanggal: ["Tanggal penilaian", "Tanggal", "Tgl penilaian", "Assessment date", "Date"],
  periode: [
    "Periode",
    "Periode penilaian",
    "Putaran",
    "Putaran penilaian",
    "Period",
    "Round",
    "Assessment round",
  ],
};

/** Lower case, no accents, letters and digits only: `Alur rujukan - SOP` -> `alurrujukansop`. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** A label and, when it has a parenthetical, the label without it. */
function variants(...labels: string[]): string[] {
  const out = new Set<string>();
  for (const label of labels) {
    out.add(normaliseHeader(label));
    out.add(normaliseHeader(label.replace(/\(.*?\)/g, "")));
  }
  out.delete("");
  return [...out];
}

function domainVariants(d: (typeof DOMAINS)[number]): string[] {
  return variants(d.key, d.label.id, d.label.en, d.short.id, d.short.en);
}

function dimensionVariants(d: (typeof DIMENSIONS)[number]): string[] {
  const names = variants(d.key, d.label.id, d.label.en);
  const prefixes = ["", "ibangga", "dimensi", "dimension", "ibanggadimensi"];
  return prefixes.flatMap((p) => names.map((n) => p + n));
}

/** Spellings that two fields would share; the framework data must keep this empty. */
const conflicts: string[] = [];

function buildLookup(): Map<string, Field> {
  const map = new Map<string, Field>();
  const put = (key: string, field: Field) => {
    const existing = map.get(key);
    if (!existing) map.set(key, field);
    else if (JSON.stringify(existing) !== JSON.stringify(field)) conflicts.push(key);
  };
  for (const [key, aliases] of Object.entries(IDENTITY_ALIASES) as [
    IdentityKey,
    readonly string[],
  ][]) {
    for (const alias of variants(...aliases)) put(alias, { kind: "identity", key });
  }
  for (const ref of SUB_INDICATORS) {
    const subs = variants(ref.sub.key, ref.sub.label.id, ref.sub.label.en);
    for (const d of domainVariants(ref.domain)) {
      for (const s of subs) put(d + s, { kind: "sub", index: ref.index });
    }
  }
  DIMENSIONS.forEach((dim, index) => {
    for (const v of dimensionVariants(dim)) put(v, { kind: "dimension", index });
  });
  return map;
}

let lookup: Map<string, Field> | undefined;
let dimensionPrefixes: Map<string, number> | undefined;

function dimensionPrefixLookup(): Map<string, number> {
  if (!dimensionPrefixes) {
    dimensionPrefixes = new Map();
    DIMENSIONS.forEach((dim, index) => {
      for (const v of dimensionVariants(dim)) dimensionPrefixes!.set(v, index);
    });
  }
  return dimensionPrefixes;
}

/** The field a header names, or null. `Ketenteraman: Akta nikah` is an iBangga sub-indicator. */
export function matchHeader(text: string): Field | null {
  const colon = text.indexOf(":");
  if (colon > 0) {
    const dimension = dimensionPrefixLookup().get(normaliseHeader(text.slice(0, colon)));
    const name = text.slice(colon + 1).trim();
    if (dimension !== undefined && name) return { kind: "ibanggaSub", dimension, name };
  }
  lookup ??= buildLookup();
  return (
    lookup.get(normaliseHeader(text)) ??
    lookup.get(normaliseHeader(text.replace(/\(.*?\)/g, ""))) ??
    null
  );
}

/**
 * The sub-indicator index named by a text (`Koordinasi - Regulasi`, `koordinasi.regulasi`), or
 * null. In the evidence sheet a sub-indicator's own name alone (`Regulasi`, `SOP`) names it too
 * when no other of the fifteen has that name; a column heading needs its domain (a column named
 * `Indikator` or `Praktik` alone may be anything).
 */
export function matchSubIndicator(text: string): number | null {
  const field = matchHeader(text);
  if (field) return field.kind === "sub" ? field.index : null;
  return uniqueSubNames().get(normaliseHeader(text)) ?? null;
}

let subNames: Map<string, number> | undefined;

/** Each sub-indicator's own names (Indonesian and English) that no other sub-indicator has. */
function uniqueSubNames(): Map<string, number> {
  if (subNames) return subNames;
  const owners = new Map<string, Set<number>>();
  for (const ref of SUB_INDICATORS)
    for (const name of variants(ref.sub.key, ref.sub.label.id, ref.sub.label.en)) {
      const set = owners.get(name) ?? new Set<number>();
      set.add(ref.index);
      owners.set(name, set);
    }
  subNames = new Map();
  for (const [name, set] of owners) if (set.size === 1) subNames.set(name, [...set][0]);
  return subNames;
}

/** A header cell KKB did not recognise: its column, its text, and the text it is matched as. */
export interface UnknownHeading {
  readonly col: number;
  /** The cell's own text, as the message quotes it. */
  readonly text: string;
  /** With the domain above it in a two-row header (`Koordinasi Regulsi`). */
  readonly match: string;
}

/** Headings longer than this are no sub-indicator's (and a full edit distance would be slow). */
const MAX_HEADING = 120;

/**
 * Headings that most likely mean a missing sub-indicator (a typo, `Kordinasi - Regulasi`; a
 * shortened name, `Rujukan - Umpan balik`; a renamed one, `Kader aktif (%)`): per missing
 * index, the unrecognised heading closest to one of its spellings (domain and sub-indicator, in
 * either language) by edit distance (fastest-levenshtein), at most a third of the spelling's
 * length apart and at most 45 % of the sub-indicator's own name (so a long domain name does not
 * carry `Peran kader - Catatan` to `Kader - Aktivitas`); each heading for one sub-indicator at
 * most, the closest pairs first.
 */
export function closestHeadings(
  missing: readonly number[],
  headings: readonly UnknownHeading[]
): Map<number, UnknownHeading> {
  const pairs: { index: number; heading: UnknownHeading; ratio: number }[] = [];
  for (const heading of headings) {
    const text = normaliseHeader(heading.match);
    if (text.length < 3 || text.length > MAX_HEADING) continue;
    for (const index of missing) {
      const own = normaliseHeader(SUB_INDICATORS[index].sub.label.id).length;
      const allowed = Math.max(2, 0.45 * own);
      let ratio = Infinity;
      for (const spelling of subSpellings(index)) {
        // The distance is at least the difference of the lengths: no need to compute it.
        if (Math.abs(spelling.length - text.length) > Math.min(allowed, spelling.length / 3))
          continue;
        const d = distance(text, spelling);
        if (d <= allowed && d <= spelling.length / 3) ratio = Math.min(ratio, d / spelling.length);
      }
      if (ratio < Infinity) pairs.push({ index, heading, ratio });
    }
  }
  pairs.sort((a, b) => a.ratio - b.ratio || a.heading.col - b.heading.col);
  const out = new Map<number, UnknownHeading>();
  const used = new Set<number>();
  for (const { index, heading } of pairs) {
    if (out.has(index) || used.has(heading.col)) continue;
    out.set(index, heading);
    used.add(heading.col);
  }
  return out;
}

/** A sub-indicator's full spellings, normalised: domain (long or short) and name, id and en. */
function subSpellings(index: number): string[] {
  const ref = SUB_INDICATORS[index];
  const out = new Set<string>();
  for (const lang of ["id", "en"] as const)
    for (const domain of [ref.domain.label[lang], ref.domain.short[lang]])
      out.add(normaliseHeader(domain + ref.sub.label[lang]));
  return [...out];
}

/** Spellings claimed by two different fields (for tests: must be none). */
export function headerConflicts(): readonly string[] {
  lookup ??= buildLookup();
  return conflicts;
}
