/**
 * The analysis on the study's example, worked out by hand from the rules (METHOD.md):
 *
 *   kampung         status         koord rujuk inter umpan kader  composite  setara  k-sentral
 *   Sumurboto       berkelanjutan  2.0   1.0   1.4   1.3   1.7    1.48       92.4    92.7
 *   Asri Sejahtera  berkembang     1.6   1.0   1.0   0.7   1.3    1.12       89.9    89.3
 *   Wisata Asri     berkelanjutan  2.0   1.0   1.0   1.3   1.7    1.40       88.8    89.5
 *   Ardi Raharja    berkembang     1.5   1.0   0.7   0.7   1.3    1.04       79.9    80.4
 */
import {
  buildAnalysis,
  competitionRanks,
  median,
  normaliseStatus,
  rankResults,
  regionGroups,
  statusCheck,
  statusGroups,
  weakestDomains,
} from "../../src/engine/analysis";
import { Assessment } from "../../src/engine/assessment";
import { KampungRanks, Ranks } from "../../src/engine/ranks";
import { plainIssue } from "../../src/engine/issues";
import { DOMAINS } from "../../src/engine/framework";
import { weightsFromNumbers, Weights } from "../../src/engine/ibangga";
import { cellOf, exampleAssessments, score, uniform } from "../helpers/analysis-fixture";

const OPTIONS = { lang: "en" as const, sheet: "Data", cellOf };

function customWeights(values: number[]): Weights {
  const parsed = weightsFromNumbers(values);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.weights;
}

function groupsOf(assessments: Assessment[], weights?: Weights) {
  const results = score(assessments, weights);
  return statusGroups(
    results.kampung,
    results.kampung.map((k) => normaliseStatus(k.status)),
    results.weights.name
  );
}

function flagsOf(assessments: Assessment[]) {
  const results = score(assessments);
  return statusCheck(
    results.kampung,
    results.kampung.map((k) => normaliseStatus(k.status))
  );
}

/** The example with Sumurboto's and Asri Sejahtera's statuses swapped (the study's methods section). */
function swapped(): Assessment[] {
  const a = exampleAssessments();
  return [{ ...a[0], status: a[1].status }, { ...a[1], status: a[0].status }, a[2], a[3]];
}

describe("normaliseStatus", () => {
  it("recognises the four levels case- and space-free", () => {
    expect(normaliseStatus(" Berkelanjutan ")).toEqual({
      level: "berkelanjutan",
      text: "Berkelanjutan",
    });
    expect(normaliseStatus("BERKEMBANG")).toEqual({ level: "berkembang", text: "BERKEMBANG" });
    expect(normaliseStatus("ber kembang")).toEqual({ level: "berkembang", text: "ber kembang" });
    expect(normaliseStatus("Mandiri\u00a0")).toEqual({ level: "mandiri", text: "Mandiri" });
    expect(normaliseStatus("dasar")).toEqual({ level: "dasar", text: "dasar" });
  });

  it("keeps other text as written, without a level", () => {
    expect(normaliseStatus("  Madya ")).toEqual({ level: null, text: "Madya" });
    expect(normaliseStatus("sustainable")).toEqual({ level: null, text: "sustainable" });
  });

  it("treats blank and null as no status", () => {
    expect(normaliseStatus(null)).toEqual({ level: null, text: null });
    expect(normaliseStatus("   ")).toEqual({ level: null, text: null });
    expect(normaliseStatus(undefined)).toEqual({ level: null, text: null });
  });
});

