/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { Issue } from "../../src/engine/issues";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { renderPane } from "./render";

const issue = (over: Partial<Issue>): Issue => ({
  severity: "warning",
  sheet: "Penilaian",
  cell: "O4",
  kampung: "Sumurboto",
  field: "interoperabilitas.penggunaan",
  code: "SCORE_OFF_RUBRIC",
  message: 'Interoperabilitas - Penggunaan: "0,7" bukan nilai rubrik.',
  ...over,
});

const ISSUES: Issue[] = [
  issue({}),
  issue({
    severity: "error",
    cell: "E6",
    kampung: "Kandri",
    field: "koordinasi.regulasi",
    code: "SCORE_MISSING",
    message: "Koordinasi - Regulasi: nilai kosong.",
  }),
  issue({
    severity: "error",
    cell: "A3",
    kampung: "",
    field: "",
    code: "HEADER_NOT_FOUND",
    message: "Baris judul tidak ditemukan.",
  }),
  issue({ cell: "X5", field: "ibangga.kemandirian", message: "iBangga: teks." }),
];

describe("IssueList", () => {
  it("groups errors before warnings, with counts", () => {
    renderPane(<IssueList issues={ISSUES} lang="id" />);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Menurut jenis", "Galat (2)", "Peringatan (2)"]);
    const errors = screen.getByRole("region", { name: "Galat (2)" });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(2);
  });

  it("counts the issues by kind, errors first, in words", () => {
    renderPane(<IssueList issues={ISSUES} lang="id" />);
    const kinds = screen.getByRole("region", { name: "Menurut jenis" });
    expect(
      within(kinds)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      "1 galat: Nilai sub-indikator kosong",
      "1 galat: Baris judul kolom tidak ditemukan",
      "2 peringatan: Nilai di luar langkah rubrik",
    ]);
  });

  it("shows kampung, field in words (not codes), cell and message", () => {
    renderPane(<IssueList issues={ISSUES} lang="id" />);
    expect(screen.getByText("Kandri · Koordinasi - Regulasi · Sel 'Penilaian'!E6")).toBeTruthy();
    expect(screen.getByText("Koordinasi - Regulasi: nilai kosong.")).toBeTruthy();
    expect(screen.getByText("Seluruh lembar · Sel 'Penilaian'!A3")).toBeTruthy();
    expect(screen.getByText("Sumurboto · iBangga Kemandirian · Sel 'Penilaian'!X5")).toBeTruthy();
    expect(screen.queryByText(/koordinasi\.regulasi|SCORE_MISSING/)).toBeNull();
  });

  it("uses English labels in English", () => {
    renderPane(<IssueList issues={ISSUES} lang="en" />);
    expect(screen.getByRole("heading", { name: "Errors (2)" })).toBeTruthy();
    expect(
      screen.getByText("Kandri · Coordination - Regulation · Cell 'Penilaian'!E6")
    ).toBeTruthy();
  });

  it("makes each issue a button that selects its cell (click, Enter or Space)", () => {
    const selected: Issue[] = [];
    renderPane(<IssueList issues={ISSUES} lang="id" onSelect={(i) => selected.push(i)} />);
    const buttons = screen.getAllByRole("button");
    expect(buttons).toHaveLength(4);
    fireEvent.click(buttons[0]);
    expect(selected[0].cell).toBe("E6");
    // Fluent buttons are native <button>s: Enter and Space activate them in the browser.
    expect(buttons.every((b) => b.tagName === "BUTTON")).toBe(true);
    expect(buttons[2].getAttribute("title")).toBe("Buka sel Penilaian!O4");
  });

  it("shows plain items, no dead buttons, when cells cannot be selected", () => {
    renderPane(<IssueList issues={ISSUES} lang="id" />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("says so when there is nothing to report", () => {
    renderPane(<IssueList issues={[]} lang="id" />);
    expect(screen.getByText(/Tidak ada galat atau peringatan/)).toBeTruthy();
  });

  it("shows long lists 50 at a time", () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      issue({ cell: `B${i + 2}`, kampung: `K${i}` })
    );
    renderPane(<IssueList issues={many} lang="en" />);
    const listed = () =>
      within(screen.getByRole("region", { name: "Warnings (120)" })).getAllByRole("listitem");
    expect(listed()).toHaveLength(50);
    fireEvent.click(screen.getByRole("button", { name: "Show 50 more" }));
    expect(listed()).toHaveLength(100);
    fireEvent.click(screen.getByRole("button", { name: "Show 20 more" }));
    expect(listed()).toHaveLength(120);
    // One kind: one line for all 120.
    expect(screen.getByText("120 warnings: Score between rubric steps")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });
  it("a sheet-wide issue without a field says the sheet once, in both languages", () => {
    const { unmount } = renderPane(<IssueList issues={ISSUES} lang="id" />);
    expect(screen.getByText("Seluruh lembar · Sel 'Penilaian'!A3")).toBeTruthy();
    expect(screen.getByText("Kandri · Koordinasi - Regulasi · Sel 'Penilaian'!E6")).toBeTruthy();
    unmount();
    renderPane(<IssueList issues={ISSUES} lang="en" />);
    expect(screen.getByText("Whole sheet · Cell 'Penilaian'!A3")).toBeTruthy();
  });
});
