/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { Steps } from "../../src/taskpane/components/Steps";
import { LanguageSwitch } from "../../src/taskpane/components/LanguageSwitch";
import { fieldLabel, formatNumber, STRINGS } from "../../src/taskpane/i18n";
import { renderPane } from "./render";

describe("Steps", () => {
  it("lists the three steps as buttons in Tab order and marks the current one", () => {
    const chosen: string[] = [];
    renderPane(<Steps current="check" onSelect={(s) => chosen.push(s)} lang="id" />);
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["1. Data", "2. Periksa", "3. Ringkasan"]);
    expect(buttons.map((b) => b.getAttribute("aria-current"))).toEqual([null, "step", null]);
    expect(buttons.every((b) => b.tabIndex === 0)).toBe(true);
    fireEvent.click(buttons[2]);
    expect(chosen).toEqual(["summary"]);
    expect(screen.getByRole("navigation", { name: "Langkah" })).toBeTruthy();
  });
});

describe("LanguageSwitch", () => {
  it("toggles between Indonesian and English", () => {
    const picked: string[] = [];
    renderPane(<LanguageSwitch lang="id" onChange={(l) => picked.push(l)} />);
    const id = screen.getByRole("button", { name: "ID (Indonesia)" });
    const en = screen.getByRole("button", { name: "EN (English)" });
    expect(id.getAttribute("aria-pressed")).toBe("true");
    expect(en.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(en);
    expect(picked).toEqual(["en"]);
  });
});

describe("i18n", () => {
  it("formats numbers in the display locale", () => {
    expect(formatNumber(1.48, "id", 2)).toBe("1,48");
    expect(formatNumber(1.4, "id", 2)).toBe("1,40");
    expect(formatNumber(1.4, "en", 2)).toBe("1.40");
    expect(formatNumber(84276, "id")).toBe("84.276");
  });

  it("names fields in words", () => {
    expect(fieldLabel("rujukan.umpanBalikRujukan", "id")).toBe("Rujukan - Umpan balik rujukan");
    expect(fieldLabel("kabupaten", "en")).toBe("Regency/City");
    expect(fieldLabel("ibangga.ketenteraman", "id")).toBe("iBangga Ketenteraman");
    expect(fieldLabel("ibangga.kemandirian:Rumah layak", "en")).toBe("Self-reliance: Rumah layak");
    expect(fieldLabel("", "id")).toBe("Seluruh lembar");
  });

  it("has every text in both languages", () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(STRINGS.en)).toEqual(keys(STRINGS.id));
    for (const lang of ["id", "en"] as const) {
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        if (typeof value === "string") expect(`${key}: ${value.trim()}`).not.toBe(`${key}: `);
      }
    }
  });
});
