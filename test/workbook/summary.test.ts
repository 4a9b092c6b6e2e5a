import { KEMANDIRIAN_SENTRAL, SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { TableBlock } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { templateSheets } from "../../src/workbook/template";
import { gridFromRows } from "../../src/workbook/grid";
import { EXPECTED, exampleGrid } from "../helpers/example";

const now = new Date(2026, 10, 27, 9, 30);

function tableOf(sheet: { blocks: readonly { kind: string }[] }): TableBlock {
  return sheet.blocks.find((b): b is TableBlock => b.kind === "table")!;
}

describe("buildSummary on the study's example", () => {
  const read = readInput([exampleGrid()], { lang: "id" });
  const { results, sheets } = buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "contoh.xlsx",
    now,
  });

  it("writes the four KKB sheets", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "KKB Ringkasan",
      "KKB Domain",
      "KKB iBangga",
      "KKB Validasi",
    ]);
  });

  it("puts the published figures in KKB Ringkasan with score formats", () => {
    const t = tableOf(sheets[0]);
    expect(t.header.slice(5)).toEqual([
      "Koordinasi",
      "Rujukan",
      "Interoperabilitas",
      "Umpan balik",
      "Kader",
      "Komposit",
    ]);
    expect(t.rows.map((r) => r.slice(5))).toEqual(EXPECTED.map((e) => [...e.domains, e.composite]));
    expect(t.formats.slice(5)).toEqual(["0.0", "0.0", "0.0", "0.0", "0.0", "0.00"]);
    expect(results.kampung.map((k) => k.composite)).toEqual(EXPECTED.map((e) => e.composite));
  });

  it("stamps every sheet with method, weights, source, time and counts", () => {
    for (const sheet of sheets) {
      const notes = sheet.blocks.find((b) => b.kind === "notes");
      expect(notes && notes.kind === "notes" && notes.lines).toEqual([
        expect.stringContaining("Metode: KKB 2025.1"),
        "Bobot iBangga: setara (33,3 / 33,3 / 33,3 %)",
        "Sumber: contoh.xlsx, 'Data'!A1:W5",
        "Dibuat: 2026-11-27 09:30",
        "Jumlah: 4 kampung, 0 galat, 2 peringatan",
      ]);
    }
  });

  it("gives both iBangga composites and the band of the chosen weighting", () => {
    const t = tableOf(sheets[2]);
    expect(t.rows.map((r) => r.slice(4))).toEqual(
      EXPECTED.map((e) => [...e.dims, e.setara, e.kemandirianSentral, "tangguh"])
    );
    const ks = buildSummary(read, { lang: "en", weights: KEMANDIRIAN_SENTRAL, source: "x", now });
    expect(ks.results.kampung[0].ibangga).toMatchObject({
      setara: 92.4,
      kemandirianSentral: 92.7,
      band: "tangguh",
    });
  });

  it("lists every issue on KKB Validasi with a link to its cell", () => {
    const t = tableOf(sheets[3]);
    expect(t.rows).toHaveLength(read.issues.length);
    expect(t.links!.targets[0]).toBe(`'Data'!${read.issues[0].cell}`);
  });

  it("leaves out KKB iBangga when the sheet has no iBangga columns", () => {
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
    expect(s.sheets.map((x) => x.role)).toEqual(["ringkasan", "domain", "validasi"]);
    expect(s.results.kampung[0].ibangga).toBeNull();
    expect(s.results.kampung[0].composite).toBeNull();
  });
});

describe("templateSheets", () => {
  it("has KKB Input with a rubric rule on every score cell and KKB Bukti", () => {
    const [input, bukti] = templateSheets("id");
    expect(input.name).toBe("KKB Input");
    expect(bukti.name).toBe("KKB Bukti");
    const rubric = input.validations.find((v) => v.rule.type === "decimal" && v.rule.max === 2)!;
    expect(rubric).toMatchObject({ row: 1, col: 7, cols: 15, strict: true });
    expect(rubric.prompt.text).toContain("1,5 = rutin");
  });
});
