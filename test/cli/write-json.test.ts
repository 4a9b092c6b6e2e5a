/**
 * `--json FILE` is written in chunks checked on their bytes (summarize.ts `writeJson`): the file
 * holds exactly the text `--json -` prints, terminalSafeJson of the whole, whatever the strings
 * hold (ASCII, other letters, DEL, C1 and bidi controls, line separators, lone surrogates and
 * their look-alikes) and wherever a chunk ends.
 */
import { Writable } from "node:stream";
import * as fc from "fast-check";
import { jsonPieces, writeJson } from "../../src/cli/commands/summarize";
import { terminalSafeJson } from "../../src/workbook/control-text";
import { MadeList } from "../../src/workbook/made-list";

/** What `writeJson` writes to a stream, as bytes. */
async function written(value: unknown): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1 << 14,
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await writeJson(out, value);
  return Buffer.concat(parts);
}

/** The text the whole value is, made safe at once (as `--json -` prints it). */
const expected = (value: unknown) =>
  Buffer.from(terminalSafeJson([...jsonPieces(value)].join("")) + "\n", "utf8");

const SAMPLES = [
  "Kampung KB 00001",
  "Désa Sukamaju",
  "Jahat\u007f\u009b31m\u202eabc",
  "baris\u2028baru\u2029",
  "lone \ud800 half",
  "pair \ud83d\ude42 ok",
  "not an escape: \\ud800",
  "two backslashes \\\\ud800",
  "tab\tand\nline",
];

describe("writeJson", () => {
  it("writes what --json - prints, over many chunks, for the strings that need escaping", async () => {
    // Some 5,000 items of ~100 characters: about 16 chunks, the odd strings in some of them.
    const kampung = new MadeList(5000, (i) => ({
      row: i + 2,
      name: i % 997 === 0 ? SAMPLES[(i / 997) % SAMPLES.length] : `Kampung ${i}`,
      domains: { koordinasi: i / 10, kader: null },
    }));
    const value = { method: "m", kampung, issues: SAMPLES.map((s) => ({ message: s })) };
    const bytes = await written(value);
    expect(bytes.equals(expected(value))).toBe(true);
    const text = bytes.toString("utf8");
    expect(text).toContain("\\u2028");
    expect(text).toContain("\\u009b");
    expect(text).toContain("lone \\ufffd half");
    expect(text).toContain("not an escape: \\\\ud800");
    expect(text).toContain("Désa");
    expect(text).toContain("pair \ud83d\ude42 ok");
  });

  it("writes what --json - prints for any JSON value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }), { maxLength: 400 }),
        async (items) => {
          const value = { kampung: new MadeList(items.length, (i) => items[i]) };
          expect((await written(value)).equals(expected(value))).toBe(true);
        }
      ),
      { numRuns: 60 }
    );
  });
});
