/**
 * Hostile and unlucky files, seeded and bounded: the real fixtures with bytes of the zip flipped
 * or cut, and with their XML parts mutated (text cut, elements repeated, references pushed past
 * Excel's grid, declarations inserted), then re-zipped. Every one is either read or refused with
 * a typed file error (exit 2 in the CLI, one line, no stack trace); nothing else escapes.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { analyseRead } from "../../src/workbook/summary";
import { XlsxFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read";
import { prng } from "../bench/generate";
import { run } from "../cli/run";
import { tempDir } from "../helpers/files";

const REAL = path.join(__dirname, "..", "fixtures", "real");
const FIXTURES = readdirSync(REAL).filter((f) => f.endsWith(".xlsx"));
const tmp = tempDir("kkb-fuzzpkg-");
afterAll(() => tmp.remove());

const XML_MUTATIONS: readonly ((xml: string, r: () => number) => string)[] = [
  (xml, r) => xml.slice(0, Math.floor(r() * xml.length)), // cut short
  (xml, r) => {
    const at = Math.floor(r() * xml.length);
    return xml.slice(0, at) + xml.slice(at + 1 + Math.floor(r() * 20));
  },
  (xml) => xml.replace(/r="([A-Z]+)(\d+)"/, 'r="$11048577"'), // a row past the grid
  (xml) => xml.replace(/r="(\d+)"/, 'r="999999999"'),
  (xml) => xml.replace(/<c /, '<c r="XFE1" '),
  (xml) => xml.replace("?>", '?><!DOCTYPE x [<!ENTITY e "eeeeeeee">]>'),
  (xml) => xml.replace(/<v>([^<]*)<\/v>/, "<v>&e;</v>"),
  (xml) => xml.replace(/<row /, '<row hidden="1" '),
  (xml, r) => {
    const m = /<row[\s\S]*?<\/row>/.exec(xml);
    return m ? xml.replace(m[0], m[0].repeat(2 + Math.floor(r() * 50))) : xml;
  },
  (xml) =>
    xml.replace(/<\/sheetData>/, '<row r="3"><c r="A3" t="s"><v>999999</v></c></row></sheetData>'),
  (xml) =>
    xml.replace(/<mergeCells/, '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells><x'),
  (xml) => xml.replace(/t="s"/g, 't="e"'),
  (xml) => xml.replace(/xmlns="[^"]*"/, 'xmlns="urn:other"'),
];

async function mutatedZip(bytes: Uint8Array, r: () => number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const part = parts[Math.floor(r() * parts.length)];
  const xml = await zip.file(part)!.async("string");
  const mutate = XML_MUTATIONS[Math.floor(r() * XML_MUTATIONS.length)];
  zip.file(part, mutate(xml, r));
  if (r() < 0.2) zip.remove(parts[Math.floor(r() * parts.length)]);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function flipped(bytes: Uint8Array, r: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  const flips = 1 + Math.floor(r() * 8);
  for (let i = 0; i < flips; i++) out[Math.floor(r() * out.length)] ^= 1 + Math.floor(r() * 255);
  return r() < 0.2 ? out.subarray(0, Math.floor(r() * out.length)) : out;
}

/** Read and analyse; the outcome is "read" or the typed problem. Anything else fails the test. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const grids = await readWorkbook(bytes, { name: "fuzz.xlsx" });
    analyseRead(readInput(grids, { lang: "id" }), SETARA, "id");
    return "read";
  } catch (error) {
    if (error instanceof XlsxFileError) return error.problem;
    throw error;
  }
}

describe("fuzz: mutated packages from the real fixtures (seeded, bounded)", () => {
  it("every mutated file is read or refused with a typed file error", async () => {
    const r = prng(20_241_130);
    const seen = new Map<string, number>();
    for (let i = 0; i < 160; i++) {
      const base = new Uint8Array(readFileSync(path.join(REAL, FIXTURES[i % FIXTURES.length])));
      const bytes = i % 3 === 0 ? flipped(base, r) : await mutatedZip(base, r);
      const result = await outcome(bytes);
      seen.set(result, (seen.get(result) ?? 0) + 1);
    }
    // The mutations reach both ends: files still read, files refused.
    expect(seen.get("read")).toBeGreaterThan(0);
    expect((seen.get("corrupt") ?? 0) + (seen.get("too-large") ?? 0)).toBeGreaterThan(0);
  }, 120_000);

  it("the CLI on a sample of them: exit 0, 1 or 2, and no stack trace", async () => {
    const r = prng(7);
    for (let i = 0; i < 12; i++) {
      const base = new Uint8Array(readFileSync(path.join(REAL, FIXTURES[i % FIXTURES.length])));
      const file = tmp.file(`fuzz-${i}.xlsx`);
      writeFileSync(file, i % 2 === 0 ? flipped(base, r) : await mutatedZip(base, r));
      const v = await run("validate", file);
      expect([0, 1, 2]).toContain(v.code);
      expect(v.err).not.toMatch(/\n\s+at \S+ \(/);
      if (v.code === 2) expect(v.err.trim().split("\n")).toHaveLength(1);
    }
  }, 120_000);
});
