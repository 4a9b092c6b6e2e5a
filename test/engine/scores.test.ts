import fc from "fast-check";
import { compositeScore, convergenceScores, domainScore } from "../../src/engine/convergence";
import { excelRound } from "../../src/engine/decimal";
import {
  dimensionScore,
  ibanggaBand,
  ibanggaComposite,
  KEMANDIRIAN_SENTRAL,
  normalisedWeights,
  parseWeights,
  SETARA,
  weightsFromNumbers,
} from "../../src/engine/ibangga";
import { parseIbangga, parseRubric } from "../../src/engine/score";
import { EXPECTED, exampleRows } from "../helpers/example";

const rubric = fc.constantFrom<number>(0, 0.5, 1, 1.5, 2, 0.7, 1.3);

describe("convergence scores", () => {
  const rows = exampleRows().slice(1);
  it.each(EXPECTED.map((e, i) => [e.name, i] as const))(
    "%s gives the published/hand-computed figures",
    (_, i) => {
      const subs = rows[i].slice(5, 20) as number[];
      const scores = convergenceScores(subs);
      expect(scores.domains).toEqual([...EXPECTED[i].domains]);
      expect(scores.composite).toBe(EXPECTED[i].composite);
    }
  );

  it("builds the composite from the rounded domains (Pulosaren: 1.04, not 1.03)", () => {
    const unrounded =
      (2 + 1.5 + 1) / 3 + 1 + (1 + 0.5 + 0.5) / 3 + (1 + 0.5 + 0.5) / 3 + (1 + 1.5 + 1.5) / 3;
    expect(excelRound(unrounded / 5, 2)).toBe(1.03);
    expect(compositeScore([1.5, 1.0, 0.7, 0.7, 1.3])).toBe(1.04);
  });

  it("leaves a domain and the composite missing when a sub-indicator is missing", () => {
    const subs = [2, 2, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const scores = convergenceScores(subs);
    expect(scores.domains[0]).toBeNull();
    expect(scores.domains[1]).toBe(1);
    expect(scores.composite).toBeNull();
  });

  it("keeps scores on the 0-2 scale with the stated decimals", () => {
    fc.assert(
      fc.property(fc.array(rubric, { minLength: 15, maxLength: 15 }), (subs) => {
        const { domains, composite } = convergenceScores(subs);
        for (const d of domains) {
          expect(d).not.toBeNull();
          expect(d!).toBeGreaterThanOrEqual(0);
          expect(d!).toBeLessThanOrEqual(2);
          expect(excelRound(d!, 1)).toBe(d);
        }
        expect(composite!).toBeGreaterThanOrEqual(0);
        expect(composite!).toBeLessThanOrEqual(2);
        expect(composite).toBe(
          excelRound(domains.reduce<number>((s, d) => s + (d ?? NaN), 0) / 5, 2)
        );
      })
    );
  });

  it("does not depend on the order of sub-indicators within a domain", () => {
    fc.assert(
      fc.property(fc.tuple(rubric, rubric, rubric), (t) => {
        const [a, b, c] = t;
        const perms = [
          [a, b, c],
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ];
        const scores = perms.map((p) => domainScore(p));
        expect(new Set(scores).size).toBe(1);
      })
    );
  });
});

describe("iBangga", () => {
  it.each(EXPECTED.map((e) => [e.name, e] as const))("%s composites", (_, e) => {
    expect(ibanggaComposite(e.dims, SETARA).value).toBe(e.setara);
    expect(ibanggaComposite(e.dims, KEMANDIRIAN_SENTRAL).value).toBe(e.kemandirianSentral);
  });

  it("uses exact thirds for setara, not 33/33/34 (two kampung would differ by 0.1)", () => {
    const w = weightsFromNumbers([33, 33, 34]);
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    const differing = EXPECTED.filter(
      (e) => ibanggaComposite(e.dims, w.weights).value !== e.setara
    );
    expect(differing.map((e) => e.name)).toEqual(["Wisata Asri", "Ardi Raharja"]);
  });

  it("reproduces the national 2021 figure from its dimensions", () => {
    // Equal-weight mean at 2 decimals, as BKKBN reports it.
    expect(excelRound((55.99 + 52.09 + 53.96) / 3, 2)).toBe(54.01);
  });

  it("renormalises the weights when a dimension is missing", () => {
    const c = ibanggaComposite([80, null, 60], KEMANDIRIAN_SENTRAL);
    expect(c.renormalised).toBe(true);
    expect(c.value).toBe(excelRound((0.35 * 80 + 0.25 * 60) / 0.6, 1));
    expect(ibanggaComposite([null, null, null], SETARA).value).toBeNull();
  });

  it("keeps composites within the range of the dimensions, for any weights", () => {
    const value = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
    fc.assert(
      fc.property(
        fc.array(fc.option(value, { nil: null }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        (dims, raw) => {
          const parsed = weightsFromNumbers(raw);
          if (!parsed.ok) {
            expect(raw.reduce((s, x) => s + x, 0)).toBe(0);
            return;
          }
          const w = normalisedWeights(parsed.weights);
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          const c = ibanggaComposite(dims, parsed.weights).value;
          const present = dims.filter((d, i): d is number => d !== null && raw[i] > 0);
          if (present.length === 0) return;
          expect(c!).toBeGreaterThanOrEqual(Math.min(...present) - 0.05);
          expect(c!).toBeLessThanOrEqual(Math.max(...present) + 0.05);
        }
      )
    );
  });

  it("bands: below 40 rentan, 40 to 70 berkembang, above 70 tangguh", () => {
    expect(ibanggaBand(39.9)).toBe("rentan");
    expect(ibanggaBand(40)).toBe("berkembang");
    expect(ibanggaBand(70)).toBe("berkembang");
    expect(ibanggaBand(70.1)).toBe("tangguh");
  });

  it("dimension score is the rounded mean of its sub-indicators, missing if one is", () => {
    expect(dimensionScore([90, 95, 100])).toBe(95);
    expect(dimensionScore([90, 95.5, 100])).toBe(95.2);
    expect(dimensionScore([90, null])).toBeNull();
  });

  it("parses weight presets and custom weights", () => {
    expect(parseWeights("Setara")).toEqual({ ok: true, weights: SETARA });
    expect(parseWeights(" KEMANDIRIAN SENTRAL ")).toEqual({
      ok: true,
      weights: KEMANDIRIAN_SENTRAL,
    });
    expect(parseWeights("0.35,0.40,0.25")).toEqual({
      ok: true,
      weights: { name: "custom", values: [0.35, 0.4, 0.25] },
    });
    expect(parseWeights("0,5;0,3;0,2")).toEqual({
      ok: true,
      weights: { name: "custom", values: [0.5, 0.3, 0.2] },
    });
    expect(parseWeights("bobot")).toEqual({ ok: false, problem: "unknown-preset" });
    expect(parseWeights("1,2")).toEqual({ ok: false, problem: "wrong-count" });
    expect(parseWeights("1,-2,3")).toEqual({ ok: false, problem: "negative" });
    expect(parseWeights("0,0,0")).toEqual({ ok: false, problem: "zero-sum" });
  });
});

describe("reading one value", () => {
  it("accepts numbers and number text in either locale", () => {
    expect(parseRubric(1.5)).toEqual({ ok: true, value: 1.5, notes: [] });
    expect(parseRubric("1,5")).toEqual({ ok: true, value: 1.5, notes: ["text-number"] });
    expect(parseRubric(" 2 ")).toEqual({ ok: true, value: 2, notes: ["text-number"] });
    expect(parseRubric(0)).toEqual({ ok: true, value: 0, notes: [] });
  });
  it("warns on values between rubric steps and rejects values off the scale", () => {
    expect(parseRubric(0.7)).toEqual({ ok: true, value: 0.7, notes: ["off-rubric"] });
    expect(parseRubric(2.5)).toMatchObject({ ok: false, problem: "out-of-range" });
    expect(parseRubric(-1)).toMatchObject({ ok: false, problem: "out-of-range" });
    expect(parseIbangga(100.1)).toMatchObject({ ok: false, problem: "out-of-range" });
    expect(parseIbangga("97,8")).toEqual({ ok: true, value: 97.8, notes: ["text-number"] });
  });
  it("reads iBangga text with a % sign on its 0-100 scale, and notes 0-1 numbers as fractions", () => {
    expect(parseIbangga("97,8 %")).toEqual({ ok: true, value: 97.8, notes: ["text-number"] });
    expect(parseIbangga("97.8%")).toEqual({ ok: true, value: 97.8, notes: ["text-number"] });
    // 97.8 % typed in Excel is stored as 0.978: read as given, with a note.
    expect(parseIbangga(0.978)).toEqual({ ok: true, value: 0.978, notes: ["fraction"] });
    expect(parseIbangga(1)).toEqual({ ok: true, value: 1, notes: ["fraction"] });
    expect(parseIbangga(0)).toEqual({ ok: true, value: 0, notes: [] });
    expect(parseIbangga(1.5)).toEqual({ ok: true, value: 1.5, notes: [] });
    // Rubric scores take no % sign.
    expect(parseRubric("1 %")).toMatchObject({ ok: false, problem: "not-a-number" });
  });
  it("tells blanks, errors and text apart", () => {
    expect(parseRubric(null)).toMatchObject({ ok: false, problem: "missing" });
    expect(parseRubric("  ")).toMatchObject({ ok: false, problem: "missing" });
    expect(parseRubric({ error: "#N/A" })).toMatchObject({
      ok: false,
      problem: "cell-error",
      shown: "#N/A",
    });
    expect(parseRubric("dua")).toMatchObject({ ok: false, problem: "not-a-number", shown: "dua" });
    expect(parseRubric(true)).toMatchObject({ ok: false, problem: "not-a-number" });
    expect(parseRubric(new Date(Date.UTC(2024, 0, 1)))).toMatchObject({
      ok: false,
      problem: "not-a-number",
    });
    expect(parseRubric(Number.NaN)).toMatchObject({ ok: false, problem: "not-a-number" });
  });
});
