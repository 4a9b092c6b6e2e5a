/**
 * Issue 17 item 7: control characters from the file (ESC sequences that clear the screen, set
 * the window title or write the clipboard; C1 controls; bidi overrides) never reach the
 * terminal or the KKB Validasi sheet as they are: they are shown escaped (`\x1b`).
 */
import { writeFileSync } from "node:fs";
import { readWorkbook } from "../../src/xlsx/read";
import { escapeControls, terminalSafeJson } from "../../src/workbook/control-text";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const tmp = tempDir("kkb-ctl-");
afterAll(() => tmp.remove());

const EVIL =
  "\u001b]0;dibajak\u0007\u001b[2J\u001b]52;c;cm0gLXJm\u0007Jahat\u009b31m\u202eabc\rdef";
// Everything a terminal acts on: C0 but tab and line feed, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function csvWith(name: string): string {
  const file = tmp.file(`${Math.random().toString(36).slice(2)}.csv`);
  const header = ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"];
  writeFileSync(file, [header.join(";"), `"${name}";dua;1;1`, "Dua;2;2;2"].join("\n") + "\n");
  return file;
}

describe("control characters from the file are shown escaped (issue 17 item 7)", () => {
  it("escapes them, and only them", () => {
    expect(escapeControls("a\u001b[2Jb\tc\nd")).toBe("a\\x1b[2Jb\tc\nd");
    expect(escapeControls("a\nb\r", "escape")).toBe("a\\nb\\r");
    expect(escapeControls("\u009b\u007f\u202e\u2066")).toBe("\\x9b\\x7f\\u202e\\u2066");
    expect(escapeControls("Kampung Sejahtera é 🙂 ملاحظة")).toBe("Kampung Sejahtera é 🙂 ملاحظة");
    const json = terminalSafeJson(JSON.stringify({ name: EVIL }));
    expect(json).not.toMatch(ACTIVE);
    expect((JSON.parse(json) as { name: string }).name).toBe(EVIL);
    // Line and paragraph separators too: the JSON's one kampung per line stays one line.
    const separated = terminalSafeJson(JSON.stringify({ name: "a\u2028b\u2029c" }));
    expect(separated).toBe('{"name":"a\\u2028b\\u2029c"}');
    expect(separated.split(/\r\n|[\n\r\u2028\u2029]/)).toHaveLength(1);
  });

  it("validate prints a kampung name with ESC sequences escaped, one issue per line", async () => {
    const r = await run("validate", csvWith(EVIL));
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toMatch(ACTIVE);
    expect(r.out).toContain("\\x1b]0;dibajak\\x07\\x1b[2J");
    expect(r.out).toContain("Jahat\\x9b31m\\u202eabc\\rdef");
    const line = r.out.split("\n").find((l) => l.includes("bukan angka"))!;
    expect(line).toContain("\\x1b]52;c;");
  });

  it("--json keeps the name exact, with nothing active in the text", async () => {
    const file = csvWith(EVIL);
    const r = await run("validate", file, "--json");
    expect(r.out).not.toMatch(ACTIVE);
    const parsed = JSON.parse(r.out) as { issues: { kampung: string }[] };
    expect(parsed.issues.map((i) => i.kampung)).toContain(EVIL);
    const s = await run("summarize", file, "-o", tmp.file("j.xlsx"), "--json", "-");
    expect(s.out).not.toMatch(ACTIVE);
    expect(JSON.stringify(JSON.parse(s.out))).toContain(JSON.stringify(EVIL).slice(1, -1));
  });

  it("file names and messages on stderr are escaped too", async () => {
    const r = await run("validate", tmp.file("tidak\u001b[2Jada.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(ACTIVE);
    expect(r.err).toContain("tidak\\x1b[2Jada.xlsx");
  });

  it("KKB Validasi shows the name escaped", async () => {
    const out = tmp.file("v.xlsx");
    const r = await run("summarize", csvWith(EVIL), "-o", out, "--print");
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toMatch(ACTIVE);
    const validasi = (await readWorkbook(out)).find((g) => g.sheet === "KKB Validasi")!;
    const texts = validasi.rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes("\\x1b]0;dibajak\\x07"))).toBe(true);
    expect(texts.filter((t) => ACTIVE.test(t))).toEqual([]);
  });
});
