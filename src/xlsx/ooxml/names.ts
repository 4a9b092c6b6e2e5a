/** SpreadsheetML's namespaces, transitional (what Excel writes) and strict (ISO/IEC 29500 Strict). */
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const RELATIONSHIPS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/** Whether an element is SpreadsheetML's (any prefix, or none). */
export function isMain(ns: string): boolean {
  return ns === MAIN || ns === MAIN_STRICT;
}

export { RELATIONSHIPS };

/**
 * The namespaces KKB compares against, by value, to the very string constants above: a URI read
 * from a file is mapped once, where it is declared, so every comparison after that is one of
 * identity (comparing the 60 characters for each element cost 1.3 s of a national read).
 */
export const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map(
  [MAIN, MAIN_STRICT, ...RELATIONSHIPS].map((uri) => [uri, uri])
);
