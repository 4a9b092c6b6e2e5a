/** What the pane holds about the data: the reader's result and where it came from. */
import { Grid } from "../workbook/grid";
import { InputRead } from "../workbook/input";
import { InputLocation } from "../excel";

export type Mode = "excel" | "file";

export type Origin =
  | { readonly kind: "excel"; readonly location: InputLocation; readonly fellBack: boolean }
  | { readonly kind: "file"; readonly name: string; readonly grids: readonly Grid[] };

export interface Loaded {
  readonly read: InputRead;
  readonly origin: Origin;
}

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}