describe("status groups on the example", () => {
  const { groups, withoutStatus, spread } = groupsOf(exampleAssessments());

  it("lists the levels present in BKKBN order", () => {
    expect(groups.map((g) => g.key)).toEqual(["berkembang", "berkelanjutan"]);
    expect(groups.map((g) => g.count)).toEqual([2, 2]);
    expect(withoutStatus).toBe(0);
  });

  it("gives the berkelanjutan means (Sumurboto and Wisata Asri)", () => {
    const g = groups[1];
    // koordinasi (2.0 + 2.0) / 2; interoperabilitas (1.4 + 1.0) / 2; composite (1.48 + 1.40) / 2.
    expect(g.domains).toEqual({
      koordinasi: { n: 2, mean: 2.0 },
      rujukan: { n: 2, mean: 1.0 },
      interoperabilitas: { n: 2, mean: 1.2 },
      umpanBalik: { n: 2, mean: 1.3 },
      kader: { n: 2, mean: 1.7 },
    });
    expect(g.composite).toEqual({ n: 2, mean: 1.44 });
    expect(g.compositeMedian).toBe(1.44);
    // setara (92.4 + 88.8) / 2 = 90.6; kemandirian-sentral (92.7 + 89.5) / 2 = 91.1.
    expect(g.ibangga).toEqual({
      setara: { n: 2, mean: 90.6 },
      kemandirianSentral: { n: 2, mean: 91.1 },
    });
  });

  it("gives the berkembang means (Asri Sejahtera and Ardi Raharja), halves rounded away from zero", () => {
    const g = groups[0];
    // koordinasi (1.6 + 1.5) / 2 = 1.55 -> 1.6; interoperabilitas (1.0 + 0.7) / 2 = 0.85 -> 0.9.
    expect(g.domains).toEqual({
      koordinasi: { n: 2, mean: 1.6 },
      rujukan: { n: 2, mean: 1.0 },
      interoperabilitas: { n: 2, mean: 0.9 },
      umpanBalik: { n: 2, mean: 0.7 },
      kader: { n: 2, mean: 1.3 },
    });
    expect(g.composite).toEqual({ n: 2, mean: 1.08 });
    // setara (89.9 + 79.9) / 2 = 84.9; kemandirian-sentral (89.3 + 80.4) / 2 = 84.85 -> 84.9.
    expect(g.ibangga).toEqual({
      setara: { n: 2, mean: 84.9 },
      kemandirianSentral: { n: 2, mean: 84.9 },
    });
  });

  it("gives the difference between the highest and the lowest level present", () => {
    expect(spread).toEqual({
      highest: "berkelanjutan",
      lowest: "berkembang",
      domains: { koordinasi: 0.4, rujukan: 0, interoperabilitas: 0.3, umpanBalik: 0.6, kader: 0.4 },
      composite: 0.36,
      ibangga: { setara: 5.7, kemandirianSentral: 6.2 },
    });
  });

  it("adds the custom composite's means when custom weights are chosen", () => {
    // kemandirian only: berkelanjutan (91.1 + 91.6) / 2 = 91.35 -> 91.4; berkembang (81.1 + 74.7) / 2 = 77.9.
    const custom = groupsOf(exampleAssessments(), customWeights([0, 1, 0]));
    expect(custom.groups[1].ibangga?.custom).toEqual({ n: 2, mean: 91.4 });
    expect(custom.groups[0].ibangga?.custom).toEqual({ n: 2, mean: 77.9 });
    expect(custom.spread?.ibangga?.custom).toBe(13.5);
  });
});

describe("status groups: missing and unknown statuses, missing scores", () => {
  it("counts kampung without a status apart and puts other texts after the levels, by name", () => {
    const { groups, withoutStatus, spread } = groupsOf([
      uniform("A", 1, { status: "Pratama" }),
      uniform("B", 2, { status: " mandiri" }),
      uniform("C", 1.5, { status: null }),
      uniform("D", 0.5, { status: "madya " }),
      uniform("E", 1, { status: "Madya" }),
      uniform("F", 0, { status: "   " }),
    ]);
    expect(groups.map((g) => [g.key, g.level, g.text, g.count])).toEqual([
      ["mandiri", "mandiri", "mandiri", 1],
      ["other:madya", null, "madya", 2],
      ["other:pratama", null, "Pratama", 1],
    ]);
    expect(withoutStatus).toBe(2);
    expect(groups[1].composite).toEqual({ n: 2, mean: 0.75 });
    expect(groups[1].ibangga).toBeNull();
    // Only one level present: no spread.
    expect(spread).toBeNull();
  });

  it("means run over the kampung that have the value; none gives null, never 0", () => {
    const partial = uniform("B", 1, { status: "dasar" });
    const sub = [...partial.sub];
    sub[0] = null; // koordinasi and the composite missing
    const { groups, spread } = groupsOf([
      uniform("A", 2, { status: "dasar" }),
      { ...partial, sub },
      { ...uniform("C", null, { status: "berkelanjutan" }) },
    ]);
    expect(groups[0].count).toBe(2);
    expect(groups[0].domains.koordinasi).toEqual({ n: 1, mean: 2 });
    expect(groups[0].domains.rujukan).toEqual({ n: 2, mean: 1.5 });
    expect(groups[0].composite).toEqual({ n: 1, mean: 2 });
    expect(groups[1].composite).toEqual({ n: 0, mean: null });
    expect(groups[1].compositeMedian).toBeNull();
    expect(spread?.composite).toBeNull();
    expect(spread?.domains.rujukan).toBeNull();
  });

  it("a single kampung forms a single group with its own scores", () => {
    const { groups, spread } = groupsOf([exampleAssessments()[0]]);
    expect(groups).toHaveLength(1);
    expect(groups[0].composite).toEqual({ n: 1, mean: 1.48 });
    expect(groups[0].domains.interoperabilitas).toEqual({ n: 1, mean: 1.4 });
    expect(spread).toBeNull();
  });
});

