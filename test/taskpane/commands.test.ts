/** @jest-environment jsdom */
import { registerCommands, summarizeFromRibbon } from "../../src/commands/commands";
import { lastRibbonResult, RIBBON_EVENT, RibbonEventDetail } from "../../src/taskpane/ribbon-event";

type Global = { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete (globalThis as Global).Office;
  delete (globalThis as Global).Excel;
});

describe("ribbon commands", () => {
  it("load outside Office without registering anything", () => {
    expect(registerCommands()).toBe(false);
  });

  it("register kkbSummarize with Office.actions", () => {
    const associated: string[] = [];
    (globalThis as Global).Office = {
      actions: { associate: (id: string) => associated.push(id) },
    };
    expect(registerCommands()).toBe(true);
    expect(associated).toEqual(["kkbSummarize"]);
  });

  it("complete the event at once, before the summary has run (which may take long or hang)", async () => {
    (globalThis as Global).Office = { context: { displayLanguage: "id-ID" } };
    (globalThis as Global).Excel = { run: () => new Promise(() => undefined) };
    let completed = 0;
    void summarizeFromRibbon({
      completed: () => completed++,
    } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
  });

  it("keep the last result for a pane that opens later", async () => {
    (globalThis as Global).Office = { context: { displayLanguage: "id-ID" } };
    await summarizeFromRibbon({
      completed: () => undefined,
    } as unknown as Office.AddinCommands.Event);
    expect(lastRibbonResult()).toEqual({
      ok: false,
      message: "Perintah ini hanya berjalan di dalam Excel.",
      sheets: [],
    });
  });

  it("complete the event, tell the pane the result and open it when the summary failed", async () => {
    const shown: string[] = [];
    (globalThis as Global).Office = {
      context: { displayLanguage: "id-ID" },
      addin: { showAsTaskpane: () => (shown.push("pane"), Promise.resolve()) },
    };
    const details: RibbonEventDetail[] = [];
    const listen = (e: Event) => details.push((e as CustomEvent<RibbonEventDetail>).detail);
    window.addEventListener(RIBBON_EVENT, listen);
    let completed = 0;
    // No Excel global: the one-click summary reports it only runs inside Excel.
    await summarizeFromRibbon({
      completed: () => completed++,
    } as unknown as Office.AddinCommands.Event);
    window.removeEventListener(RIBBON_EVENT, listen);
    expect(completed).toBe(1);
    expect(details).toEqual([
      { ok: false, message: "Perintah ini hanya berjalan di dalam Excel.", sheets: [] },
    ]);
    expect(shown).toEqual(["pane"]);
  });
});
