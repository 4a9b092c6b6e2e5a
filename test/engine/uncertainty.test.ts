/** Rank uncertainty (issue 16): intervals, robustness, sensitivity, seeds. */
import { Assessment } from "../../src/engine/assessment";
import { SUB_INDICATOR_COUNT } from "../../src/engine/framework";
import { SETARA } from "../../src/engine/ibangga";
import { rankResults } from "../../src/engine/ranks";
import { geometricTable, seededRandom } from "../../src/engine/random";
import { rankUncertainty } from "../../src/engine/uncertainty";
import { exampleAssessments, score, uniform } from "../helpers/analysis-fixture";

const FAST = { runs: 200, sensitivityRuns: 50 };

function withSubs(name: string, sub: (number | null)[], dims: number[] | null = null): Assessment {
  return { ...uniform(name, 0), sub, dimensions: dims };
}

describe("rank intervals", () => {
  test("with all kampung far apart the intervals collapse to the nominal rank", () => {
    // 0 and 2 never move on the rubric; 1 moves half steps but stays strictly between them.
    // Equal dimensions give the same iBangga under any weights.
    const results = score([
      uniform("Nol", 0, { dimensions: [20, 20, 20] }),
      uniform("Satu", 1, { dimensions: [50, 50, 50] }),
      uniform("Dua", 2, { dimensions: [90, 90, 90] }),
    ]);
    const u = rankUncertainty(results.kampung, SETARA, { ...FAST, rubricMoveProbability: 1 });
    expect(u.composite.kampung).toEqual([
      { nominal: 3, median: 3, p5: 3, p95: 3 },
      { nominal: 2, median: 2, p5: 2, p95: 2 },
      { nominal: 1, median: 1, p5: 1, p95: 1 },
    ]);
    expect(u.composite.moving).toBe(0);
    expect(u.composite.overlappingPairs).toBe(0);
    expect(u.composite.neighbourPairs).toBe(2);
    expect(u.ibangga?.kampung.map((k) => k && [k.p5, k.median, k.p95])).toEqual([
      [3, 3, 3],
      [2, 2, 2],
      [1, 1, 1],
    ]);
    // Nothing moves: no share of variance to give.
    expect(u.sensitivity.composite).toEqual({ weights: null, ibanggaWeights: null, rubric: null });
  });

  test("two kampung equal but for one half step: their intervals overlap", () => {
    const sub = new Array<number>(SUB_INDICATOR_COUNT).fill(1.5);
    const lower = [...sub];
    lower[0] = 1; // koordinasi 1.5 -> 1.3, composite 1.50 -> 1.46
    const results = score([withSubs("A", sub), withSubs("B", lower), uniform("Nol", 0)]);
    expect(results.kampung.map((k) => k.composite)).toEqual([1.5, 1.46, 0]);
    const u = rankUncertainty(results.kampung, SETARA, FAST);
    const [a, b, nol] = u.composite.kampung;
    expect(a?.nominal).toBe(1);
    expect(b?.nominal).toBe(2);
    // A's worst plausible rank reaches B's best: their order is not robust.
    expect(a!.p95).toBeGreaterThanOrEqual(b!.p5);
    expect(a!.p95).toBe(2);
    expect(b!.p5).toBe(1);
    expect(nol).toEqual({ nominal: 3, median: 3, p5: 3, p95: 3 });
    expect(u.composite.overlappingPairs).toBe(1);
    expect(u.composite.neighbourPairs).toBe(2);
  });

  test("the nominal ranks are the method's; a missing composite has no interval", () => {
    const assessments = [...exampleAssessments(), uniform("Kosong", null)];
    const results = score(assessments);
    const u = rankUncertainty(results.kampung, SETARA, FAST);
    const ranked = rankResults(results.kampung, "setara");
    const method = Array.from({ length: ranked.length }, (_, i) => ranked.at(i));
    expect(u.composite.kampung.map((k) => k?.nominal ?? null)).toEqual(
      method.map((r) => r.composite)
    );
    expect(u.composite.kampung[4]).toBeNull();
    expect(u.ibangga?.kampung.slice(0, 4).map((k) => k?.nominal)).toEqual(
      method.slice(0, 4).map((r) => r.ibangga?.setara)
    );
    for (const k of u.composite.kampung.slice(0, 4)) {
      expect(k!.p5).toBeLessThanOrEqual(k!.median);
      expect(k!.median).toBeLessThanOrEqual(k!.p95);
    }
  });

  test("the same seed gives the same figures; another seed, other draws", () => {
    const results = score(exampleAssessments());
    const a = rankUncertainty(results.kampung, SETARA, { seed: 7 });
    const b = rankUncertainty(results.kampung, SETARA, { seed: 7 });
    expect(b).toEqual(a);
    const c = rankUncertainty(results.kampung, SETARA, { seed: 8 });
    expect(c.sensitivity.composite).not.toEqual(a.sensitivity.composite);
    expect(a.options).toMatchObject({ runs: 1000, seed: 7 });
    expect(a.generator).toMatch(/xoroshiro128\+ \(pure-rand/);
  });

  test("bad options are refused", () => {
    const results = score(exampleAssessments());
    expect(() => rankUncertainty(results.kampung, SETARA, { runs: 0 })).toThrow(RangeError);
    expect(() => rankUncertainty(results.kampung, SETARA, { rubricMoveProbability: 1.5 })).toThrow(
      RangeError
    );
  });
});

describe("sensitivity (Saltelli 2010 first order)", () => {
  // Kampung that differ by domain profile (weights matter) and sit on 1 and 1.5 (rubric matters).
  const profiles = [
    [2, 2, 1, 1, 0],
    [0, 1, 2, 2, 1],
    [1, 2, 0, 1, 2],
    [2, 0, 1, 2, 1],
    [1, 1, 2, 0, 2],
    [1.5, 1.5, 1, 1, 1],
    [1, 1.5, 1.5, 1, 1],
    [1, 1, 1, 1.5, 1.5],
  ];
  const assessments = profiles.map((p, i) =>
    withSubs(
      `K${i}`,
      p.flatMap((v) => [v, v, v])
    )
  );

  test("with the rubric fixed, the domain weights explain (about) all of the rank variance", () => {
    const results = score(assessments);
    const u = rankUncertainty(results.kampung, SETARA, {
      rubricMoveProbability: 0,
      sensitivityRuns: 400,
    });
    expect(u.sensitivity.composite.rubric).toBe(0);
    expect(u.sensitivity.composite.ibanggaWeights).toBe(0);
    expect(u.sensitivity.composite.weights).toBeGreaterThan(0.85);
  });

  test("both sources: shares in [0, 1], the iBangga weights 0 by construction", () => {
    const results = score(assessments);
    const u = rankUncertainty(results.kampung, SETARA, { sensitivityRuns: 400 });
    const s = u.sensitivity.composite;
    expect(s.weights).toBeGreaterThan(0);
    expect(s.rubric).toBeGreaterThan(0);
    expect(s.weights! + s.rubric!).toBeLessThanOrEqual(1.1);
    expect(u.ibangga).toBeNull();
    expect(u.sensitivity.ibangga).toBeNull();
  });
});

describe("random numbers", () => {
  test("the geometric table gives each gap its probability within 1/65536", () => {
    const p = 0.2;
    const table = geometricTable(p);
    const counts = new Map<number, number>();
    for (const g of table) counts.set(g, (counts.get(g) ?? 0) + 1);
    for (const g of [0, 1, 2, 5, 10]) {
      const exact = (1 - p) ** g * p;
      expect(Math.abs((counts.get(g) ?? 0) / 65536 - exact)).toBeLessThan(2 / 65536);
    }
  });

  test("streams of one seed are reproducible and distinct", () => {
    const a = seededRandom(5, 0);
    const b = seededRandom(5, 0);
    const c = seededRandom(5, 1);
    const xs = [a.uniform(), a.uniform(), a.uniform()];
    expect([b.uniform(), b.uniform(), b.uniform()]).toEqual(xs);
    expect([c.uniform(), c.uniform(), c.uniform()]).not.toEqual(xs);
  });
});
