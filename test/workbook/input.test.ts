import { CellValue } from "../../src/engine/cell";
import { SUB_INDICATORS } from "../../src/engine/framework";
import { gridFromRows } from "../../src/workbook/grid";
import { headerConflicts, matchHeader } from "../../src/workbook/headers";
import { fieldAddress, readInput } from "../../src/workbook/input";
import { templateHeaders } from "../../src/workbook/template";
import { EXPECTED, exampleGrid, exampleRows } from "../helpers/example";

const id = { lang: "id" as const };

describe("readInput on the study's example", () => {
  const read = readInput([exampleGrid()], id);

  it("reads the four kampung with their identity and values", () => {
    expect(read.fatal).toBe(false);
    expect(read.headerRow).toBe(0);
    expect(read.assessments.map((a) => a.name)).toEqual(EXPECTED.map((e) => e.name));
    const [sumurboto] = read.assessments;
    expect(sumurboto.row).toBe(2);
    expect(sumurboto.status).toBe("berkelanjutan");
    expect(sumurboto.region).toEqual({
      desa: "Kelurahan Sumurboto",
      kecamatan: null,
      kabupaten: "Kota Semarang",
      provinsi: "Jawa Tengah",
    });
    expect(sumurboto.sub).toEqual([2, 2, 2, 1, 1, 1, 2, 1.5, 0.7, 1.5, 1, 1.5, 2, 1.5, 1.5]);
    expect(sumurboto.dimensions).toEqual([97.8, 91.1, 88.3]);
    expect(read.hasIbangga).toBe(true);
    expect(read.sourceRange).toBe("'Data'!A1:W5");
  });

  it("has only the warnings the published values call for (0.7, 1.3 are off the rubric steps)", () => {
    expect(read.issues.every((i) => i.severity === "warning")).toBe(true);
    const offRubric = read.issues.filter((i) => i.code === "SCORE_OFF_RUBRIC");
    expect(offRubric.map((i) => `${i.kampung}@${i.cell}`)).toEqual([
      "Sumurboto@N2",
      "Asri Sejahtera@H3",
    ]);
    expect(offRubric[0].message).toContain('"0,7" bukan nilai rubrik');
  });
});

