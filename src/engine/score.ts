/**
 * Reading one value: a rubric score (0-2) or an iBangga value (0-100). Numbers pass,
 * text that reads as a number in either locale passes with a note, blanks are missing,
 * everything else is an error. Never a silent change.
 */
import { isBlank, isCellError } from "./cell";
import { IBANGGA_MAX, IBANGGA_MIN, RUBRIC_MAX, RUBRIC_MIN, RUBRIC_STEPS } from "./framework";

export type ValueProblem = "missing" | "not-a-number" | "cell-error" | "out-of-range";

export type ValueNote = "text-number" | "off-rubric" | "fraction";

export type ParsedValue =
  | { readonly ok: true; readonly value: number; readonly notes: readonly ValueNote[] }
  | { readonly ok: false; readonly problem: ValueProblem; readonly shown: string };

export interface ValueScale {
  readonly min: number;
  readonly max: number;
  /** Values the scale names; others in range get an `off-rubric` note. */
  readonly steps?: readonly number[];
  /**
   * A 0-100 scale: text with a trailing `%` reads as the number before it (`97,8 %` is 97.8),
   * and a number above 0 up to 1 gets a `fraction` note (97.8 % typed in Excel is stored as
   * 0.978).
   */
  readonly percent?: boolean;
}

export const RUBRIC_SCALE: ValueScale = { min: RUBRIC_MIN, max: RUBRIC_MAX, steps: RUBRIC_STEPS };
export const IBANGGA_SCALE: ValueScale = { min: IBANGGA_MIN, max: IBANGGA_MAX, percent: true };

const NO_NOTES: readonly ValueNote[] = [];
const TEXT_NOTE: readonly ValueNote[] = ["text-number"];
// Optional sign, digits with one decimal mark (comma or point), or a leading mark.
const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * Text that reads as a number in the Indonesian or the English locale, or null; with
 * `percent`, a trailing `%` is allowed and left out (`97,8 %` -> 97.8).
 */
export function parseNumberText(text: string, percent = false): number | null {
  let trimmed = text.trim().replace(/\u00a0/g, "");
  if (percent && trimmed.endsWith("%")) trimmed = trimmed.slice(0, -1).trimEnd();
  if (!NUMBER_TEXT.test(trimmed)) return null;
  return Number(trimmed.replace(",", "."));
}

export function parseValue(raw: unknown, scale: ValueScale): ParsedValue {
  let value: number;
  let notes = NO_NOTES;
  if (typeof raw === "number") {
    value = raw;
  } else if (isBlank(raw)) {
    return { ok: false, problem: "missing", shown: "" };
  } else if (typeof raw === "string") {
    const parsed = parseNumberText(raw, scale.percent);
    if (parsed === null) return { ok: false, problem: "not-a-number", shown: raw };
    value = parsed;
    notes = TEXT_NOTE;
  } else if (isCellError(raw)) {
    return { ok: false, problem: "cell-error", shown: raw.error };
  } else {
    return { ok: false, problem: "not-a-number", shown: showValue(raw) };
  }
  if (!Number.isFinite(value)) return { ok: false, problem: "not-a-number", shown: String(value) };
  if (value < scale.min || value > scale.max) {
    return { ok: false, problem: "out-of-range", shown: String(raw) };
  }
  if (scale.steps && !scale.steps.includes(value)) {
    notes = notes.length ? ["text-number", "off-rubric"] : ["off-rubric"];
  }
  if (scale.percent && value > 0 && value <= 1) notes = [...notes, "fraction"];
  return { ok: true, value, notes };
}

export function parseRubric(raw: unknown): ParsedValue {
  return parseValue(raw, RUBRIC_SCALE);
}

export function parseIbangga(raw: unknown): ParsedValue {
  return parseValue(raw, IBANGGA_SCALE);
}

function showValue(raw: unknown): string {
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? "?" : raw.toISOString().slice(0, 10);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw);
}
