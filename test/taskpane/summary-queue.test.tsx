/**
 * @jest-environment jsdom
 *
 * Brief fix-s15-polish F3, in Excel (the office.js fake of test/excel): a summary dropped by a
 * language change while it runs leaves the button usable at once; the new run waits for the old
 * one to end (one summary at a time writes to the workbook), and its sheets are the ones left.
 * The old run's "made with the settings of the click" warning is not shown: the new run, clicked
 * since, is making them again.
 */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { strings } from "../../src/taskpane/i18n";
import { exampleRows } from "../helpers/example";
import { fakeExcelRun, WorkbookModel } from "../excel/fake-excel";
import { renderPane } from "./render";

type Global = { Excel?: unknown };

afterEach(() => {
  delete (globalThis as Global).Excel;
});

describe("the pane in Excel: a new summary after one was dropped (F3)", () => {
  it("can be started at once, runs after the old one, and its sheets are the ones left", async () => {
    const model = new WorkbookModel();
    model.addSheet("Penilaian").fill(exampleRows());
    const fake = fakeExcelRun(model);
    // The next Excel.run after a gate is set waits until the test opens that gate: the first
    // summary's, then the read again in English (so the test, not the machine's speed, decides
    // what is still running when it looks).
    let held: Promise<void> | null = null;
    const gate = () => {
      let open = () => undefined as void;
      held = new Promise<void>((resolve) => {
        open = resolve;
      });
      return open;
    };
    /** Whether the gate set last has been taken by an Excel.run (the read it holds began). */
    const gateTaken = () => held === null;
    const run = (...args: Parameters<typeof fake.run>) => {
      const wait = held;
      held = null;
      return wait ? wait.then(() => fake.run(...args)) : fake.run(...args);
    };
    (globalThis as Global).Excel = { run };
    renderPane(<App host={{ kind: "excel" }} initialLang="id" />);
    await screen.findByText('4 kampung di lembar "Penilaian"', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "3. Ringkasan" }));
    const button = () => screen.getByTestId("run-summary");
    const release = gate();
    await act(async () => {
      fireEvent.click(button());
    });
    expect(button().getAttribute("aria-disabled")).toBe("true");
    // The summary's Excel.run is the one held.
    await waitFor(() => expect(gateTaken()).toBe(true));
    const readDone = gate();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    // The Indonesian run has not ended, yet once the data is read in English a new one can be
    // started (not while it is read: the reads would mix in the engine).
    await waitFor(() => expect(gateTaken()).toBe(true));
    expect(button().getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      readDone();
    });
    await waitFor(() => expect(button().getAttribute("aria-disabled")).not.toBe("true"), {
      timeout: 10_000,
    });
    await act(async () => {
      fireEvent.click(button());
    });
    expect(button().getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(strings("en").summaryWaiting)).toBeTruthy();
    await act(async () => {
      release();
    });
    await waitFor(() => expect(button().getAttribute("aria-disabled")).not.toBe("true"), {
      timeout: 30_000,
    });
    expect(model.sheet("KKB Ringkasan")!.cell(0, 0).value).toBe("Kampung KB convergence summary");
    expect(screen.queryByText(strings("en").summaryStale)).toBeNull();
    expect(screen.queryByText(strings("id").summaryStale)).toBeNull();
    expect(screen.getByRole("button", { name: "Open sheet KKB Ringkasan" })).toBeTruthy();
  }, 60_000);
});
