/**
 * Text into SpreadsheetML, losslessly. Element text: `&`, `<`, `>` as entities; characters XML 1.0
 * cannot carry (C0 controls but tab and line feed, U+FFFE, U+FFFF, lone surrogates) and carriage
 * return (which XML parsers turn into a line feed) as Excel's `_xHHHH_` escapes; a literal
 * `_xHHHH_` in the text is itself escaped (`_x005F_xHHHH_`) so readers that decode escapes give it
 * back as typed. Attributes: entities for quotes and for tab, line feed and carriage return (which
 * attribute normalisation would turn into spaces); characters XML cannot carry are dropped.
 */

// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;
const TEXT_ALL =
  // eslint-disable-next-line no-control-regex
  /[&<>\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/g;

const hex4 = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;

function textEscape(match: string): string {
  switch (match) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
  }
  if (match.length === 7) return `_x005F_${match.slice(1)}`;
  // A surrogate pair is a valid character: kept.
  if (match.length === 2) return match;
  return hex4(match.charCodeAt(0));
}

/** Text for element content (`<t>`, `<v>`). */
export function xmlText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_ALL, textEscape) : text;
}

// eslint-disable-next-line no-control-regex
const ATTR_SPECIAL = /[&<>"'\u0000-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const ATTR_ALL = /[&<>"'\u0000-\u001F\uFFFE\uFFFF]/g;

function attrEscape(match: string): string {
  switch (match) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    case "'":
      return "&apos;";
    case "\t":
      return "&#9;";
    case "\n":
      return "&#10;";
    case "\r":
      return "&#13;";
    default:
      return "";
  }
}

/** Text for an attribute value (in double quotes), or for element text that also escapes quotes. */
export function xmlAttr(text: string): string {
  return ATTR_SPECIAL.test(text) ? text.replace(ATTR_ALL, attrEscape) : text;
}

const NEEDS_PRESERVE = /^\s|\s$|[\t\n\r]|\s\s/;

/** An inline string's `<t>` element, keeping its spaces. */
export function inlineText(text: string): string {
  return NEEDS_PRESERVE.test(text)
    ? `<t xml:space="preserve">${xmlText(text)}</t>`
    : `<t>${xmlText(text)}</t>`;
}

/** Decodes Excel's `_xHHHH_` escapes (the inverse of the escaping in xmlText, after entities). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
