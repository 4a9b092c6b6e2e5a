/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { ScorePreview } from "../../src/taskpane/components/ScorePreview";
import { renderPane } from "./render";

const kampung = [
  { row: 2, name: "Sumurboto", composite: 1.48 },
  { row: 3, name: "Kandri", composite: null },
];

describe("ScorePreview", () => {
  it("shows the first kampung with their composites and says how many more there are", () => {
    renderPane(<ScorePreview kampung={kampung} total={11} lang="id" />);
    expect(screen.getByText("1,48")).toBeTruthy();
    expect(screen.getByText("Tidak dihitung")).toBeTruthy();
    expect(screen.getByText("dan 9 kampung lainnya")).toBeTruthy();
  });

  it("in English, and nothing more to say when every kampung is shown", () => {
    renderPane(<ScorePreview kampung={kampung} total={11} lang="en" />);
    expect(screen.getByText("and 9 more kampung")).toBeTruthy();
    renderPane(<ScorePreview kampung={kampung} total={2} lang="en" />);
    expect(screen.queryAllByText(/more kampung/)).toHaveLength(1);
  });
});