/** Every kampung's ranks, in order. */
function allRanks(ranks: Ranks): KampungRanks[] {
  return Array.from({ length: ranks.length }, (_, i) => ranks.at(i));
}

describe("ranks", () => {
  it("ranks the example by composite: 1.48, 1.12, 1.40, 1.04 -> 1, 3, 2, 4", () => {
    const ranks = rankResults(score(exampleAssessments()).kampung, "setara");
    expect(allRanks(ranks).map((r) => r.composite)).toEqual([1, 3, 2, 4]);
  });

  it("ranks iBangga under both weightings; Asri Sejahtera and Wisata Asri swap", () => {
    const ranks = rankResults(score(exampleAssessments()).kampung, "setara");
    // setara 92.4, 89.9, 88.8, 79.9; kemandirian-sentral 92.7, 89.3, 89.5, 80.4.
    expect(allRanks(ranks).map((r) => r.ibangga)).toEqual([
      { setara: 1, kemandirianSentral: 1, shift: 0 },
      { setara: 2, kemandirianSentral: 3, shift: -1 },
      { setara: 3, kemandirianSentral: 2, shift: 1 },
      { setara: 4, kemandirianSentral: 4, shift: 0 },
    ]);
    expect(ranks.sensitivity).toEqual({
      kemandirianSentral: { compared: 4, changed: 2, maxAbsShift: 1 },
    });
  });

  it("adds the custom ranks and their shift against setara", () => {
    // kemandirian only: 91.1, 81.1, 91.6, 74.7 -> ranks 2, 3, 1, 4.
    const results = score(exampleAssessments(), customWeights([0, 1, 0]));
    const ranks = rankResults(results.kampung, results.weights.name);
    expect(allRanks(ranks).map((r) => [r.ibangga?.custom, r.ibangga?.customShift])).toEqual([
      [2, -1],
      [3, -1],
      [1, 2],
      [4, 0],
    ]);
    expect(ranks.sensitivity?.custom).toEqual({ compared: 4, changed: 3, maxAbsShift: 2 });
  });

  it("ties share a rank (competition ranking) and null values are unranked", () => {
    expect(competitionRanks([1.5, 1.2, null, 1.2, 1.0])).toEqual([1, 2, null, 2, 4]);
    expect(competitionRanks([1, 1, 1])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([null, null])).toEqual([null, null]);
    const kampung = score([
      uniform("A", 1),
      uniform("B", 2),
      uniform("C", 1),
      uniform("D", null),
    ]).kampung;
    const ranks = rankResults(kampung, "setara");
    expect(allRanks(ranks).map((r) => r.composite)).toEqual([2, 1, 2, null]);
    expect(ranks.sensitivity).toBeNull();
    expect(ranks.at(0).ibangga).toBeNull();
  });

  it("a single kampung is ranked 1 everywhere", () => {
    const ranks = rankResults(score([exampleAssessments()[3]]).kampung, "setara");
    expect(allRanks(ranks)).toEqual([
      { composite: 1, ibangga: { setara: 1, kemandirianSentral: 1, shift: 0 } },
    ]);
    expect(ranks.sensitivity).toEqual({
      kemandirianSentral: { compared: 1, changed: 0, maxAbsShift: 0 },
    });
  });
});

