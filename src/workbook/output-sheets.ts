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
  const kept = grids.filter((grid) => summaryRoleOf(grid) === null);
  const taken = new Set(kept.map((grid) => grid.sheet.toLocaleLowerCase()));
  const sheets = specs.map((spec) => {
    const name = freeName(spec.name, taken);
    taken.add(name.toLocaleLowerCase());
    return name === spec.name ? spec : { ...spec, name };
  });
  return { copies: kept.map((grid) => ({ name: grid.sheet, grid })), sheets };
}
