/**
 * Reading a `Periode` cell: the assessment round a row belongs to. Understood: a year (`2025`),
 * a quarter (`2024-T1`, `2024 Triwulan I`, `Q1 2024`, `TW 1 2024`, `Trw. III 2024`, `Januari-Maret 2024`), a half
 * year (`2024 Semester 2`, `2024-S2`, `H2 2024`), a month (`Mei 2024`, `2024-05`), each with or
 * without words such as `Tahun`, `TA`, `Periode`, `Bulan` (`Triwulan III Tahun 2024`), or a date (a date
 * cell or text `2024-05-31`, `31/05/2024`, `2 Mei 2024`). Text that names no time is still a
 * round (kept by its text), but cannot be placed in time. See DESIGN.md, "Rounds".
 */
import { isBlank } from "../engine/cell";
import { Period, periodOfDay, periodOfMonth, periodOfPart, periodOfYear } from "../engine/rounds";
import { DateOrder, MONTHS, parseDateCell } from "./dates";

export type ParsedPeriode =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly blank: true }
  | { readonly ok: false; readonly blank: false; readonly period: Period };

const MIN_YEAR = 1950;
const MAX_YEAR = 2200;

/** Words (and one- or two-letter marks) that introduce a quarter or a half year. */
const QUARTER_WORDS = new Set([
  "t",
  "q",
  "tw",
  "trw",
  "triw",
  "triwulan",
  "kw",
  "kuartal",
  "kwartal",
  "quarter",
  "qtr",
]);
const HALF_WORDS = new Set(["s", "smt", "sem", "semester", "h", "half", "paruh"]);
/**
 * Words that only introduce the time and are passed over: `Tahun 2025`, `TA 2025` (tahun
 * anggaran), `Periode 2024-T1`, `Bulan Mei 2024`, `Triwulan III Tahun 2024`.
 */
const FILLER_WORDS = new Set([
  "tahun",
  "thn",
  "th",
  "ta",
  "anggaran",
  "periode",
  "period",
  "bulan",
  "bln",
  "year",
  "month",
]);
const ROMAN: ReadonlyMap<string, number> = new Map([
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
]);

function partNumber(token: string): number | null {
  if (/^\d$/.test(token)) return Number(token);
  return ROMAN.get(token) ?? null;
}

function yearOf(token: string): number | null {
  if (!/^\d{4}$/.test(token)) return null;
  const year = Number(token);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/**
 * The period a `Periode` cell names. A blank cell is `{ ok: false, blank: true }`; a text that
 * names no time is `{ ok: false, blank: false, period }` with a period that has no days (the
 * row still belongs to that round; the caller says it cannot be ordered in time). Text dates
 * are read in `order` (the column's, dates.ts columnDateOrder).
 */
export function parsePeriode(raw: unknown, order: DateOrder = "dayFirst"): ParsedPeriode {
  if (isBlank(raw)) return { ok: false, blank: true };
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= MIN_YEAR && raw <= MAX_YEAR) {
      return { ok: true, period: periodOfYear(raw, String(raw)) };
    }
    const date = parseDateCell(raw);
    if (date.ok) return { ok: true, period: periodOfDay(date.date, null) };
    return unreadable(String(raw));
  }
  if (raw instanceof Date) {
    const date = parseDateCell(raw);
    return date.ok ? { ok: true, period: periodOfDay(date.date, null) } : unreadable(String(raw));
  }
  if (typeof raw !== "string") return unreadable(String(raw));
  const text = raw.trim();
  const period = periodOfText(text);
  if (period) return { ok: true, period };
  const date = parseDateCell(text, order);
  if (date.ok) return { ok: true, period: periodOfDay(date.date, text) };
  return unreadable(text);
}

function unreadable(text: string): ParsedPeriode {
  const label = text.trim().replace(/\s+/g, " ");
  return {
    ok: false,
    blank: false,
    period: { key: `?${label.toLocaleLowerCase("id")}`, label, first: null, last: null },
  };
}

/** Tokens of a period text: `2024-T1` -> [2024, t, 1]; `Semester II 2024` -> [semester, ii, 2024]. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .split(/[\s\-_/.,:]+/)
    .filter((t) => t !== "");
}

function periodOfText(text: string): Period | null {
  const t = tokens(text).filter((token) => !FILLER_WORDS.has(token));
  const years = t.map(yearOf);
  const yearAt = years.findIndex((y) => y !== null);
  if (yearAt < 0 || years.filter((y) => y !== null).length !== 1) return null;
  const year = years[yearAt]!;
  const rest = t.filter((_, i) => i !== yearAt);
  if (rest.length === 0) return periodOfYear(year, text);
  // A quarter or a half: a word and its number (`triwulan 1`, `t 1`, `semester ii`).
  if (rest.length === 2) {
    const [word, num] = rest;
    const range = monthRange(word, num, year, text);
    if (range) return range;
    const n = partNumber(num);
    if (n !== null && QUARTER_WORDS.has(word) && n >= 1 && n <= 4) {
      return periodOfPart(year, "T", n, text);
    }
    if (n !== null && HALF_WORDS.has(word) && n >= 1 && n <= 2) {
      return periodOfPart(year, "S", n, text);
    }
    return null;
  }
  if (rest.length === 1) {
    const word = rest[0];
    const month = MONTHS.get(word);
    if (month !== undefined) return periodOfMonth(year, month, text);
    // `2024-05` or `05/2024`: a month number beside the year.
    if (/^\d{1,2}$/.test(word) && Number(word) >= 1 && Number(word) <= 12) {
      return periodOfMonth(year, Number(word) - 1, text);
    }
  }
  return null;
}

/**
 * `Januari-Maret 2024`: a range of months that is a quarter, a half year or the whole year;
 * null for any other pair of words.
 */
function monthRange(from: string, to: string, year: number, text: string): Period | null {
  const first = MONTHS.get(from);
  const last = MONTHS.get(to);
  if (first === undefined || last === undefined) return null;
  const months = last - first + 1;
  if (months === 3 && first % 3 === 0) return periodOfPart(year, "T", first / 3 + 1, text);
  if (months === 6 && first % 6 === 0) return periodOfPart(year, "S", first / 6 + 1, text);
  if (months === 12) return periodOfYear(year, text);
  return null;
}
