/**
 * The Kampung KB convergence framework and iBangga dimensions, as data.
 * Every other layer (reader, template, summaries, functions, task pane) reads these
 * definitions; nothing else names a domain or a sub-indicator.
 */

export type Lang = "id" | "en";

/** A user-facing text in both languages. */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

export interface SubIndicatorDef {
  /** Camel-case key, unique within its domain (`regulasi`). */
  readonly key: string;
  readonly label: Bilingual;
}

export type DomainKey = "koordinasi" | "rujukan" | "interoperabilitas" | "umpanBalik" | "kader";

export interface DomainDef {
  readonly key: DomainKey;
  /** Full name (`Koordinasi lintas sektor`). */
  readonly label: Bilingual;
  /** Short name used in narrow columns and charts (`Koordinasi`). */
  readonly short: Bilingual;
  /** What the domain looks at, for help texts and tooltips. */
  readonly help: Bilingual;
  /** The study's recommendation when this domain is weak. */
  readonly nextStep: Bilingual;
  readonly subIndicators: readonly [SubIndicatorDef, SubIndicatorDef, SubIndicatorDef];
}

export type DimensionKey = "ketenteraman" | "kemandirian" | "kebahagiaan";

export interface DimensionDef {
  readonly key: DimensionKey;
  readonly label: Bilingual;
  readonly help: Bilingual;
}

export const METHOD_VERSION =
  "KKB 2025.1 (Salus Cultura 5(2):121-131, doi 10.55480/saluscultura.v5i2.442)";

