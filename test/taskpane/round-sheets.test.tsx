/**
 * @jest-environment jsdom
 *
 * Issue 14 item 7 in the pane inside Excel (the office.js fake of test/excel): the workbook keeps
 * one sheet per round; the pane reads the sheets named for rounds as rounds and lists them, the
 * user unticks one, the pane reads the other two as rounds, and the summary written to the workbook holds KKB Tren and saves
 * the picked sheets for the next run.
 */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { RoundSheetsPicker } from "../../src/taskpane/components/RoundSheetsPicker";
import { SETTING_KEYS } from "../../src/excel/settings-codec";
import { strings } from "../../src/taskpane/i18n";
import { exampleRows } from "../helpers/example";
import { gridFromRows } from "../../src/workbook/grid";
import { inputSheets } from "../../src/workbook/round-sheets";
import { fakeExcelRun, WorkbookModel } from "../excel/fake-excel";
import { renderPane } from "./render";

type Global = { Excel?: unknown };

/** The study's four kampung on three round sheets (a notes sheet first, not input). */
function roundSheetsWorkbook(): WorkbookModel {
  const model = new WorkbookModel();
  model.addSheet("Catatan").fill([["Satu lembar per periode penilaian."]]);
  for (const name of ["Penilaian 2024-T3", "Penilaian 2024-T4", "Penilaian 2025-T1"])
    model.addSheet(name).fill(exampleRows());
  return model;
}

afterEach(() => {
  delete (globalThis as Global).Excel;
});

describe("the pane in Excel: rounds on separate sheets", () => {
  it("reads the round sheets as rounds, lists them, reads the two left ticked, and writes KKB Tren", async () => {
    const model = roundSheetsWorkbook();
    (globalThis as Global).Excel = { run: fakeExcelRun(model).run };
    renderPane(<App host={{ kind: "excel" }} initialLang="id" />);
    const picker = await screen.findByTestId("round-sheets", {}, { timeout: 10_000 });
    expect(picker.getAttribute("role")).toBe("group");
    const boxes = screen.getAllByRole("checkbox", { name: /^Penilaian / });
    expect(boxes.map((b) => b.closest("span,div")?.textContent)).toEqual([
      "Penilaian 2024-T3 (periode 2024-T3)",
      "Penilaian 2024-T4 (periode 2024-T4)",
      "Penilaian 2025-T1 (periode 2025-T1)",
    ]);
    // Found by looking through the sheets: each is named for a different round, so all three
    // are read, as those rounds (choose-input.ts), and no sheet is left unread.
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(screen.getByText("12 baris kampung dalam 3 periode di 3 lembar")).toBeTruthy();
    expect(screen.queryByTestId("other-input-sheets")).toBeNull();
    // The user leaves one round out.
    fireEvent.click(boxes[1]);
    const read = screen.getByTestId("read-round-sheets");
    expect(read.textContent).toBe("Baca 2 lembar sebagai periode");
    await act(async () => {
      fireEvent.click(read);
    });
    await screen.findByText(
      /'Penilaian 2024-T3'!A1:\w+; 'Penilaian 2025-T1'!A1:\w+/,
      {},
      {
        timeout: 10_000,
      }
    );
    expect(screen.getByText("8 baris kampung dalam 2 periode di 2 lembar")).toBeTruthy();
    expect(screen.queryByTestId("other-input-sheets")).toBeNull();
    // Two rounds: the summary step offers them, the latest first.
    fireEvent.click(screen.getByRole("button", { name: "3. Ringkasan" }));
    const select = (await screen.findByTestId("periode")) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      "2025-T1 (4 kampung, terakhir)",
      "2024-T3 (4 kampung)",
    ]);
    await act(async () => {
      fireEvent.click(screen.getByTestId("run-summary"));
    });
    await waitFor(() => expect(model.sheet("KKB Tren")).toBeDefined(), { timeout: 20_000 });
    await waitFor(() =>
      expect(JSON.parse(String(model.settings.get(SETTING_KEYS.input)))).toEqual({
        kind: "sheets",
        sheets: [{ sheet: "Penilaian 2024-T3" }, { sheet: "Penilaian 2025-T1" }],
      })
    );
    const stamp = model.sheet("KKB Ringkasan")!.cell(3, 0).value;
    expect(String(stamp)).toContain("periode 2025-T1 (terakhir dari 2 periode)");
    // The input sheets are never written.
    for (const name of ["Penilaian 2024-T3", "Penilaian 2024-T4", "Penilaian 2025-T1"])
      expect(model.sheet(name)!.changes).toBe(0);
  }, 60_000);
});

describe("the pane in Excel: a sheet saved by an earlier summary", () => {
  it("is read again, and the other round sheets are listed beside it", async () => {
    const model = roundSheetsWorkbook();
    model.settings.set(
      SETTING_KEYS.input,
      JSON.stringify({ kind: "sheet", sheet: "Penilaian 2024-T4" })
    );
    (globalThis as Global).Excel = { run: fakeExcelRun(model).run };
    renderPane(<App host={{ kind: "excel" }} initialLang="en" />);
    await screen.findByTestId("round-sheets", {}, { timeout: 10_000 });
    const boxes = screen.getAllByRole("checkbox", { name: /^Penilaian / });
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, false]);
    expect(screen.getByText('4 kampung on sheet "Penilaian 2024-T4"')).toBeTruthy();
    // Not a fallback: the saved sheet is there.
    expect(screen.queryByText(strings("en").fellBack)).toBeNull();
  }, 30_000);
});

