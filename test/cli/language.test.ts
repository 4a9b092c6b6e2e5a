/**
 * The CLI speaks the user's language in commander's parts too (help titles, usage, parse
 * errors), and the summary's options behave as the template's: no silent overwrite, .xlsx only,
 * and --print shows the iBangga composite under the chosen weights.
 */
import { existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const EXAMPLE = path.join(__dirname, "..", "..", "assets", "contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-lang-");
afterAll(() => tmp.remove());

describe("commander in Indonesian (English with --lang en)", () => {
  it("help: titles and usage words", async () => {
    const id = await run("ringkas", "--help");
    expect(id.code).toBe(0);
    expect(id.out).toMatch(/^Cara pakai: kkb summarize\|ringkas \[opsi\] <input>/);
    expect(id.out).toContain("Opsi:");
    expect(id.out).toContain("tampilkan bantuan perintah");
    expect(id.out).not.toMatch(/Usage:|Options:/);
    const en = await run("--lang", "en", "ringkas", "--help");
    expect(en.out).toMatch(/^Usage: kkb summarize\|ringkas \[options\] <input>/);
  });

  it("parse errors: exit 2 and one sentence in the language", async () => {
    const missing = await run("ringkas", EXAMPLE);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe("galat: opsi wajib '-o, --output <file>' tidak diberikan");
    const unknown = await run("periksa", EXAMPLE, "--bogus");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("galat: opsi '--bogus' tidak dikenal");
    const en = await run("--lang", "en", "ringkas", EXAMPLE);
    expect(en.err).toContain("error: required option '-o, --output <file>' not specified");
  });
});

describe("summarize options", () => {
  it("refuses an output that is not .xlsx, and writes nothing", async () => {
    const out = tmp.file("hasil.csv");
    const r = await run("ringkas", EXAMPLE, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("harus berakhiran .xlsx");
    expect(existsSync(out)).toBe(false);
  });

  it("never replaces an existing output without --force", async () => {
    const out = tmp.file("ada.xlsx");
    writeFileSync(out, "earlier summary");
    const refused = await run("ringkas", EXAMPLE, "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    const forced = await run("ringkas", EXAMPLE, "-o", out, "--force");
    expect(forced.code).toBe(0);
  });

  it("--print shows the iBangga composite under the chosen weights", async () => {
    const setara = await run("ringkas", EXAMPLE, "-o", tmp.file("a.xlsx"), "--print");
    expect(setara.out).toContain("iBangga setara");
    expect(setara.out).toContain("92,4");
    const sentral = await run(
      "ringkas",
      EXAMPLE,
      "-o",
      tmp.file("b.xlsx"),
      "--print",
      "--weights",
      "kemandirian-sentral"
    );
    expect(sentral.out).toContain("iBangga kemandirian-sentral");
    expect(sentral.out).toContain("92,7");
    expect(sentral.out).not.toContain("92,4");
  });
});