describe("header matching", () => {
  it("reads a header under a title row, written in free forms", () => {
    const header: string[] = [
      "Kampung",
      "Status",
      "Koordinasi - Regulasi",
      "Koordinasi: Struktur",
      "KOORDINASI LINTAS SEKTOR / Praktik",
      "Alur rujukan: SOP",
      "Rujukan Register",
      "Alur rujukan - Umpan balik rujukan (closed loop)",
      "Interoperabilitas data / ID keluarga",
      "Interoperabilitas Pemutakhiran",
      "Data interoperability: Use",
      "Umpan balik - Indikator (forum)",
      "umpanBalik.rencanaTindakLanjut",
      "Indicator-based feedback: Verification",
      "Peran kader Aktivitas",
      "Peran kader Supervisi",
      "Cadre role - Data collection",
      "iBangga Ketenteraman",
      "ibangga.kemandirian",
      "iBangga Kebahagiaan",
    ];
    const values: CellValue[] = [
      "Sumurboto",
      "berkelanjutan",
      2,
      2,
      2,
      1,
      1,
      1,
      2,
      1.5,
      0.7,
      1.5,
      1,
      1.5,
      2,
      1.5,
      1.5,
      97.8,
      91.1,
      88.3,
    ];
    const grid = gridFromRows("Penilaian", [["Penilaian Kampung KB 2024"], [], header, values]);
    const read = readInput([grid], id);
    expect(read.headerRow).toBe(2);
    expect(read.columns!.sub).toEqual(SUB_INDICATORS.map((_, i) => i + 2));
    expect(read.assessments[0].row).toBe(4);
    expect(read.assessments[0].sub).toEqual(values.slice(2, 17));
    expect(read.assessments[0].dimensions).toEqual([97.8, 91.1, 88.3]);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("recognises every template header in both languages, and no two fields share a spelling", () => {
    for (const lang of ["id", "en"] as const) {
      const fields = templateHeaders(lang).map((h) => matchHeader(h));
      expect(fields.every((f) => f !== null)).toBe(true);
      expect(new Set(fields.map((f) => JSON.stringify(f))).size).toBe(fields.length);
    }
    expect(headerConflicts()).toEqual([]);
  });

  it("reads iBangga sub-indicator columns as the mean of each dimension", () => {
    const grid = gridFromRows("S", [
      [
        "Kampung",
        "Koordinasi Regulasi",
        "Ketenteraman: Akta nikah",
        "Ketenteraman: Ibadah",
        "Kemandirian: Penghasilan",
        "Kebahagiaan: Interaksi",
      ],
      ["A", 2, 90, 95.5, 80, null],
    ]);
    const read = readInput([grid], id);
    expect(read.assessments[0].dimensions).toEqual([92.8, 80, null]);
    expect(read.issues.find((i) => i.code === "IBANGGA_MISSING")).toMatchObject({
      cell: "F2",
      severity: "warning",
    });
  });
});

describe("iBangga typed as a percentage", () => {
  it("warns once per cell where 97,8 % is stored as 0.978, and reads the value as given", () => {
    const grid = gridFromRows("S", [
      ["Kampung", "Koordinasi Regulasi", "Ketenteraman", "Kemandirian", "Kebahagiaan"],
      ["A", 2, 0.978, 0.911, "88,3 %"],
      ["B", 2, 97.8, 91.1, 88.3],
    ]);
    const read = readInput([grid], id);
    expect(read.assessments.map((a) => a.dimensions)).toEqual([
      [0.978, 0.911, 88.3],
      [97.8, 91.1, 88.3],
    ]);
    const fractions = read.issues.filter((i) => i.code === "IBANGGA_FRACTION");
    expect(fractions.map((i) => [i.cell, i.severity])).toEqual([
      ["C2", "warning"],
      ["D2", "warning"],
    ]);
    expect(fractions[0].message).toContain('"0,978" sangat kecil untuk skala 0-100');
    expect(fractions[0].message).toContain("ketik 97,8");
    expect(read.issues.find((i) => i.cell === "E2")?.code).toBe("IBANGGA_TEXT");
  });
});

describe("bad input", () => {
  const rows = exampleRows();
  const bad = rows.map((r) => [...r]);
  bad[1][5] = "dua"; // Sumurboto koordinasi.regulasi -> F2
  bad[2][8] = { error: "#N/A" }; // Asri Sejahtera rujukan.sop -> I3
  bad[3][19] = 2.5; // Wisata Asri kader.pendataan -> T4
  bad[4][10] = "1,5"; // Ardi Raharja rujukan.umpanBalikRujukan -> K5, text number
  bad[4][11] = null; // Ardi Raharja interoperabilitas.idKeluarga -> L5 blank
  bad.splice(
    3,
    0,
    bad[1].map(() => null)
  ); // a blank row between kampung
  const read = readInput([gridFromRows("Data", bad)], id);

  it("reports every bad cell with its address and code, and keeps the rest", () => {
    const errors = read.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.cell, i.code, i.kampung, i.field])).toEqual([
      ["F2", "SCORE_NOT_NUMBER", "Sumurboto", "koordinasi.regulasi"],
      ["I3", "SCORE_CELL_ERROR", "Asri Sejahtera", "rujukan.sop"],
      ["T5", "SCORE_OUT_OF_RANGE", "Wisata Asri", "kader.pendataan"],
      ["L6", "SCORE_MISSING", "Ardi Raharja", "interoperabilitas.idKeluarga"],
    ]);
    expect(errors[0].message).toBe(
      'Koordinasi - Regulasi: "dua" bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.'
    );
    expect(read.issues.find((i) => i.code === "SCORE_TEXT")).toMatchObject({
      cell: "K6",
      severity: "warning",
    });
    expect(read.assessments).toHaveLength(4);
    expect(read.assessments[0].sub[0]).toBeNull();
    expect(read.assessments[0].sub[1]).toBe(2);
    expect(read.assessments[3].sub[5]).toBe(1.5);
  });

  it("gives messages in English on request", () => {
    const en = readInput([gridFromRows("Data", bad)], { lang: "en" });
    expect(en.issues[0].message).toBe(
      'Coordination - Regulation: "dua" is not a number. Enter 0, 0.5, 1, 1.5 or 2.'
    );
    expect(en.issues.find((i) => i.code === "SCORE_TEXT")?.message).toBe(
      'Referral - Referral feedback (closed loop): "1,5" is stored as text; read as 1.5.'
    );
  });

  it("says a blank iBangga dimension is renormalised only when another dimension is there", () => {
    const blanks = rows.map((r) => [...r]);
    blanks[1][20] = null; // U2: one dimension blank
    blanks[2][20] = blanks[2][21] = blanks[2][22] = null; // U3:W3: all three blank
    blanks[3][20] = { error: "#N/A" }; // U4: an error, V4:W4 blank: none left either
    blanks[3][21] = blanks[3][22] = null;
    const read = readInput([gridFromRows("Data", blanks)], id);
    const missing = read.issues.filter((i) => i.code === "IBANGGA_MISSING");
    expect(missing.map((i) => i.cell)).toEqual(["U2", "U3", "V3", "W3", "V4", "W4"]);
    expect(missing[0].message).toContain("bobot dimensi lain dinormalkan ulang");
    for (const issue of missing.slice(1)) {
      expect(issue.message).toContain("Ketiga dimensi kosong: iBangga kampung ini tidak dihitung.");
      expect(issue.message).not.toContain("dinormalkan");
    }
    const en = readInput([gridFromRows("Data", blanks)], { lang: "en" });
    expect(en.issues.filter((i) => i.code === "IBANGGA_MISSING")[1].message).toContain(
      "All three dimensions are blank: this kampung's iBangga is not computed."
    );
  });

  it("says which column counts when a dimension has its own column and sub-indicator columns", () => {
    const [header, ...data] = rows.map((r) => [...r]);
    const both = [[...header, "Ketenteraman: Rumah layak"], ...data.map((r) => [...r, 50])];
    const read = readInput([gridFromRows("Data", both)], id);
    const said = read.issues.filter((i) => i.code === "COLUMN_DUPLICATE");
    expect(said.map((i) => [i.cell, i.message])).toEqual([
      ["X1", "Kolom iBangga Ketenteraman muncul dua kali; yang dipakai kolom U1."],
    ]);
    // The dimension's own column is the one read.
    expect(read.assessments.map((a) => a.dimensions?.[0])).toEqual(data.map((r) => r[20]));
  });

  it("quotes a number typed as text as it was typed, not as the number read", () => {
    const typed = rows.map((r) => [...r]);
    typed[1][5] = "1,0"; // F2: read as 1
    typed[2][5] = "2.0"; // F3
    typed[3][20] = "97,80"; // U4, an iBangga value
    const read = readInput([gridFromRows("Data", typed)], id);
    const message = (cell: string) => read.issues.find((i) => i.cell === cell)?.message;
    expect(message("F2")).toBe(
      'Koordinasi - Regulasi: "1,0" tersimpan sebagai teks; dibaca sebagai angka 1.'
    );
    expect(message("F3")).toBe(
      'Koordinasi - Regulasi: "2.0" tersimpan sebagai teks; dibaca sebagai angka 2.'
    );
    expect(message("U4")).toMatch(/: "97,80" tersimpan sebagai teks; dibaca sebagai angka 97,8\.$/);
    expect(read.assessments[0].sub[0]).toBe(1);
    expect(read.assessments[1].sub[0]).toBe(2);
    // A long text is quoted in part (a cell of 3,000 spaces and a 2).
    const long = rows.map((r) => [...r]);
    long[1][5] = " ".repeat(3000) + "2";
    const longRead = readInput([gridFromRows("Data", long)], id);
    const said = longRead.issues.find((i) => i.cell === "F2")!;
    expect(said.code).toBe("SCORE_TEXT");
    expect(said.message).toBe(
      `Koordinasi - Regulasi: "${" ".repeat(59)}…" tersimpan sebagai teks; dibaca sebagai angka 2.`
    );
  });

  it("finds no header in a sheet without one and says what it expected", () => {
    const none = readInput([gridFromRows("Lembar1", [["catatan"], [1, 2, 3]])], id);
    expect(none.fatal).toBe(true);
    expect(none.issues).toHaveLength(1);
    expect(none.issues[0]).toMatchObject({
      code: "HEADER_NOT_FOUND",
      cell: "A1",
      severity: "error",
    });
    expect(none.issues[0].message).toContain("Koordinasi - Regulasi/Struktur/Praktik");
  });

  it("finds the header under a letterhead (kop surat) and a title, up to row 20", () => {
    const kop = Array.from({ length: 12 }, (_, i) => [`Kop surat baris ${i + 1}`]);
    const read = readInput([gridFromRows("Data", [...kop, ...exampleRows()])], id);
    expect(read.fatal).toBe(false);
    expect(read.assessments.map((a) => a.row)).toEqual([14, 15, 16, 17]);
    const deeper = Array.from({ length: 20 }, (_, i) => [`Baris ${i + 1}`]);
    const none = readInput([gridFromRows("Data", [...deeper, ...exampleRows()])], id);
    expect(none.issues[0].message).toMatch(
      /^Baris judul kolom tidak ditemukan di 20 baris pertama/
    );
    // An empty sheet is said to be empty; the template's way is named for every mode.
    const empty = readInput([gridFromRows("Kosong", [])], id);
    expect(empty.issues[0].message).toMatch(/^Lembar ini kosong di 20 baris pertama/);
    expect(empty.issues[0].message).toContain(
      "tombol templat di panel KKB, atau perintah kkb templat"
    );
  });

  it("reports a missing sub-indicator column once, and duplicates, and rows without a name", () => {
    const header = exampleRows()[0].filter((_, c) => c !== 6);
    const body = exampleRows()
      .slice(1, 3)
      .map((r) => r.filter((_, c) => c !== 6));
    body.push([...body[0]]);
    body.push([null, ...body[1].slice(1)]);
    const read2 = readInput([gridFromRows("Data", [header, ...body])], id);
    expect(read2.issues.filter((i) => i.code === "COLUMN_MISSING").map((i) => i.field)).toEqual([
      "koordinasi.struktur",
    ]);
    expect(read2.issues.find((i) => i.code === "KAMPUNG_DUPLICATE")).toMatchObject({
      cell: "A4",
      kampung: "Sumurboto",
    });
    expect(read2.issues.find((i) => i.code === "KAMPUNG_MISSING")).toMatchObject({ cell: "A5" });
    expect(read2.assessments.map((a) => a.name)).toEqual([
      "Sumurboto",
      "Asri Sejahtera",
      "Sumurboto",
      "(baris 5)",
    ]);
  });

  it("names the sheet that does not exist", () => {
    const r = readInput([exampleGrid()], { lang: "id", sheet: "Tidak ada" });
    expect(r.fatal).toBe(true);
    expect(r.issues[0]).toMatchObject({ code: "SHEET_NOT_FOUND" });
    expect(r.issues[0].message).toContain("Data");
  });
});

