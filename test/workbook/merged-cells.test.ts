/**
 * Merged cells over kampung rows in the per-kampung columns (brief fix-s15-polish F1), read
 * from a file openpyxl wrote (test/fixtures/real/make.py, openpyxl_merged_scores): a Status
 * merged over the kampung of one status counts in each row (MERGE_FILLED, as regions do); a
 * score, an iBangga value or a kampung name is never copied into another kampung, and the
 * message for each cell under the merge's top-left cell names the merge, in both languages.
 * The office.js path gives the same (test/excel/parity.test.ts).
 */
import * as path from "node:path";
import { analyseRead } from "../../src/workbook/summary";
import { readInput } from "../../src/workbook/input";
import { gridFromRows } from "../../src/workbook/grid";
import { SETARA } from "../../src/engine/ibangga";
import { Issue, IssueCode } from "../../src/engine/issues";
import { readWorkbook } from "../../src/xlsx/read";
import { run } from "../cli/run";

const FILE = path.join(__dirname, "..", "fixtures", "real", "openpyxl-gabung-nilai.xlsx");

const issuesOf = (issues: readonly Issue[], code: IssueCode) =>
  issues.filter((i) => i.code === code);

describe("merged per-kampung cells over kampung rows (openpyxl file)", () => {
  it("fills Status into each row it spans, said once for the column", async () => {
    const read = readInput(await readWorkbook(FILE), { lang: "id" });
    expect(read.assessments.map((a) => [a.name, a.status])).toEqual([
      ["Sumurboto", "berkelanjutan"],
      ["Wisata Asri", "berkelanjutan"],
      ["Asri Sejahtera", "berkembang"],
      ["Ardi Raharja", "berkembang"],
      ["(baris 6)", "berkembang"],
    ]);
    const filled = issuesOf(read.issues, "MERGE_FILLED");
    expect(filled.map((i) => [i.cell, i.field])).toEqual([["E2", "status"]]);
    expect(filled[0].message).toBe(
      "Status: 2 rentang sel gabungan di baris kampung (E2:E3, E4:E6); nilai sel kiri atasnya dipakai untuk setiap baris yang digabung."
    );
  });

  it("never copies a score, an iBangga value or a name: each blank cell names its merge", async () => {
    const read = readInput(await readWorkbook(FILE), { lang: "id" });
    // Only the top-left cell's kampung has the value.
    expect(read.assessments.map((a) => a.sub[0])).toEqual([2, null, null, null, null]);
    expect(read.assessments.map((a) => a.dimensions?.[0])).toEqual([97.8, 91.7, 97.2, null, 93.4]);
    const scores = issuesOf(read.issues, "SCORE_MISSING");
    expect(scores.map((i) => i.cell)).toEqual(["F3", "F4", "F5", "F6"]);
    expect(scores[0]).toMatchObject({ severity: "error", kampung: "Wisata Asri" });
    expect(scores[0].message).toBe(
      "Koordinasi - Regulasi: F3 berada dalam sel gabungan F2:F6; hanya F2 berisi nilai. Pisahkan sel gabungan dan isi nilai tiap kampung. Skor domain ini dan skor komposit tidak dihitung."
    );
    const ibangga = issuesOf(read.issues, "IBANGGA_MISSING");
    expect(ibangga.map((i) => [i.cell, i.kampung])).toEqual([["U5", "Ardi Raharja"]]);
    expect(ibangga[0].message).toContain(
      "U5 berada dalam sel gabungan U4:U5; hanya U4 berisi nilai. Pisahkan sel gabungan dan isi nilai tiap kampung."
    );
    const name = issuesOf(read.issues, "KAMPUNG_MISSING");
    expect(name.map((i) => i.cell)).toEqual(["A6"]);
    expect(name[0].message).toBe(
      "Baris berisi nilai tetapi tanpa nama kampung: A6 berada dalam sel gabungan A5:A6; hanya A5 berisi nama kampung. Pisahkan sel gabungan dan isi nama tiap kampung."
    );
  });

  it("says the same in English", async () => {
    const read = readInput(await readWorkbook(FILE), { lang: "en" });
    expect(issuesOf(read.issues, "SCORE_MISSING")[0].message).toBe(
      "Coordination - Regulation: F3 lies in the merged cell F2:F6; only F2 holds a value. Unmerge the cells and enter each kampung's value. This domain score and the composite are not computed."
    );
    expect(issuesOf(read.issues, "IBANGGA_MISSING")[0].message).toContain(
      "U5 lies in the merged cell U4:U5; only U4 holds a value."
    );
    expect(issuesOf(read.issues, "KAMPUNG_MISSING")[0].message).toBe(
      "The row has values but no kampung name: A6 lies in the merged cell A5:A6; only A5 holds a kampung name. Unmerge the cells and enter each kampung's name."
    );
  });

  it("still computes the rest: the top-left kampung, and every other column", async () => {
    const read = readInput(await readWorkbook(FILE), { lang: "id" });
    const { results } = analyseRead(read, SETARA, "id");
    expect(results.kampung.map((k) => k.composite)).toEqual([1.48, null, null, null, null]);
    // The domains without merges are computed for every kampung (the study's values).
    expect(results.kampung.map((k) => k.domains.rujukan)).toEqual([1, 1, 1, 1, 1]);
    // Ardi Raharja's iBangga from its two other dimensions, renormalised: (74.7 + 71.5) / 2.
    expect(results.kampung.map((k) => k.ibangga?.setara)).toEqual([92.4, 88.8, 89.9, 73.1, 79.9]);
    // The CLI lists each message with its cell address.
    const cli = await run("periksa", FILE);
    const lines = cli.out.split("\n").filter((l) => l.includes("berada dalam sel gabungan"));
    expect(lines).toHaveLength(6);
    for (const cell of ["F3", "F4", "F5", "F6", "U5", "A6"])
      expect(lines.filter((l) => l.includes(`${cell} berada`))).toHaveLength(1);
  });

  it("names nothing for a merge whose top-left cell is blank, or a cell outside any merge", () => {
    const header = ["Kampung", "Koordinasi - Regulasi", "Koordinasi - Struktur"];
    const grid = {
      ...gridFromRows("Data", [header, ["A", null, 1], ["B", null, 1], ["C", null, 1]]),
      merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
    };
    const read = readInput([grid], { lang: "id" });
    const missing = issuesOf(read.issues, "SCORE_MISSING").filter((i) => i.cell.startsWith("B"));
    expect(missing.map((i) => i.cell)).toEqual(["B2", "B3", "B4"]);
    for (const i of missing) expect(i.message).not.toContain("gabungan");
  });
});