export const DOMAINS: readonly DomainDef[] = [
  {
    key: "koordinasi",
    label: { id: "Koordinasi lintas sektor", en: "Cross-sector coordination" },
    short: { id: "Koordinasi", en: "Coordination" },
    help: {
      id: "Ada regulasi (SK desa), struktur koordinasi yang benar-benar rapat terjadwal dengan notulen, dan praktik yang mengubah keputusan menjadi rencana aksi dengan penanggung jawab, tenggat, target, dan status penyelesaian berbukti.",
      en: "A regulation (village decree), a coordination structure that actually meets on a schedule with minutes, and practice that turns decisions into action plans with a person in charge, a deadline, a target and a completion status with evidence.",
    },
    nextStep: {
      id: "Tata kelola berjenjang dari desa sampai kabupaten/kota, dengan peran yang ditetapkan, ritme rapat, dan notulen keputusan operasional.",
      en: "Tiered governance from village to district, with mandated roles, a meeting rhythm and operational decision minutes.",
    },
    subIndicators: [
      { key: "regulasi", label: { id: "Regulasi", en: "Regulation" } },
      { key: "struktur", label: { id: "Struktur", en: "Structure" } },
      { key: "praktik", label: { id: "Praktik", en: "Practice" } },
    ],
  },
  {
    key: "rujukan",
    label: { id: "Alur rujukan", en: "Referral pathway" },
    short: { id: "Rujukan", en: "Referral" },
    help: {
      id: "Ada SOP atau bagan alur rujukan, register rujukan, dan umpan balik tertutup (kolom penutupan register terisi: keluarga sampai ke layanan dan hasilnya kembali).",
      en: "A referral SOP or flow diagram, a referral register, and the closed loop (the register's closure column is filled: the family reached the service and the result came back).",
    },
    nextStep: {
      id: "Rujukan tertutup yang baku di titik layanan utama, dengan register dan kolom penutupan.",
      en: "A standard closed referral at key service points, with a register and a closure column.",
    },
    subIndicators: [
      { key: "sop", label: { id: "SOP", en: "SOP" } },
      { key: "register", label: { id: "Register", en: "Register" } },
      {
        key: "umpanBalikRujukan",
        label: { id: "Umpan balik rujukan", en: "Referral feedback (closed loop)" },
      },
    ],
  },
  {
    key: "interoperabilitas",
    label: { id: "Interoperabilitas data", en: "Data interoperability" },
    short: { id: "Interoperabilitas", en: "Interoperability" },
    help: {
      id: "Satu identitas keluarga/rumah tangga lintas sektor, pemutakhiran data keluarga yang rutin (misalnya di portal Rumah DataKu), dan penggunaan data dalam forum keputusan.",
      en: "One family/household identity across sectors, routine updating of the family data (e.g. in the Rumah DataKu portal), and use of the data in decision forums.",
    },
    nextStep: {
      id: "Satu identitas keluarga/rumah tangga, ritme pemutakhiran yang baku, dan data yang dipakai dalam forum keputusan.",
      en: "One family/household identity, a standard update rhythm, and data used in decision forums.",
    },
    subIndicators: [
      { key: "idKeluarga", label: { id: "ID keluarga", en: "Family ID" } },
      { key: "pemutakhiran", label: { id: "Pemutakhiran", en: "Updating" } },
      { key: "penggunaan", label: { id: "Penggunaan", en: "Use" } },
    ],
  },
  {
    key: "umpanBalik",
    label: { id: "Umpan balik berbasis indikator", en: "Indicator-based feedback" },
    short: { id: "Umpan balik", en: "Feedback" },
    help: {
      id: "Forum kajian indikator, rencana tindak lanjut (RTL) dengan penanggung jawab, dan verifikasi bahwa tindak lanjut sudah ditutup.",
      en: "An indicator review forum, follow-up plans with owners, and verification that the follow-up was closed.",
    },
    nextStep: {
      id: "Rencana tindak lanjut yang penutupannya diverifikasi.",
      en: "Follow-up plans whose closure is verified.",
    },
    subIndicators: [
      { key: "indikator", label: { id: "Indikator (forum)", en: "Indicator (forum)" } },
      {
        key: "rencanaTindakLanjut",
        label: { id: "Rencana tindak lanjut", en: "Follow-up plan" },
      },
      { key: "verifikasi", label: { id: "Verifikasi", en: "Verification" } },
    ],
  },
  {
    key: "kader",
    label: { id: "Peran kader", en: "Cadre role" },
    short: { id: "Kader", en: "Cadres" },
    help: {
      id: "Aktivitas harian kader (pendataan, promosi, rujukan, pemantauan), supervisi/pelatihan kader, dan pendataan oleh kader.",
      en: "Cadres' daily activity (data collection, promotion, referral, monitoring), their supervision/training, and their data collection.",
    },
    nextStep: {
      id: "Supervisi kader yang melembaga dan pelatihan tematik.",
      en: "Institutionalised supervision and thematic training of cadres.",
    },
    subIndicators: [
      { key: "aktivitas", label: { id: "Aktivitas", en: "Activity" } },
      { key: "supervisi", label: { id: "Supervisi", en: "Supervision" } },
      { key: "pendataan", label: { id: "Pendataan", en: "Data collection" } },
    ],
  },
];

export const DOMAIN_KEYS: readonly DomainKey[] = DOMAINS.map((d) => d.key);

/** One sub-indicator with its place in the flat order (domain by domain). */
export interface SubIndicatorRef {
  readonly index: number;
  readonly domain: DomainDef;
  readonly sub: SubIndicatorDef;
  /** `koordinasi.regulasi` */
  readonly key: string;
}

export const SUB_INDICATORS: readonly SubIndicatorRef[] = DOMAINS.flatMap((domain, d) =>
  domain.subIndicators.map((sub, s) => ({
    index: d * 3 + s,
    domain,
    sub,
    key: `${domain.key}.${sub.key}`,
  }))
);

export const SUB_INDICATOR_COUNT = SUB_INDICATORS.length;

