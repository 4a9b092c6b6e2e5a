/**
 * Text from a file shown where control characters would act instead of show: a kampung name
 * holding ESC sequences (clear the screen, set the window title, write the clipboard) reaches a
 * terminal as `\x1b[2J`, readable and inert. Escaped: C0 controls (but tab and, unless asked,
 * line feed), DEL, C1 controls (U+0080-U+009F, among them the one-byte CSI), and the bidi
 * overrides and isolates that reorder what is shown. Pure.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROLS_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_NEWLINES = /[\u0000-\u0008\n-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// With the line and paragraph separators (U+2028, U+2029): many readers end a line there, and
// the JSON has one kampung per line.
const CONTROLS_BEYOND_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_BEYOND_JSON_ALL = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A `\udXXX` escape (D800-DFFF) and the backslashes before it (an even run is text). */
const LONE_SURROGATE_ESCAPE = /(\\+)u(d[89a-f][0-9a-f]{2})/g;

function replaceLone(match: string, slashes: string): string {
  return slashes.length % 2 === 1 ? `${slashes}ufffd` : match;
}

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, "0");

function escapeOne(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
}

/**
 * The text with control characters written out (`\x1b`, `\u202e`). Tab is kept; line feeds
 * are kept unless `newlines` is "escape" (one issue per line in the terminal).
 */
export function escapeControls(text: string, newlines: "keep" | "escape" = "keep"): string {
  if (newlines === "escape") return text.replace(CONTROLS_AND_NEWLINES, escapeOne);
  return CONTROLS.test(text) ? text.replace(CONTROLS_ALL, escapeOne) : text;
}

/**
 * JSON text whose strings carry no character that acts on a terminal: JSON.stringify already
 * escapes C0 controls; DEL, C1 controls, bidi controls and the line and paragraph separators
 * are written as `\u` escapes here, which JSON reads back as the same characters. A lone
 * surrogate (JSON.stringify writes it as `\ud800`; a pair it writes as the character) becomes
 * `\ufffd`: RFC 8259 section 8.2 allows the escape but calls its reading unpredictable, and jq
 * 1.6 refuses the file (lone-surrogates.ts warns, naming the cells). `json` is JSON.stringify's
 * output, or a piece of it that holds whole strings.
 */
export function terminalSafeJson(json: string): string {
  const safe = CONTROLS_BEYOND_JSON.test(json)
    ? json.replace(CONTROLS_BEYOND_JSON_ALL, (c) => `\\u${hex(c, 4)}`)
    : json;
  return safe.includes("\\ud") ? safe.replace(LONE_SURROGATE_ESCAPE, replaceLone) : safe;
}