describe("regions", () => {
  it("gives the means by kabupaten/kota, sorted, and by provinsi", () => {
    const regions = regionGroups(score(exampleAssessments()).kampung, "setara");
    expect(regions.kecamatan).toEqual([]);
    expect(regions.kabupaten.map((g) => [g.name, g.provinsi, g.count])).toEqual([
      ["Kabupaten Wonosobo", "Jawa Tengah", 2],
      ["Kota Semarang", "Jawa Tengah", 2],
    ]);
    const [wonosobo, semarang] = regions.kabupaten;
    // Kota Semarang: Sumurboto and Asri Sejahtera.
    expect(semarang.domains).toEqual({
      koordinasi: { n: 2, mean: 1.8 },
      rujukan: { n: 2, mean: 1.0 },
      interoperabilitas: { n: 2, mean: 1.2 },
      umpanBalik: { n: 2, mean: 1.0 },
      kader: { n: 2, mean: 1.5 },
    });
    expect(semarang.composite).toEqual({ n: 2, mean: 1.3 });
    // (92.4 + 89.9) / 2 = 91.15 -> 91.2 (binary gives 91.14999...); (92.7 + 89.3) / 2 = 91.0.
    expect(semarang.ibangga).toEqual({
      setara: { n: 2, mean: 91.2 },
      kemandirianSentral: { n: 2, mean: 91 },
    });
    // Kabupaten Wonosobo: Wisata Asri and Ardi Raharja.
    expect(wonosobo.domains).toEqual({
      koordinasi: { n: 2, mean: 1.8 }, // 1.75
      rujukan: { n: 2, mean: 1.0 },
      interoperabilitas: { n: 2, mean: 0.9 }, // 0.85
      umpanBalik: { n: 2, mean: 1.0 },
      kader: { n: 2, mean: 1.5 },
    });
    expect(wonosobo.composite).toEqual({ n: 2, mean: 1.22 });
    // (88.8 + 79.9) / 2 = 84.35 -> 84.4; (89.5 + 80.4) / 2 = 84.95 -> 85.0.
    expect(wonosobo.ibangga).toEqual({
      setara: { n: 2, mean: 84.4 },
      kemandirianSentral: { n: 2, mean: 85 },
    });

    expect(regions.provinsi).toHaveLength(1);
    const jateng = regions.provinsi[0];
    expect(jateng.name).toBe("Jawa Tengah");
    expect(jateng.count).toBe(4);
    expect(jateng).not.toHaveProperty("provinsi");
    // (1.48 + 1.12 + 1.40 + 1.04) / 4 = 1.26; setara 351.0 / 4 = 87.75 -> 87.8; interoperabilitas 4.1 / 4 = 1.025 -> 1.0.
    expect(jateng.composite).toEqual({ n: 4, mean: 1.26 });
    expect(jateng.domains.interoperabilitas).toEqual({ n: 4, mean: 1.0 });
    expect(jateng.ibangga?.setara).toEqual({ n: 4, mean: 87.8 });
  });

  it("is empty when the region columns are absent", () => {
    const regions = regionGroups(score([uniform("A", 1), uniform("B", 2)]).kampung, "setara");
    expect(regions).toEqual({ provinsi: [], kabupaten: [], kecamatan: [] });
  });

  it("groups kecamatan within kabupaten/kota, matches names case- and space-free, blanks last", () => {
    const region = (kabupaten: string | null, kecamatan: string | null) => ({
      desa: null,
      provinsi: null,
      kabupaten,
      kecamatan,
    });
    const kampung = score([
      uniform("A", 1, { region: region("Kota Semarang", "Tengah") }),
      uniform("B", 2, { region: region("Kabupaten Wonosobo", "Tengah") }),
      uniform("C", 1.5, { region: region("kota  semarang ", "Tembalang") }),
      uniform("D", 0.5, { region: region(null, "Tengah") }),
      uniform("E", 0, { region: region("Kota Semarang", null) }),
    ]).kampung;
    const regions = regionGroups(kampung, "setara");
    expect(regions.provinsi).toEqual([]);
    expect(regions.kabupaten.map((g) => [g.name, g.count, g.composite.mean])).toEqual([
      ["Kabupaten Wonosobo", 1, 2],
      ["Kota Semarang", 3, 0.83], // (1 + 1.5 + 0) / 3
      [null, 1, 0.5],
    ]);
    expect(regions.kabupaten[0]).not.toHaveProperty("provinsi");
    expect(regions.kecamatan.map((g) => [g.kabupaten, g.name, g.count])).toEqual([
      ["Kabupaten Wonosobo", "Tengah", 1],
      ["Kota Semarang", "Tembalang", 1],
      ["Kota Semarang", "Tengah", 1],
      ["Kota Semarang", null, 1],
      [null, "Tengah", 1],
    ]);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones, of values in any order", () => {
    expect(median([])).toBeNull();
    expect(median([1.5])).toBe(1.5);
    expect(median([2, 0.5, 1.25])).toBe(1.25);
    expect(median([1.48, 1.04])).toBe(1.26);
    expect(median([1, 1.5, 0.5, 2, 1, 0.25])).toBe(1);
    expect(median([10, 9, 100, 2])).toBe(9.5);
  });

  it("leaves the values as they were", () => {
    const values = [2, 0.5, 1.25];
    median(values);
    expect(values).toEqual([2, 0.5, 1.25]);
  });
});

