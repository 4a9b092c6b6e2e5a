/** What-if domain weights (issue 16, Deliver 4): not the method, beside it. */
import { competitionRanks } from "../../src/engine/ranks";
import { whatIfScores } from "../../src/engine/what-if";
import { exampleAssessments, score } from "../helpers/analysis-fixture";

describe("what-if domain weights", () => {
  const results = score(exampleAssessments());

  test("equal weights give the method's composite and ranks", () => {
    const w = whatIfScores(results.kampung, [1, 1, 1, 1, 1]);
    expect(w.composite).toEqual(results.kampung.map((k) => k.composite));
    expect(w.ranks).toEqual(competitionRanks(results.kampung.map((k) => k.composite)));
  });

  test("all weight on one domain: the composite is that domain, ranked by it", () => {
    const w = whatIfScores(results.kampung, [0, 0, 3, 0, 0]);
    expect(w.composite).toEqual(results.kampung.map((k) => k.domains.interoperabilitas));
    const two = whatIfScores(results.kampung, [2, 1, 0, 0, 0]);
    expect(two.composite[0]).toBe(1.67); // Sumurboto: (2 * 2.0 + 1.0) / 3 = 1.666...
  });

  test("bad weights are refused", () => {
    expect(() => whatIfScores(results.kampung, [1, 1, 1, 1])).toThrow(RangeError);
    expect(() => whatIfScores(results.kampung, [0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => whatIfScores(results.kampung, [1, -1, 1, 1, 1])).toThrow(RangeError);
  });
});
