/**
 * A scanner for what the add-in must never ship: network calls, code built from strings, and
 * remote URLs other than Microsoft's Office CDN. It works on text (a built bundle, a page, a
 * source file) and returns every finding with an excerpt, so a failing test says what and where.
 */

export interface Finding {
  readonly file: string;
  readonly rule: string;
  readonly match: string;
  /** The text around the match (minified bundles are one long line). */
  readonly excerpt: string;
}

export interface Rule {
  readonly rule: string;
  readonly pattern: RegExp;
  readonly why: string;
}

/** Ways to reach the network or to run text as code. Patterns are global and word-bounded. */
export const CODE_RULES: readonly Rule[] = [
  { rule: "fetch", pattern: /\bfetch\b/g, why: "a network request" },
  { rule: "XMLHttpRequest", pattern: /\bXMLHttpRequest\b/g, why: "a network request" },
  { rule: "WebSocket", pattern: /\bWebSocket\b/g, why: "a network connection" },
  { rule: "sendBeacon", pattern: /\bsendBeacon\b/g, why: "sends data to a server" },
  { rule: "EventSource", pattern: /\bEventSource\b/g, why: "a server connection" },
  // A call: a feature check (`!self.importScripts`) loads nothing.
  { rule: "importScripts", pattern: /\bimportScripts\s*\(/g, why: "loads a remote script" },
  { rule: "eval", pattern: /\beval\b/g, why: "runs text as code (the CSP forbids it)" },
  {
    rule: "Function constructor",
    pattern: /\bFunction\s*\(/g,
    why: "runs text as code (the CSP forbids it)",
  },
  {
    rule: "string timer",
    pattern: /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/g,
    why: "runs text as code",
  },
];

/** Absolute URLs in any text. */
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\;,]+/gi;

export interface AllowedUrl {
  /** The URL, or its start when it ends with "/". */
  readonly url: string;
  readonly reason: string;
}

export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** Every URL a bundle or page may hold, and why each is harmless. Nothing else is allowed. */
export const URL_ALLOWLIST: readonly AllowedUrl[] = [
  {
    url: `${OFFICE_CDN}/lib/1/hosted/office.js`,
    reason: "office.js from Microsoft's CDN: the one remote script, a store rule",
  },
  { url: OFFICE_CDN, reason: "the Office CDN as a CSP source (script-src), for office.js" },
  {
    url: "http://www.w3.org/2000/svg",
    reason: "SVG namespace URI (React DOM's createElementNS): an identifier, never fetched",
  },
  {
    url: "http://www.w3.org/1999/xlink",
    reason: "XLink namespace URI (React DOM, SVG attributes): an identifier, never fetched",
  },
  {
    url: "http://www.w3.org/1998/Math/MathML",
    reason: "MathML namespace URI (React DOM): an identifier, never fetched",
  },
  {
    url: "http://www.w3.org/XML/1998/namespace",
    reason: "the xml: namespace URI (React DOM, ExcelJS): an identifier, never fetched",
  },
  {
    url: "http://www.w3.org/2001/XMLSchema-instance",
    reason: "the xsi: namespace URI written into .xlsx XML (ExcelJS): an identifier",
  },
  {
    url: "http://www.w3.org/2000/xmlns/",
    reason: "the xmlns namespace URI (XML writers): an identifier",
  },
  {
    url: "https://react.dev/errors/",
    reason:
      "React's production error text names the page that decodes its codes: text, never requested",
  },
  {
    url: "https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md",
    reason:
      "ExcelJS's deprecation message text (lazy xlsx chunk): text in an Error, never requested",
  },
  {
    url: "https://github.com/zloirock/core-js",
    reason:
      "core-js's bundled licence metadata (lazy xlsx chunk): a string in an object, never requested",
  },
  {
    url: "https://github.com/zloirock/core-js/blob/v3.33.0/LICENSE",
    reason:
      "core-js's bundled licence metadata (lazy xlsx chunk): a string in an object, never requested",
  },
  {
    url: "https://github.com/crypto-browserify/crypto-browserify",
    reason: "text of a 'not implemented' Error in ExcelJS's crypto polyfill: never requested",
  },
  {
    url: "https://github.com/indutny/elliptic",
    reason: "package.json metadata bundled by ExcelJS's crypto polyfill: a string, never requested",
  },
  {
    url: "https://github.com/indutny/elliptic/issues",
    reason: "package.json metadata bundled by ExcelJS's crypto polyfill: a string, never requested",
  },
  {
    url: "https://stuk.github.io/jszip/documentation/howto/read_zip.html",
    reason: "JSZip's 'is this a zip file?' Error text: never requested",
  },
  {
    url: "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    reason: "uuid's 'getRandomValues() not supported' Error text: never requested",
  },
  {
    url: "http://schemas.openxmlformats.org/",
    reason: "OOXML namespace and relationship-type URIs inside .xlsx files (ExcelJS): identifiers",
  },
  {
    url: "http://schemas.microsoft.com/office/",
    reason: "Office namespace URIs inside .xlsx files (ExcelJS): identifiers",
  },
  {
    url: "http://purl.oclc.org/ooxml/",
    reason: "ISO Strict OOXML namespace URIs the reader recognises in .xlsx files: identifiers",
  },
  {
    url: "https://github.com/ashtuchkin/iconv-lite/wiki/Use-Buffers-when-decoding",
    reason: "iconv-lite's deprecation warning text (decoding strings, which KKB never does)",
  },
  {
    url: "http://purl.org/dc/",
    reason: "Dublin Core namespace URIs of docProps/core.xml inside .xlsx files: identifiers",
  },
];

export function isAllowedUrl(url: string, extra: readonly string[] = []): boolean {
  const clean = url.replace(/[.:]+$/, "");
  return [...URL_ALLOWLIST.map((a) => a.url), ...extra].some((allowed) =>
    allowed.endsWith("/") ? clean.startsWith(allowed) : clean === allowed
  );
}

function excerpt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, " ");
}

/** Network calls and code from strings in a script. */
export function scanCode(text: string, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, pattern } of CODE_RULES) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      findings.push({ file, rule, match: m[0], excerpt: excerpt(text, m.index, m[0].length) });
    }
  }
  return findings;
}

/** URLs not on the allowlist (nor among `extra`, e.g. the add-in's own base URL). */
export function scanUrls(text: string, file: string, extra: readonly string[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    if (isAllowedUrl(m[0], extra)) continue;
    findings.push({ file, rule: "remote URL", match: m[0], excerpt: excerpt(text, m.index, 0) });
  }
  return findings;
}

/** Both scans: what a shipped script must not contain. */
export function scanScript(text: string, file: string): Finding[] {
  return [...scanCode(text, file), ...scanUrls(text, file)];
}

/** One line per finding, for failure messages. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}: ${f.rule} "${f.match}" in ...${f.excerpt}...`).join("\n");
}