describe("status check", () => {
  it("gives kampung flagged alike one shared, read-only list (no list per kampung)", () => {
    const flags = flagsOf([
      uniform("D1", 1.5, { status: "dasar" }),
      uniform("D2", 1.5, { status: "dasar" }),
      uniform("D3", 0.5, { status: "dasar" }),
      uniform("M1", 1, { status: "mandiri" }),
    ]);
    expect(flags[0]).toHaveLength(1);
    expect(flags[1]).toBe(flags[0]);
    expect(Object.isFrozen(flags[0])).toBe(true);
    expect(flags[2]).toEqual([]);
  });

  it("flags nothing on the example as published", () => {
    expect(flagsOf(exampleAssessments())).toEqual([[], [], [], []]);
  });

  it("flags the study's methods-section mix-up (Sumurboto and Asri Sejahtera swapped)", () => {
    // berkembang: Sumurboto 1.48, Ardi Raharja 1.04 -> median 1.26;
    // berkelanjutan: Asri Sejahtera 1.12, Wisata Asri 1.40 -> median 1.26.
    expect(flagsOf(swapped())).toEqual([
      [
        {
          direction: "above",
          declared: "berkembang",
          comparedWith: "berkelanjutan",
          composite: 1.48,
          median: 1.26,
        },
      ],
      [
        {
          direction: "below",
          declared: "berkelanjutan",
          comparedWith: "berkembang",
          composite: 1.12,
          median: 1.26,
        },
      ],
      [],
      [],
    ]);
  });

  it("compares with the nearest level present, at or above / at or below the median", () => {
    const flags = flagsOf([
      uniform("D1", 0.5, { status: "dasar" }),
      uniform("D2", 1.5, { status: "dasar" }), // dasar median 1.0
      uniform("M1", 1.5, { status: "mandiri" }),
      uniform("M2", 1, { status: "Mandiri" }), // mandiri median 1.25; no berkembang present
      uniform("K1", 1, { status: "berkelanjutan" }), // berkelanjutan median 1.0
      uniform("X", 2, { status: "Madya" }), // not a level: never flagged, not counted
      uniform("N", 2, { status: null }),
    ]);
    expect(flags[0]).toEqual([]); // 0.5 < 1.25
    expect(flags[1]).toEqual([
      {
        direction: "above",
        declared: "dasar",
        comparedWith: "mandiri",
        composite: 1.5,
        median: 1.25,
      },
    ]);
    // 1.5 >= berkelanjutan's median 1.0 (a higher level scoring lower is what the check is for).
    expect(flags[2]).toEqual([
      {
        direction: "above",
        declared: "mandiri",
        comparedWith: "berkelanjutan",
        composite: 1.5,
        median: 1,
      },
    ]);
    expect(flags[3]).toEqual([
      {
        direction: "above",
        declared: "mandiri",
        comparedWith: "berkelanjutan",
        composite: 1,
        median: 1,
      },
      { direction: "below", declared: "mandiri", comparedWith: "dasar", composite: 1, median: 1 },
    ]);
    expect(flags[4]).toEqual([
      {
        direction: "below",
        declared: "berkelanjutan",
        comparedWith: "mandiri",
        composite: 1,
        median: 1.25,
      },
    ]);
    expect(flags[5]).toEqual([]);
    expect(flags[6]).toEqual([]);
  });

  it("skips levels whose kampung have no composite", () => {
    const flags = flagsOf([
      uniform("A", 1.5, { status: "berkembang" }),
      uniform("B", null, { status: "mandiri" }),
      uniform("C", 1.6, { status: "berkelanjutan" }),
    ]);
    // berkembang is compared with berkelanjutan (mandiri has no composite): 1.5 < 1.6.
    expect(flags).toEqual([[], [], []]);
    const flags2 = flagsOf([
      uniform("A", 1.6, { status: "berkembang" }),
      uniform("B", null, { status: "mandiri" }),
      uniform("C", 1.6, { status: "berkelanjutan" }),
    ]);
    expect(flags2[0]).toEqual([
      {
        direction: "above",
        declared: "berkembang",
        comparedWith: "berkelanjutan",
        composite: 1.6,
        median: 1.6,
      },
    ]);
  });

  it("a single kampung or a single level is never flagged", () => {
    expect(flagsOf([exampleAssessments()[0]])).toEqual([[]]);
    expect(
      flagsOf([uniform("A", 0, { status: "dasar" }), uniform("B", 2, { status: "dasar" })])
    ).toEqual([[], []]);
  });
});

