/**
 * The JSON's per-kampung history (issue 14) found through the trend's own index of the current
 * round's rows (`Trend.currentKampung`): the same histories as looking each kampung up by its
 * identity (name and region, case and spaces ignored), for a kampung spelled differently across
 * rounds and statuses that differ only in case; a duplicate row of the current round has its own
 * entry in that round.
 */
import * as path from "node:path";
import { resultsJson } from "../../src/cli/json";
import { KampungResult } from "../../src/engine/assessment";
import { SETARA } from "../../src/engine/ibangga";
import { HistoryEntry, kampungKey, Trend } from "../../src/engine/trend";
import { CellValue } from "../../src/engine/cell";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";

const FIXTURE = path.join(__dirname, "..", "fixtures", "rounds", "tiga-periode.xlsx");

const summarise = (grids: Grid[]) =>
  buildSummary(readInput(grids, { lang: "id" }), {
    lang: "id",
    weights: SETARA,
    source: "x.xlsx",
    now: new Date(2026, 11, 1, 9, 0),
  });

/** The histories as found before `currentKampung`: each kampung looked up by its identity. */
function byIdentity(trend: Trend, kampung: readonly KampungResult[]) {
  // The first kampung of each identity: a duplicate row of the current round has its own.
  const byKey = new Map<string, (typeof trend.kampung)[number]>();
  for (const k of trend.kampung) {
    const key = kampungKey(k.name, k.region);
    if (!byKey.has(key)) byKey.set(key, k);
  }
  return kampung.map((r) => {
    const k = byKey.get(kampungKey(r.name, r.region))!;
    const history: HistoryEntry[] = [];
    k.roundIndexes.forEach((round, j) => {
      if (round <= trend.current) history.push(k.historyAt(j));
    });
    return history.map(withoutIndex);
  });
}

/** A history entry as the JSON writes it: without its index in `Trend.rounds`. */
function withoutIndex(h: HistoryEntry): Omit<HistoryEntry, "roundIndex"> {
  const { roundIndex, ...rest } = h;
  void roundIndex;
  return rest;
}

describe("JSON history of each kampung of the current round", () => {
  let rows: readonly (readonly CellValue[])[];
  beforeAll(async () => {
    rows = (await readWorkbook(FIXTURE))[0].rows;
  });

  it("is the history of the kampung with the same identity, for every row", () => {
    const [header, ...body] = rows;
    const col = (name: string) => header.indexOf(name);
    const [kampung, status, periode] = [col("Kampung"), col("Status"), col("Periode")];
    const edited = body.map((r) => {
      const row = [...r];
      // K02 spelled with other case and spaces in the first round: the same kampung.
      if (row[kampung] === "K02" && row[periode] === "2024-T3") row[kampung] = " k02 ";
      // K03's status in other case and spaces each round: no change of status.
      if (row[kampung] === "K03")
        row[status] =
          { "2024-T3": "Berkembang", "2024-T4": "BERKEMBANG" }[String(row[periode])] ??
          " berkembang";
      // K05's status a text that is no level, once with other case: no change, then one.
      if (row[kampung] === "K05")
        row[status] =
          row[periode] === "2024-T3"
            ? "Rintisan"
            : row[periode] === "2024-T4"
              ? "rintisan"
              : "Lain";
      return row;
    });
    // K01 twice in the current round (a duplicate): its second row has the first one's history
    // before this round, and its own row (here a copy: the same scores) in it.
    const k01 = edited.find((r) => r[kampung] === "K01" && r[periode] === "2025-T1")!;
    const summary = summarise([gridFromRows("Data", [header, ...edited, [...k01]])]);
    const trend = summary.trend!;
    const results = summary.results;
    expect(trend.currentKampung).toHaveLength(results.kampung.length);

    const json = resultsJson(results, summary.analysis, trend);
    const written = Array.from({ length: json.kampung.length }, (_, i) => json.kampung.at(i)!);
    const expected = byIdentity(trend, results.kampung);
    const last = written.length - 1; // the duplicate, the sheet's last row
    expect(written.slice(0, last).map((k) => JSON.stringify(k.history))).toEqual(
      expected.slice(0, last).map((h) => JSON.stringify(h))
    );

    const history = (name: string) => written.filter((k) => k.name.trim() === name)[0].history!;
    const duplicates = written.filter((k) => k.name === "K01");
    expect(duplicates).toHaveLength(2);
    const [first, second] = duplicates.map((k) => k.history!);
    expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    expect(second[2]).toEqual({ ...first[2], row: written[last].row });
    expect(second[2].row).not.toBe(first[2].row);
    expect(history("K01").map((h) => h.round)).toEqual(["2024-T3", "2024-T4", "2025-T1"]);
    expect(history("K02").map((h) => h.row)).toHaveLength(3);
    expect(history("K03").map((h) => h.statusFrom)).toEqual([null, null, null]);
    expect(history("K05").map((h) => h.statusFrom)).toEqual([null, null, "rintisan"]);
  });

  it("refuses results that are not the trend's current round", () => {
    const summary = summarise([gridFromRows("Data", rows)]);
    const fewer = { ...summary.results, kampung: summary.results.kampung.slice(1) };
    expect(() => resultsJson(fewer, undefined, summary.trend).kampung.at(0)).toThrow(RangeError);
  });
});
