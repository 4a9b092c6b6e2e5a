/**
 * Text dates' day/month order decided per column from all its dates (dates.ts): a US-order CSV
 * (`08/12/2024`, `08/14/2024`) is read month first, with one note; a column proving both orders
 * is read day first and its month-first cells are reported; ambiguous-only columns stay day first.
 */
import { writeFileSync } from "node:fs";
import { CellValue } from "../../src/engine/cell";
import { SUB_INDICATORS } from "../../src/engine/framework";
import { columnDateOrder, isoDate, parseDateCell } from "../../src/workbook/dates";
import { gridFromRows } from "../../src/workbook/grid";
import { InputRead, readInput } from "../../src/workbook/input";
import { readWorkbook } from "../../src/xlsx/read";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-date-order-");
afterAll(() => tmp.remove());

const SUBS = SUB_INDICATORS.map((s) => s.key);

/** A data sheet with one kampung per date (all scores 1) and, if given, a Bukti sheet. */
function read(dates: readonly CellValue[], evidenceDates?: readonly CellValue[]): InputRead {
  const rows: CellValue[][] = [
    ["Kampung", "Tanggal penilaian", ...SUBS],
    ...dates.map((d, i) => [`K${i + 1}`, d, ...SUBS.map(() => 1)]),
  ];
  const grids = [gridFromRows("Data", rows)];
  if (evidenceDates) {
    grids.push(
      gridFromRows("Bukti", [
        ["Kampung", "Sub-indikator", "Tanggal", "Sumber"],
        ...evidenceDates.map((d) => ["K1", SUBS[0], d, "SK Camat"]),
      ])
    );
  }
  return readInput(grids, { lang: "id" });
}

const codes = (r: InputRead, code: string) =>
  r.issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);

describe("text date order per column", () => {
  it("reads a US-order column month first, with one note at the proving cell", () => {
    const r = read(["08/12/2024", "08/14/2024", "2024-08-20"]);
    expect(r.assessments.map((a) => (a.date ? isoDate(a.date) : null))).toEqual([
      "2024-08-12",
      "2024-08-14",
      "2024-08-20",
    ]);
    expect(codes(r, "DATE_MONTH_FIRST")).toEqual(["Data!B3"]);
    expect(codes(r, "DATE_INVALID")).toEqual([]);
    const note = r.issues.find((i) => i.code === "DATE_MONTH_FIRST")!;
    expect(note.severity).toBe("warning");
    expect(note.message).toContain('"08/14/2024" di B3');
    expect(note.message).toContain("bulan/hari/tahun");
  });

  it("keeps an ambiguous-only column day first (Indonesian default), without a note", () => {
    const r = read(["08/12/2024", "01/02/2024"]);
    expect(r.assessments.map((a) => (a.date ? isoDate(a.date) : null))).toEqual([
      "2024-12-08",
      "2024-02-01",
    ]);
    expect(codes(r, "DATE_MONTH_FIRST")).toEqual([]);
  });

  it("reads a column proving both orders day first and reports the contradicting cells", () => {
    const r = read(["14/08/2024", "08/12/2024", "08/14/2024", "08/15/2024"]);
    expect(r.assessments.map((a) => (a.date ? isoDate(a.date) : null))).toEqual([
      "2024-08-14",
      "2024-12-08",
      null,
      null,
    ]);
    expect(codes(r, "DATE_MONTH_FIRST")).toEqual([]);
    expect(codes(r, "DATE_ORDER_CONFLICT")).toEqual(["Data!B4", "Data!B5"]);
    expect(codes(r, "DATE_INVALID")).toEqual([]);
    const conflict = r.issues.find((i) => i.code === "DATE_ORDER_CONFLICT")!;
    expect(conflict.message).toContain('"08/14/2024"');
    expect(conflict.message).toContain('"14/08/2024" (B2)');
  });

  it("applies the same rule to the evidence sheet's date column", () => {
    const us = read(["2024-09-01"], ["08/12/2024", "08/14/2024"]);
    expect(us.evidence!.map((e) => (e.date ? isoDate(e.date) : null))).toEqual([
      "2024-08-12",
      "2024-08-14",
    ]);
    expect(codes(us, "DATE_MONTH_FIRST")).toEqual(["Bukti!C3"]);
    const both = read(["2024-09-01"], ["14/08/2024", "08/14/2024"]);
    expect(both.evidence!.map((e) => (e.date ? isoDate(e.date) : null))).toEqual([
      "2024-08-14",
      null,
    ]);
    expect(codes(both, "DATE_ORDER_CONFLICT")).toEqual(["Bukti!C3"]);
    expect(codes(both, "DATE_INVALID")).toEqual([]);
  });

  it("says a weekday that is not the evidence date's own (DATE_WEEKDAY), and keeps the date", () => {
    const r = read(["2024-09-01"], ["Rabu, 14/08/2024", "Kamis, 15/08/2024"]);
    expect(r.evidence!.map((e) => (e.date ? isoDate(e.date) : null))).toEqual([
      "2024-08-14",
      "2024-08-15",
    ]);
    // 15 August 2024 is a Thursday; 14 August a Wednesday.
    expect(codes(r, "DATE_WEEKDAY")).toEqual([]);
    const wrong = read(["2024-09-01"], ["Selasa, 14/08/2024"]);
    expect(codes(wrong, "DATE_WEEKDAY")).toEqual(["Bukti!C2"]);
    expect(wrong.issues.find((i) => i.code === "DATE_WEEKDAY")?.message).toContain(
      "2024-08-14 jatuh pada hari Rabu, bukan Selasa"
    );
  });

  it("says the note in English too", () => {
    const rows: CellValue[][] = [
      ["Kampung", "Tanggal penilaian", ...SUBS],
      ["A", "08/14/2024", ...SUBS.map(() => 1)],
    ];
    const r = readInput([gridFromRows("Data", rows)], { lang: "en" });
    expect(r.issues.find((i) => i.code === "DATE_MONTH_FIRST")!.message).toContain(
      "month/day/year"
    );
  });

  it("decides from a real LibreOffice en-US style CSV", async () => {
    const file = tmp.file("us.csv");
    const lines = [
      ["Kampung", "Tanggal penilaian", ...SUBS].join(","),
      ["Satu", "08/12/2024", ...SUBS.map(() => "1")].join(","),
      ["Dua", "08/14/2024", ...SUBS.map(() => "1")].join(","),
    ];
    writeFileSync(file, lines.join("\n") + "\n");
    const r = readInput(await readWorkbook(file), { lang: "id" });
    expect(r.assessments.map((a) => (a.date ? isoDate(a.date) : null))).toEqual([
      "2024-08-12",
      "2024-08-14",
    ]);
    expect(codes(r, "DATE_MONTH_FIRST")).toHaveLength(1);
  });

  it("columnDateOrder and parseDateCell: one rule", () => {
    expect(columnDateOrder(["08/12/2024", "08/14/2024"]).order).toBe("monthFirst");
    expect(columnDateOrder(["08/12/2024", "14/08/2024", "08/14/2024"]).order).toBe("dayFirst");
    expect(columnDateOrder(["08/12/2024", 45000, null]).order).toBe("dayFirst");
    const us = parseDateCell("08/14/2024", "monthFirst");
    expect(us.ok && isoDate(us.date)).toBe("2024-08-14");
    expect(parseDateCell("08/14/2024").ok).toBe(false);
  });
});
