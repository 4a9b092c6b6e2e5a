/**
 * Reading a date cell: a Date (a file's date cell), an Excel serial number (office.js), or text
 * (`2024-05-31`, `31/05/2024`, `31-05-2024`, `2 Mei 2024`, `2 Agustus 2024`, `2 Agt 2024`,
 * `2 May 2024`, `2-May-24`, `Jumat, 31 Mei 2024`; any of them with a time after it, as exports
 * write a date and time: `2024-05-31 00:00:00`, `2024-05-31T08:00:00Z`). Dates are kept at UTC
 * midnight; a time is left out.
 */
import { isBlank } from "../engine/cell";

export type ParsedDate =
  | {
      readonly ok: true;
      readonly date: Date;
      readonly fromText: boolean;
      /**
       * The weekday the text began with (`Senin, 12 Januari 2024`), as typed, when it is not
       * the date's own (12 January 2024 is a Friday): a sign that the day or the weekday was
       * mistyped. Absent when it matches or no weekday was written.
       */
      readonly wrongWeekday?: string;
    }
  | { readonly ok: false; readonly blank: boolean };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function utcDate(year: number, monthIndex: number, day: number): Date | null {
  const d = new Date(Date.UTC(year, monthIndex, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === monthIndex && d.getUTCDate() === day
    ? d
    : null;
}

/** Month names and their short forms, Indonesian and English, to 0-based months. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["januari", "jan", "january"],
    ["februari", "feb", "pebruari", "peb", "february"],
    ["maret", "mar", "march"],
    ["april", "apr"],
    ["mei", "may"],
    ["juni", "jun", "june"],
    ["juli", "jul", "july"],
    ["agustus", "agt", "agu", "ags", "aug", "august"],
    ["september", "sep", "sept"],
    ["oktober", "okt", "oct", "october"],
    ["november", "nov", "nop", "nopember"],
    ["desember", "des", "dec", "december"],
  ].flatMap((names, month) => names.map((name): [string, number] => [name, month]))
);

/**
 * The order of a text date's day and month (`08/12/2024`): day first (Indonesian, the default)
 * or month first (a US-locale CSV, e.g. LibreOffice en-US).
 */
export type DateOrder = "dayFirst" | "monthFirst";

/**
 * A time after a text date, as exports write it and read as the date alone: `00:00:00`,
 * `10.30` (Indonesian), `T08:15:00.000Z`, `T08:15+07:00` (the date as written, not moved to UTC).
 */
const TIME = String.raw`(?:[T\s]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?`;

/**
 * A text date with two numbers before its year (`08/14/2024`, `14-08-2024`, `8.5.2024`), and
 * perhaps a time (`12/01/2024 0:00`, as Excel writes a date and time to CSV).
 */
const NUMERIC_DATE = new RegExp(
  String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})` + TIME + "$"
);
/**
 * `2024-01-12`, and perhaps a time (`2024-01-12 00:00:00` from pandas, ISO 8601 `T`); with its
 * zone (`Z`, `+07:00`) when it has one: an instant, whose date is the local one.
 */
const ISO_DATE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$`
);
/** `January 12, 2024`, as a US Excel's long date writes it (after its weekday). */
const MONTH_FIRST_DATE = new RegExp(
  String.raw`^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})` + TIME + "$"
);
/** `12 Januari 2024`, `12-Jan-24` (Excel's d-mmm-yy), `2 Agt. 2024`, and perhaps a time. */
const NAMED_MONTH_DATE = new RegExp(
  String.raw`^(\d{1,2})[\s.-]+([A-Za-z]+)\.?[\s.-]+(\d{4}|\d{2})` + TIME + "$"
);
/**
 * A weekday before a date, as Excel's long date format writes it (`Jumat, 12 Januari 2024`,
 * `Friday, 12 January 2024`): left out, the date is read.
 */
