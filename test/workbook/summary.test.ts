import { KEMANDIRIAN_SENTRAL, SETARA } from "../../src/engine/ibangga";
import { CellValue } from "../../src/engine/cell";
import { matchSubIndicator } from "../../src/workbook/headers";
import { readInput } from "../../src/workbook/input";
import { isSpecFormula, TableBlock, allRows } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { templateSheets } from "../../src/workbook/template";
import { gridFromRows } from "../../src/workbook/grid";
import { EXPECTED, exampleGrid } from "../helpers/example";

const now = new Date(2026, 10, 27, 9, 30);

function tables(sheet: { blocks: readonly { kind: string }[] }): TableBlock[] {
  return sheet.blocks.filter((b): b is TableBlock => b.kind === "table");
}

function byName(sheet: { blocks: readonly { kind: string }[] }, name: string): TableBlock {
  return tables(sheet).find((t) => t.name === name)!;
}

describe("buildSummary on the study's example", () => {
  const read = readInput([exampleGrid()], { lang: "id" });
  const { results, sheets } = buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "contoh.xlsx",
    now,
  });
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;

  it("writes the six KKB sheets, and the profile page (issue 15)", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "KKB Ringkasan",
      "KKB Domain",
      "KKB iBangga",
      "KKB Wilayah",
      "KKB Ketidakpastian",
      "KKB Validasi",
      "KKB Profil",
    ]);
  });

  it("puts the published figures and the composite ranks in KKB Ringkasan", () => {
    const t = byName(sheet("KKB Ringkasan"), "KKB_Ringkasan");
    expect(t.header.slice(1, 9)).toEqual([
      "Kampung",
      "Koordinasi",
      "Rujukan",
      "Interoperabilitas",
      "Umpan balik",
      "Kader",
      "Komposit",
      "Peringkat",
    ]);
    expect(allRows(t.rows).map((r) => r.slice(1, 9))).toEqual(
      EXPECTED.map((e, i) => [e.name, ...e.domains, e.composite, [1, 3, 2, 4][i]])
    );
    expect(t.formats.slice(2, 8)).toEqual(["0.0", "0.0", "0.0", "0.0", "0.0", "0.00"]);
    expect(results.kampung.map((k) => k.composite)).toEqual(EXPECTED.map((e) => e.composite));
  });

  it("names the weakest domain and the study's next step", () => {
    const t = byName(sheet("KKB Ringkasan"), "KKB_Ringkasan");
    const weakest = t.header.indexOf("Domain terlemah");
    // Sumurboto's lowest is rujukan (1.0); Ardi Raharja ties interoperabilitas and umpan balik (0.7).
    expect(allRows(t.rows)[0][weakest]).toBe("Rujukan");
    expect(allRows(t.rows)[0][weakest + 1]).toBe(
      "Rujukan tertutup yang baku di titik layanan utama, dengan register dan kolom penutupan."
    );
    expect(allRows(t.rows)[3][weakest]).toBe("Interoperabilitas, Umpan balik");
  });

  it("gives the status-group means and the spread, worked out by hand", () => {
    const t = byName(sheet("KKB Ringkasan"), "KKB_Status");
    expect(t.rows).toEqual([
      ["Berkembang", 1.6, 1.0, 0.9, 0.7, 1.3, 1.08, 2, 84.9, 84.9],
      ["Berkelanjutan", 2.0, 1.0, 1.2, 1.3, 1.7, 1.44, 2, 90.6, 91.1],
      ["Selisih: Berkelanjutan - Berkembang", 0.4, 0, 0.3, 0.6, 0.4, 0.36, null, 5.7, 6.2],
    ]);
    const radar = sheet("KKB Ringkasan").charts[0];
    const main = byName(sheet("KKB Ringkasan"), "KKB_Ringkasan");
    expect(radar).toMatchObject({
      kind: "radar",
      seriesBy: "rows",
      source: { row: main.row, col: 1, rows: 5, cols: 6 },
    });
  });

  it("stamps every sheet with method, weights, source, time and counts", () => {
    for (const s of sheets) {
      const notes = s.blocks.find((b) => b.kind === "notes");
      expect(notes && notes.kind === "notes" && notes.lines).toEqual([
        expect.stringContaining("Metode: KKB 2025.1"),
        "Bobot iBangga: setara (33,3 / 33,3 / 33,3 %)",
        "Sumber: contoh.xlsx, 'Data'!A1:W5",
        "Dibuat: 2026-11-27 09:30",
        "Jumlah: 4 kampung, 0 galat, 3 peringatan",
      ]);
    }
  });

  it("gives both iBangga composites, the band, and the rank shift between weightings", () => {
    const t = byName(sheet("KKB iBangga"), "KKB_iBangga");
    expect(allRows(t.rows).map((r) => r.slice(0, 10))).toEqual(
      EXPECTED.map((e, i) => [
        e.name,
        ...e.dims,
        e.setara,
        e.kemandirianSentral,
        "tangguh",
        [1, 2, 3, 4][i],
        [1, 3, 2, 4][i],
        [0, -1, 1, 0][i],
      ])
    );
    const notes = sheet("KKB iBangga").blocks.filter((b) => b.kind === "notes")[1];
    expect(notes.kind === "notes" && notes.lines.join(" ")).toContain("2021: 54,01, 2023: 61,43");
    expect(sheet("KKB iBangga").charts[0]).toMatchObject({ kind: "bar", seriesBy: "columns" });
    const ks = buildSummary(read, { lang: "en", weights: KEMANDIRIAN_SENTRAL, source: "x", now });
    expect(ks.results.kampung[0].ibangga).toMatchObject({
      setara: 92.4,
      kemandirianSentral: 92.7,
      band: "tangguh",
    });
  });

  it("gives regional means by province and regency", () => {
    const w = sheet("KKB Wilayah");
    expect(byName(w, "KKB_Wilayah_kabupaten").rows).toEqual([
      ["Jawa Tengah", "Kabupaten Wonosobo", 1.8, 1.0, 0.9, 1.0, 1.5, 1.22, 2, 84.4, 85],
      ["Jawa Tengah", "Kota Semarang", 1.8, 1.0, 1.2, 1.0, 1.5, 1.3, 2, 91.2, 91],
    ]);
    expect(byName(w, "KKB_Wilayah_provinsi").rows).toEqual([
      ["Jawa Tengah", 1.8, 1.0, 1.0, 1.0, 1.5, 1.26, 4, 87.8, 88],
    ]);
  });

  it("lists every issue on KKB Validasi with a link to its cell", () => {
    const t = byName(sheet("KKB Validasi"), "KKB_Validasi");
    expect(t.rows).toHaveLength(results.issues.length);
    expect(results.issues.map((i) => i.code)).toEqual([
      "SCORE_OFF_RUBRIC",
      "SCORE_OFF_RUBRIC",
      "EVIDENCE_NONE",
    ]);
    expect(t.links!.targets[0]).toBe(`'Data'!${read.issues[0].cell}`);
  });

  it("leaves out KKB iBangga and KKB Wilayah when the sheet has no such columns", () => {
    const grid = gridFromRows("S", [
      ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur"],
      ["A", 1, 2],
    ]);
    const s = buildSummary(readInput([grid], { lang: "id" }), {
      lang: "id",
      weights: SETARA,
      source: "x",
      now,
    });
    expect(s.sheets.map((x) => x.role)).toEqual([
      "ringkasan",
      "domain",
      "ketidakpastian",
      "validasi",
      "profil",
    ]);
    expect(s.results.kampung[0].ibangga).toBeNull();
    expect(s.results.kampung[0].composite).toBeNull();
  });
});

