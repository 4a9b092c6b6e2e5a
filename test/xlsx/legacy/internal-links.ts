/**
 * Internal hyperlinks (`#'KKB Input'!C5`) for ExcelJS's streaming writer. Its worksheet writer
 * turns every hyperlink into an external relationship, which Excel does not follow inside the
 * workbook; a link with a `location` attribute and no relationship is what Excel writes. This
 * wraps the writer's relationship hook (ExcelJS 4.4, pinned) so `#...` targets become locations.
 */
import type * as ExcelJS from "exceljs";

interface HyperlinkModel {
  address: string;
  target?: string;
  rId?: string;
}

interface SheetRelsWriter {
  addHyperlink(hyperlink: { address: string; target: string }): void;
  _hyperlinks: HyperlinkModel[];
}

export function enableInternalLinks(worksheet: ExcelJS.Worksheet): void {
  const rels = (worksheet as unknown as { _sheetRelsWriter?: SheetRelsWriter })._sheetRelsWriter;
  if (!rels || typeof rels.addHyperlink !== "function" || !Array.isArray(rels._hyperlinks)) {
    throw new Error("ExcelJS streaming writer internals changed: internal links cannot be written");
  }
  const external = rels.addHyperlink.bind(rels);
  rels.addHyperlink = (hyperlink) => {
    if (hyperlink.target.startsWith("#")) {
      rels._hyperlinks.push({ address: hyperlink.address, target: hyperlink.target.slice(1) });
    } else {
      external(hyperlink);
    }
  };
}
