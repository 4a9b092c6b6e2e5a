/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { ProgressPanel } from "../../src/taskpane/components/ProgressPanel";
import { renderPane } from "./render";

describe("ProgressPanel", () => {
  it("shows nothing before a run", () => {
    const { container } = renderPane(<ProgressPanel progress={null} lang="id" />);
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
  });

  it("shows the step in words and the share done, in the display locale", () => {
    renderPane(
      <ProgressPanel
        progress={{ fraction: 0.625, message: 'Menyiapkan lembar "KKB Domain"' }}
        lang="id"
      />
    );
    const bar = screen.getByRole("progressbar", { name: "Kemajuan" });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.625");
    expect(bar.getAttribute("aria-valuemax")).toBe("1");
    expect(bar.getAttribute("aria-valuetext")).toBe('Menyiapkan lembar "KKB Domain" (62,5%)');
    const status = screen.getByRole("status");
    expect(status.textContent).toBe('Menyiapkan lembar "KKB Domain" (62,5%)');
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(bar.getAttribute("aria-describedby")).toBe(status.id);
  });

  it("uses English and the decimal point in English", () => {
    renderPane(<ProgressPanel progress={{ fraction: 0.5, message: "Writing" }} lang="en" />);
    expect(screen.getByRole("progressbar", { name: "Progress" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Writing (50.0%)");
  });

  it("is indeterminate while the amount is unknown, and clamps fractions", () => {
    const { rerender } = renderPane(
      <ProgressPanel progress={{ fraction: null, message: "Menyiapkan" }} lang="id" />
    );
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Menyiapkan");
    rerender(<ProgressPanel progress={{ fraction: 1.7, message: "Selesai" }} lang="id" />);
    expect(screen.getByRole("status").textContent).toBe("Selesai (100,0%)");
  });
});
