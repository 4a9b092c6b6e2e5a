/**
 * Notes typed under the table ("Sumber: ...", "Keterangan: ...") are not kampung: left out of
 * scores, ranks and counts, said once (NOTES_BELOW_TABLE). Only the trailing block counts: a
 * text-only row in the middle of the data, or a kampung with a region and no scores yet, stays
 * a kampung with its errors. See src/workbook/notes-below.ts.
 */
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readChosenInput } from "../../src/workbook/choose-input";
import { readInput } from "../../src/workbook/input";
import { rowRuns } from "../../src/workbook/notes-below";
import { analyseRead } from "../../src/workbook/summary";
import { exampleRows } from "../helpers/example";

const WIDTH = 23; // Kampung, Desa, Kabupaten, Provinsi, Status, 15 scores, 3 iBangga
const line = (col: number, text: CellValue): CellValue[] => {
  const row: CellValue[] = new Array<CellValue>(WIDTH).fill(null);
  row[col] = text;
  return row;
};
const blank = (): CellValue[] => new Array<CellValue>(WIDTH).fill(null);
const gridWith = (...below: CellValue[][]): Grid =>
  gridFromRows("Data", [...exampleRows(), ...below]);
const codesOf = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe("notes under the table", () => {
  it("a source line and a legend under the last kampung are one note, not two kampung", () => {
    const grid = gridWith(
      blank(),
      line(0, "Sumber: DP3AP2KB Kab. X, 2024"),
      line(0, "Keterangan: 2 = lengkap")
    );
    const read = readInput([grid], { lang: "id" });
    expect(read.assessments.map((a) => a.name)).toEqual([
      "Sumurboto",
      "Asri Sejahtera",
      "Wisata Asri",
      "Ardi Raharja",
    ]);
    const notes = read.issues.filter((i) => i.code === "NOTES_BELOW_TABLE");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "warning", sheet: "Data", cell: "A7" });
    expect(notes[0].message).toBe(
      'Baris 7-8 di bawah tabel dibaca sebagai catatan, bukan kampung ("Sumber: DP3AP2KB Kab. X, 2024", ...): tidak dinilai, tidak diberi peringkat, tidak dihitung. Jika baris itu kampung, isi juga wilayah atau nilainya.'
    );
    expect(codesOf(read.issues)).not.toContain("SCORE_MISSING");
    expect(codesOf(read.issues)).not.toContain("IBANGGA_MISSING");
    expect(read.sourceRange).toBe("'Data'!A1:W5");
    // Not ranked, not counted.
    const { results, analysis } = analyseRead(read, SETARA, "id");
    expect(results.kampung).toHaveLength(4);
    expect(analysis.kampung.map((k) => k.ranks.composite)).toEqual([1, 3, 2, 4]);
  });

  it("in English; a line in another column (Desa) is a note too", () => {
    const grid = gridWith(line(1, "Data per 31 Desember 2024"));
    const read = readInput([grid], { lang: "en" });
    expect(read.assessments).toHaveLength(4);
    const notes = read.issues.filter((i) => i.code === "NOTES_BELOW_TABLE");
    expect(notes.map((i) => [i.cell, i.message])).toEqual([
      [
        "B6",
        'Row 6 under the table is read as a note, not as kampung ("Data per 31 Desember 2024"): not scored, ranked or counted. If a row is a kampung, fill in its region or its scores too.',
      ],
    ]);
  });

  it("a text-only row in the middle of the data stays a kampung with its errors", () => {
    const rows = exampleRows();
    rows.splice(3, 0, line(0, "Sumber: DP3AP2KB"));
    const read = readInput([gridFromRows("Data", rows)], { lang: "id" });
    expect(read.assessments.map((a) => a.name)).toContain("Sumber: DP3AP2KB");
    expect(read.assessments).toHaveLength(5);
    const missing = read.issues.filter((i) => i.cell.endsWith("4") && i.field === "subIndikator");
    expect(missing.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "SCORES_NOT_ENTERED",
        "F4",
        "Baris 4: semua 15 nilai sub-indikator kosong; kampung ini belum dinilai. Skor domain dan skor komposit tidak dihitung.",
      ],
    ]);
    expect(codesOf(read.issues)).not.toContain("SCORE_MISSING");
    expect(codesOf(read.issues)).not.toContain("NOTES_BELOW_TABLE");
  });

  it("a kampung with a name and a region but no scores yet stays a kampung; a note under it does not", () => {
    const unscored = line(0, "Kampung Baru");
    unscored[1] = "Desa Baru";
    const read = readInput([gridWith(unscored, blank(), line(0, "Sumber: PLKB"))], {
      lang: "id",
    });
    expect(read.assessments.map((a) => a.name)).toEqual([
      "Sumurboto",
      "Asri Sejahtera",
      "Wisata Asri",
      "Ardi Raharja",
      "Kampung Baru",
    ]);
    expect(
      read.issues
        .filter((i) => i.kampung === "Kampung Baru" && i.severity === "error")
        .map((i) => i.code)
    ).toEqual(["SCORES_NOT_ENTERED"]);
    const notes = read.issues.filter((i) => i.code === "NOTES_BELOW_TABLE");
    expect(notes.map((i) => i.cell)).toEqual(["A8"]);
  });

  it("a text-only row above an unscored kampung stays a kampung (only the trailing block is notes)", () => {
    const unscored = line(0, "Kampung Baru");
    unscored[3] = "Jawa Tengah";
    const read = readInput([gridWith(line(0, "Kampung Lama"), unscored)], { lang: "id" });
    expect(read.assessments.map((a) => a.name).slice(4)).toEqual(["Kampung Lama", "Kampung Baru"]);
    expect(codesOf(read.issues)).not.toContain("NOTES_BELOW_TABLE");
  });

  it("a sheet where no row has a score yet has no notes: its names are kampung", () => {
    const header = exampleRows()[0];
    const rows = [header, line(0, "Sumurboto"), line(0, "Kandri")];
    const read = readInput([gridFromRows("Data", rows)], { lang: "id" });
    expect(read.assessments.map((a) => a.name)).toEqual(["Sumurboto", "Kandri"]);
    expect(codesOf(read.issues)).not.toContain("NOTES_BELOW_TABLE");
  });

  it("a score alone, a number, number-like text or a formula with no result is no note", () => {
    const score = line(5, 2);
    const text = line(5, "1,5");
    const year = line(0, 2024);
    const read = readInput([gridWith(score, text, year)], { lang: "id" });
    expect(read.assessments).toHaveLength(7);
    expect(codesOf(read.issues)).not.toContain("NOTES_BELOW_TABLE");

    const formula: Grid = {
      ...gridWith(line(0, "Sumber: PLKB"), line(1, "Total")),
      uncalculated: new Map([["F6", "SUM(F2:F5)"]]),
    };
    const withFormula = readInput([formula], { lang: "id" });
    // Row 6 holds a text and a formula (two cells): a row, and the note is only row 7.
    expect(withFormula.assessments).toHaveLength(5);
    expect(withFormula.issues.filter((i) => i.code === "NOTES_BELOW_TABLE")[0].cell).toBe("B7");
  });

  it("a note in a column KKB does not read is not named (the reader never read it)", () => {
    const grid = gridWith(line(WIDTH + 2, "Sumber: DP3AP2KB"));
    const read = readInput([grid], { lang: "id" });
    expect(read.assessments).toHaveLength(4);
    expect(codesOf(read.issues)).not.toContain("NOTES_BELOW_TABLE");
  });

  it("a note under the evidence rows is no evidence row", () => {
    const bukti = gridFromRows("Bukti", [
      ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"],
      ["Sumurboto", "Koordinasi - Regulasi", "2024-08-01", "SK Lurah", "hlm. 2"],
      [null, null, null, null, null],
      ["Dihimpun oleh PLKB Kecamatan Tembalang"],
    ]);
    const read = readInput([gridWith(), bukti], { lang: "id" });
    expect(read.evidence?.map((e) => e.kampung)).toEqual(["Sumurboto"]);
    const notes = read.issues.filter((i) => i.code === "NOTES_BELOW_TABLE");
    expect(notes.map((i) => [i.sheet, i.cell, i.message])).toEqual([
      [
        "Bukti",
        "A4",
        'Baris 4 di bawah tabel bukti dibaca sebagai catatan, bukan baris bukti ("Dihimpun oleh PLKB Kecamatan Tembalang").',
      ],
    ]);
    expect(codesOf(read.issues)).not.toContain("EVIDENCE_KAMPUNG_UNKNOWN");
  });

  it("sheets read as rounds: each sheet's notes are left out and said at its own sheet", () => {
    const sheet = (name: string) => ({
      ...gridWith(blank(), line(0, `Sumber: ${name}`)),
      sheet: name,
    });
    const read = readChosenInput([sheet("Penilaian 2024-T1"), sheet("Penilaian 2024-T2")], {
      lang: "id",
      sheets: [{ sheet: "Penilaian 2024-T1" }, { sheet: "Penilaian 2024-T2" }],
    });
    expect(read.fatal).toBe(false);
    expect(read.assessments).toHaveLength(8);
    const notes = read.issues.filter((i) => i.code === "NOTES_BELOW_TABLE");
    expect(notes.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      "Penilaian 2024-T1!A7",
      "Penilaian 2024-T2!A7",
    ]);
  });

  it("rows are named in runs, at most 20 runs", () => {
    expect(rowRuns([7, 8, 10, 12, 13, 14])).toBe("7-8, 10, 12-14");
    const many = Array.from({ length: 30 }, (_, i) => 2 * i + 1);
    expect(rowRuns(many)).toBe(`${many.slice(0, 20).join(", ")}, ... (+10)`);
  });
});