describe("merged cells: odd shapes (tester's report, stop 15)", () => {
  const SUBS = ["Koordinasi - Regulasi", "Koordinasi - Struktur"];
  const rect = (top: number, left: number, bottom: number, right: number) => ({
    top,
    left,
    bottom,
    right,
  });

  it("fills a merge over two region columns into its left column only, in every row alike", () => {
    const grid = {
      ...gridFromRows("Data", [
        ["Kampung", "Kabupaten/Kota", "Provinsi", ...SUBS],
        ["A", "Kabupaten Wonosobo", null, 1, 1],
        ["B", null, null, 1, 1],
        ["C", null, null, 1, 1],
      ]),
      merges: [rect(1, 1, 3, 2)],
    };
    const read = readInput([grid], { lang: "id" });
    expect(read.assessments.map((a) => [a.region.kabupaten, a.region.provinsi])).toEqual([
      ["Kabupaten Wonosobo", null],
      ["Kabupaten Wonosobo", null],
      ["Kabupaten Wonosobo", null],
    ]);
    expect(issuesOf(read.issues, "MERGE_FILLED").map((i) => [i.cell, i.field])).toEqual([
      ["B2", "kabupaten"],
    ]);
  });

  it("names merges in the sheet's order, whatever order the file lists them in", () => {
    const grid = {
      ...gridFromRows("Data", [
        ["Kampung", "Status", ...SUBS],
        ["A", "dasar", 1, 1],
        ["B", null, 1, 1],
        ["C", "mandiri", 1, 1],
        ["D", null, 1, 1],
      ]),
      merges: [rect(3, 1, 4, 1), rect(1, 1, 2, 1)],
    };
    const [filled] = issuesOf(readInput([grid], { lang: "id" }).issues, "MERGE_FILLED");
    expect(filled.cell).toBe("B2");
    expect(filled.message).toContain("(B2:B3, B4:B5)");
    const one = { ...grid, merges: [rect(1, 1, 2, 1)] };
    const [english] = issuesOf(readInput([one], { lang: "en" }).issues, "MERGE_FILLED");
    expect(english.message).toContain("Status: 1 merged range across kampung rows (B2:B3)");
  });

  it("fills a kampung name merged over its evidence rows in the Bukti sheet", () => {
    const data = gridFromRows("Data", [
      ["Kampung", ...SUBS],
      ["A", 1, 1],
      ["B", 1, 1],
    ]);
    const bukti = {
      ...gridFromRows("Bukti", [
        ["Kampung", "Sub-indikator", "Tanggal", "Sumber"],
        ["A", SUBS[0], "2024-06-01", "SK"],
        [null, SUBS[1], "2024-06-01", "SK"],
        ["B", SUBS[0], "2024-06-01", "SK"],
        [null, SUBS[1], "2024-06-01", "SK"],
      ]),
      merges: [rect(1, 0, 2, 0), rect(3, 0, 4, 0)],
    };
    const read = readInput([data, bukti], { lang: "id" });
    expect(read.evidence?.map((e) => [e.kampung, e.row])).toEqual([
      ["A", 2],
      ["A", 3],
      ["B", 4],
      ["B", 5],
    ]);
    expect(issuesOf(read.issues, "MERGE_FILLED").map((i) => [i.sheet, i.cell, i.field])).toEqual([
      ["Bukti", "A2", "kampung"],
    ]);
    expect(read.issues.filter((i) => i.message.includes('""'))).toEqual([]);
  });

  it("names the right merge for each cell among thousands (found by row, not by a list)", () => {
    const n = 3000;
    const rows: (string | number | null)[][] = [["Kampung", ...SUBS]];
    for (let i = 0; i < n; i++) rows.push([`K${i}`, i % 2 === 0 ? 1 : null, 1]);
    // Merges listed bottom first: B2:B3, B4:B5, ... each over two kampung.
    const merges = Array.from({ length: n / 2 }, (_, j) => rect(1 + 2 * j, 1, 2 + 2 * j, 1));
    merges.reverse();
    const read = readInput([{ ...gridFromRows("Data", rows), merges }], { lang: "id" });
    const missing = issuesOf(read.issues, "SCORE_MISSING");
    expect(missing).toHaveLength(n / 2);
    missing.forEach((issue, j) => {
      expect(issue.cell).toBe(`B${4 + 2 * j - 1}`);
      expect(issue.message).toContain(`sel gabungan B${2 + 2 * j}:B${3 + 2 * j}`);
    });
  });
});
