/**
 * G7: a lone surrogate in a cell (`_xD800_` in the file) reaches `--json` as U+FFFD, not as
 * `\ud800` (valid JSON by RFC 8259 section 8.2, but jq 1.6 refuses the file), with a warning
 * naming the cell; the workbook keeps the text as it is.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { terminalSafeJson } from "../../src/workbook/control-text";
import { hasLoneSurrogate } from "../../src/workbook/lone-surrogates";
import { readWorkbook } from "../../src/xlsx/read";
import { exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";
import { packageWith } from "../helpers/sheet-package";
import { run } from "./run";

const tmp = tempDir("kkb-sur-");
afterAll(() => tmp.remove());

/** The example's first two kampung; the second's name holds `_xD800_`, its desa a valid pair. */
async function fileWithLoneSurrogate(): Promise<string> {
  const rows = exampleRows()
    .slice(0, 3)
    .map((r) => [...r]);
  rows[2][0] = "Asri_xD800_Sejahtera";
  rows[2][1] = "Desa 🙂";
  const file = tmp.file(`${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await packageWith(rows));
  return file;
}

/** jq's reading of a JSON text: its exit code and error output. */
function jq(json: string): { status: number | null; stderr: string } {
  const r = spawnSync("jq", ["-c", ".kampung[]?.name, .issues[].code"], {
    input: json,
    encoding: "utf8",
  });
  if (r.error) throw r.error;
  return { status: r.status, stderr: r.stderr };
}

describe("a lone surrogate in a cell and --json (G7)", () => {
  it("JSON text: a lone surrogate's escape becomes \\ufffd; pairs and escaped backslashes stay", () => {
    expect(terminalSafeJson(JSON.stringify({ a: "x\uD800y" }))).toBe('{"a":"x\\ufffdy"}');
    expect(terminalSafeJson(JSON.stringify({ a: "\uDC00" }))).toBe('{"a":"\\ufffd"}');
    expect(terminalSafeJson(JSON.stringify({ a: "🙂" }))).toBe('{"a":"🙂"}');
    // The text `\ud800` (a backslash typed by the user) is not an escape.
    const typed = JSON.stringify({ a: "\\ud800" });
    expect(terminalSafeJson(typed)).toBe(typed);
    expect(JSON.parse(terminalSafeJson(JSON.stringify({ a: "\\\uD800" })))).toEqual({
      a: "\\\uFFFD",
    });
    expect(hasLoneSurrogate("a\uD800")).toBe(true);
    expect(hasLoneSurrogate("🙂")).toBe(false);
  });

  it("validate and summarize --json write U+FFFD with a warning naming the cell; jq reads them", async () => {
    const file = await fileWithLoneSurrogate();
    const v = await run("validate", file, "--json");
    expect(v.out).not.toMatch(/\\ud[89a-f]/i);
    const parsed = JSON.parse(v.out) as {
      issues: { code: string; cell: string; kampung: string; message: string }[];
    };
    const warning = parsed.issues.find((i) => i.code === "TEXT_LONE_SURROGATE");
    expect(warning).toMatchObject({ cell: "A3" });
    expect(warning?.message).toContain("Sel A3");
    expect(warning?.message).toContain("U+FFFD");

    const out = tmp.file("hasil.xlsx");
    const s = await run("summarize", file, "-o", out, "--json", "-", "--lang", "en");
    expect(s.out).not.toMatch(/\\ud[89a-f]/i);
    const results = JSON.parse(s.out) as {
      kampung: { name: string; region: { desa: string } }[];
      issues: { code: string; message: string }[];
    };
    expect(results.kampung.map((k) => k.name)).toContain("Asri\uFFFDSejahtera");
    expect(results.kampung.map((k) => k.region.desa)).toContain("Desa 🙂");
    expect(results.issues.find((i) => i.code === "TEXT_LONE_SURROGATE")?.message).toContain(
      "Cell A3 holds"
    );
    for (const json of [v.out, s.out]) expect(jq(json)).toEqual({ status: 0, stderr: "" });
    // Only the JSON changes the text: the workbook's copy of the input keeps it.
    const copy = (await readWorkbook(out)).find((g) => !g.sheet.startsWith("KKB "))!;
    expect(copy.rows.flat()).toContain("Asri\uD800Sejahtera");
  });

  it("jq 1.6 refuses the escape as JSON.stringify writes it (why the output changes it)", () => {
    expect(jq(JSON.stringify({ kampung: [{ name: "a\uD800" }], issues: [] })).status).not.toBe(0);
  });
});
