/**
 * Grouping keys lower-case with Unicode's default mapping (group-stats.ts): for Indonesian it is
 * the same text as the locale's own mapping, which is what the keys meant before.
 */
import fc from "fast-check";
import { looseKey, nameKey } from "../../src/engine/group-stats";

describe("nameKey and looseKey", () => {
  it("equal the Indonesian locale's lower case, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(nameKey(text)).toBe(text.trim().replace(/\s+/g, " ").toLocaleLowerCase("id"));
        expect(looseKey(text)).toBe(text.replace(/\s+/g, "").toLocaleLowerCase("id"));
      }),
      { numRuns: 2000 }
    );
  });

  it("on the letters whose case depends on the language elsewhere", () => {
    for (const text of ["İstanbul", "ISTANBUL", "ΟΔΟΣ", "Ǆ", "Kota  Semarang "]) {
      expect(nameKey(text)).toBe(text.trim().replace(/\s+/g, " ").toLocaleLowerCase("id"));
    }
    expect(nameKey(" Kota  Semarang")).toBe("kota semarang");
    expect(looseKey("Asri  sejahtera ")).toBe("asrisejahtera");
  });
});
