/**
 * Where the pane runs (inside Excel, another Office host, or a plain browser), the language to
 * start in, and Office's theme. The only module of the pane besides excel-session.ts that reads
 * the Office global.
 */
import { Lang } from "../engine/framework";

/** Where the pane runs: inside Excel, inside another Office host, or outside Office. */
export type HostState =
  | { readonly kind: "loading" }
  | { readonly kind: "excel" }
  | { readonly kind: "other-host"; readonly host: string }
  | { readonly kind: "no-office" };

/** How long to wait for Office.onReady before saying the pane runs outside Office. */
const OFFICE_READY_TIMEOUT_MS = 3000;
const LANG_KEY = "KKB.paneLang";

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** Starts a timer; returns its cancel. */
export type HostTimer = (fire: () => void, ms: number) => () => void;

const defaultTimer: HostTimer = (fire, ms) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

/**
 * Follows where the pane runs: `onState` gets "no-office" at once outside Office, or after
 * `timeoutMs` when Office.onReady has not arrived yet; and whenever Office.onReady does arrive,
 * even later (a slow start, the web), the host it names. The shared runtime never reloads the
 * pane, so a late onReady must switch it into Excel mode. Returns a stop function.
 */
export function watchHost(
  onState: (state: HostState) => void,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
  timer: HostTimer = defaultTimer
): () => void {
  const o = office();
  if (!o || typeof o.onReady !== "function") {
    onState({ kind: "no-office" });
    return () => undefined;
  }
  let stopped = false;
  let ready = false;
  const cancel = timer(() => {
    if (!stopped && !ready) onState({ kind: "no-office" });
  }, timeoutMs);
  o.onReady().then(
    (info) => {
      ready = true;
      cancel();
      if (stopped) return;
      if (!info.host) onState({ kind: "no-office" });
      else if (info.host === o.HostType.Excel) onState({ kind: "excel" });
      else onState({ kind: "other-host", host: String(info.host) });
    },
    () => {
      ready = true;
      cancel();
      if (!stopped) onState({ kind: "no-office" });
    }
  );
  return () => {
    stopped = true;
    cancel();
  };
}

/** The first host state (see watchHost); later changes are not followed. */
export function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostState> {
  return new Promise((resolve) => {
    let first = true;
    watchHost((state) => {
      if (!first) return;
      first = false;
      resolve(state);
    }, timeoutMs);
  });
}

function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  if (/^en\b/i.test(value)) return "en";
  if (/^id\b/i.test(value)) return "id";
  return null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The pane's language: `?lang=` in the address, else the user's last choice, else English when
 * Office displays English, else Indonesian.
 */
export function initialLang(): Lang {
  const query =
    typeof location === "undefined" ? null : new URLSearchParams(location.search).get("lang");
  const fromQuery = parseLang(query);
  if (fromQuery) return fromQuery;
  const saved = parseLang(storage()?.getItem(LANG_KEY));
  if (saved) return saved;
  return parseLang(office()?.context?.displayLanguage) ?? "id";
}

export function rememberLang(lang: Lang): void {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be off (private mode): the choice then lasts for this session only.
  }
}

/** Whether Office shows a dark theme (its body background is dark). */
export function officeIsDark(): boolean {
  const theme = office()?.context?.officeTheme;
  const background = theme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return false;
  const hex = background.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
