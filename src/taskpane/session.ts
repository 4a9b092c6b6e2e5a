/** What the pane holds about the data: what the reader found (as a view) and where it came from. */
import { InputLocation } from "../excel";
import { ReadView } from "../workbook/read-view";

export type Mode = "excel" | "file";

/** The rows themselves stay with the engine (in its worker); the pane keeps what it shows. */
export type Origin =
  | { readonly kind: "excel"; readonly location: InputLocation; readonly fellBack: boolean }
  | { readonly kind: "file"; readonly name: string };

export interface Loaded {
  readonly read: ReadView;
  readonly origin: Origin;
}

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}
