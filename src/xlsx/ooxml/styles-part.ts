/**
 * xl/styles.xml, for two facts only: which cell styles (indexes into cellXfs) show a number as a
 * date, so that a date typed in Excel is read as a date and not as its serial, and which show it
 * as a percentage (97,8 % is stored as 0.978; an iBangga value is read as it is shown).
 */
import { isDateFormat, isPercentFormat } from "../../workbook/number-formats";
import { isMain } from "./names";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Built-in number formats that are percentages (ECMA-376 Part 1, 18.8.30: `0%`, `0.00%`). */
const BUILTIN_PERCENTS = new Set([9, 10]);

/** The cellXfs indexes whose number format is a date, and those whose format is a percentage. */
export interface NumberStyles {
  readonly dates: Set<number>;
  readonly percents: Set<number>;
}

export async function readNumberStyles(
  pkg: ZipPackage,
  part: string | null
): Promise<NumberStyles> {
  const dates = new Set<number>();
  const percents = new Set<number>();
  if (part === null) return { dates, percents };
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
        if (code !== undefined ? isPercentFormat(code) : BUILTIN_PERCENTS.has(id)) percents.add(xf);
        xf++;
      }
    },
    close(ns, local) {
      if (isMain(ns) && local === "cellXfs") inCellXfs = false;
    },
  });
  await pkg.readText(part, (t) => xml.write(t));
  xml.end();
  return { dates, percents };
}
