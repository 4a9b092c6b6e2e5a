/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { RIBBON_EVENT } from "../../src/taskpane/ribbon-event";
import { act } from "react";
import { renderPane } from "./render";

describe("App outside Office", () => {
  it("says it runs outside Excel and offers a file, in Indonesian", () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    expect(screen.getByText(/^Berjalan di luar Excel/)).toBeTruthy();
    // The pane's own button, in the pane's language; the browser's file control (which says
    // "Choose File / No file chosen" in the browser's language) is hidden and not tabbed to.
    expect(screen.getByRole("button", { name: "Buka file .xlsx atau CSV…" })).toBeTruthy();
    const input = screen.getByTestId("file-input");
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    expect(screen.getByText("Langkah 1 dari 3")).toBeTruthy();
    expect(document.documentElement.lang).toBe("id");
  });

  it("switches to English", () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    fireEvent.click(screen.getByRole("button", { name: "EN (English)" }));
    expect(screen.getByText("Step 1 of 3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open an .xlsx or CSV file…" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  it("moves focus to the heading of the step it opens", () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="en" />);
    // With no data, "Continue" is disabled (still focusable); the step tabs still lead on.
    expect(
      screen.getByRole("button", { name: "Continue to Check" }).getAttribute("aria-disabled")
    ).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "2. Check" }));
    const heading = screen.getByRole("heading", { level: 2, name: "Check" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText("Open or find the data first, in the Data step.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "3. Summary" }));
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2, name: "Summary" }));
    // No data yet: the button says why instead of doing nothing.
    expect(screen.getByTestId("run-summary").getAttribute("aria-disabled")).toBe("true");
  });

  it("shows the ribbon's one-click result", () => {
    renderPane(<App host={{ kind: "no-office" }} initialLang="id" />);
    act(() => {
      window.dispatchEvent(
        new CustomEvent(RIBBON_EVENT, {
          detail: { ok: true, message: "Ringkasan ditulis: 4 kampung.", sheets: [] },
        })
      );
    });
    expect(screen.getByText("Ringkasan ditulis: 4 kampung.")).toBeTruthy();
  });
});

describe("App while Office is starting", () => {
  it("shows only that it is connecting, no steps yet", () => {
    renderPane(<App host={{ kind: "loading" }} initialLang="id" />);
    expect(screen.getByText("Menghubungkan ke Excel...")).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Langkah" })).toBeNull();
  });
});