describe("weakest domains and next steps", () => {
  const kampung = score(exampleAssessments()).kampung;

  it("names the lowest domain and its next step", () => {
    const sumurboto = weakestDomains(kampung[0].domains);
    expect(sumurboto.domains).toEqual(["rujukan"]);
    expect(sumurboto.score).toBe(1);
    const rujukan = DOMAINS[1].nextStep;
    expect(sumurboto.nextSteps).toEqual([{ domain: "rujukan", id: rujukan.id, en: rujukan.en }]);
    expect(weakestDomains(kampung[1].domains).domains).toEqual(["umpanBalik"]);
  });

  it("lists ties in framework order", () => {
    // Wisata Asri: rujukan 1.0 and interoperabilitas 1.0; Ardi Raharja: interoperabilitas 0.7 and umpanBalik 0.7.
    const wisata = weakestDomains(kampung[2].domains);
    expect(wisata.domains).toEqual(["rujukan", "interoperabilitas"]);
    expect(wisata.nextSteps.map((s) => s.en)).toEqual([
      DOMAINS[1].nextStep.en,
      DOMAINS[2].nextStep.en,
    ]);
    const ardi = weakestDomains(kampung[3].domains);
    expect(ardi.domains).toEqual(["interoperabilitas", "umpanBalik"]);
    expect(ardi.score).toBe(0.7);
  });

  it("gives none when a domain is missing, and none when all are at 2.0", () => {
    expect(weakestDomains({ ...kampung[0].domains, kader: null })).toEqual({
      domains: [],
      score: null,
      nextSteps: [],
    });
    expect(weakestDomains(score([uniform("A", 2)]).kampung[0].domains)).toEqual({
      domains: [],
      score: 2,
      nextSteps: [],
    });
    expect(weakestDomains(score([uniform("A", 0)]).kampung[0].domains).domains).toEqual(
      DOMAINS.map((d) => d.key)
    );
  });
});

