/**
 * UTF-8 written CESU-8 style (Java's and Oracle's "UTF-8" exports: an emoji as its two UTF-16
 * surrogates of 3 bytes each) is read as UTF-8, not as Windows-1252: each surrogate pair as its
 * character, a lone half as U+FFFD, with one TEXT_CESU8 warning. The fixture is written by
 * Java's own CESU-8 charset (test/fixtures/real/Cesu8.java, run by make.py).
 */
import { readFileSync } from "node:fs";
import * as iconv from "iconv-lite";
import * as path from "node:path";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { analyseRead } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { cesuRepair, decodeCsvText, detectEncoding } from "../../src/xlsx/text-encoding";
import { run } from "../cli/run";

const FIXTURE = path.join(__dirname, "..", "fixtures", "real", "java-cesu8.csv");
const NAMES = [
  "Sumurboto \u{1F33F}",
  "Asri Sejahtera \u2013 Kandri \u{1F60A}",
  "Ma\u2019rifat Wisata Asri",
  "Ardi Raharja",
];

/** Text as CESU-8: every UTF-16 code unit (surrogates too) in UTF-8's 1-3 byte form. */
function cesu(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) out.push(u);
    else if (u < 0x800) out.push(0xc0 | (u >> 6), 0x80 | (u & 0x3f));
    else out.push(0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
  }
  return Uint8Array.from(out);
}

describe("CSV in UTF-8 written CESU-8 style", () => {
  it("Java's CESU-8 export reads as UTF-8: names whole, the study's scores, one warning", async () => {
    const bytes = readFileSync(FIXTURE);
    expect(detectEncoding(bytes)).toBe("utf-8");
    const grids = await readWorkbook(FIXTURE);
    expect(grids[0].surrogatesRepaired).toEqual({ restored: 2, replaced: 0 });
    const read = readInput(grids, { lang: "id" });
    const { results } = analyseRead(read, SETARA, "id");
    expect(results.kampung.map((k) => k.name)).toEqual(NAMES);
    expect(results.kampung.map((k) => k.composite)).toEqual([1.48, 1.12, 1.4, 1.04]);
    const warnings = read.issues.filter((i) => i.code === "TEXT_CESU8");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", cell: "A1" });
    expect(warnings[0].message).toMatch(/ditulis sebagai CESU-8.*2 karakter dibaca utuh\./);
    const en = readInput(grids, { lang: "en" }).issues.find((i) => i.code === "TEXT_CESU8");
    expect(en?.message).toMatch(/written as CESU-8.*2 characters read whole\./);

    const cli = await run("validate", FIXTURE, "--json", "--lang", "en");
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.out) as { kampung: { name: string }[]; issues: { code: string }[] };
    expect(json.kampung.map((k) => k.name)).toEqual(NAMES);
    expect(json.issues.filter((i) => i.code === "TEXT_CESU8")).toHaveLength(1);
  });

  it("a lone surrogate half becomes U+FFFD, counted; a byte-order mark is no exception", () => {
    const text = "Kampung;X\r\nA\uD83D;1\r\nB\u{1F600};2\r\nC\uDE00\u00e9;3\r\n";
    for (const bom of [false, true]) {
      const body = cesu(text);
      const bytes = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
      const decoded = decodeCsvText(bytes);
      expect(decoded.encoding).toBe("utf-8");
      expect(decoded.text).toBe("Kampung;X\r\nA\uFFFD;1\r\nB\u{1F600};2\r\nC\uFFFD\u00e9;3\r\n");
      expect(decoded.surrogates).toEqual({ restored: 1, replaced: 2 });
    }
  });

  it("valid UTF-8 and Windows-1252 are read as before, with nothing said", () => {
    const utf8 = new TextEncoder().encode("Kampung\r\nSumurboto \u{1F33F}\r\n");
    expect(decodeCsvText(utf8)).toEqual({
      text: "Kampung\r\nSumurboto \u{1F33F}\r\n",
      encoding: "utf-8",
      surrogates: null,
    });
    // Windows-1252 "í" (ED) before a no-break space (A0) and "€" (80): the shape of a
    // surrogate, but the file is not UTF-8 even so (the 0x92 apostrophe): 1252 it stays.
    const ansi = Uint8Array.from([0x4d, 0x61, 0x92, 0x72, 0x20, 0xed, 0xa0, 0x80]);
    expect(cesuRepair(ansi)).toBeNull();
    expect(decodeCsvText(ansi)).toEqual({
      text: "Ma\u2019r \u00ed\u00a0\u20ac",
      encoding: "windows-1252",
      surrogates: null,
    });
  });
});

describe("Windows-1252 that looks like half a CESU-8 pair", () => {
  it("is read as Windows-1252 (í, a no-break space and – are ED A0 96)", () => {
    const bytes = iconv.encode("Kampung;Desa\r\nTep\u00ed\u00a0\u2013 Kali;X\r\n", "windows-1252");
    expect(Array.from(bytes.subarray(17, 20))).toEqual([0xed, 0xa0, 0x96]);
    const decoded = decodeCsvText(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("Tep\u00ed\u00a0\u2013 Kali");
    expect(decoded.surrogates).toBeNull();
  });
});
