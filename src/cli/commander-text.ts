/**
 * Commander's own words (help titles, the help option, parse errors) in the user's language.
 * Commander is configured, not replaced: its help titles pass through `styleTitle`, its errors
 * through `outputError`, where the English sentences it writes are given in Indonesian.
 */
import { Lang } from "../engine/framework";

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Cara pakai:",
  "Options:": "Opsi:",
  "Commands:": "Perintah:",
  "Arguments:": "Argumen:",
  "Global Options:": "Opsi umum:",
};

/** A help section title in the language. */
export function helpTitle(title: string, lang: Lang): string {
  return lang === "id" ? (TITLES[title] ?? title) : title;
}

export const VERSION_OPTION: Readonly<Record<Lang, string>> = {
  id: "tampilkan nomor versi",
  en: "output the version number",
};

/** A usage line (`kkb summarize [options] <input>`) in the language. */
export function usageWords(usage: string, lang: Lang): string {
  return lang === "id"
    ? usage.replace("[options]", "[opsi]").replace("[command]", "[perintah]")
    : usage;
}

export const HELP_OPTION: Readonly<Record<Lang, string>> = {
  id: "tampilkan bantuan perintah",
  en: "display help for command",
};

export const HELP_COMMAND: Readonly<Record<Lang, string>> = {
  id: "tampilkan bantuan perintah",
  en: "display help for command",
};

/** Commander's error sentences (commander 14) and their Indonesian. */
const ERRORS: readonly [RegExp, (...groups: string[]) => string][] = [
  [
    /^error: required option '(.+)' not specified$/,
    (o) => `galat: opsi wajib '${o}' tidak diberikan`,
  ],
  [
    /^error: missing required argument '(.+)'$/,
    (a) => `galat: argumen wajib '${a}' tidak diberikan`,
  ],
  [/^error: unknown option '(.+)'$/, (o) => `galat: opsi '${o}' tidak dikenal`],
  [/^error: unknown command '(.+)'$/, (c) => `galat: perintah '${c}' tidak dikenal`],
  [/^error: option '(.+)' argument missing$/, (o) => `galat: opsi '${o}' perlu nilai`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_c, want, got) => `galat: terlalu banyak argumen: seharusnya ${want}, diberikan ${got}.`,
  ],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (o, v, list) => `galat: nilai '${v}' untuk opsi '${o}' tidak sah. Pilihan: ${list}.`,
  ],
  [/^\(Did you mean (.+)\?\)$/, (s) => `(Maksud Anda ${s}?)`],
];

/** One of commander's error outputs (possibly several lines) in the language. */
export function commanderError(text: string, lang: Lang): string {
  if (lang !== "id") return text;
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, say] of ERRORS) {
        const m = pattern.exec(line.trim());
        if (m) return say(...m.slice(1));
      }
      return line;
    })
    .join("\n");
}
