/** KKB Profil's pure parts (issue 15): the dropdown's names, the rubric meanings, the print selection. */
import { KampungResult, scoreAll } from "../../src/engine/assessment";
import { RUBRIC } from "../../src/engine/framework";
import { SETARA } from "../../src/engine/ibangga";
import {
  choiceLabels,
  MAX_PROFIL_PRINT,
  ProfilSelectionError,
  rubricMeaning,
  selectProfil,
} from "../../src/workbook/profil";
import { uniform } from "../helpers/analysis-fixture";

const region = (desa: string, kecamatan: string, kabupaten = "Banyumas") => ({
  desa,
  kecamatan,
  kabupaten,
  provinsi: "Jawa Tengah",
});

describe("choiceLabels", () => {
  it("keeps unique names and tells apart the same name in two places", () => {
    const kampung = [
      { name: "Mawar", row: 2, region: region("Karang", "Ajibarang") },
      { name: "Melati", row: 3, region: region("Lewas", "Sokaraja") },
      { name: " mawar", row: 4, region: region("Kemiri", "Sumbang") },
    ] as unknown as KampungResult[];
    const labels = choiceLabels(kampung, "id");
    expect(labels).toEqual([
      "Mawar (Karang, Ajibarang; baris 2)",
      "Melati",
      " mawar (Kemiri, Sumbang; baris 4)",
    ]);
    expect(new Set(labels).size).toBe(3);
    expect(choiceLabels(kampung, "en")[0]).toBe("Mawar (Karang, Ajibarang; row 2)");
  });

  it("cuts a label too long for Excel's MATCH (255 characters), keeping it unique by its row", () => {
    const long = "Kampung KB Sejahtera Bersama ".repeat(12).trim(); // 347 characters
    const kampung = [
      { name: long, row: 2, region: region("Karang", "Ajibarang") },
      { name: `${long} Dua`, row: 3, region: region("Lewas", "Sokaraja") },
      { name: `${"😀".repeat(79)}x${"y".repeat(200)}`, row: 4, region: region("A", "B") },
    ] as unknown as KampungResult[];
    const labels = choiceLabels(kampung, "id");
    expect(labels[0]).toBe(`${long.slice(0, 80).trimEnd()}… (baris 2)`);
    expect(labels[1]).toBe(`${long.slice(0, 80).trimEnd()}… (baris 3)`);
    expect(labels[2]).toBe(`${"😀".repeat(79)}x… (baris 4)`);
    // Within MATCH's 255 characters even with every character escaped (ASCII names).
    for (const label of labels.slice(0, 2)) expect(2 * label.length).toBeLessThan(255);
    expect(labels[2].length).toBeLessThan(255);
    expect(new Set(labels).size).toBe(3);
  });
});

describe("rubricMeaning", () => {
  it("gives the rubric's words for its values, both languages (framework data)", () => {
    expect(RUBRIC.map((r) => rubricMeaning(r.value, "id"))).toEqual([
      "tidak ada",
      "ada tetapi parsial",
      "rutin dengan deviasi kecil",
      "lengkap dan rutin",
    ]);
    expect(rubricMeaning(1.5, "en")).toBe("routine with minor deviations");
  });

  it("says a mean of items lies between two levels; nothing for a missing value", () => {
    expect(rubricMeaning(0.7, "id")).toBe("antara: tidak ada / ada tetapi parsial");
    expect(rubricMeaning(1.3, "en")).toBe(
      "between: exists but partial / routine with minor deviations"
    );
    expect(rubricMeaning(1.7, "id")).toBe("antara: rutin dengan deviasi kecil / lengkap dan rutin");
    expect(rubricMeaning(null, "id")).toBe("");
  });
});