describe("evidence sheet and dates", () => {
  it("parses the Bukti sheet and the assessment dates", () => {
    const data = gridFromRows("Input", [
      ["Kampung", "Tanggal penilaian", "Koordinasi Regulasi", "Koordinasi Struktur"],
      ["Sumurboto", "31/05/2024", 2, 2],
      ["Kandri", new Date(Date.UTC(2024, 4, 30)), 1, 1],
    ]);
    const bukti = gridFromRows("Bukti", [
      ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"],
      [
        "Sumurboto",
        "Koordinasi - Regulasi",
        new Date(Date.UTC(2024, 2, 1)),
        "SK Lurah 12/2024",
        "hal. 2",
      ],
      ["Sumurboto", "sesuatu", "kemarin", null, null],
    ]);
    const read = readInput([bukti, data], id);
    expect(read.sheet).toBe("Input");
    expect(read.assessments[0].date?.toISOString()).toBe("2024-05-31T00:00:00.000Z");
    expect(read.issues.find((i) => i.code === "DATE_TEXT")).toMatchObject({ cell: "B2" });
    expect(read.evidence).toHaveLength(2);
    expect(read.evidence![0]).toMatchObject({
      kampung: "Sumurboto",
      field: "koordinasi.regulasi",
      source: "SK Lurah 12/2024",
      row: 2,
    });
    expect(read.evidence![1]).toMatchObject({ field: null, date: null });
    expect(read.issues.find((i) => i.code === "DATE_INVALID")).toMatchObject({
      sheet: "Bukti",
      cell: "C3",
    });
    expect(fieldAddress(read, 3, "koordinasi.struktur")).toBe("D3");
  });

  it("leaves a hidden kampung's evidence out with it (--visible-only), not as unknown", () => {
    const data = {
      ...gridFromRows("Input", [
        ["Kampung", "Tanggal penilaian", "Koordinasi Regulasi", "Koordinasi Struktur"],
        ["Sumurboto", "31/05/2024", 2, 2],
        ["Kandri", "30/05/2024", 1, 1],
      ]),
      hiddenRows: new Set([2]),
    };
    const bukti = gridFromRows("Bukti", [
      ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"],
      ["Sumurboto", "Koordinasi - Regulasi", "01/05/2024", "SK", "hal. 1"],
      ["Kandri", "Koordinasi - Regulasi", "01/05/2024", "SK", "hal. 2"],
      ["Tidak Ada", "Koordinasi - Regulasi", "01/05/2024", "SK", "hal. 3"],
    ]);
    const visible = readInput([data, bukti], { ...id, visibleOnly: true });
    expect(visible.assessments.map((a) => a.name)).toEqual(["Sumurboto"]);
    expect(visible.evidence?.map((e) => e.kampung)).toEqual(["Sumurboto", "Tidak Ada"]);
    // Said at the hidden row itself.
    expect(visible.issues.find((i) => i.code === "ROWS_HIDDEN_SKIPPED")?.cell).toBe("A3");
    // Counted in (the default), its evidence stays.
    expect(readInput([data, bukti], id).evidence).toHaveLength(3);
  });

  it("has no evidence when there is no Bukti sheet", () => {
    expect(readInput([exampleGrid()], id).evidence).toBeNull();
  });
});
