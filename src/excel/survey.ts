/**
 * One look at the workbook before reading or writing: its sheets (used ranges, protection, KKB
 * role markers), tables (ranges and headers), KKB's settings and, when asked, the selection.
 * Two `context.sync` calls whatever the workbook's size: no cell values are read here.
 */
import type { Grid } from "../workbook/grid";
import { SheetRect } from "./plan-read";
import { ExistingSheet } from "./plan-names";
import { WorkbookFacts } from "./plan-summary";
import { parseSettings, SavedSettings } from "./settings-codec";

/** Name of the worksheet custom property that marks a KKB sheet with its role. */
export const ROLE_PROPERTY = "KKBRole";

export interface Capabilities {
  /** Worksheet custom properties (ExcelApi 1.12). */
  readonly customProperties: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
}

/** What this Excel supports; outside Office (tests) everything the fake models. */
export function detectCapabilities(): Capabilities {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return {
    customProperties: requirements ? requirements.isSetSupported("ExcelApi", "1.12") : true,
    mergedAreas: requirements ? requirements.isSetSupported("ExcelApi", "1.13") : true,
  };
}

export interface SurveyedSheet extends ExistingSheet {
  readonly visible: boolean;
  /** Worksheet.visibility as the file reader names a sheet's state (sheetVisibility). */
  readonly visibility: SheetVisibility;
  /** The used range (values only), or null for an empty sheet. */
  readonly used: Omit<SheetRect, "sheet"> | null;
}

export interface SurveyedTable {
  readonly name: string;
  readonly sheet: string;
  readonly rect: Omit<SheetRect, "sheet">;
  readonly header: readonly unknown[];
  /** The table shows a Total Row (the row under `rect`). */
  readonly totals: boolean;
}

export interface WorkbookSurvey {
  readonly workbookName: string;
  readonly sheets: readonly SurveyedSheet[];
  readonly tables: readonly SurveyedTable[];
  readonly settings: SavedSettings;
  readonly workbookProtected: boolean;
  readonly capabilities: Capabilities;
  /** The selected range, when the survey was asked for it. */
  readonly selection: (SheetRect & { readonly address: string }) | null;
}

/** A sheet's state, named as the file reader names it (grid.ts, Grid.visibility). */
export type SheetVisibility = NonNullable<Grid["visibility"]>;

/**
 * Worksheet.visibility (ExcelApi 1.1 for reading: "Visible", "Hidden" or "VeryHidden") as the
 * file reader names a sheet's state; anything else (a later Excel's new state) is visible.
 */
export function sheetVisibility(value: string): SheetVisibility {
  if (value === "Hidden") return "hidden";
  if (value === "VeryHidden") return "veryHidden";
  return "visible";
}

interface Rect {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const rectOf = (r: Rect) => ({
  row: r.rowIndex,
  col: r.columnIndex,
  rows: r.rowCount,
  cols: r.columnCount,
});

/**
 * The selected range, or null when Excel has none to give: getSelectedRange throws when several
 * ranges are selected (Ctrl+click), as documented. Its own sync, so that refusal stays here.
 */
async function selectedRange(context: Excel.RequestContext): Promise<Excel.Range | null> {
  const selected = context.workbook.getSelectedRange();
  selected.load("address,rowIndex,columnIndex,rowCount,columnCount");
  selected.worksheet.load("name");
  try {
    await context.sync();
    return selected;
  } catch {
    return null;
  }
}

export async function surveyWorkbook(
  context: Excel.RequestContext,
  options: { readonly selection?: boolean; readonly capabilities?: Capabilities } = {}
): Promise<WorkbookSurvey> {
  const capabilities = options.capabilities ?? detectCapabilities();
  const { workbook } = context;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  const tables = workbook.tables;
  tables.load("items/name,items/showTotals");
  const protection = workbook.protection;
  protection.load("protected");
  const settings = workbook.settings;
  settings.load("items/key,items/value");
  workbook.load("name");
  await context.sync();
  const selected = options.selection ? await selectedRange(context) : null;

  const sheetProbes = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const role = capabilities.customProperties
      ? sheet.customProperties.getItemOrNullObject(ROLE_PROPERTY)
      : null;
    if (role) role.load("value");
    return { sheet, used, role };
  });
  const tableProbes = tables.items.map((table) => {
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const header = table.getHeaderRowRange();
    header.load("values");
    const sheet = table.worksheet;
    sheet.load("name");
    return { table, range, header, sheet };
  });
  await context.sync();

  return {
    workbookName: workbook.name,
    sheets: sheetProbes.map(({ sheet, used, role }) => ({
      name: sheet.name,
      visible: sheet.visibility === "Visible",
      visibility: sheetVisibility(sheet.visibility),
      protected: sheet.protection.protected,
      roleProperty: role && !role.isNullObject ? role.value : null,
      used: used.isNullObject ? null : rectOf(used),
    })),
    tables: tableProbes.map(({ table, range, header, sheet }) => ({
      name: table.name,
      sheet: sheet.name,
      // A totals row is not a kampung.
      rect: { ...rectOf(range), rows: range.rowCount - (table.showTotals ? 1 : 0) },
      header: header.values[0] ?? [],
      totals: table.showTotals,
    })),
    settings: parseSettings(settings.items.map((s) => ({ key: s.key, value: s.value }))),
    workbookProtected: protection.protected,
    capabilities,
    selection: selected
      ? { sheet: selected.worksheet.name, address: selected.address, ...rectOf(selected) }
      : null,
  };
}

/** The survey as the write planner needs it. */
export function workbookFacts(survey: WorkbookSurvey): WorkbookFacts {
  return {
    sheets: survey.sheets,
    ownership: {
      customProperties: survey.capabilities.customProperties,
      owned: survey.settings.owned,
    },
    tables: survey.tables.map((t) => ({ name: t.name, sheet: t.sheet })),
    workbookProtected: survey.workbookProtected,
  };
}
