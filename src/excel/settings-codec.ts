/**
 * What KKB keeps in the workbook's settings, so that a re-run (the ribbon's one-click summary)
 * repeats the same summary: where the input is, the iBangga weights, the language, and the list
 * of sheets KKB owns. Values are stored as JSON text and read back leniently. Pure.
 */
import { Lang } from "../engine/framework";
import { KEMANDIRIAN_SENTRAL, SETARA, weightsFromNumbers, Weights } from "../engine/ibangga";
import type { RoundSheet } from "../workbook/round-sheets";
import { isSheetRole, OwnedEntry } from "./plan-names";

export const SETTING_KEYS = {
  owned: "KKB.ownedSheets",
  input: "KKB.input",
  weights: "KKB.weights",
  lang: "KKB.lang",
} as const;

/** Where the input is. `auto` looks for it (a table with the headers, else a sheet scan). */
export type InputLocation =
  | { readonly kind: "auto" }
  | { readonly kind: "selection" }
  | { readonly kind: "table"; readonly table: string }
  | { readonly kind: "sheet"; readonly sheet: string }
  /** `address` is on `sheet`, without the sheet name: `A3:Y90`. */
  | { readonly kind: "range"; readonly sheet: string; readonly address: string }
  /** Several sheets read as rounds (issue 14 item 7), in the order picked. */
  | { readonly kind: "sheets"; readonly sheets: readonly RoundSheet[] };

export interface SavedSettings {
  readonly input: InputLocation | null;
  readonly weights: Weights | null;
  readonly lang: Lang | null;
  readonly owned: readonly OwnedEntry[];
}

export const NO_SETTINGS: SavedSettings = { input: null, weights: null, lang: null, owned: [] };

function parsed(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;

export function parseInputLocation(value: unknown): InputLocation | null {
  const v = parsed(value) as Record<string, unknown> | null | undefined;
  if (!v || typeof v !== "object") return null;
  switch (v.kind) {
    case "auto":
    case "selection":
      return { kind: v.kind };
    case "table":
      return isString(v.table) ? { kind: "table", table: v.table } : null;
    case "sheet":
      return isString(v.sheet) ? { kind: "sheet", sheet: v.sheet } : null;
    case "range":
      return isString(v.sheet) && isString(v.address)
        ? { kind: "range", sheet: v.sheet, address: v.address }
        : null;
    case "sheets":
      return roundSheets(v.sheets);
    default:
      return null;
  }
}

/** The picked sheets of a saved `sheets` location; null unless all are well formed. */
function roundSheets(value: unknown): InputLocation | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const sheets: RoundSheet[] = [];
  for (const item of value as unknown[]) {
    const e = item as { sheet?: unknown; periode?: unknown } | null;
    if (!e || !isString(e.sheet)) return null;
    sheets.push(isString(e.periode) ? { sheet: e.sheet, periode: e.periode } : { sheet: e.sheet });
  }
  return { kind: "sheets", sheets };
}

export function parseWeightsSetting(value: unknown): Weights | null {
  const v = parsed(value) as { name?: unknown; values?: unknown } | null | undefined;
  if (!v || typeof v !== "object") return null;
  if (v.name === SETARA.name) return SETARA;
  if (v.name === KEMANDIRIAN_SENTRAL.name) return KEMANDIRIAN_SENTRAL;
  if (v.name === "custom" && Array.isArray(v.values)) {
    const result = weightsFromNumbers(v.values);
    return result.ok ? result.weights : null;
  }
  return null;
}

export function parseOwned(value: unknown): OwnedEntry[] {
  const v = parsed(value);
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    const entry = e as { name?: unknown; role?: unknown } | null;
    return entry && isString(entry.name) && isSheetRole(entry.role)
      ? [{ name: entry.name, role: entry.role }]
      : [];
  });
}

/** Settings from the workbook's (key, value) pairs. */
export function parseSettings(entries: readonly { key: string; value: unknown }[]): SavedSettings {
  const get = (key: string) => entries.find((e) => e.key === key)?.value;
  const lang = parsed(get(SETTING_KEYS.lang));
  return {
    input: parseInputLocation(get(SETTING_KEYS.input)),
    weights: parseWeightsSetting(get(SETTING_KEYS.weights)),
    lang: lang === "id" || lang === "en" ? lang : null,
    owned: parseOwned(get(SETTING_KEYS.owned)),
  };
}

/** The entries a summary saves besides the owned list. */
export function summarySettingEntries(
  input: InputLocation,
  weights: Weights,
  lang: Lang
): { key: string; value: string }[] {
  return [
    { key: SETTING_KEYS.input, value: JSON.stringify(input) },
    {
      key: SETTING_KEYS.weights,
      value: JSON.stringify({ name: weights.name, values: weights.values }),
    },
    { key: SETTING_KEYS.lang, value: JSON.stringify(lang) },
  ];
}
