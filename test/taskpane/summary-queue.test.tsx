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
    // The next Excel.run after `hold` (the first summary's) waits until the test lets it go;
    // the others (the read again in English) run.
    let hold = false;
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = (...args: Parameters<typeof fake.run>) => {
      if (!hold) return fake.run(...args);
      hold = false;
      return gate.then(() => fake.run(...args));
    };
    (globalThis as Global).Excel = { run };
    renderPane(<App host={{ kind: "excel" }} initialLang="id" />);
    await screen.findByText('4 kampung di lembar "Penilaian"', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "3. Ringkasan" }));
    const button = () => screen.getByTestId("run-summary");
    hold = true;
    await act(async () => {
      fireEvent.click(button());
    });
    expect(button().getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    // The Indonesian run has not ended, yet once the data is read in English a new one can be
    // started (not while it is read: the reads would mix in the engine).
    expect(button().getAttribute("aria-disabled")).toBe("true");
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
