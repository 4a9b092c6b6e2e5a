/**
 * @jest-environment jsdom
 *
 * The round-sheets picker inside Excel (the office.js fake of test/excel) stays after the data
 * is read again (attack s16): after the pane's language is flipped, after "Periksa ulang", and
 * after "Hanya baris yang terlihat" is ticked; the hidden sheet stays marked.
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

/** The picker's sheets, as their rows read ("Penilaian 2024-T4 (tersembunyi) ..."). */
const picked = () =>
  screen
    .queryAllByRole("checkbox", { name: /^Penilaian / })
    .map((b) => b.closest("span,div")?.textContent ?? "");

/**
 * Three round sheets, the second hidden; one kampung row of the first hidden by hand. The two
 * visible ones are read as rounds (each is named for one: choose-input.ts).
 */
async function paneWithRoundSheets() {
  const model = new WorkbookModel();
  model.addSheet("Catatan").fill([["Satu lembar per periode penilaian."]]);
  for (const name of ["Penilaian 2024-T3", "Penilaian 2024-T4", "Penilaian 2025-T1"])
    model.addSheet(name).fill(exampleRows());
  model.sheet("Penilaian 2024-T4")!.visibility = "Hidden";
  model.sheet("Penilaian 2024-T3")!.hiddenRows.add(4);
  (globalThis as Global).Excel = { run: fakeExcelRun(model).run };
  renderPane(<App host={{ kind: "excel" }} initialLang="id" />);
  await screen.findByText("8 baris kampung dalam 2 periode di 2 lembar", {}, { timeout: 10_000 });
  await screen.findByTestId("round-sheets");
  expect(picked()).toHaveLength(3);
  return model;
}

describe("the round-sheets picker inside Excel after the data is read again", () => {
  it("stays after the pane's language is flipped, both ways", async () => {
    await paneWithRoundSheets();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    await screen.findByText("8 kampung rows in 2 rounds on 2 sheets", {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText(strings("en").reading)).toBeNull(), {
      timeout: 10_000,
    });
    expect(picked()).toHaveLength(3);
    expect(picked().filter((l) => l.includes(strings("en").hiddenSheet))).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "ID (Indonesia)" }));
    });
    await screen.findByText("8 baris kampung dalam 2 periode di 2 lembar", {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText(strings("id").reading)).toBeNull(), {
      timeout: 10_000,
    });
    expect(picked()).toHaveLength(3);
    expect(picked().filter((l) => l.includes(strings("id").hiddenSheet))).toHaveLength(1);
  }, 60_000);

  it("stays after 'Periksa ulang'", async () => {
    const model = await paneWithRoundSheets();
    fireEvent.click(screen.getByRole("button", { name: /^2\. / }));
    // A kampung added meanwhile shows the data was read again.
    model
      .sheet("Penilaian 2024-T3")!
      .fill([...exampleRows(), [...exampleRows()[1]].map((v, c) => (c === 0 ? "Baru" : v))]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: strings("id").recheck }));
    });
    fireEvent.click(screen.getByRole("button", { name: /^1\. / }));
    await screen.findByText("9 baris kampung dalam 2 periode di 2 lembar", {}, { timeout: 10_000 });
    expect(picked()).toHaveLength(3);
    expect(picked().filter((l) => l.includes(strings("id").hiddenSheet))).toHaveLength(1);
  }, 60_000);
  // Last: the engine the pane shares keeps what it read (a pane is one App in its page).
  it("stays after 'Hanya baris yang terlihat' is ticked", async () => {
    await paneWithRoundSheets();
    await act(async () => {
      fireEvent.click(screen.getByRole("checkbox", { name: "Hanya baris yang terlihat" }));
    });
    // The row hidden by hand is left out: the data was read again.
    await screen.findByText("7 baris kampung dalam 2 periode di 2 lembar", {}, { timeout: 10_000 });
    expect(picked()).toHaveLength(3);
    expect(picked().filter((l) => l.includes(strings("id").hiddenSheet))).toHaveLength(1);
  }, 60_000);
});
