/**
 * @jest-environment jsdom
 *
 * Issue 14 in the pane: the round picker of the summary step (latest first, the default).
 */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { SummaryStep, SummaryStepProps } from "../../src/taskpane/components/SummaryStep";
import { DEFAULT_CHOICE } from "../../src/taskpane/weights";
import { renderPane } from "./render";

describe("the round picker in the summary step", () => {
  const props = (over: Partial<SummaryStepProps>): SummaryStepProps => ({
    mode: "file",
    lang: "id",
    weights: DEFAULT_CHOICE,
    onWeights: () => undefined,
    sheetLang: "id",
    onSheetLang: () => undefined,
    includeCopies: true,
    onIncludeCopies: () => undefined,
    hasData: true,
    canRun: true,
    running: false,
    progress: null,
    notice: null,
    result: null,
    onRun: () => undefined,
    onOpenSheet: () => undefined,
    profilPrint: false,
    onProfilPrint: () => undefined,
    profilRegion: "",
    onProfilRegion: () => undefined,
    ...over,
  });
  const rounds = [
    { label: "2024-T3", count: 29 },
    { label: "2025-T1", count: 1200 },
  ];

  it("offers the latest first, as the default, and reports a choice", () => {
    const chosen: (string | null)[] = [];
    renderPane(<SummaryStep {...props({ rounds, onPeriode: (p) => chosen.push(p) })} />);
    const select = screen.getByLabelText("Periode yang diringkas") as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      "2025-T1 (1.200 kampung, terakhir)",
      "2024-T3 (29 kampung)",
    ]);
    expect(select.value).toBe("2025-T1");
    fireEvent.change(select, { target: { value: "2024-T3" } });
    fireEvent.change(select, { target: { value: "2025-T1" } });
    expect(chosen).toEqual(["2024-T3", null]);
  });

  it("is not there for data of one round, and speaks English in English", () => {
    renderPane(<SummaryStep {...props({ rounds: null })} />);
    expect(screen.queryByTestId("periode")).toBeNull();
    renderPane(<SummaryStep {...props({ rounds, lang: "en" })} />);
    expect(screen.getByLabelText("Round to summarise")).toBeTruthy();
  });
});
