/**
 * A kampung listed with no sub-indicator value at all (not assessed yet) is one error,
 * SCORES_NOT_ENTERED at its first sub-indicator cell, not fifteen SCORE_MISSING errors; a row
 * with a value, a formula without a result or a merged cell among its sub-indicators is
 * reported cell by cell as before. See src/workbook/input.ts (notEntered).
 */
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { analyseRead, buildSummary } from "../../src/workbook/summary";
import { exampleRows } from "../helpers/example";

/** The example with a fifth kampung, its 15 sub-indicators (columns F-T) as given. */
function withFifth(subs: CellValue[]): CellValue[][] {
  const rows = exampleRows();
  rows.push(["Kampung Baru", "Desa Baru", "Kab. X", "Jawa Tengah", "dasar", ...subs, 80, 80, 80]);
  return rows;
}
const BLANK15: CellValue[] = new Array<CellValue>(15).fill(null);

/** The note lines of one summary sheet (KKB Ringkasan by default) for a sheet of these rows. */
function sheetNotes(rows: CellValue[][], sheet = "KKB Ringkasan"): string[] {
  const read = readInput([gridFromRows("Data", rows)], { lang: "id" });
  const summary = buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "x.xlsx",
    now: new Date(2026, 11, 1, 9, 0),
  });
  return summary.sheets
    .find((x) => x.name === sheet)!
    .blocks.flatMap((b) => (b.kind === "notes" ? [...b.lines] : []));
}

describe("a kampung not scored yet", () => {
  it("is one error at its first sub-indicator cell, in Indonesian and English", () => {
    const id = readInput([gridFromRows("Data", withFifth(BLANK15))], { lang: "id" });
    const errors = id.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.cell, i.kampung, i.message])).toEqual([
      [
        "SCORES_NOT_ENTERED",
        "F6",
        "Kampung Baru",
        "Baris 6: semua 15 nilai sub-indikator kosong; kampung ini belum dinilai. Skor domain dan skor komposit tidak dihitung.",
      ],
    ]);
    const en = readInput([gridFromRows("Data", withFifth(BLANK15))], { lang: "en" });
    expect(en.issues.find((i) => i.code === "SCORES_NOT_ENTERED")?.message).toBe(
      "Row 6: all 15 sub-indicator values are blank; this kampung is not scored yet. Its domain scores and composite are not computed."
    );
    // Still a kampung: listed, its iBangga computed, no composite and no rank.
    const { results } = analyseRead(id, SETARA, "id");
    const baru = results.kampung.find((k) => k.name === "Kampung Baru");
    expect(baru?.composite).toBeNull();
    expect(Object.values(baru?.domains ?? { x: 0 }).every((d) => d === null)).toBe(true);
    expect(baru?.ibangga?.setara).toBe(80);
  });

  it("KKB Ringkasan says under its table why some score cells are blank", () => {
    const lines = sheetNotes(withFifth(BLANK15));
    expect(lines).toContain(
      "Sel kosong: 1 kampung tanpa skor komposit (dan tanpa peringkat), karena ada nilai sub-indikator yang kosong atau salah; lihat KKB Validasi. Sel kosong tidak berarti 0."
    );
    // Under the means by status: Jumlah counts Kampung Baru, the means do not.
    expect(lines).toContain(
      "Rata-rata dari kampung yang skornya dihitung; Jumlah menghitung semua kampung berstatus itu (lihat KKB Validasi)."
    );
  });

  it("says nothing of blank cells or partial means when every kampung is scored", () => {
    const lines = sheetNotes(exampleRows());
    expect(lines.filter((l) => /^Sel kosong|^Rata-rata dari kampung/.test(l))).toEqual([]);
  });

  it("whitespace-only cells count as blank", () => {
    const read = readInput([gridFromRows("Data", withFifth(BLANK15.map(() => "  ")))], {
      lang: "id",
    });
    expect(read.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "SCORES_NOT_ENTERED",
    ]);
  });

  it("one value among blanks: each blank is its own error", () => {
    const subs = [...BLANK15];
    subs[7] = 1;
    const read = readInput([gridFromRows("Data", withFifth(subs))], { lang: "id" });
    const codes = read.issues.filter((i) => i.severity === "error").map((i) => i.code);
    expect(codes).toHaveLength(14);
    expect(new Set(codes)).toEqual(new Set(["SCORE_MISSING"]));
  });

  it("a formula without a result among blanks is said as such, and the blanks cell by cell", () => {
    const grid = {
      ...gridFromRows("Data", withFifth(BLANK15)),
      uncalculated: new Map([["H6", "AVERAGE(X6:Z6)"]]),
    };
    const read = readInput([grid], { lang: "id" });
    const codes = read.issues.map((i) => i.code);
    expect(codes).not.toContain("SCORES_NOT_ENTERED");
    expect(codes.filter((c) => c === "FORMULA_NOT_CALCULATED")).toHaveLength(1);
    expect(codes.filter((c) => c === "SCORE_MISSING")).toHaveLength(14);
  });

  it("a merged range over the row's sub-indicators is said cell by cell", () => {
    const rows = withFifth(BLANK15);
    rows[4][5] = 2; // Ardi Raharja's F5, merged down over F6
    const grid = {
      ...gridFromRows("Data", rows),
      merges: [{ top: 4, left: 5, bottom: 5, right: 5 }],
    };
    const read = readInput([grid], { lang: "id" });
    expect(read.issues.map((i) => i.code)).not.toContain("SCORES_NOT_ENTERED");
  });
});

describe("KKB iBangga's means by status", () => {
  /** The note lines of KKB iBangga for 14 kampung (its status table shows above 12). */
  function ibanggaNotes(blankIbangga: boolean): string[] {
    const rows = exampleRows();
    for (let i = 0; i < 10; i++) {
      const copy = [...rows[1 + (i % 4)]];
      copy[0] = `Kampung ${i + 5}`;
      if (blankIbangga && i === 0) copy.splice(copy.length - 3, 3, null, null, null);
      rows.push(copy);
    }
    return sheetNotes(rows, "KKB iBangga");
  }

  it("say when a mean is of fewer kampung than Jumlah counts, and only then", () => {
    const note =
      "Rata-rata dari kampung yang nilai iBangga-nya dihitung; Jumlah menghitung semua kampung berstatus itu (lihat KKB Validasi).";
    expect(ibanggaNotes(true)).toContain(note);
    expect(ibanggaNotes(false)).not.toContain(note);
  });
});
