/**
 * The ribbon's one-click summary runs in the same page as the pane (the shared runtime): it
 * announces its result with this window event so an open pane can show it, and keeps the last
 * result so a pane that opens afterwards shows it too.
 */
export const RIBBON_EVENT = "kkb:one-click-summary";

export interface RibbonEventDetail {
  readonly ok: boolean;
  readonly message: string;
  readonly sheets: readonly string[];
}

let last: RibbonEventDetail | null = null;

/** Tells the pane (open now or later) the ribbon command's result. */
export function announceRibbonResult(detail: RibbonEventDetail): void {
  last = detail;
  if (typeof window === "undefined" || typeof CustomEvent === "undefined") return;
  window.dispatchEvent(new CustomEvent<RibbonEventDetail>(RIBBON_EVENT, { detail }));
}

/** The last result announced in this runtime, or null. */
export function lastRibbonResult(): RibbonEventDetail | null {
  return last;
}
