/**
 * Reading a date cell: a Date (a file's date cell), an Excel serial number (office.js), or text
 * (`2024-05-31`, `31/05/2024`, `31-05-2024`, `2 Mei 2024`, `2 Agustus 2024`, `2 Agt 2024`,
 * `2 May 2024`). Dates are kept at UTC midnight.
 */
import { isBlank } from "../engine/cell";

export type ParsedDate =
  | { readonly ok: true; readonly date: Date; readonly fromText: boolean }
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

export function parseDateCell(raw: unknown): ParsedDate {
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
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let date: Date | null = null;
  if (m) {
    date = utcDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    // Indonesian order: day/month/year.
    date = utcDate(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  } else if ((m = /^(\d{1,2})[\s.-]+([A-Za-z]+)\.?[\s.-]+(\d{4})$/.exec(text))) {
    const month = MONTHS.get(m[2].toLowerCase());
    if (month !== undefined) date = utcDate(Number(m[3]), month, Number(m[1]));
  }
  return date ? { ok: true, date, fromText: true } : { ok: false, blank: false };
}

export function isoDate(date: Date): string {
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
