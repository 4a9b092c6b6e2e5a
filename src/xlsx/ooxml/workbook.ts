/**
 * An .xlsx package (any producer: Excel, LibreOffice, WPS, Google Sheets, openpyxl, .NET's Open
 * XML SDK) into grids, one per worksheet in tab order. The parts are found through their
 * relationships, as the Open Packaging Conventions say, never by assumed names; every part is
 * read as a stream. The same code runs in Node and in the pane's worker.
 */
import { Grid } from "../../workbook/grid";
import { CellBudget, GridBuilder, NewGridBuilder } from "../grid-builder";
import { readRelationships, Relationship } from "./opc";
import { SheetContext, SheetPartHandler } from "./sheet-part";
import { readSharedStrings } from "./shared-strings";
import { readNumberStyles } from "./styles-part";
import { readTablePart } from "./table-part";
import { readWorkbookPart } from "./workbook-part";
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

export class NotSpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotSpreadsheetError";
  }
}

/** Called with the rows read so far (across sheets), about every thousand rows. */
export type RowProgress = (rowsRead: number) => void;

/** How a sheet's text reaches its parser. */
export interface SheetFeed {
  write(text: string): void;
  end(): void;
}

/**
 * Makes the feed of a sheet's text: by default straight into its XML stream; the reading
 * thread of read-thread.ts cuts it between rows to read part of it in another (sheet-split.ts).
 */
export type NewSheetFeed = (
  xml: XmlStream,
  handler: SheetPartHandler,
  grid: GridBuilder,
  context: SheetContext
) => SheetFeed;

const wholeFeed: NewSheetFeed = (xml) => ({
  write: (text) => xml.write(text),
  end: () => xml.end(),
});

function byType(rels: readonly Relationship[], type: string): Relationship | undefined {
  return rels.find((r) => r.type === type && r.part !== null);
}

/** The workbook part: the package's officeDocument relationship, or Excel's usual name. */
async function workbookPartName(pkg: ZipPackage): Promise<string> {
  const office = byType(await readRelationships(pkg, ""), "officeDocument");
  if (office?.part) return office.part;
  if (pkg.has("xl/workbook.xml")) return "xl/workbook.xml";
  throw new NotSpreadsheetError("the package has no workbook part");
}

export async function readXlsxPackage(
  pkg: ZipPackage,
  onRows?: RowProgress,
  budget: CellBudget = { remaining: Infinity },
  newBuilder: NewGridBuilder = (sheet, cells) => new GridBuilder(sheet, cells),
  newFeed: NewSheetFeed = wholeFeed
): Promise<Grid[]> {
  const workbookPart = await workbookPartName(pkg);
  const workbook = await readWorkbookPart(pkg, workbookPart);
  const rels = await readRelationships(pkg, workbookPart);
  const styles = await readNumberStyles(pkg, byType(rels, "styles")?.part ?? null);
  const context: SheetContext = {
    sharedStrings: await readSharedStrings(pkg, byType(rels, "sharedStrings")?.part ?? null),
    dateStyles: styles.dates,
    percentStyles: styles.percents,
    date1904: workbook.date1904,
  };
  const grids: Grid[] = [];
  let rowsBefore = 0;
  for (const sheet of workbook.sheets) {
    const rel = rels.find((r) => r.id === sheet.rid);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel?.part || rel.type !== "worksheet") continue;
    const grid = newBuilder(sheet.name, budget);
    grid.visibility = sheet.visibility;
    const before = rowsBefore;
    const handler = new SheetPartHandler(context, grid, onRows && ((n) => onRows(before + n)));
    const feed = newFeed(new XmlStream(handler), handler, grid, context);
    if (!(await pkg.readText(rel.part, (t) => feed.write(t)))) continue;
    feed.end();
    rowsBefore += handler.rowsRead;
    if (handler.tableIds.length > 0) {
      const sheetRels = await readRelationships(pkg, rel.part);
      for (const id of handler.tableIds) {
        const part = sheetRels.find((r) => r.id === id)?.part;
        const table = part ? await readTablePart(pkg, part) : null;
        if (table) grid.addTable(table);
      }
    }
    grids.push(grid.build());
  }
  return grids;
}
