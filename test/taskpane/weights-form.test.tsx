/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { KEMANDIRIAN_SENTRAL, SETARA } from "../../src/engine/ibangga";
import { WeightsForm } from "../../src/taskpane/components/WeightsForm";
import { Lang } from "../../src/taskpane/i18n";
import {
  checkWeights,
  choiceFromWeights,
  DEFAULT_CHOICE,
  WeightsChoice,
} from "../../src/taskpane/weights";
import { renderPane } from "./render";

/** The form with its state, as the pane holds it. */
function Harness({ initial, lang }: { initial: WeightsChoice; lang: Lang }) {
  const [value, setValue] = React.useState(initial);
  return <WeightsForm value={value} onChange={setValue} lang={lang} />;
}

const custom = (a: string, b: string, c: string): WeightsChoice => ({
  mode: "custom",
  custom: [a, b, c],
});

describe("checkWeights", () => {
  it("gives the presets", () => {
    expect(checkWeights(DEFAULT_CHOICE)).toEqual({ ok: true, weights: SETARA });
    expect(checkWeights({ ...DEFAULT_CHOICE, mode: "kemandirian-sentral" })).toEqual({
      ok: true,
      weights: KEMANDIRIAN_SENTRAL,
    });
  });

  it("reads custom weights in either decimal mark", () => {
    expect(checkWeights(custom("0,35", "0.40", "25"))).toEqual({
      ok: true,
      weights: { name: "custom", values: [0.35, 0.4, 25] },
    });
  });

  it("names the weights that are wrong", () => {
    expect(checkWeights(custom("", "1", " "))).toEqual({
      ok: false,
      problem: "empty",
      fields: [0, 2],
    });
    expect(checkWeights(custom("1", "-2", "1"))).toEqual({
      ok: false,
      problem: "negative",
      fields: [1],
    });
    expect(checkWeights(custom("1", "dua", "1"))).toMatchObject({
      problem: "not-a-number",
      fields: [1],
    });
    expect(checkWeights(custom("0", "0", "0"))).toMatchObject({
      problem: "zero-sum",
      fields: [0, 1, 2],
    });
  });

  it("shows saved custom weights in the display locale", () => {
    const saved = { name: "custom" as const, values: [0.35, 0.4, 0.25] as const };
    expect(choiceFromWeights(saved, "id").custom).toEqual(["0,35", "0,4", "0,25"]);
    expect(choiceFromWeights(saved, "en").custom).toEqual(["0.35", "0.4", "0.25"]);
    expect(choiceFromWeights(KEMANDIRIAN_SENTRAL, "id").mode).toBe("kemandirian-sentral");
  });
});

describe("WeightsForm", () => {
  it("offers the two presets and own weights, labelled", () => {
    renderPane(<Harness initial={DEFAULT_CHOICE} lang="id" />);
    const radios = screen.getAllByRole("radio");
    expect(radios.map((r) => (r as HTMLInputElement).checked)).toEqual([true, false, false]);
    expect(screen.getByRole("radio", { name: "Setara (1/3 masing-masing)" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Kemandirian-sentral (35 / 40 / 25)" })).toBeTruthy();
    expect(screen.getByRole("radiogroup")).toBeTruthy();
  });

  it("shows the shares with the Indonesian decimal comma", () => {
    renderPane(<Harness initial={DEFAULT_CHOICE} lang="id" />);
    expect(screen.getByTestId("weight-shares").textContent).toBe(
      "Porsi: Ketenteraman 33,3% · Kemandirian 33,3% · Kebahagiaan 33,3%"
    );
    fireEvent.click(screen.getByRole("radio", { name: /Kemandirian-sentral/ }));
    expect(screen.getByTestId("weight-shares").textContent).toBe(
      "Porsi: Ketenteraman 35,0% · Kemandirian 40,0% · Kebahagiaan 25,0%"
    );
  });

  it("asks for three weights when own weights are chosen, and checks them", () => {
    renderPane(<Harness initial={DEFAULT_CHOICE} lang="en" />);
    expect(screen.queryByRole("textbox")).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Own weights" }));
    const inputs = screen.getAllByRole("textbox");
    expect(inputs).toHaveLength(3);
    expect(screen.getByLabelText("Tranquillity")).toBe(inputs[0]);

    fireEvent.change(inputs[1], { target: { value: "-5" } });
    expect(screen.getByText("Weights must not be negative.")).toBeTruthy();
    expect(inputs[1].getAttribute("aria-invalid")).toBe("true");
    expect(inputs[0].getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.queryByTestId("weight-shares")).toBeNull();

    fireEvent.change(inputs[1], { target: { value: "50" } });
    expect(screen.queryByText("Weights must not be negative.")).toBeNull();
    expect(screen.getByTestId("weight-shares").textContent).toBe(
      "Shares: Tranquillity 31.8% · Self-reliance 45.5% · Happiness 22.7%"
    );
  });

  it("says which weight is empty", () => {
    renderPane(<Harness initial={custom("35", "", "25")} lang="id" />);
    expect(screen.getByText("Isi bobot ini.")).toBeTruthy();
    expect(screen.getByLabelText("Kemandirian").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("WeightsForm: one message for the three boxes", () => {
  it("0/0/0 says it once, below the boxes, and every box points at it", () => {
    renderPane(<Harness initial={custom("0", "0", "0")} lang="id" />);
    const message = screen.getByTestId("weight-problem");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    for (const box of screen.getAllByRole("textbox")) {
      expect(box.getAttribute("aria-invalid")).toBe("true");
      expect(box.getAttribute("aria-describedby")).toContain(message.id);
    }
  });
});
