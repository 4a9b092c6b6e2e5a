/**
 * Ranks within regions (issue 15, Deliver 3) on a 30-kampung fixture with ties, against a hand
 * calculation. Two provinsi; kabupaten "Banyumas" and "Cilacap" both have a kecamatan
 * "Sokaraja" (two regions, not one); one kampung writes its kecamatan " depok " and kabupaten
 * "SLEMAN" (the same regions as "Depok", "Sleman"); one has no kecamatan; one has no composite.
 * Every kampung is uniform (all domains equal to its composite) except k3, whose koordinasi is
 * 2.0 and rujukan 1.0 (composite still 1.5).
 */
import { Assessment, Region, scoreAll } from "../../src/engine/assessment";
import { RankLevel, RegionRankTable } from "../../src/engine/region-ranks";
import { SETARA } from "../../src/engine/ibangga";
import { buildAnalysis } from "../../src/engine/analysis";
import { resultsJson } from "../../src/cli/json";
import { competitionRanks } from "../../src/engine/ranks";
import { DOMAINS, SUB_INDICATOR_COUNT } from "../../src/engine/framework";
import { nameKey } from "../../src/engine/group-stats";
import fc from "fast-check";
import { uniform, cellOf } from "../helpers/analysis-fixture";

const region = (provinsi: string, kabupaten: string, kecamatan: string | null): Region => ({
  desa: null,
  kecamatan,
  kabupaten,
  provinsi,
});
const JT = "Jawa Tengah";
const DIY = "DI Yogyakarta";

// [composite (uniform value), provinsi, kabupaten, kecamatan]
const FIXTURE: [number | null, string, string, string | null][] = [
  [1.5, JT, "Banyumas", "Ajibarang"], // k1
  [1.0, JT, "Banyumas", "Ajibarang"], // k2
  [1.5, JT, "Banyumas", "Ajibarang"], // k3 (koordinasi 2.0, rujukan 1.0)
  [2.0, JT, "Banyumas", "Ajibarang"], // k4
  [0.5, JT, "Banyumas", "Ajibarang"], // k5
  [1.0, JT, "Banyumas", "Ajibarang"], // k6
  [1.0, JT, "Banyumas", "Sokaraja"], // k7
  [1.0, JT, "Banyumas", "Sokaraja"], // k8
  [1.0, JT, "Banyumas", "Sokaraja"], // k9
  [0.5, JT, "Banyumas", "Sokaraja"], // k10
  [2.0, JT, "Banyumas", "Sokaraja"], // k11
  [null, JT, "Banyumas", "Sokaraja"], // k12 (no scores)
  [1.5, JT, "Cilacap", "Sokaraja"], // k13
  [0.5, JT, "Cilacap", "Sokaraja"], // k14
  [0.5, JT, "Cilacap", "Sokaraja"], // k15
  [1.5, JT, "Cilacap", "Sokaraja"], // k16
  [1.0, JT, "Cilacap", "Sokaraja"], // k17
  [2.0, DIY, "Sleman", "Depok"], // k18
  [2.0, DIY, "Sleman", "Depok"], // k19
  [1.5, DIY, "Sleman", "Depok"], // k20
  [1.0, DIY, "Sleman", "Depok"], // k21
  [0.5, DIY, "Sleman", "Depok"], // k22
  [0.0, DIY, "Sleman", "Depok"], // k23
  [1.5, DIY, "SLEMAN", " depok "], // k24
  [1.0, DIY, "Sleman", null], // k25 (no kecamatan)
  [0.5, DIY, "Bantul", "Sewon"], // k26
  [1.0, DIY, "Bantul", "Sewon"], // k27
  [1.5, DIY, "Bantul", "Sewon"], // k28
  [1.0, DIY, "Bantul", "Sewon"], // k29
  [2.0, DIY, "Bantul", "Sewon"], // k30
];

