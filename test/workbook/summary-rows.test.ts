/**
 * Rows of totals or means typed by hand under the kampung (`Rata-rata`, `Jumlah`) are not
 * kampung: left out of scores, ranks and counts, said once (SUMMARY_ROW_SKIPPED).
 */
import { CellValue } from "../../src/engine/cell";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { isSummaryName } from "../../src/workbook/summary-rows";
import { exampleRows } from "../helpers/example";

const id = { lang: "id" as const };

/** The example's header and kampung, then `extra` rows of the example's width. */
function sheet(...extra: ((width: number) => CellValue[])[]) {
  const [header, ...rows] = exampleRows();
  return gridFromRows("Data", [header, ...rows, ...extra.map((make) => make(header.length))]);
}
/** A row named `name` in column `col`, with `value` in every score and iBangga column. */
const named =
  (name: string, value: number | null = 1.26, col = 0) =>
  (width: number): CellValue[] =>
    Array.from({ length: width }, (_, c) => (c === col ? name : c >= 5 ? value : null));

describe("hand-typed summary rows among or under the kampung", () => {
  it("leaves out a Rata-rata and a Jumlah row, with one warning naming both rows", () => {
    const read = readInput([sheet(named("Rata-rata"), named("JUMLAH", 5))], id);
    expect(read.assessments.map((a) => a.name)).toEqual([
      "Sumurboto",
      "Asri Sejahtera",
      "Wisata Asri",
      "Ardi Raharja",
    ]);
    const said = read.issues.filter((i) => i.code === "SUMMARY_ROW_SKIPPED");
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ cell: "A6", severity: "warning" });
    expect(said[0].message).toBe(
      'Baris 6-7 ("Rata-rata", ...) dibaca sebagai baris ringkasan (jumlah atau rata-rata), bukan kampung: tidak dinilai, tidak diberi peringkat, tidak dihitung.'
    );
    expect(read.sourceRange).toBe("'Data'!A1:W5");
  });

  it("passes over a blank row and a note under it", () => {
    const blank = (width: number): CellValue[] => new Array<CellValue>(width).fill(null);
    const note = (width: number): CellValue[] => [
      "Sumber: DP3AP2KB",
      ...new Array<CellValue>(width - 1).fill(null),
    ];
    const read = readInput([sheet(blank, named("Total"), note)], id);
    expect(read.assessments).toHaveLength(4);
    expect(read.issues.filter((i) => i.code === "SUMMARY_ROW_SKIPPED").map((i) => i.cell)).toEqual([
      "A7",
    ]);
  });

  it("finds them among the kampung too, with a region or a name after the word", () => {
    const [header, first, second, ...rest] = exampleRows();
    const jumlah = named("Jumlah")(header.length);
    const kota = named("Rata-rata Kota Semarang")(header.length);
    kota[2] = "Kota Semarang";
    const skor = named("Skor rata - rata")(header.length);
    const read = readInput(
      [gridFromRows("Data", [header, first, second, jumlah, ...rest, kota, skor])],
      id
    );
    expect(read.assessments).toHaveLength(4);
    const [said] = read.issues.filter((i) => i.code === "SUMMARY_ROW_SKIPPED");
    expect(said.cell).toBe("A4");
    expect(said.message).toContain("Baris 4, 7-8 (");
  });

  it("keeps a kampung whose name merely holds the letters", () => {
    for (const name of ["Ratatouille", "Kampung Totalitas", "Jumlahan", "Meander"])
      expect(isSummaryName(name)).toBe(false);
    for (const name of ["Rata2", "JUMLAH:", "Total Kec. Tembalang", "Rerata", "Sub-total"])
      expect(isSummaryName(name)).toBe(name !== "Sub-total");
  });
});
