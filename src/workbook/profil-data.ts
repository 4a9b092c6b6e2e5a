/**
 * What KKB Profil shows of each kampung (issue 15), as the columns of its data table: identity
 * and status, the 15 sub-indicators and 5 domains, the composite and its ranks (in the file and
 * within regions), iBangga and its band, strengths, the weakest domain(s) and the study's next
 * steps, evidence coverage, the medians of the kampung's kabupaten/kota and status level (the
 * radar); and the rubric meaning of a value, as text and as a formula. Pure.
 */
import { AnalysisResult } from "../engine/analysis";
import { KampungResult, Results } from "../engine/assessment";
import { Change, mostChanged } from "../engine/trend";
import { excelRound } from "../engine/decimal";
import {
  DomainKey,
  DOMAINS,
  IBANGGA_BANDS,
  Lang,
  RUBRIC,
  STATUS_LEVELS,
  SUB_INDICATORS,
} from "../engine/framework";
import { nameKey } from "../engine/group-stats";
import { median } from "../engine/status";
import { label, LabelKey } from "./labels";
import { FORMATS, SpecValue } from "./sheet-spec";

/** One value of the profile data table, per kampung. */
export interface Field {
  readonly header: string;
  readonly format: string | null;
  readonly value: (i: number) => SpecValue;
}

/** What a page needs of one kampung, by field key. */
export type FieldKey = string;

/**
 * Labels longer than this are cut (with the row, to stay unique): Excel's MATCH, which finds the
 * chosen kampung, refuses a looked-up text over 255 characters (#VALUE!), and escaping its
 * wildcards may double a label's length.
 */
export const MAX_CHOICE_LABEL = 100;
/** Characters of the name a cut label keeps. */
const CUT_NAME = 80;

/**
 * Names in the dropdown: the kampung name, made unique with its desa/kecamatan and row; a label
 * over MAX_CHOICE_LABEL characters is its name cut, with its row (`Nama… (baris 12)`).
 */
export function choiceLabels(kampung: readonly KampungResult[], lang: Lang): string[] {
  const counts = new Map<string, number>();
  for (const k of kampung) counts.set(nameKey(k.name), (counts.get(nameKey(k.name)) ?? 0) + 1);
  const rowWord = lang === "id" ? "baris" : "row";
  return kampung.map((k) => {
    let label = k.name;
    if ((counts.get(nameKey(k.name)) ?? 0) >= 2) {
      const where = [k.region.desa, k.region.kecamatan].filter((x) => x && x.trim()).join(", ");
      label = `${k.name} (${where ? `${where}; ` : ""}${rowWord} ${k.row})`;
    }
    if (label.length <= MAX_CHOICE_LABEL) return label;
    // Cut by code points: a half of a surrogate pair would be written as U+FFFD.
    const cut = Array.from(k.name).slice(0, CUT_NAME).join("").trimEnd();
    return `${cut}… (${rowWord} ${k.row})`;
  });
}

function levelLabel(level: string, lang: Lang): string {
  return STATUS_LEVELS.find((s) => s.key === level)?.label[lang] ?? level;
}

/** A domain score (1 decimal) as text: `2,0`, `1,4`. */
function scoreText(value: number, lang: Lang): string {
  const text = Number.isInteger(value) ? `${value}.0` : String(value);
  return lang === "id" ? text.replace(".", ",") : text;
}

export function decimal(value: number, lang: Lang): string {
  const text = String(value);
  return lang === "id" ? text.replace(".", ",") : text;
}

/** The rubric meaning of a sub-indicator value (between two levels for a mean of items). */
export function rubricMeaning(value: number | null, lang: Lang): string {
  if (value === null) return "";
  for (let i = 0; i < RUBRIC.length; i++) {
    const r = RUBRIC[i];
    if (value === r.value) return r.short[lang];
    if (value < r.value && i > 0) return between(RUBRIC[i - 1].short[lang], r.short[lang], lang);
  }
  return "";
}

function between(a: string, b: string, lang: Lang): string {
  // Short enough to show whole beside the value (a mean of items, e.g. 0.7 or 1.3).
  return lang === "id" ? `antara: ${a} / ${b}` : `between: ${a} / ${b}`;
}

/** A text as a formula's string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The rubric meaning as a formula of the value in `ref` (nested IFs over RUBRIC). */
export function meaningFormula(ref: string, lang: Lang): string {
  let f = literal("");
  for (let i = RUBRIC.length - 1; i >= 0; i--) {
    const r = RUBRIC[i];
    const exact = `IF(${ref}=${r.value},${literal(r.short[lang])},${f})`;
    f =
      i > 0
        ? `IF(${ref}<${r.value},${literal(between(RUBRIC[i - 1].short[lang], r.short[lang], lang))},${exact})`
        : exact;
  }
  return `IF(${ref}="","",${f})`;
}

