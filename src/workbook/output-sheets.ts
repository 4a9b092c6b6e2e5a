/**
 * The sheets of a summary workbook written as a new file (the CLI, the pane outside Excel): the
 * input's sheets copied under their names, then the summary sheets named as the pane names them
 * in Excel (freeName, the one rule): a summary KKB wrote earlier (summaryRoleOf: name, title and
 * stamp) is written afresh instead of copied, any other sheet is kept, and a summary whose name
 * a user's sheet holds becomes `KKB Ringkasan (2)`. Pure.
 */
import { Grid } from "./grid";
import { freeName } from "./sheet-names";
import { SheetSpec } from "./sheet-spec";
import { summaryRoleOf } from "./summary";

export interface OutputSheets {
  readonly copies: { readonly name: string; readonly grid: Grid }[];
  readonly sheets: SheetSpec[];
}

/** `grids` carry valid, unique names (withValidSheetNames). */
export function outputSheets(grids: readonly Grid[], specs: readonly SheetSpec[]): OutputSheets {
  const kept = copiedGrids(grids);
  return {
    copies: kept.map((grid) => ({ name: grid.sheet, grid })),
    sheets: summarySheetsBeside(
      kept.map((grid) => grid.sheet),
      specs
    ),
  };
}

/** The input sheets that are copied: all but a summary KKB wrote earlier. */
export function copiedGrids(grids: readonly Grid[]): Grid[] {
  return grids.filter((grid) => summaryRoleOf(grid) === null);
}

/** The summary sheets, each named so that it is free beside the copied sheets `copyNames`. */
export function summarySheetsBeside(
  copyNames: readonly string[],
  specs: readonly SheetSpec[]
): SheetSpec[] {
  const taken = new Set(copyNames.map((name) => name.toLocaleLowerCase()));
  return specs.map((spec) => {
    const name = freeName(spec.name, taken);
    taken.add(name.toLocaleLowerCase());
    return name === spec.name ? spec : { ...spec, name };
  });
}
