/** xl/tables/tableN.xml: an Excel table's range and whether it has a header row and a Total Row. */
import { parseAddress } from "../../workbook/a1";
import { GridTable } from "../../workbook/grid";
import { isMain } from "./names";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

export async function readTablePart(pkg: ZipPackage, part: string): Promise<GridTable | null> {
  let table: GridTable | null = null;
  const xml = new XmlStream({
    open(ns, local, attributes) {
      if (!isMain(ns) || local !== "table" || table) return;
      const [from, to] = (attributes.ref ?? "").split(":");
      const a = parseAddress(from ?? "");
      const b = parseAddress(to ?? from ?? "");
      if (!a || !b) return;
      table = {
        name: attributes.displayName ?? attributes.name ?? "",
        top: a.row,
        left: a.col,
        bottom: b.row,
        right: b.col,
        // ECMA-376 18.5.1.2: headerRowCount defaults to 1, totalsRowCount to 0.
        headerRows: Number(attributes.headerRowCount ?? 1) > 0 ? 1 : 0,
        totalsRows: Number(attributes.totalsRowCount ?? 0) > 0 ? 1 : 0,
      };
    },
    close() {},
  });
  if (!(await pkg.readText(part, (t) => xml.write(t)))) return null;
  xml.end();
  return table;
}