export const DIMENSIONS: readonly DimensionDef[] = [
  {
    key: "ketenteraman",
    label: { id: "Ketenteraman", en: "Tranquillity" },
    help: {
      id: "Misalnya ibadah, akta nikah, akta kelahiran anak, jaminan kesehatan, tanpa konflik keluarga, tanpa perceraian.",
      en: "E.g. worship, marriage certificate, children's birth certificates, health insurance, no family conflict, no divorce.",
    },
  },
  {
    key: "kemandirian",
    label: { id: "Kemandirian", en: "Self-reliance" },
    help: {
      id: "Misalnya sumber penghasilan, makanan beragam, rumah layak huni.",
      en: "E.g. an income source, varied food, a habitable house.",
    },
  },
  {
    key: "kebahagiaan",
    label: { id: "Kebahagiaan", en: "Happiness" },
    help: {
      id: "Interaksi keluarga dan interaksi sosial.",
      en: "Family and social interaction.",
    },
  },
];

export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key);

/** The rubric for one sub-indicator; `short` is the few words a profile page prints per value. */
export const RUBRIC: readonly {
  readonly value: number;
  readonly meaning: Bilingual;
  readonly short: Bilingual;
}[] = [
  {
    value: 0,
    meaning: {
      id: "instrumen tidak ada atau tidak digunakan",
      en: "the instrument does not exist or is not used",
    },
    short: { id: "tidak ada", en: "does not exist" },
  },
  {
    value: 1,
    meaning: {
      id: "ada tetapi parsial atau tidak konsisten",
      en: "it exists but is partial or inconsistent",
    },
    short: { id: "ada tetapi parsial", en: "exists but partial" },
  },
  {
    value: 1.5,
    meaning: {
      id: "rutin, dengan penyimpangan kecil yang terdokumentasi (bukti asimetris)",
      en: "routine, with minor documented deviations (asymmetric evidence)",
    },
    short: { id: "rutin dengan deviasi kecil", en: "routine with minor deviations" },
  },
  {
    value: 2,
    meaning: {
      id: "lengkap dan rutin, dengan bukti terverifikasi",
      en: "complete and routine, with verified evidence",
    },
    short: { id: "lengkap dan rutin", en: "complete and routine" },
  },
];

export const RUBRIC_MIN = 0;
export const RUBRIC_MAX = 2;
/** Values the rubric names; others inside [0, 2] are allowed with a warning (means of items). */
export const RUBRIC_STEPS: readonly number[] = [0, 0.5, 1, 1.5, 2];

export const IBANGGA_MIN = 0;
export const IBANGGA_MAX = 100;

/** Decimals of each reported score, as the study prints them. */
export const DECIMALS = {
  domain: 1,
  composite: 2,
  dimension: 1,
  ibangga: 1,
} as const;

export type StatusLevel = "dasar" | "berkembang" | "mandiri" | "berkelanjutan";

/** BKKBN's programme levels, in order. */
export const STATUS_LEVELS: readonly { readonly key: StatusLevel; readonly label: Bilingual }[] = [
  { key: "dasar", label: { id: "Dasar", en: "Basic" } },
  { key: "berkembang", label: { id: "Berkembang", en: "Developing" } },
  { key: "mandiri", label: { id: "Mandiri", en: "Self-reliant" } },
  { key: "berkelanjutan", label: { id: "Berkelanjutan", en: "Sustainable" } },
];

export type BandKey = "rentan" | "berkembang" | "tangguh";

/** BKKBN's reading of an iBangga value: below 40, 40 to 70 inclusive, above 70. */
export const IBANGGA_BANDS: readonly { readonly key: BandKey; readonly label: Bilingual }[] = [
  { key: "rentan", label: { id: "Rentan", en: "Vulnerable" } },
  { key: "berkembang", label: { id: "Berkembang", en: "Developing" } },
  { key: "tangguh", label: { id: "Tangguh", en: "Resilient" } },
];
export const IBANGGA_BAND_LIMITS = { rentanBelow: 40, tangguhAbove: 70 } as const;

export const IBANGGA_NATIONAL_REFERENCE: readonly {
  readonly year: number;
  readonly value: number;
}[] = [
  { year: 2021, value: 54.01 },
  { year: 2023, value: 61.43 },
];

/** Months of evidence allowed before the assessment date. */
export const EVIDENCE_HORIZON_MONTHS = 3;

export function text(t: Bilingual, lang: Lang): string {
  return t[lang];
}