// Composite ranks by hand (competition ranking: ties share, the next rank skips).
// Kecamatan: Banyumas/Ajibarang 2.0 | 1.5 1.5 | 1.0 1.0 | 0.5 -> 1, 2, 4, 6;
// Banyumas/Sokaraja 2.0 | 1.0 x3 | 0.5 -> 1, 2, 5; Cilacap/Sokaraja 1.5 x2 | 1.0 | 0.5 x2 ->
// 1, 3, 4; Sleman/Depok 2.0 x2 | 1.5 x2 | 1.0 | 0.5 | 0 -> 1, 3, 5, 6, 7; Bantul/Sewon 2.0 | 1.5 |
// 1.0 x2 | 0.5 -> 1, 2, 3, 5.
const KECAMATAN = [
  2,
  4,
  2,
  1,
  6,
  4,
  2,
  2,
  2,
  5,
  1,
  null,
  1,
  4,
  4,
  1,
  3,
  1,
  1,
  3,
  5,
  6,
  7,
  3,
  null,
  5,
  3,
  2,
  3,
  1,
];
const KECAMATAN_COUNT = [
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  6,
  5,
  5,
  5,
  5,
  5,
  7,
  7,
  7,
  7,
  7,
  7,
  7,
  null,
  5,
  5,
  5,
  5,
  5,
];
// Kabupaten: Banyumas (k1-k12) 2.0 x2 | 1.5 x2 | 1.0 x5 | 0.5 x2 -> 1, 3, 5, 10; Cilacap as its
// kecamatan; Sleman (k18-k25) 2.0 x2 | 1.5 x2 | 1.0 x2 | 0.5 | 0 -> 1, 3, 5, 7, 8; Bantul as Sewon.
const KABUPATEN = [
  3,
  5,
  3,
  1,
  10,
  5,
  5,
  5,
  5,
  10,
  1,
  null,
  1,
  4,
  4,
  1,
  3,
  1,
  1,
  3,
  5,
  7,
  8,
  3,
  5,
  5,
  3,
  2,
  3,
  1,
];
const KABUPATEN_COUNT = [
  12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 5, 5, 5, 5, 5, 8, 8, 8, 8, 8, 8, 8, 8, 5, 5, 5, 5,
  5,
];
// Provinsi: Jawa Tengah (k1-k17) 2.0 x2 | 1.5 x4 | 1.0 x6 | 0.5 x4 -> 1, 3, 7, 13;
// DI Yogyakarta (k18-k30) 2.0 x3 | 1.5 x3 | 1.0 x4 | 0.5 x2 | 0 -> 1, 4, 7, 11, 13.
const PROVINSI = [
  3,
  7,
  3,
  1,
  13,
  7,
  7,
  7,
  7,
  13,
  1,
  null,
  3,
  13,
  13,
  3,
  7,
  1,
  1,
  4,
  7,
  11,
  13,
  4,
  7,
  11,
  7,
  4,
  7,
  1,
];
const PROVINSI_COUNT = [...new Array(17).fill(17), ...new Array(13).fill(13)];

function fixture(): Assessment[] {
  return FIXTURE.map(([value, provinsi, kabupaten, kecamatan], i) => {
    const a = uniform(`k${i + 1}`, value, {
      row: i + 2,
      region: region(provinsi, kabupaten, kecamatan),
    });
    if (i !== 2) return a;
    // k3: koordinasi 2.0, rujukan 1.0, the rest 1.5 (composite 7.5 / 5 = 1.5).
    return { ...a, sub: [2, 2, 2, 1, 1, 1, ...new Array(9).fill(1.5)] };
  });
}

describe("ranks within regions (hand calculation, 30 kampung with ties)", () => {
  const assessments = fixture();
  const results = scoreAll(assessments, SETARA, []);
  const table = new RegionRankTable(results.kampung);
  const ranks = results.kampung.map((_, i) => table.at(i));

  it("the fixture scores as planned", () => {
    expect(results.kampung).toHaveLength(30);
    expect(results.kampung.map((k) => k.composite)).toEqual(FIXTURE.map((f) => f[0]));
    expect(results.kampung[2].domains.koordinasi).toBe(2);
    expect(results.kampung[2].domains.rujukan).toBe(1);
  });

  it.each<[RankLevel, (number | null)[], (number | null)[]]>([
    ["kecamatan", KECAMATAN, KECAMATAN_COUNT],
    ["kabupaten", KABUPATEN, KABUPATEN_COUNT],
    ["provinsi", PROVINSI, PROVINSI_COUNT],
  ])("composite ranks and counts in each %s", (level, expected, counts) => {
    expect(ranks.map((r) => r[level]?.composite ?? null)).toEqual(expected);
    expect(ranks.map((r) => r[level]?.count ?? null)).toEqual(counts);
  });

  it("in regions without k3, every domain ranks as the composite (all kampung uniform)", () => {
    ranks.forEach((r, i) => {
      // Regions holding k3: Ajibarang, Banyumas, Jawa Tengah.
      const levels = (["kecamatan", "kabupaten", "provinsi"] as const).filter(
        (level) => i >= 17 || (i >= 12 && level !== "provinsi") || (i >= 6 && level === "kecamatan")
      );
      for (const level of levels) {
        const own = r[level];
        if (!own) continue;
        for (const value of Object.values(own.domains)) expect(value).toBe(own.composite);
      }
    });
  });

  it("ranks each domain on its own (k3's koordinasi and rujukan in Ajibarang)", () => {
    // Koordinasi: k3 2.0, k4 2.0 | k1 1.5 | k2, k6 1.0 | k5 0.5 -> 1, 1, 3, 4, 4, 6.
    expect(ranks.slice(0, 6).map((r) => r.kecamatan?.domains.koordinasi)).toEqual([
      3, 4, 1, 1, 6, 4,
    ]);
    // Rujukan: k4 2.0 | k1 1.5 | k2, k3, k6 1.0 | k5 0.5 -> 1, 2, 3, 3, 3, 6.
    expect(ranks.slice(0, 6).map((r) => r.kecamatan?.domains.rujukan)).toEqual([2, 3, 3, 1, 6, 3]);
    // Interoperabilitas: k1, k3 1.5 tie with each other.
    expect(ranks.slice(0, 6).map((r) => r.kecamatan?.domains.interoperabilitas)).toEqual([
      2, 4, 2, 1, 6, 4,
    ]);
  });

  it("names the region as written in the kampung's row, trimmed", () => {
    expect(ranks[23].kecamatan?.region).toBe("depok");
    expect(ranks[23].kabupaten?.region).toBe("SLEMAN");
    expect(ranks[24].kecamatan).toBeNull();
  });

  it("goes into the analysis and the JSON (additive: regionRanks per kampung)", () => {
    const analysis = buildAnalysis(results, assessments, null, {
      lang: "id",
      sheet: "Data",
      cellOf,
    });
    expect(analysis.kampung.map((k) => k.regionRanks.kabupaten?.composite ?? null)).toEqual(
      KABUPATEN
    );
    const json = JSON.parse(JSON.stringify(resultsJson(results, analysis)));
    expect(json.kampung[0].regionRanks.kecamatan).toEqual({
      region: "Ajibarang",
      count: 6,
      composite: 2,
      domains: { koordinasi: 3, rujukan: 2, interoperabilitas: 2, umpanBalik: 2, kader: 2 },
    });
    expect(json.kampung[11].regionRanks.provinsi.composite).toBeNull();
  });
});

