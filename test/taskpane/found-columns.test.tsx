/** @jest-environment jsdom */
import { deserialize, serialize } from "node:v8";
import { screen, within } from "@testing-library/react";
import { CellValue } from "../../src/engine/cell";
import { FoundColumns } from "../../src/taskpane/components/FoundColumns";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { viewOfRead } from "../../src/workbook/read-view";
import { templateHeaders } from "../../src/workbook/template";
import { renderPane } from "./render";

const headers = templateHeaders("id");
const row = (name: string): CellValue[] =>
  headers.map((h, i) => (i === 0 ? name : h.startsWith("iBangga") ? 80 : i >= 7 ? 1 : null));

function read(columns: readonly string[], rows: CellValue[][], lang: "id" | "en" = "id") {
  const keep = columns.map((c) => headers.indexOf(c));
  const pick = (cells: readonly CellValue[]) => keep.map((k) => cells[k]);
  const grid = gridFromRows("Data", [pick(headers), ...rows.map(pick)]);
  return viewOfRead(readInput([grid], { lang }), lang);
}

describe("FoundColumns", () => {
  it("counts the kampung and recognises all 15 sub-indicators and the iBangga dimensions", () => {
    const input = read(headers, [row("Sumurboto"), row("Kandri"), row("Pulosaren")]);
    renderPane(<FoundColumns read={input} lang="id" />);
    expect(screen.getByText('3 kampung di lembar "Data"')).toBeTruthy();
    expect(screen.getByText("Semua 15 sub-indikator dikenali.")).toBeTruthy();
    expect(screen.getByText("iBangga: tiga kolom dimensi dikenali.")).toBeTruthy();
    expect(screen.getAllByText("dikenali")).toHaveLength(15);
    expect(screen.queryByText("tidak ada")).toBeNull();
  });

  it("names the missing sub-indicators and iBangga in words, domain by domain", () => {
    const without = headers.filter(
      (h) => h !== "Rujukan - Register" && h !== "Kader - Supervisi" && !h.startsWith("iBangga")
    );
    const input = read(without, [row("Sumurboto")]);
    renderPane(<FoundColumns read={input} lang="id" />);
    expect(screen.getByText("13 dari 15 sub-indikator dikenali")).toBeTruthy();
    expect(
      screen.getByText("Kolom yang tidak ditemukan: Rujukan - Register, Kader - Supervisi")
    ).toBeTruthy();
    expect(screen.getByText(/^iBangga: tidak ada kolom iBangga/)).toBeTruthy();
    const rujukan = screen.getByText("Alur rujukan").closest("li")!;
    expect(within(rujukan).getAllByText("dikenali")).toHaveLength(2);
    expect(within(rujukan).getAllByText("tidak ada")).toHaveLength(1);
  });

  it("counts the rows of several rounds as rows in their rounds, as the CLI does", () => {
    const periode = headers.indexOf("Periode");
    const inRound = (name: string, round: string) => {
      const r = row(name);
      r[periode] = round;
      return r;
    };
    const rows = [inRound("A", "2024-T3"), inRound("B", "2024-T3"), inRound("A", "2024-T4")];
    renderPane(<FoundColumns read={read(headers, rows)} lang="id" />);
    expect(screen.getByText('3 baris kampung dalam 2 periode di lembar "Data"')).toBeTruthy();
    renderPane(<FoundColumns read={read(headers, rows, "en")} lang="en" />);
    expect(screen.getByText('3 kampung rows in 2 rounds on sheet "Data"')).toBeTruthy();
  });

  it("speaks English with English labels", () => {
    const input = read(headers, [row("Sumurboto")], "en");
    renderPane(<FoundColumns read={input} lang="en" />);
    expect(screen.getByText('1 kampung on sheet "Data"')).toBeTruthy();
    expect(screen.getByText("Cross-sector coordination")).toBeTruthy();
    expect(screen.getByText("Referral feedback (closed loop)")).toBeTruthy();
  });

  it("explains when no header row was found, with the reader's reason, after a worker's message", () => {
    const grid = gridFromRows("Catatan", [["rapat"], ["tanggal"]]);
    const read = readInput([grid], { lang: "id" });
    // The view crosses from the engine's worker as a structured clone (v8's serializer is the
    // algorithm postMessage uses): a catalogue issue's message is a getter a clone drops.
    const input = deserialize(serialize(viewOfRead(read, "id"))) as ReturnType<typeof viewOfRead>;
    renderPane(<FoundColumns read={input} lang="id" />);
    expect(screen.getByRole("heading", { name: "Data tidak dapat dibaca." })).toBeTruthy();
    // Announced as the other file errors are (P5).
    expect(screen.getByRole("alert").textContent).toMatch(/^Data tidak dapat dibaca\./);
    const reasons = screen.getAllByTestId("fatal-reason").map((e) => e.textContent);
    expect(reasons).toEqual([read.issues.find((i) => i.code === "HEADER_NOT_FOUND")!.message]);
    expect(reasons[0]).toMatch(/^Baris judul kolom tidak ditemukan/);
  });
});