describe("buildAnalysis", () => {
  it("aggregates the example: per kampung, groups, regions, sensitivity, and no evidence note", () => {
    const assessments = exampleAssessments();
    const analysis = buildAnalysis(score(assessments), assessments, null, OPTIONS);
    expect(analysis.kampung.map((k) => [k.row, k.name, k.status.level, k.ranks.composite])).toEqual(
      [
        [2, "Sumurboto", "berkelanjutan", 1],
        [3, "Asri Sejahtera", "berkembang", 3],
        [4, "Wisata Asri", "berkelanjutan", 2],
        [5, "Ardi Raharja", "berkembang", 4],
      ]
    );
    expect(analysis.kampung.map((k) => k.weakest.domains)).toEqual([
      ["rujukan"],
      ["umpanBalik"],
      ["rujukan", "interoperabilitas"],
      ["interoperabilitas", "umpanBalik"],
    ]);
    expect(analysis.kampung.every((k) => k.evidence === null && k.statusCheck.length === 0)).toBe(
      true
    );
    expect(analysis.statusGroups.spread?.composite).toBe(0.36);
    expect(analysis.regions.kabupaten).toHaveLength(2);
    expect(analysis.sensitivity?.kemandirianSentral.changed).toBe(2);
    expect(analysis.evidence).toEqual({ given: false, total: null });
    expect(analysis.issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["EVIDENCE_NONE", "warning", "Data", "A2"],
    ]);
    // JSON-friendly: survives a round trip unchanged, ranks and region ranks (made when read)
    // included.
    const plain = {
      ...analysis,
      kampung: analysis.kampung.map((k) => ({ ...k, ranks: k.ranks, regionRanks: k.regionRanks })),
      issues: analysis.issues.map(plainIssue),
    };
    expect(plain.kampung[0].regionRanks.kabupaten?.region).toBe("Kota Semarang");
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(plain);
  });

  it("reports the swapped statuses as STATUS_INCONSISTENT warnings on the status cells", () => {
    const assessments = swapped();
    const en = buildAnalysis(score(assessments), assessments, null, OPTIONS);
    const inconsistent = en.issues.filter((i) => i.code === "STATUS_INCONSISTENT");
    expect(inconsistent.map((i) => [i.severity, i.cell, i.kampung, i.field])).toEqual([
      ["warning", "B2", "Sumurboto", "status"],
      ["warning", "B3", "Asri Sejahtera", "status"],
    ]);
    expect(inconsistent[0].message).toContain(
      "1.48 is at or above the median (1.26) of the berkelanjutan kampung"
    );
    expect(inconsistent[1].message).toContain(
      "1.12 is at or below the median (1.26) of the berkembang kampung"
    );
    const id = buildAnalysis(score(assessments), assessments, null, { ...OPTIONS, lang: "id" });
    const idMessages = id.issues
      .filter((i) => i.code === "STATUS_INCONSISTENT")
      .map((i) => i.message);
    expect(idMessages[0]).toContain(
      "skor komposit 1,48 sama dengan atau di atas median (1,26) kampung berstatus berkelanjutan"
    );
    expect(idMessages[1]).toContain("di bawah median (1,26)");
  });

  it("reports an unknown status text once, on its cell, and keeps it as a group", () => {
    const assessments = [
      uniform("A", 1, { row: 2, status: "Madya" }),
      uniform("B", 2, { row: 3, status: " BERKEMBANG " }),
      uniform("C", 2, { row: 4, status: null }),
    ];
    const analysis = buildAnalysis(score(assessments), assessments, null, OPTIONS);
    const unknown = analysis.issues.filter((i) => i.code === "STATUS_UNKNOWN");
    expect(unknown.map((i) => [i.cell, i.kampung, i.severity])).toEqual([["B2", "A", "warning"]]);
    expect(unknown[0].message).toContain('"Madya"');
    expect(analysis.kampung.map((k) => k.status)).toEqual([
      { level: null, text: "Madya" },
      { level: "berkembang", text: "BERKEMBANG" },
      { level: null, text: null },
    ]);
    expect(analysis.statusGroups.groups.map((g) => g.text)).toEqual(["berkembang", "Madya"]);
    expect(analysis.statusGroups.withoutStatus).toBe(1);
  });

  it("refuses assessments that do not match the results", () => {
    const assessments = exampleAssessments();
    expect(() => buildAnalysis(score(assessments), assessments.slice(1), null, OPTIONS)).toThrow(
      RangeError
    );
  });
});