/**
 * The table against the definition, on random kampung: per level, the kampung grouped by the
 * case- and space-free names of the level and the levels around it (a blank one in no region),
 * each value ranked by competitionRanks within its group.
 */
describe("ranks within regions agree with competitionRanks per region (random kampung)", () => {
  const LEVELS: readonly RankLevel[] = ["kecamatan", "kabupaten", "provinsi"];
  const PATH: Record<RankLevel, readonly RankLevel[]> = {
    provinsi: ["provinsi"],
    kabupaten: ["provinsi", "kabupaten"],
    kecamatan: ["provinsi", "kabupaten", "kecamatan"],
  };
  // Few names, written several ways, blanks among them: many shared and nested regions.
  const name = fc.constantFrom(null, "", " ", "Depok", " depok ", "DEPOK", "Sewon", "Sokaraja");
  const score = fc.constantFrom(null, 0, 0.5, 1, 1.5, 2);
  const kampung = fc.record({
    provinsi: name,
    kabupaten: name,
    kecamatan: name,
    sub: fc.array(score, { minLength: SUB_INDICATOR_COUNT, maxLength: SUB_INDICATOR_COUNT }),
  });

  it("for every kampung, level, composite and domain", () => {
    fc.assert(
      fc.property(fc.array(kampung, { maxLength: 60 }), (rows) => {
        const assessments = rows.map((r, i) => ({
          ...uniform(`k${i + 1}`, null, {
            row: i + 2,
            region: {
              desa: null,
              kecamatan: r.kecamatan,
              kabupaten: r.kabupaten,
              provinsi: r.provinsi,
            },
          }),
          sub: r.sub,
        }));
        const results = scoreAll(assessments, SETARA, []).kampung;
        const table = new RegionRankTable(results);
        const keyOf = (i: number, level: RankLevel) => nameKey(results[i].region[level] ?? "");
        for (const level of LEVELS) {
          const groups = new Map<string, number[]>();
          results.forEach((_, i) => {
            if (keyOf(i, level) === "") return;
            const key = JSON.stringify(PATH[level].map((l) => keyOf(i, l)));
            groups.set(key, [...(groups.get(key) ?? []), i]);
          });
          const expected = results.map(() => null as unknown);
          for (const members of groups.values()) {
            const composite = competitionRanks(members.map((i) => results[i].composite));
            const domains = DOMAINS.map((d) =>
              competitionRanks(members.map((i) => results[i].domains[d.key]))
            );
            members.forEach((i, m) => {
              expected[i] = {
                count: members.length,
                composite: composite[m],
                domains: Object.fromEntries(DOMAINS.map((d, j) => [d.key, domains[j][m]])),
              };
            });
          }
          const actual = results.map((_, i) => {
            const r = table.level(i, level);
            return r && { count: r.count, composite: r.composite, domains: r.domains };
          });
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 300 }
    );
  });
});
