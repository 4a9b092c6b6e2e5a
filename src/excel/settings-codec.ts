/**
 * What KKB keeps in the workbook's settings, so that a re-run (the ribbon's one-click summary)
 * repeats the same summary: where the input is, the iBangga weights, the language, and the list
 * of sheets KKB owns. Values are stored as JSON text and read back leniently. Pure.
 */
import { Lang } from "../engine/framework";
import { KEMANDIRIAN_SENTRAL, SETARA, weightsFromNumbers, Weights } from "../engine/ibangga";
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
  | { readonly kind: "range"; readonly sheet: string; readonly address: string };

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
    default:
      return null;
  }
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
