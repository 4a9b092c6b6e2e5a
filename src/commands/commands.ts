/**
 * The ribbon's commands. "Ringkas" (`kkbSummarize`) writes the summary with the saved settings
 * (input location, weights, language), the same as the pane's button. It runs in the shared
 * runtime (taskpane.html): it tells an open pane the result, and opens the pane when it failed so
 * the user sees why. Loads quietly outside Office.
 */
import { RIBBON_EVENT, RibbonEventDetail } from "../taskpane/ribbon-event";
import { runOneClickSummary } from "./summarize";

type OfficeGlobal = typeof Office;

function office(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

function announce(detail: RibbonEventDetail): void {
  if (typeof window === "undefined" || typeof CustomEvent === "undefined") return;
  window.dispatchEvent(new CustomEvent<RibbonEventDetail>(RIBBON_EVENT, { detail }));
}

export async function summarizeFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await runOneClickSummary();
    announce({
      ok: outcome.ok,
      message: outcome.message,
      sheets: outcome.summary?.sheets ?? [],
    });
    if (!outcome.ok) {
      // Shared runtime 1.1: show the pane, where the message waits.
      await office()
        ?.addin?.showAsTaskpane?.()
        .catch(() => undefined);
    }
  } finally {
    event.completed();
  }
}

/** Registers the command with Office; does nothing outside Office. */
export function registerCommands(): boolean {
  const o = office();
  if (!o?.actions || typeof o.actions.associate !== "function") return false;
  try {
    o.actions.associate("kkbSummarize", summarizeFromRibbon);
    return true;
  } catch {
    return false;
  }
}

registerCommands();
