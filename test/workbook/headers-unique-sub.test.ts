/** The evidence sheet may name a sub-indicator by its own name when no other has it. */
import { SUB_INDICATORS } from "../../src/engine/framework";
import { matchHeader, matchSubIndicator } from "../../src/workbook/headers";

describe("matchSubIndicator", () => {
  it("reads a sub-indicator's own name alone when it is unique among the fifteen", () => {
    expect(matchSubIndicator("Regulasi")).toBe(0);
    expect(matchSubIndicator("SOP")).toBe(3);
    expect(matchSubIndicator("Koordinasi - Regulasi")).toBe(0);
  });

  it("still needs the domain in a column heading", () => {
    expect(matchHeader("Regulasi")).toBeNull();
  });

  it("never reads a name two sub-indicators share, nor an identity column", () => {
    const owners = new Map<string, number>();
    for (const ref of SUB_INDICATORS) {
      const key = ref.sub.label.id.toLowerCase();
      owners.set(key, (owners.get(key) ?? 0) + 1);
    }
    for (const [name, count] of owners) if (count > 1) expect(matchSubIndicator(name)).toBeNull();
    expect(matchSubIndicator("Kampung")).toBeNull();
    expect(matchSubIndicator("Status")).toBeNull();
  });
});

describe("region headers as government tables spell them", () => {
  it.each([
    ["Propinsi", "provinsi"],
    ["PROP.", "provinsi"],
    ["Prov", "provinsi"],
    ["Kab/Kota", "kabupaten"],
    ["Kec.", "kecamatan"],
  ])("%s is the %s column", (text, key) => {
    expect(matchHeader(text)).toEqual({ kind: "identity", key });
  });

  // Not "Kab" alone: with "Prov" it made a foreign header row a header (openpyxl-dua-baris-asing).
  it("leaves Kab alone unrecognised", () => expect(matchHeader("Kab")).toBeNull());
});
