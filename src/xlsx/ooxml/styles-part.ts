/**
 * xl/styles.xml, for one fact only: which cell styles (indexes into cellXfs) show a number as a
 * date, so that a date typed in Excel is read as a date and not as its serial.
 */
import { isMain } from "./names";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when it has date or time letters outside quotes and brackets. */
export function isDateFormat(code: string | undefined | null): boolean {
  if (!code) return false;
  const bare = code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The set of cellXfs indexes whose number format is a date. */
export async function readDateStyles(pkg: ZipPackage, part: string | null): Promise<Set<number>> {
  const dates = new Set<number>();
  if (part === null) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  const xml = new XmlStream({
    open(ns, local, attributes) {
      if (!isMain(ns)) return;
      if (local === "numFmt") custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(ns, local) {
      if (isMain(ns) && local === "cellXfs") inCellXfs = false;
    },
  });
  await pkg.readText(part, (t) => xml.write(t));
  xml.end();
  return dates;
}
