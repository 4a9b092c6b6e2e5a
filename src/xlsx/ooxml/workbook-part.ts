/**
 * xl/workbook.xml: the sheets in tab order with their state and relationship, and the date
 * system (1900 or 1904).
 */
import { isMain, RELATIONSHIPS } from "./names";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** The relationship id of the sheet's part. */
  readonly rid: string;
}

export interface WorkbookPart {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
}

export async function readWorkbookPart(pkg: ZipPackage, part: string): Promise<WorkbookPart> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const xml = new XmlStream({
    open(ns, local, attributes, scope) {
      if (!isMain(ns)) return;
      if (local === "workbookPr") {
        const v = attributes.date1904;
        date1904 = v === "1" || v === "true";
      } else if (local === "sheet") {
        const rid = RELATIONSHIPS.map((r) => scope.attribute(attributes, r, "id")).find(
          (x) => x !== undefined
        );
        const state = attributes.state;
        sheets.push({
          name: attributes.name ?? "",
          visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
          rid: rid ?? "",
        });
      }
    },
    close() {},
  });
  if (!(await pkg.readText(part, (t) => xml.write(t)))) throw new Error(`no part ${part}`);
  xml.end();
  return { sheets, date1904 };
}
