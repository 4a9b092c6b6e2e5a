/** XML's five entities and character references decoded (for tests that look inside parts). */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (entity in named) return named[entity];
    return String.fromCodePoint(
      entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
    );
  });
}
