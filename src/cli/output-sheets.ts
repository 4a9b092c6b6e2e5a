/**
 * The sheets of the CLI's output workbook: the input's sheets copied under their names, and the
 * summary sheets under the names the pane would give them in the same workbook (one rule,
 * src/excel/plan-names.ts): a summary sheet KKB wrote earlier is replaced, any other sheet is
 * kept, and a summary whose name is taken by a user's sheet becomes `KKB Ringkasan (2)`.
 */
import { ExistingSheet, OwnedEntry, planSheetNames } from "../excel/plan-names";
import { Grid } from "../workbook/grid";
import { SheetSpec } from "../workbook/sheet-spec";
import { summaryRoleOf } from "../workbook/summary";
import { SheetCopy } from "../xlsx/write";

export interface OutputSheets {
  readonly copies: SheetCopy[];
  readonly sheets: SheetSpec[];
}

export function outputSheets(grids: readonly Grid[], specs: readonly SheetSpec[]): OutputSheets {
  const owned: OwnedEntry[] = [];
  const existing: ExistingSheet[] = grids.map((grid) => {
    const role = summaryRoleOf(grid);
    if (role) owned.push({ name: grid.sheet, role });
    return { name: grid.sheet, roleProperty: role, protected: false };
  });
  const plan = planSheetNames(specs, existing, { customProperties: true, owned });
  const replaced = new Set(plan.toDelete);
  return {
    copies: grids
      .filter((grid) => !replaced.has(grid.sheet))
      .map((grid) => ({ name: grid.sheet, grid })),
    sheets: specs.map((spec, i) =>
      spec.name === plan.names[i] ? spec : { ...spec, name: plan.names[i] }
    ),
  };
}
