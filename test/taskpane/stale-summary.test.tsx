/** @jest-environment jsdom */
/**
 * A summary file is shown only while the inputs it was made from are the current ones: a run
 * that finishes after a file, language or option change is dropped, and a finished result goes
 * when an input of the summary changes. The engine is a stand-in whose summary the test finishes.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { CellValue } from "../../src/engine/cell";
import { App } from "../../src/taskpane/App";
import { FileProgress, FileSummary } from "../../src/taskpane/engine-protocol";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { ReadView, viewOfRead } from "../../src/workbook/read-view";
import { templateHeaders } from "../../src/workbook/template";
import { renderPane } from "./render";

interface Run {
  readonly request: { readonly lang: string; readonly includeCopies?: boolean };
  readonly finish: () => void;
}

const runs: Run[] = [];
const opened: string[] = [];
/** While true, a read again (another language) waits in `heldReads`, as behind a summary in the worker. */
let holdReads = false;
const heldReads: (() => void)[] = [];

function viewOf(kampung: number): ReadView {
  const headers = templateHeaders("id");
  const row = (name: string): CellValue[] =>
    headers.map((h, i) => (i === 0 ? name : h.startsWith("iBangga") ? 80 : i >= 7 ? 1 : null));
  const rows = Array.from({ length: kampung }, (_, k) => row(`Kampung ${k + 1}`));
  return viewOfRead(readInput([gridFromRows("Data", [headers, ...rows])], { lang: "id" }), "id");
}

jest.mock("../../src/taskpane/engine-client", () => {
  const actual = jest.requireActual("../../src/taskpane/engine-client");
  const engine = {
    openFile: (_bytes: ArrayBuffer, name: string) => {
      opened.push(name);
      return Promise.resolve(viewOf(name.startsWith("kosong") ? 0 : 2));
    },
    // Read again (another language): the last file opened.
    read: () => {
      const view = viewOf(opened[opened.length - 1]?.startsWith("kosong") ? 0 : 2);
      if (!holdReads) return Promise.resolve(view);
      return new Promise<ReadView>((resolve) => heldReads.push(() => resolve(view)));
    },
    // The check step is not under test: its scores never arrive.
    analyse: () => new Promise(() => undefined),
    whatIf: () => new Promise(() => undefined),
    summaryFile: (
      request: Run["request"],
      onProgress: (p: FileProgress) => void
    ): Promise<FileSummary> =>
      new Promise((resolve) => {
        onProgress({ stage: "score", fraction: 0.5 } as FileProgress);
        runs.push({
          request,
          finish: () => {
            // A late progress report of a dropped run must not show either.
            onProgress({ stage: "zip", fraction: 0.9 } as FileProgress);
            resolve({
              bytes: new Uint8Array([1, 2, 3]),
              sheets: ["KKB Ringkasan"],
              counts: { kampung: 2, errors: 0, warnings: 1 },
            } as FileSummary);
          },
        });
      }),
  };
  return { ...actual, paneEngine: () => engine };
});

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => "blob:kkb-summary");
  URL.revokeObjectURL = jest.fn();
});

beforeEach(() => {
  runs.length = 0;
  opened.length = 0;
  holdReads = false;
  heldReads.length = 0;
});

function fileOf(name: string): File {
  const file = new File(["x"], name);
  Object.defineProperty(file, "arrayBuffer", { value: () => Promise.resolve(new ArrayBuffer(1)) });
  return file;
}

async function open(name: string) {
  const input = screen.getByTestId("file-input");
  await act(async () => {
    fireEvent.change(input, { target: { files: [fileOf(name)] } });
  });
}

async function startSummary() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /3\. (Ringkasan|Summary)/ }));
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-summary"));
  });
  expect(runs).toHaveLength(1);
}

async function finish(run: Run) {
  await act(async () => {
    run.finish();
  });
}

