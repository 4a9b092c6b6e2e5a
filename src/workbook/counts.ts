/**
 * "4 kampung, 1 error, 3 warnings": the issue counts of the CLI's count line and every sheet's
 * stamp, with the English plural by CLDR's rule (Intl.PluralRules: 1 is "one"); Indonesian
 * nouns do not change ("1 galat, 3 peringatan"). The pane has its own (src/taskpane/i18n.ts).
 */
import { Lang } from "../engine/framework";

interface Noun {
  readonly one: string;
  readonly other: string;
}

const NOUNS: Record<"error" | "warning" | "place", Record<Lang, Noun>> = {
  error: { id: { one: "galat", other: "galat" }, en: { one: "error", other: "errors" } },
  warning: {
    id: { one: "peringatan", other: "peringatan" },
    en: { one: "warning", other: "warnings" },
  },
  place: { id: { one: "tempat", other: "tempat" }, en: { one: "place", other: "places" } },
};

const RULES: Record<Lang, Intl.PluralRules> = {
  id: new Intl.PluralRules("id"),
  en: new Intl.PluralRules("en"),
};

/** `1 error`, `2 errors`, `1 galat`. */
export function countText(n: number, noun: keyof typeof NOUNS, lang: Lang): string {
  const forms = NOUNS[noun][lang];
  return `${n} ${RULES[lang].select(n) === "one" ? forms.one : forms.other}`;
}

/**
 * `4 kampung, 1 error, 3 warnings` (kampung is the same in both languages and numbers); with
 * several `rounds`, `kampung` counts rows of every round and is said so: `87 kampung rows in 3
 * rounds, ...`.
 */
export function issueCountsText(
  kampung: number,
  errors: number,
  warnings: number,
  lang: Lang,
  rounds = 1
): string {
  const rows =
    rounds <= 1
      ? `${kampung} kampung`
      : lang === "id"
        ? `${kampung} baris kampung dalam ${rounds} periode`
        : `${kampung} kampung rows in ${rounds} rounds`;
  return `${rows}, ${countText(errors, "error", lang)}, ${countText(warnings, "warning", lang)}`;
}
