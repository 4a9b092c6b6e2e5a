/** @jest-environment jsdom */
/** The data step's "visible rows only" box: labelled in the language, enabled when idle, and it reports its state. */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { DataStep, DataStepProps } from "../../src/taskpane/components/DataStep";
import { renderPane } from "./render";

function props(over: Partial<DataStepProps>): DataStepProps {
  return {
    mode: "file",
    lang: "id",
    loaded: null,
    busy: null,
    notice: null,
    onInsertTemplate: () => undefined,
    onFind: () => undefined,
    onUseSelection: () => undefined,
    onOpenFile: () => undefined,
    onDownloadTemplate: () => undefined,
    visibleOnly: false,
    onVisibleOnly: () => undefined,
    ...over,
  };
}

describe("visible rows only", () => {
  it("is a labelled checkbox, enabled when idle, reporting a tick", () => {
    const changes: boolean[] = [];
    renderPane(<DataStep {...props({ onVisibleOnly: (v) => changes.push(v) })} />);
    const box = screen.getByRole("checkbox", { name: "Hanya baris yang terlihat" });
    expect((box as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(box);
    expect(changes).toEqual([true]);
  });

  it("in English, and aria-disabled while the pane is busy: focusable, a change ignored", () => {
    const changes: boolean[] = [];
    renderPane(
      <DataStep
        {...props({
          lang: "en",
          busy: "Reading…",
          mode: "excel",
          onVisibleOnly: (v) => changes.push(v),
        })}
      />
    );
    const box = screen.getByRole("checkbox", { name: "Visible rows only" });
    // Not `disabled`: a disabled control loses the keyboard focus (to the page's body).
    expect((box as HTMLInputElement).disabled).toBe(false);
    expect(box.getAttribute("aria-disabled")).toBe("true");
    box.focus();
    fireEvent.click(box);
    expect(changes).toEqual([]);
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(document.activeElement).toBe(box);
  });
});

describe("outside Excel", () => {
  it("names the opened file and says the template is a download", () => {
    const loaded = {
      read: {
        sheet: "Penilaian",
        fatal: false,
        kampung: 4,
        hasIbangga: true,
        columns: null,
        overview: {
          sheet: "Penilaian",
          sourceRange: "'Penilaian'!A1:W5",
          kampung: 4,
          subIndicatorsFound: [],
          subIndicatorsMissing: [],
          ibangga: "dimensions",
          dimensionsMissing: [],
          errors: [],
          fatal: false,
        },
      },
      origin: { kind: "file", name: "data-desa.xlsx" },
    } as unknown as DataStepProps["loaded"];
    renderPane(<DataStep {...props({ loaded })} />);
    expect(screen.getByTestId("opened-file").textContent).toBe("File yang dibuka: data-desa.xlsx");
    expect(screen.getByText(/Mengunduh buku kerja templat/)).toBeTruthy();
  });
});

describe("opening a file outside Excel", () => {
  it("is the pane's own button, in the pane's language, that opens the hidden file input", () => {
    const opened: string[] = [];
    renderPane(<DataStep {...props({ onOpenFile: (f) => opened.push(f.name) })} />);
    const button = screen.getByRole("button", { name: "Buka file .xlsx atau CSV…" });
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    // The browser's control (its "No file chosen" in the browser's language) is never shown.
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    const clicks = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(button);
    expect(clicks).toHaveBeenCalledTimes(1);
    // A file chosen in the dialog is opened, and the input emptied to take the same file again.
    const file = new File(["x"], "data-desa.xlsx");
    fireEvent.change(input, { target: { files: [file] } });
    expect(opened).toEqual(["data-desa.xlsx"]);
    expect(input.value).toBe("");
  });

  it("while a summary is made: focusable, says why, and opens no dialog", () => {
    renderPane(<DataStep {...props({ lang: "en", summaryRunning: true })} />);
    const button = screen.getByRole("button", { name: "Open an .xlsx or CSV file…" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const clicks = jest.spyOn(input, "click").mockImplementation(() => undefined);
    button.focus();
    fireEvent.click(button);
    expect(clicks).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button);
    expect(screen.getByText(/Wait until the summary file is made/)).toBeTruthy();
  });
});
