/**
 * What goes with iBangga (issue 16): Spearman against a hand calculation, the bootstrap against
 * materialised resamples scored by simple-statistics' own Spearman, status differences by hand.
 */
import { quantileSorted, sampleRankCorrelation } from "simple-statistics";
import { Association, associationWithIbangga, resampleCounts } from "../../src/engine/association";
import { excelRound } from "../../src/engine/decimal";
import { DOMAIN_KEYS } from "../../src/engine/framework";
import { seededRandom } from "../../src/engine/random";
import { exampleAssessments, score, uniform } from "../helpers/analysis-fixture";

const SEED = 20250101;
/** iBangga (equal dimensions: the composite is this value under any weights). */
const Y = [50, 42, 61, 70, 55, 48, 80, 66, 59, 73];

function tenKampung(statuses: (string | null)[] = []) {
  // Composites 0.1 .. 1.0 (values off the rubric steps are allowed, with a warning).
  return Y.map((y, i) =>
    uniform(`K${i + 1}`, excelRound((i + 1) / 10, 1), {
      dimensions: [y, y, y],
      status: statuses[i] ?? null,
    })
  );
}

function shown(a: Association) {
  if (!a.shown) throw new Error("expected the association to be shown");
  return a;
}

describe("association with iBangga", () => {
  test("fewer than 10 kampung with both parts: not shown, and n says why", () => {
    const a = associationWithIbangga(score(exampleAssessments()).kampung, "setara", SEED);
    expect(a).toEqual({ shown: false, n: 4, reason: "too-few" });
  });

  test("Spearman of a 10-kampung fixture matches the hand calculation to 2 decimals", () => {
    const a = shown(associationWithIbangga(score(tenKampung()).kampung, "setara", SEED));
    // Composite ranks 1..10 in order; iBangga ranks 3 1 6 8 4 2 10 7 5 9.
    // d = -2 1 -3 -4 1 4 -3 1 4 1, sum of d^2 = 74; rho = 1 - 6 * 74 / (10 * 99) = 0.5515...
    const hand = 1 - (6 * 74) / (10 * (10 * 10 - 1));
    expect(a.n).toBe(10);
    expect(a.correlations.map((c) => c.variable)).toEqual([...DOMAIN_KEYS, "composite"]);
    for (const c of a.correlations) {
      expect(c.n).toBe(10);
      expect(c.rho).toBe(0.55);
      expect(c.rho).toBe(excelRound(hand, 2));
    }
  });

  test("the bootstrap interval matches materialised resamples scored by another implementation", () => {
    // Ties on purpose: koordinasi takes 3 values only (midranks matter).
    const assessments = tenKampung().map((k, i) => {
      const sub = [...k.sub];
      sub[0] = sub[1] = sub[2] = [0, 1, 2][i % 3];
      return { ...k, sub };
    });
    const kampung = score(assessments).kampung;
    const a = shown(associationWithIbangga(kampung, "setara", SEED));
    const x = {
      koordinasi: kampung.map((k) => k.domains.koordinasi as number),
      composite: kampung.map((k) => k.composite as number),
    };
    const y = kampung.map((k) => k.ibangga!.setara as number);
    // The same stream (seed, stream 3) and the same draws, resample by resample.
    const random = seededRandom(SEED, 3);
    const counts = new Uint32Array(10);
    const draws = { koordinasi: [] as number[], composite: [] as number[] };
    for (let b = 0; b < a.resamples; b++) {
      resampleCounts(random, 10, counts);
      const idx: number[] = [];
      counts.forEach((c, i) => {
        for (let j = 0; j < c; j++) idx.push(i);
      });
      for (const v of ["koordinasi", "composite"] as const) {
        const rho = sampleRankCorrelation(
          idx.map((i) => x[v][i]),
          idx.map((i) => y[i])
        );
        if (Number.isFinite(rho)) draws[v].push(rho);
      }
    }
    for (const v of ["koordinasi", "composite"] as const) {
      const sorted = draws[v].sort((p, q) => p - q);
      const c = a.correlations.find((r) => r.variable === v)!;
      expect(c.interval).toEqual({
        low: excelRound(quantileSorted(sorted, 0.025), 2),
        high: excelRound(quantileSorted(sorted, 0.975), 2),
      });
      expect(c.interval!.low).toBeLessThanOrEqual(c.rho!);
      expect(c.interval!.high).toBeGreaterThanOrEqual(c.rho!);
    }
    expect(a.resamples).toBe(1000);
  });

  test("status differences: means by hand, interval from the groups resampled on their own", () => {
    const statuses = [
      "berkembang",
      "berkembang",
      "berkembang",
      "berkembang",
      "berkembang",
      "Berkelanjutan",
      "berkelanjutan",
      "berkelanjutan",
      "berkelanjutan",
      "lain",
    ];
    const kampung = score(tenKampung(statuses)).kampung;
    const a = shown(associationWithIbangga(kampung, "setara", SEED));
    const composite = a.statusDifferences.find((d) => d.variable === "composite")!;
    // berkembang: composites 0.1..0.5, mean 0.3; berkelanjutan: 0.6..0.9, mean 0.75.
    expect(composite).toMatchObject({
      lower: "berkembang",
      higher: "berkelanjutan",
      nLower: 5,
      nHigher: 4,
      meanLower: 0.3,
      meanHigher: 0.75,
      difference: 0.45,
    });
    const ib = a.statusDifferences.find((d) => d.variable === "ibangga")!;
    // berkembang: 50 42 61 70 55 (mean 55.6); berkelanjutan: 48 80 66 59 (mean 63.25).
    expect(ib.difference).toBe(excelRound(63.25 - 55.6, 2));
    // Replay: per resample, the lower group's draws, then the higher group's.
    const random = seededRandom(SEED, 4);
    const lo = [0, 1, 2, 3, 4];
    const hi = [5, 6, 7, 8];
    const cLo = new Uint32Array(5);
    const cHi = new Uint32Array(4);
    const values = kampung.map((k) => k.composite as number);
    const diffs: number[] = [];
    for (let b = 0; b < a.resamples; b++) {
      resampleCounts(random, 5, cLo);
      resampleCounts(random, 4, cHi);
      const m = (idx: number[], c: Uint32Array) =>
        idx.reduce((s, i, j) => s + c[j] * values[i], 0) / idx.length;
      diffs.push(m(hi, cHi) - m(lo, cLo));
    }
    diffs.sort((p, q) => p - q);
    expect(composite.interval).toEqual({
      low: excelRound(quantileSorted(diffs, 0.025), 2),
      high: excelRound(quantileSorted(diffs, 0.975), 2),
    });
  });

  test("the same seed gives the same association", () => {
    const kampung = score(tenKampung()).kampung;
    expect(associationWithIbangga(kampung, "setara", 3)).toEqual(
      associationWithIbangga(kampung, "setara", 3)
    );
  });
});
