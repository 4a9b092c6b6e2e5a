/**
 * xl/sharedStrings.xml: the text of each <si>, its runs joined, phonetic guides (<rPh>) left
 * out, Excel's `_xHHHH_` escapes decoded.
 */
import { isMain } from "./names";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";
import { decodeEscapes, MAX_CELL_CHARS } from "./text";

export async function readSharedStrings(pkg: ZipPackage, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (part === null) return strings;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  const xml = new XmlStream({
    open(ns, local) {
      if (!isMain(ns)) return;
      if (local === "si") {
        inItem = true;
        text = "";
      } else if (local === "rPh") phonetic++;
      else if (local === "t" && inItem && phonetic === 0) inText = true;
    },
    close(ns, local) {
      if (!isMain(ns)) return;
      if (local === "si") {
        strings.push(decodeEscapes(text));
        inItem = false;
      } else if (local === "rPh") phonetic--;
      else if (local === "t") inText = false;
    },
    text(t) {
      if (!inText) return;
      // Excel's cell limit: more is not a cell Excel could hold, and is not kept.
      if (text.length < MAX_CELL_CHARS) text += t.slice(0, MAX_CELL_CHARS - text.length);
    },
  });
  await pkg.readText(part, (t) => xml.write(t));
  xml.end();
  return strings;
}