/** Medians per domain of groups of kampung (by a key; null key: no group). */
function groupMedians(
  kampung: readonly KampungResult[],
  keyOf: (i: number) => string | null
): ((number | null)[] | null)[] {
  const groups = new Map<string, number[]>();
  kampung.forEach((_, i) => {
    const key = keyOf(i);
    if (key === null) return;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const medians = new Map<string, (number | null)[]>();
  for (const [key, members] of groups) {
    medians.set(
      key,
      DOMAINS.map((d) => {
        const values: number[] = [];
        for (const i of members) {
          const v = kampung[i].domains[d.key];
          if (v !== null) values.push(v);
        }
        return median(values);
      })
    );
  }
  return kampung.map((_, i) => {
    const key = keyOf(i);
    return key === null ? null : (medians.get(key) ?? null);
  });
}

/**
 * `Sejak 2024-T4: komposit -0,10; ↓ Kader`: the change of the composite since the kampung's
 * previous assessment and the domains that moved most; a first assessment says so.
 */
function changeText(change: Change | null, lang: Lang): string {
  if (!change)
    return lang === "id" ? "Penilaian pertama kampung ini." : "This kampung's first assessment.";
  // (Formatting only: the change is already rounded as the method rounds.)
  const two = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const signed = (v: number) => (v > 0 ? "+" : "") + two.format(v);
  const composite = change.composite === null ? "-" : signed(change.composite);
  const { up, down } = mostChanged(change);
  const names = (keys: readonly DomainKey[]) =>
    keys.map((k) => DOMAINS.find((d) => d.key === k)!.short[lang]).join(", ");
  const moved = [
    ...(up.length ? [`\u2191 ${names(up)}`] : []),
    ...(down.length ? [`\u2193 ${names(down)}`] : []),
  ];
  return (
    (lang === "id"
      ? `Sejak ${change.since}: komposit ${composite}`
      : `Since ${change.since}: composite ${composite}`) +
    (moved.length ? `; ${moved.join("; ")}` : "")
  );
}

/** The profile data table's columns: everything a page shows, one row per kampung. */
export function profileFields(
  results: Results,
  analysis: AnalysisResult,
  lang: Lang,
  changes: readonly (Change | null)[] | null = null
): Map<FieldKey, Field> {
  const kampung = results.kampung;
  const labels = choiceLabels(kampung, lang);
  const clean = (s: string | null) => (s && s.trim() ? s.trim() : null);
  const kabMedians = groupMedians(kampung, (i) => {
    const k = kampung[i].region;
    return clean(k.kabupaten) === null
      ? null
      : `${nameKey(clean(k.provinsi) ?? "")}\u0000${nameKey(clean(k.kabupaten)!)}`;
  });
  const statusMedians = groupMedians(kampung, (i) => {
    const s = analysis.kampung[i].status;
    return s.level ?? (s.text ? `other:${nameKey(s.text)}` : null);
  });
  const withIbangga = kampung.some((k) => k.ibangga !== null);
  const custom = results.weights.name === "custom";
  const fields = new Map<FieldKey, Field>();
  const add = (key: FieldKey, header: string, format: string | null, value: Field["value"]) =>
    fields.set(key, { header, format, value });

  add("label", label("kampung", lang), FORMATS.text, (i) => labels[i]);
  add("name", label("kampung", lang), FORMATS.text, (i) => kampung[i].name);
  for (const level of ["desa", "kecamatan", "kabupaten", "provinsi"] as const) {
    add(level, label(level, lang), FORMATS.text, (i) => clean(kampung[i].region[level]));
  }
  add("status", label("status", lang), FORMATS.text, (i) => {
    const s = analysis.kampung[i].status;
    return s.level ? levelLabel(s.level, lang) : clean(s.text);
  });
  SUB_INDICATORS.forEach((s) =>
    add(
      `sub:${s.key}`,
      `${s.domain.short[lang]} - ${s.sub.label[lang]}`,
      FORMATS.score,
      (i) => kampung[i].subscores[s.domain.key][s.sub.key] ?? null
    )
  );
  DOMAINS.forEach((d) =>
    add(`domain:${d.key}`, d.short[lang], FORMATS.score, (i) => kampung[i].domains[d.key])
  );
  add("composite", label("composite", lang), FORMATS.composite, (i) => kampung[i].composite);
  const fileCount = kampung.length;
  add(
    "rank:file",
    label("rankFile", lang),
    FORMATS.integer,
    (i) => analysis.kampung[i].ranks.composite
  );
  add("count:file", label("ofKampung", lang), FORMATS.integer, () => fileCount);
  for (const level of ["kecamatan", "kabupaten", "provinsi"] as const) {
    const rankLabel: LabelKey =
      level === "kecamatan"
        ? "rankKecamatan"
        : level === "kabupaten"
          ? "rankKabupaten"
          : "rankProvinsi";
    add(
      `rank:${level}`,
      label(rankLabel, lang),
      FORMATS.integer,
      (i) => analysis.kampung[i].regionRank(level)?.composite ?? null
    );
    add(
      `count:${level}`,
      `${label(rankLabel, lang)}: ${label("ofKampung", lang)}`,
      FORMATS.integer,
      (i) => analysis.kampung[i].regionRank(level)?.count ?? null
    );
  }
  if (withIbangga) {
    add(
      "ib:setara",
      label("setara", lang),
      FORMATS.ibangga,
      (i) => kampung[i].ibangga?.setara ?? null
    );
    add(
      "ib:sentral",
      label("kemandirianSentral", lang),
      FORMATS.ibangga,
      (i) => kampung[i].ibangga?.kemandirianSentral ?? null
    );
    if (custom)
      add(
        "ib:custom",
        label("custom", lang),
        FORMATS.ibangga,
        (i) => kampung[i].ibangga?.custom ?? null
      );
    add("ib:band", label("band", lang), FORMATS.text, (i) => {
      const band = kampung[i].ibangga?.band ?? null;
      return band ? (IBANGGA_BANDS.find((b) => b.key === band)?.label[lang] ?? band) : null;
    });
  }
  add("strengths", label("strengths", lang), FORMATS.text, (i) => {
    const domains = kampung[i].domains;
    let best: number | null = null;
    for (const d of DOMAINS) {
      const v = domains[d.key];
      if (v === null) return null;
      best = best === null ? v : Math.max(best, v);
    }
    if (best === null) return null;
    return DOMAINS.filter((d) => domains[d.key] === best)
      .map((d) => `${d.short[lang]} (${scoreText(best!, lang)})`)
      .join(", ");
  });
  add("weakest", label("weakest", lang), FORMATS.text, (i) => {
    const w = analysis.kampung[i].weakest;
    if (w.domains.length === 0 || w.score === null) return null;
    return w.domains
      .map(
        (key) => `${DOMAINS.find((d) => d.key === key)!.short[lang]} (${scoreText(w.score!, lang)})`
      )
      .join(", ");
  });
  // Two lines of the page, one step each: a third or more weakest domain (ties) would run off
  // the page, so the second line says how many more steps KKB Ringkasan lists.
  for (let n = 0; n < 2; n++) {
    add(`next:${n}`, `${label("nextStep", lang)} ${n + 1}`, FORMATS.text, (i) => {
      const steps = analysis.kampung[i].weakest.nextSteps;
      const step = steps[n];
      if (!step) return null;
      const text = `${DOMAINS.find((d) => d.key === step.domain)!.short[lang]}: ${step[lang]}`;
      const more = n === 1 ? steps.length - 2 : 0;
      if (more <= 0) return text;
      return lang === "id"
        ? `${text} (+${more} langkah lain di KKB Ringkasan)`
        : `${text} (+${more} more steps in KKB Ringkasan)`;
    });
  }
  add("evidence", label("evidence", lang), FORMATS.text, (i) => {
    const e = analysis.kampung[i].evidence;
    if (!analysis.evidence.given || e === null)
      return lang === "id"
        ? "Tidak ada bukti (lembar KKB Bukti, Bukti atau Evidence kosong atau tidak ada): skor belum dapat ditelusuri ke buktinya."
        : "No evidence (the KKB Bukti, Bukti or Evidence sheet is empty or missing): the scores cannot be traced to their evidence.";
    const pct = e.share === null ? "-" : `${decimal(excelRound(e.share * 100, 0), lang)} %`;
    return lang === "id"
      ? `${e.covered} dari ${e.scored} skor sub-indikator didukung bukti yang sah (${pct}).`
      : `${e.covered} of ${e.scored} sub-indicator scores have valid evidence (${pct}).`;
  });
  add("uncovered", label("uncovered", lang), FORMATS.text, (i) => {
    const keys = analysis.kampung[i].uncoveredEvidence;
    if (keys === null) return null;
    if (keys.length === 0) return lang === "id" ? "(tidak ada)" : "(none)";
    return keys
      .map((key) => {
        const s = SUB_INDICATORS.find((x) => x.key === key);
        return s ? `${s.domain.short[lang]} - ${s.sub.label[lang]}` : key;
      })
      .join("; ");
  });
  if (changes) {
    // Several rounds (issue 14): the change since the kampung's previous assessment.
    add("change", label("changeSince", lang), FORMATS.text, (i) => changeText(changes[i], lang));
  }
  DOMAINS.forEach((d, j) => {
    add(
      `medKab:${d.key}`,
      `${label("medianKabupaten", lang)}: ${d.short[lang]}`,
      FORMATS.score,
      (i) => kabMedians[i]?.[j] ?? null
    );
    add(
      `medStatus:${d.key}`,
      `${label("medianStatus", lang)}: ${d.short[lang]}`,
      FORMATS.score,
      (i) => statusMedians[i]?.[j] ?? null
    );
  });
  return fields;
}
