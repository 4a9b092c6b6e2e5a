/**
 * @jest-environment jsdom
 *
 * One summary or read at a time in the engine (the office.js fake of test/excel):
 * - F3 (fix-s15): a summary dropped by a change while it runs leaves the button usable (at once,
 *   or once the data is read again); a new run waits for the old one to end, and its sheets are
 *   the ones left. The old run's "made with the settings of the click" warning is not shown.
 * - G4 (fix-s16): a read ("Cari data", "Periksa ulang", the read again in another language)
 *   pressed while a summary runs waits for it, saying so: its rows would mix with the
 *   summary's in the engine. No two Excel.run calls ever overlap.
 * - G6 (fix-s16): a waiting summary that a change drops says so in the pane's status.
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

/**
 * Excel.run over the fake, with gates: the next Excel.run after `gate()` waits until the test
 * opens that gate (so the test, not the machine's speed, decides what still runs when it
 * looks). `overlap` is the most Excel.run calls under way at once; `runs` counts them.
 */
function gatedExcel(model: WorkbookModel) {
  const fake = fakeExcelRun(model);
  let held: Promise<void> | null = null;
  let underWay = 0;
  const seen = { overlap: 0, runs: 0 };
  const gate = () => {
    let open = () => undefined as void;
    held = new Promise<void>((resolve) => {
      open = resolve;
    });
    return open;
  };
  /** Whether the gate set last has been taken by an Excel.run. */
  const gateTaken = () => held === null;
  const run = async (...args: Parameters<typeof fake.run>) => {
    const wait = held;
    held = null;
    underWay++;
    seen.runs++;
    seen.overlap = Math.max(seen.overlap, underWay);
    try {
      if (wait) await wait;
      return await fake.run(...args);
    } finally {
      underWay--;
    }
  };
  (globalThis as Global).Excel = { run };
  return { gate, gateTaken, seen };
}

async function paneWithData(lang: "id" | "en" = "id") {
  const model = new WorkbookModel();
  model.addSheet("Penilaian").fill(exampleRows());
  const excel = gatedExcel(model);
  renderPane(<App host={{ kind: "excel" }} initialLang={lang} />);
  await screen.findByText(
    lang === "id" ? '4 kampung di lembar "Penilaian"' : '4 kampung on sheet "Penilaian"',
    {},
    { timeout: 10_000 }
  );
  return { model, ...excel };
}

const button = () => screen.getByTestId("run-summary");
const enabled = () => button().getAttribute("aria-disabled") !== "true";

/** Starts a summary whose Excel.run is held until the returned gate opens. */
async function heldSummary(excel: { gate: () => () => void; gateTaken: () => boolean }) {
  fireEvent.click(screen.getByRole("button", { name: /^3\. / }));
  const release = excel.gate();
  await act(async () => {
    fireEvent.click(button());
  });
  expect(enabled()).toBe(false);
  await waitFor(() => expect(excel.gateTaken()).toBe(true));
  return release;
}

