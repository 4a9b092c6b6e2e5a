/**
 * The ribbon's commands. "Ringkas" (`kkbSummarize`) writes the summary with the saved settings
 * (input location, weights, language), the same as the pane's button. It runs in the shared
 * runtime (taskpane.html). It completes its event at once (a command that waits, for example for
 * showAsTaskpane, can leave Excel's status bar busy: office-js #2877), then does the work and
 * reports through the pane: the result is announced to it (open now or later), and the pane is
 * opened when the summary failed so the user sees why. Loads quietly outside Office.
 */
import { announceRibbonResult } from "../taskpane/ribbon-event";
import { runOneClickSummary } from "./summarize";

type OfficeGlobal = typeof Office;

function office(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

/** Completes the event at once; the returned promise ends when the summary has been reported. */
export function summarizeFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    event.completed();
  } catch {
    // An event Office no longer waits for: the work still runs.
  }
  return (async () => {
    const outcome = await runOneClickSummary();
    announceRibbonResult({
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
  })();
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