const WEEKDAY =
  /^(senin|selasa|rabu|kamis|jumat|jum['\u2019]at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun),?\s+/i;

/** Each weekday name WEEKDAY takes, Indonesian and English, whole and short: its day (Sunday 0). */
const WEEKDAY_NUMBER: ReadonlyMap<string, number> = new Map(
  (
    [
      ["minggu ahad min sunday sun", 0],
      ["senin sen monday mon", 1],
      ["selasa sel tuesday tue", 2],
      ["rabu rab wednesday wed", 3],
      ["kamis kam thursday thu", 4],
      ["jumat jum'at jum\u2019at jum friday fri", 5],
      ["sabtu sab saturday sat", 6],
    ] as const
  ).flatMap(([names, day]) => names.split(" ").map((name): [string, number] => [name, day]))
);

/** A two-digit year as Excel reads one: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length > 2 ? year : year < 30 ? 2000 + year : 1900 + year;
}

/**
 * The order a cell's text proves, or null: `14/08/2024` can only be day first (its first number
 * is over 12), `08/14/2024` only month first; `08/12/2024`, other forms and non-text prove none.
 */
export function provenDateOrder(raw: unknown): DateOrder | null {
  if (typeof raw !== "string") return null;
  const m = NUMERIC_DATE.exec(raw.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return "dayFirst";
  if (second > 12 && first <= 12) return "monthFirst";
  return null;
}

/**
 * How one column's text dates are read, decided from all of them (the one rule, used by the
 * assessment date and the evidence sheet's date): month first when a value proves month first
 * and none proves day first; otherwise day first. `firstMonthFirst` / `firstDayFirst` are the
 * indexes (into the values given) of the first value proving each order, or -1.
 */
export interface ColumnDateOrder {
  readonly order: DateOrder;
  readonly firstMonthFirst: number;
  readonly firstDayFirst: number;
}

export function columnDateOrder(values: Iterable<unknown>): ColumnDateOrder {
  let firstMonthFirst = -1;
  let firstDayFirst = -1;
  let i = 0;
  for (const value of values) {
    const proven = provenDateOrder(value);
    if (proven === "monthFirst" && firstMonthFirst < 0) firstMonthFirst = i;
    if (proven === "dayFirst" && firstDayFirst < 0) firstDayFirst = i;
    i++;
  }
  const order = firstMonthFirst >= 0 && firstDayFirst < 0 ? "monthFirst" : "dayFirst";
  return { order, firstMonthFirst, firstDayFirst };
}

/**
 * Whether a cell of the column proves the order the column is not read in: a month-first date in
 * a column that also proves day first (read day first, so this one cannot be read).
 */
export function contradictsColumn(raw: unknown, column: ColumnDateOrder): boolean {
  const proven = provenDateOrder(raw);
  return proven !== null && proven !== column.order;
}

/**
 * A date cell's date. Text with two numbers before the year is read in `order` (day first by
 * default; columnDateOrder gives a column's order). Invalid dates (`30/02/2024`) are not dates.
 */
export function parseDateCell(raw: unknown, order: DateOrder = "dayFirst"): ParsedDate {
  if (isBlank(raw)) return { ok: false, blank: true };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, blank: false };
    return {
      ok: true,
      date: new Date(Date.UTC(raw.getUTCFullYear(), raw.getUTCMonth(), raw.getUTCDate())),
      fromText: false,
    };
  }
  if (typeof raw === "number") {
    // Excel serials between 1950 and 2100.
    if (raw < 18264 || raw > 73051) return { ok: false, blank: false };
    return { ok: true, date: new Date(EXCEL_EPOCH_MS + Math.floor(raw) * DAY_MS), fromText: false };
  }
  if (typeof raw !== "string") return { ok: false, blank: false };
  const trimmed = raw.trim();
  const weekday = WEEKDAY.exec(trimmed);
  // `2024/01/12`, year first with slashes (Excel reads it as a date in every locale): as ISO.
  const text = trimmed
    .replace(WEEKDAY, "")
    .replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})(?=$|[T\s])/, "$1-$2-$3");
  let m = ISO_DATE.exec(text);
  let date: Date | null = null;
  // The date as written, whose weekday a weekday before it names (an instant's local date may
  // be the next or the previous day).
  let written: Date | null = null;
  if (m) {
    written = utcDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    date = m[7] ? zonedDate(m) : written;
  } else if ((m = NUMERIC_DATE.exec(text))) {
    // Indonesian order day/month/year, unless the column is month first.
    const [day, month] = order === "dayFirst" ? [m[1], m[2]] : [m[2], m[1]];
    date = utcDate(fullYear(m[3]), Number(month) - 1, Number(day));
  } else if ((m = NAMED_MONTH_DATE.exec(text))) {
    const month = MONTHS.get(m[2].toLowerCase());
    if (month !== undefined) date = utcDate(fullYear(m[3]), month, Number(m[1]));
  } else if ((m = MONTH_FIRST_DATE.exec(text))) {
    const month = MONTHS.get(m[1].toLowerCase());
    if (month !== undefined) date = utcDate(Number(m[3]), month, Number(m[2]));
  }
  if (!date) return { ok: false, blank: false };
  const day = weekday ? WEEKDAY_NUMBER.get(weekday[1].toLowerCase()) : undefined;
  return day === undefined || day === (written ?? date).getUTCDay()
    ? { ok: true, date, fromText: true }
    : { ok: true, date, fromText: true, wrongWeekday: weekday![1] };
}

/**
 * The local date of an ISO 8601 instant (`2024-03-31T17:00:00.000Z` is 1 April in Indonesia,
 * where a web export's midnight is 17:00 UTC the day before): the date on this computer's
 * clock, as Excel would show the time converted. Null for an impossible date or time.
 */
function zonedDate(m: RegExpExecArray): Date | null {
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  if (!utcDate(year, month - 1, day) || hour > 23 || minute > 59) return null;
  const zone = m[7];
  const offset =
    zone === "Z"
      ? 0
      : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const instant = new Date(
    Date.UTC(year, month - 1, day, hour, minute, Number(m[6] ?? 0)) - offset * 60_000
  );
  return utcDate(instant.getFullYear(), instant.getMonth(), instant.getDate());
}

export function isoDate(date: Date): string {
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