describe("selectProfil", () => {
  const many = (n: number) =>
    scoreAll(
      Array.from({ length: n }, (_, i) =>
        uniform(`k${i}`, 1, {
          row: i + 2,
          region: region(
            `Desa ${i}`,
            i < 3 ? "Ajibarang" : "Sokaraja",
            i < 5 ? "Banyumas" : "Cilacap"
          ),
        })
      ),
      SETARA,
      []
    );

  it("takes every kampung, or those of a region named at any level, case- and space-free", () => {
    const results = many(8);
    expect(selectProfil(results, null)).toEqual({ ok: true, indexes: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(selectProfil(results, " ajibarang ")).toEqual({ ok: true, indexes: [0, 1, 2] });
    expect(selectProfil(results, "CILACAP")).toEqual({ ok: true, indexes: [5, 6, 7] });
    expect(selectProfil(results, "Desa 4")).toEqual({ ok: true, indexes: [4] });
    expect(selectProfil(results, "Atlantis")).toEqual({
      ok: false,
      problem: "noMatch",
      count: 0,
      candidates: [],
    });
  });

  it("finds a region without its administrative word, when only one region has that name", () => {
    const named = (kabupaten: string[], kecamatan = "Kecamatan Banyumanik") =>
      scoreAll(
        kabupaten.map((kab, i) =>
          uniform(`k${i}`, 1, { row: i + 2, region: region(`Desa ${i}`, kecamatan, kab) })
        ),
        SETARA,
        []
      );
    const one = named(["Kabupaten Wonosobo", "Kota Semarang", "Kabupaten Wonosobo"]);
    for (const wanted of ["Wonosobo", "Kab. Wonosobo", "kab wonosobo", "KABUPATEN WONOSOBO"])
      expect([wanted, selectProfil(one, wanted)]).toEqual([wanted, { ok: true, indexes: [0, 2] }]);
    expect(selectProfil(one, "Banyumanik")).toEqual({ ok: true, indexes: [0, 1, 2] });
    // Two regions of that name: neither is guessed, both are offered.
    const two = named(["Kabupaten Semarang", "Kota Semarang"]);
    expect(selectProfil(two, "Semarang")).toEqual({
      ok: false,
      problem: "noMatch",
      count: 0,
      candidates: ["Kabupaten Semarang", "Kota Semarang"],
    });
    // A part of a name: offered, not taken.
    expect(selectProfil(one, "Wono")).toEqual({
      ok: false,
      problem: "noMatch",
      count: 0,
      candidates: ["Kabupaten Wonosobo"],
    });
    // A word typed keeps its kind and level: Kota Semarang is not Kabupaten Semarang.
    const kab = named(["Kabupaten Semarang", "Kabupaten Semarang", "Kabupaten Wonosobo"]);
    for (const wanted of ["Kota Semarang", "Desa Semarang", "Provinsi Semarang"])
      expect([wanted, selectProfil(kab, wanted)]).toEqual([
        wanted,
        { ok: false, problem: "noMatch", count: 0, candidates: ["Kabupaten Semarang"] },
      ]);
    expect(selectProfil(kab, "Kab Semarang")).toEqual({ ok: true, indexes: [0, 1] });
    expect(selectProfil(two, "Kab. Semarang")).toEqual({ ok: true, indexes: [0] });
    expect(selectProfil(two, "kota semarang")).toEqual({ ok: true, indexes: [1] });
    // A kecamatan named like its kabupaten: the word says which is meant.
    const wonosobo = scoreAll(
      [
        uniform("A", 1, { row: 2, region: region("Desa A", "Wonosobo", "Kabupaten Wonosobo") }),
        uniform("B", 1, { row: 3, region: region("Desa B", "Kertek", "Kabupaten Wonosobo") }),
      ],
      SETARA,
      []
    );
    expect(selectProfil(wonosobo, "Kab. Wonosobo")).toEqual({ ok: true, indexes: [0, 1] });
    expect(selectProfil(wonosobo, "Kecamatan Wonosobo")).toEqual({ ok: true, indexes: [0] });
    expect(selectProfil(wonosobo, "Wonosobo")).toEqual({ ok: true, indexes: [0] });
    expect(
      new ProfilSelectionError("noMatch", 0, "Wono", "id", ["Kabupaten Wonosobo"]).message
    ).toBe(
      'KKB Profil Cetak: tidak ada kampung di wilayah "Wono". Maksudnya: "Kabupaten Wonosobo"?'
    );
  });

  it(`refuses more than ${MAX_PROFIL_PRINT} kampung`, () => {
    const results = many(MAX_PROFIL_PRINT + 1);
    expect(selectProfil(results, null)).toEqual({
      ok: false,
      problem: "tooMany",
      count: MAX_PROFIL_PRINT + 1,
    });
    expect(selectProfil(many(MAX_PROFIL_PRINT), null).ok).toBe(true);
  });
});