describe("templateSheets", () => {
  it("has KKB Input with a rubric rule on every score cell, KKB Petunjuk and KKB Bukti", () => {
    const [input, petunjuk, bukti] = templateSheets("id");
    expect(input.name).toBe("KKB Input");
    expect(petunjuk.name).toBe("KKB Petunjuk");
    expect(bukti.name).toBe("KKB Bukti");
    const rubric = input.validations.find((v) => v.rule.type === "decimal" && v.rule.max === 2)!;
    // After the identity columns: Kampung ... Tanggal penilaian, Periode.
    expect(rubric).toMatchObject({ row: 1, col: 8, cols: 15, strict: true });
    expect(rubric.prompt.text).toContain("1,5 = rutin");
  });
});

describe("the template's instructions and evidence dropdowns (issue 13 item 6)", () => {
  it("lists the sub-indicator names the evidence dropdown offers, all of them recognised", () => {
    for (const lang of ["id", "en"] as const) {
      const [, petunjuk, bukti] = templateSheets(lang);
      const list = bukti.validations.find((v) => v.col === 1)!;
      expect(list.rule).toMatchObject({ type: "listRange", sheet: "KKB Petunjuk", rows: 15 });
      const rule = list.rule as { row: number };
      const names = petunjuk.blocks.find(
        (b): b is TableBlock => b.kind === "table" && b.row + 1 === rule.row
      )!;
      expect(allRows(names.rows).map((r) => matchSubIndicator(String(r[0])))).toEqual(
        Array.from({ length: 15 }, (_, i) => i)
      );
      const kampung = bukti.validations.find((v) => v.col === 0)!;
      expect(kampung.rule).toMatchObject({ type: "listRange", sheet: "KKB Input", col: 0 });
    }
  });

  it("never reads the instructions as data: a filled template reads its input sheet only", () => {
    const [input, petunjuk] = templateSheets("id");
    const header = (input.blocks[0] as TableBlock).header;
    const grids = [
      gridFromRows("KKB Input", [header, ["Satu", ...header.slice(1).map(() => null)]]),
      gridFromRows(
        "KKB Petunjuk",
        petunjuk.blocks.flatMap((b): CellValue[][] =>
          b.kind === "table"
            ? [
                [...b.header],
                ...allRows(b.rows).map((r) => r.map((v) => (isSpecFormula(v) ? null : v))),
              ]
            : b.kind === "notes"
              ? b.lines.map((l) => [l])
              : [[b.text]]
        )
      ),
    ];
    const read = readInput(grids, { lang: "id" });
    expect(read.sheet).toBe("KKB Input");
    expect(read.assessments.map((a) => a.name)).toEqual(["Satu"]);
    // Alone, the instructions are no data either.
    expect(readInput([grids[1]], { lang: "id" }).assessments).toEqual([]);
  });
});