describe("the summary file shown is made from the current inputs", () => {
  it("drops a run that finishes after the language changed (P2)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    await finish(runs[0]);
    expect(runs[0].request.lang).toBe("id");
    expect(screen.queryByTestId("download-summary")).toBeNull();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/Summary ready|Ringkasan siap/)).toBeNull();
    // Once the old run is over, a new one in English is kept.
    await act(async () => {
      fireEvent.click(screen.getByTestId("run-summary"));
    });
    await finish(runs[1]);
    expect(runs[1].request.lang).toBe("en");
    expect(screen.getByTestId("download-summary").textContent).toBe(
      "Download contoh-kkb-summary.xlsx"
    );
    expect(screen.getByText("Summary ready: 2 kampung, 0 errors, 1 warning.")).toBeTruthy();
  });

  it("starts a new run at once after a run is dropped; it waits for the old one to end (F3)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    const button = () => screen.getByTestId("run-summary");
    expect(button().getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    // The old run has not ended, yet the button is usable for the new language.
    expect(button().getAttribute("aria-disabled")).not.toBe("true");
    await act(async () => {
      fireEvent.click(button());
    });
    expect(button().getAttribute("aria-disabled")).toBe("true");
    // One summary at a time: the new one is asked of the engine when the old one ends.
    expect(runs).toHaveLength(1);
    expect(
      screen.getByText("Waiting for the previous summary to finish (its result is not used)")
    ).toBeTruthy();
    await finish(runs[0]);
    expect(screen.queryByTestId("download-summary")).toBeNull();
    expect(runs).toHaveLength(2);
    expect(runs[1].request.lang).toBe("en");
    // The old run's end does not end the new one's "running".
    expect(button().getAttribute("aria-disabled")).toBe("true");
    await finish(runs[1]);
    expect(screen.getByTestId("download-summary").textContent).toBe(
      "Download contoh-kkb-summary.xlsx"
    );
    expect(button().getAttribute("aria-disabled")).not.toBe("true");
  });

  it("keeps the new run when the read in the new language lands after it started (F3)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    // The engine's worker answers the read in English after the old summary (one at a time).
    holdReads = true;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("run-summary"));
    });
    await finish(runs[0]);
    expect(runs).toHaveLength(2);
    await act(async () => {
      heldReads.splice(0).forEach((resolve) => resolve());
    });
    // The same data in another language is no new input: the new run is not dropped.
    await finish(runs[1]);
    expect(screen.getByTestId("download-summary").textContent).toBe(
      "Download contoh-kkb-summary.xlsx"
    );
  });

  it("a run dropped while it waited is not made at all (F3)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("run-summary"));
    });
    // Changed again while the second run waited: it is dropped before it starts.
    await act(async () => {
      fireEvent.click(screen.getByRole("checkbox", { name: /Include a copy/ }));
    });
    await finish(runs[0]);
    expect(runs).toHaveLength(1);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("run-summary").getAttribute("aria-disabled")).not.toBe("true");
  });

  it("drops a run whose option changed while it ran (P2)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    fireEvent.click(screen.getByRole("checkbox", { name: /Sertakan salinan/ }));
    await finish(runs[0]);
    expect(screen.queryByTestId("download-summary")).toBeNull();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("opens no other file while a summary is made (P2)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /1\. Data/ }));
    });
    const button = screen.getByTestId("open-file");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(
      screen.getByText("Tunggu sampai file ringkasan selesai dibuat sebelum membuka file lain.")
    ).toBeTruthy();
    await open("lain.xlsx");
    expect(opened).toEqual(["contoh.xlsx"]);
    await finish(runs[0]);
    expect(button.getAttribute("aria-disabled")).not.toBe("true");
    await open("lain.xlsx");
    expect(opened).toEqual(["contoh.xlsx", "lain.xlsx"]);
  });

  it.each([
    [
      "the weights",
      () => fireEvent.click(screen.getByRole("radio", { name: /Kemandirian-sentral/ })),
    ],
    [
      "the copies of the data",
      () => fireEvent.click(screen.getByRole("checkbox", { name: /Sertakan salinan/ })),
    ],
    ["the sheets' language", () => fireEvent.click(screen.getByRole("radio", { name: "English" }))],
  ])("clears a finished result when %s change (P3)", async (_what, change) => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("contoh.xlsx");
    await startSummary();
    await finish(runs[0]);
    expect(screen.getByTestId("download-summary")).toBeTruthy();
    await act(async () => {
      change();
    });
    expect(screen.queryByTestId("download-summary")).toBeNull();
    expect(screen.queryByText(/Ringkasan siap/)).toBeNull();
  });

  it("says that opened data has no kampung rows, not to open data (P7)", async () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    await open("kosong.xlsx");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /3\. Ringkasan/ }));
    });
    expect(screen.getByTestId("summary-no-data").textContent).toMatch(
      /^Data sudah dibuka, tetapi tidak ada baris kampung di bawah baris judul kolom/
    );
    expect(screen.queryByText("Buka atau cari data dulu di langkah Data.")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    });
    expect(screen.getByTestId("summary-no-data").textContent).toMatch(
      /^The data was opened, but there are no kampung rows under its header row/
    );
  });
});