describe("the pane in Excel: one summary or read at a time in the engine", () => {
  it("F3/G4: a new summary after a language change runs after the old one; its sheets are left", async () => {
    const { model, ...excel } = await paneWithData();
    const release = await heldSummary(excel);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    // The data is read again in English only once the Indonesian run has ended.
    expect(enabled()).toBe(false);
    await act(async () => {
      release();
    });
    await waitFor(() => expect(enabled()).toBe(true), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(button());
    });
    expect(enabled()).toBe(false);
    await waitFor(() => expect(enabled()).toBe(true), { timeout: 30_000 });
    expect(model.sheet("KKB Ringkasan")!.cell(0, 0).value).toBe("Kampung KB convergence summary");
    expect(screen.queryByText(strings("en").summaryStale)).toBeNull();
    expect(screen.queryByText(strings("id").summaryStale)).toBeNull();
    expect(screen.getByRole("button", { name: "Open sheet KKB Ringkasan" })).toBeTruthy();
    expect(excel.seen.overlap).toBe(1);
  }, 60_000);

  it.each(["id", "en"] as const)(
    "G4 (%s): Find the data pressed while a summary runs waits for it, saying so",
    async (lang) => {
      const s = strings(lang);
      const { model, ...excel } = await paneWithData(lang);
      const release = await heldSummary(excel);
      fireEvent.click(screen.getByRole("button", { name: /^1\. / }));
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: s.findData }));
      });
      expect(await screen.findByText(s.readWaiting)).toBeTruthy();
      await act(async () => {
        release();
      });
      await waitFor(() => expect(screen.queryByText(s.readWaiting)).toBeNull(), {
        timeout: 30_000,
      });
      await waitFor(() => expect(screen.queryByText(s.reading)).toBeNull(), { timeout: 30_000 });
      // The read went on after the summary; the summary was written whole.
      expect(excel.seen.overlap).toBe(1);
      expect(model.sheet("KKB Ringkasan")).toBeTruthy();
      expect(
        screen.getByText(
          lang === "id" ? '4 kampung di lembar "Penilaian"' : '4 kampung on sheet "Penilaian"'
        )
      ).toBeTruthy();
    },
    60_000
  );

  it("G6: a waiting summary that a change drops says so in the status, in either language", async () => {
    const { ...excel } = await paneWithData("id");
    const release = await heldSummary(excel);
    // The sheets' language (no read): the running summary is dropped, the button is back.
    await act(async () => {
      fireEvent.click(screen.getByRole("radio", { name: "English" }));
    });
    expect(enabled()).toBe(true);
    await act(async () => {
      fireEvent.click(button());
    });
    expect(screen.getByText(strings("id").summaryWaiting)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("radio", { name: "Indonesia" }));
    });
    const said = screen.getByText(strings("id").summaryWaitingDropped);
    expect(said.closest('[role="status"]')).toBeTruthy();
    expect(enabled()).toBe(true);
    // Again, dropped by the pane's language: said in the new language.
    await act(async () => {
      fireEvent.click(button());
    });
    expect(screen.getByText(strings("id").summaryWaiting)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    expect(screen.getByText(strings("en").summaryWaitingDropped)).toBeTruthy();
    await act(async () => {
      release();
    });
    await waitFor(() => expect(enabled()).toBe(true), { timeout: 30_000 });
    // A change with no summary waiting says nothing of the kind.
    await act(async () => {
      fireEvent.click(screen.getByRole("radio", { name: "Indonesia" }));
    });
    expect(screen.queryByText(strings("en").summaryWaitingDropped)).toBeNull();
    expect(excel.seen.overlap).toBe(1);
  }, 60_000);
  it.each(["id", "en"] as const)(
    "G4 (%s): Insert the template pressed while a summary runs waits for it, saying so",
    async (lang) => {
      const s = strings(lang);
      const model = new WorkbookModel();
      model.addSheet("Data").fill(exampleRows());
      const excel = gatedExcel(model);
      renderPane(<App host={{ kind: "excel" }} initialLang={lang} />);
      await screen.findByText(
        lang === "id" ? '4 kampung di lembar "Data"' : '4 kampung on sheet "Data"',
        {},
        { timeout: 10_000 }
      );
      const release = await heldSummary(excel);
      const made = model.sheets.map((sheet) => sheet.name);
      fireEvent.click(screen.getByRole("button", { name: /^1\. / }));
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: s.insertTemplate }));
      });
      expect(await screen.findByText(s.insertWaiting)).toBeTruthy();
      // Nothing inserted while the summary's Excel.run is held.
      expect(model.sheets.map((sheet) => sheet.name)).toEqual(made);
      await act(async () => {
        release();
      });
      await waitFor(() => expect(screen.queryByText(s.insertWaiting)).toBeNull(), {
        timeout: 30_000,
      });
      await waitFor(() => expect(screen.queryByText(s.reading)).toBeNull(), { timeout: 30_000 });
      // The template's turn came after the summary, and what it did stays said after the read
      // of the sheets it inserted. No two Excel.run calls overlapped.
      expect(excel.seen.overlap).toBe(1);
      expect(model.sheet("KKB Ringkasan")).toBeTruthy();
      expect(
        screen.getByText(
          lang === "id"
            ? /^(Templat disisipkan|Lembar .* sudah ada)/
            : /^(Template inserted|Sheet .* already exist)/
        )
      ).toBeTruthy();
    },
    60_000
  );
  it("Insert the template: the notice of what was inserted stays after the new sheet is read", async () => {
    const model = new WorkbookModel();
    model.addSheet("Sheet1");
    const excel = gatedExcel(model);
    renderPane(<App host={{ kind: "excel" }} initialLang="id" />);
    const s = strings("id");
    // The pane's first look (its saved settings, then the data) finds nothing.
    await waitFor(() => expect(excel.seen.runs).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText(s.reading)).toBeNull(), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: s.insertTemplate }));
    });
    expect(
      await screen.findByText(/^Templat disisipkan: lembar "KKB Input"/, {}, { timeout: 30_000 })
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(s.reading)).toBeNull(), { timeout: 30_000 });
    expect(screen.getByText(/^Templat disisipkan: lembar "KKB Input"/)).toBeTruthy();
    expect(model.sheet("KKB Input")).toBeTruthy();
  }, 60_000);
});
