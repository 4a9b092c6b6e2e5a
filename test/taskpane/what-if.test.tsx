/** @jest-environment jsdom */
/**
 * What-if domain weights in the pane (issue 16, Deliver 4): marked as not the study's method,
 * recomputed by the engine (here the LocalEngine the worker runs) beside the method's figures.
 */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { SETARA } from "../../src/engine/ibangga";
import { LocalEngine } from "../../src/excel/engine";
import { parseDomainWeights, WhatIfPanel } from "../../src/taskpane/components/WhatIfPanel";
import { exampleRows } from "../helpers/example";
import { renderPane } from "./render";

async function exampleEngine(): Promise<LocalEngine> {
  const engine = new LocalEngine();
  const rows = exampleRows();
  engine.begin([{ sheet: "Data", originRow: 0, originCol: 0 }]);
  engine.append(0, rows);
  await engine.read({ lang: "id" });
  return engine;
}

describe("what-if domain weights", () => {
  test("weights are read in either decimal mark; negatives, text and a zero sum are refused", () => {
    expect(parseDomainWeights(["1", "0,5", "0.5", "2", "0"])).toEqual([1, 0.5, 0.5, 2, 0]);
    expect(parseDomainWeights(["1", "-1", "1", "1", "1"])).toBeNull();
    expect(parseDomainWeights(["1", "x", "1", "1", "1"])).toBeNull();
    expect(parseDomainWeights(["0", "0", "0", "0", "0"])).toBeNull();
  });

  test("the engine: equal weights change no rank; all on one domain ranks by it", async () => {
    const engine = await exampleEngine();
    const equal = engine.whatIf([1, 1, 1, 1, 1]);
    expect(equal.changed).toBe(0);
    expect(equal.ranked).toBe(4);
    expect(equal.rows.map((r) => r.whatIfComposite)).toEqual(equal.rows.map((r) => r.composite));
    const rujukan = engine.whatIf([0, 1, 0, 0, 0]);
    // Referral: every kampung 1.0 (the study: documents everywhere, no closed loop): all tied.
    expect(rujukan.rows.map((r) => r.whatIfRank)).toEqual([1, 1, 1, 1]);
    expect(rujukan.changed).toBe(3);
  });

  test("the engine ranks the round the analysis shows, not every round together", async () => {
    const engine = new LocalEngine();
    const [header, ...kampung] = exampleRows();
    // The four kampung in 2024-T1 (Koordinasi Regulasi 0) and again in 2024-T2.
    const rows = [
      [...header, "Periode"],
      ...kampung.map((r) => Object.assign([...r, "2024-T1"], { 5: 0 })),
      ...kampung.map((r) => [...r, "2024-T2"]),
    ];
    engine.begin([{ sheet: "Data", originRow: 0, originCol: 0 }]);
    engine.append(0, rows);
    await engine.read({ lang: "id" });
    await engine.analyse(SETARA, "id");
    const latest = engine.whatIf([1, 1, 1, 1, 1]);
    expect(latest.ranked).toBe(4);
    expect(latest.rows.map((r) => r.composite)).toEqual([1.48, 1.4, 1.12, 1.04]);
    expect(latest.rows.map((r) => r.row).sort()).toEqual([6, 7, 8, 9]);
    await engine.analyse(SETARA, "id", "2024-T1");
    const first = engine.whatIf([1, 1, 1, 1, 1]);
    expect(first.ranked).toBe(4);
    expect(first.rows.map((r) => r.row).sort()).toEqual([2, 3, 4, 5]);
    expect(first.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  test("the panel says it is not the method and recomputes as a weight is typed", async () => {
    const engine = await exampleEngine();
    const calls: number[][] = [];
    const compute = (w: readonly number[]) => {
      calls.push([...w]);
      return Promise.resolve(engine.whatIf(w));
    };
    renderPane(<WhatIfPanel lang="id" compute={compute} />);
    expect(screen.getByText(/Bukan metode studi/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId("what-if-changed").textContent).toMatch(/^0 dari 4/)
    );
    const table = screen.getByTestId("what-if-table");
    expect(table.textContent).toContain("Bobot sendiri");
    expect(screen.getByText(/Kolom "Bobot sendiri" bukan metode studi/)).toBeTruthy();
    expect(table.textContent).toContain("1,48");
    const input = document.querySelector('input[data-domain="koordinasi"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { value: "0" } });
    });
    await waitFor(() => expect(calls[calls.length - 1]).toEqual([0, 1, 1, 1, 1]));
    await act(async () => {
      fireEvent.change(input, { target: { value: "-2" } });
    });
    expect(screen.getByRole("alert").textContent).toMatch(/Bobot: angka 0 atau lebih/);
  });

  test("with no kampung to compare, the panel says so instead of '0 dari 0' and an empty table", async () => {
    const none = { weights: [1, 1, 1, 1, 1], changed: 0, ranked: 0, rows: [] };
    renderPane(<WhatIfPanel lang="id" compute={() => Promise.resolve(none)} />);
    await waitFor(() =>
      expect(screen.getByTestId("what-if-none").textContent).toBe(
        "Belum ada kampung dengan skor komposit untuk dibandingkan: perbaiki galat di atas dulu."
      )
    );
    expect(screen.queryByTestId("what-if-table")).toBeNull();
    expect(screen.queryByTestId("what-if-changed")).toBeNull();
  });
});
