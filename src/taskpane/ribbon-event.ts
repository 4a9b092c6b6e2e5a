/**
 * The ribbon's one-click summary runs in the same page as the pane (the shared runtime): it
 * announces its result with this window event so an open pane can show it.
 */
export const RIBBON_EVENT = "kkb:one-click-summary";

export interface RibbonEventDetail {
  readonly ok: boolean;
  readonly message: string;
  readonly sheets: readonly string[];
}