describe("the sheet picker", () => {
  const sheets = [
    { sheet: "Penilaian 2024-T1", nameRound: "2024-T1", hasPeriode: false },
    { sheet: "Data lama", nameRound: null, hasPeriode: false },
    { sheet: "Rekap", nameRound: null, hasPeriode: true },
  ];

  it("asks for the round of a sheet whose name gives none, and reads it with the typed round", () => {
    const reads: unknown[] = [];
    renderPane(
      <RoundSheetsPicker
        lang="en"
        sheets={sheets}
        picked={[{ sheet: "Penilaian 2024-T1" }]}
        disabled={false}
        onRead={(p) => reads.push(p)}
      />
    );
    expect(screen.getByRole("group", { name: "Rounds on several sheets" })).toBeTruthy();
    expect(screen.getByLabelText("Rekap (rounds from its Periode column)")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Data lama (its name names no round)"));
    const button = screen.getByTestId("read-round-sheets");
    // No round typed yet: the button stays (focusably) disabled.
    expect(button.getAttribute("aria-disabled")).toBe("true");
    const input = screen.getByLabelText(/Round of sheet Data lama/);
    fireEvent.change(input, { target: { value: "lama" } });
    expect(screen.getByText("Write a round that names a time, e.g. 2024-T1.")).toBeTruthy();
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.change(input, { target: { value: "2023 Semester 2" } });
    expect(button.getAttribute("aria-disabled")).not.toBe("true");
    fireEvent.click(button);
    expect(reads).toEqual([
      [{ sheet: "Penilaian 2024-T1" }, { sheet: "Data lama", periode: "2023 Semester 2" }],
    ]);
  });

  it("while busy keeps its controls focusable (aria-disabled) and ignores changes (F4)", () => {
    const reads: unknown[] = [];
    const picker = (disabled: boolean) => (
      <RoundSheetsPicker
        lang="id"
        sheets={sheets}
        picked={[{ sheet: "Penilaian 2024-T1" }, { sheet: "Data lama", periode: "2023" }]}
        disabled={disabled}
        onRead={(p) => reads.push(p)}
      />
    );
    const { rerender } = renderPane(picker(false));
    rerender(picker(true));
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    const input = screen.getByRole("textbox") as HTMLInputElement;
    for (const control of [...boxes, input]) {
      expect(control.disabled).toBe(false);
      expect(control.getAttribute("aria-disabled")).toBe("true");
    }
    boxes[2].focus();
    fireEvent.click(boxes[2]);
    expect(document.activeElement).toBe(boxes[2]);
    fireEvent.change(input, { target: { value: "2022" } });
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false]);
    expect(input.value).toBe("2023");
    fireEvent.click(screen.getByTestId("read-round-sheets"));
    expect(reads).toEqual([]);
  });
});

describe("hidden sheets in the picker (G5)", () => {
  it.each([
    ["id", "Penilaian 2024-T4 (tersembunyi) (periode 2024-T4)", "Penilaian 2024-T3 (periode"],
    ["en", "Penilaian 2024-T4 (hidden) (round 2024-T4)", "Penilaian 2024-T3 (round"],
  ] as const)(
    "in Excel (%s), a hidden sheet is listed marked, as the CLI marks it",
    async (lang, marked, plain) => {
      const model = roundSheetsWorkbook();
      model.sheet("Penilaian 2024-T4")!.visibility = "Hidden";
      model.sheet("Penilaian 2025-T1")!.visibility = "VeryHidden";
      (globalThis as Global).Excel = { run: fakeExcelRun(model).run };
      renderPane(<App host={{ kind: "excel" }} initialLang={lang} />);
      await screen.findByTestId("round-sheets", {}, { timeout: 10_000 });
      const labels = screen
        .getAllByRole("checkbox", { name: /^Penilaian / })
        .map((b) => b.closest("span,div")?.textContent ?? "");
      expect(labels).toContain(marked);
      expect(labels.find((l) => l.startsWith("Penilaian 2025-T1"))).toContain(
        lang === "id" ? "(tersembunyi)" : "(hidden)"
      );
      const visible = labels.find((l) => l.startsWith("Penilaian 2024-T3"))!;
      expect(visible.startsWith(plain)).toBe(true);
    },
    30_000
  );

  it("from a file, the hidden sheets the reader found are marked", () => {
    const grid = (sheet: string, visibility?: "hidden" | "veryHidden") => ({
      ...gridFromRows(sheet, exampleRows()),
      ...(visibility ? { visibility } : {}),
    });
    const sheets = inputSheets(
      [grid("Penilaian 2024-T3"), grid("Penilaian 2024-T4", "hidden"), grid("Lama", "veryHidden")],
      "id"
    );
    expect(sheets.map((s) => [s.sheet, s.hidden === true])).toEqual([
      ["Penilaian 2024-T3", false],
      ["Penilaian 2024-T4", true],
      ["Lama", true],
    ]);
  });
});
