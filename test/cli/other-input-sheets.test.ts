/**
 * Without --sheet, a workbook whose other sheets look like input too (`Penilaian 2024-T3` and
 * `Penilaian 2024-T4`) is not summarised silently from its first: one warning names the others
 * and how to pick them, in ringkas (stderr), periksa and periksa --json.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CellValue } from "../../src/engine/cell";
import { gridFromRows } from "../../src/workbook/grid";
import { writeWorkbook } from "../../src/xlsx/write";
import { exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const tmp = tempDir("kkb-other-sheets-");
afterAll(() => tmp.remove());

async function workbook(file: string, sheets: readonly string[]): Promise<string> {
  const rows: CellValue[][] = exampleRows();
  await writeWorkbook(file, [], {
    copies: [
      ...sheets.map((name) => ({ name, grid: gridFromRows(name, rows) })),
      { name: "Catatan", grid: gridFromRows("Catatan", [["Catatan lapangan"], ["-"]]) },
    ],
  });
  return file;
}

interface JsonIssue {
  readonly code: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

describe("several sheets look like input", () => {
  let two: string;
  beforeAll(async () => {
    two = await workbook(tmp.file("two.xlsx"), ["Penilaian 2024-T3", "Penilaian 2024-T4"]);
  });

  it("ringkas says once which other sheet was not read and how to pick it", async () => {
    const r = await run("ringkas", two, "-o", tmp.file("out.xlsx"), "--force");
    expect(r.code).toBe(0);
    const lines = r.err.split("\n").filter((l) => l.includes("Penilaian 2024-T4"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Yang dibaca hanya lembar "Penilaian 2024-T3"');
    expect(lines[0]).toContain("--sheet NAMA");
    expect(lines[0]).toContain('--sheet "Penilaian 2024-T3" --sheet "Penilaian 2024-T4"');
    expect(lines[0]).not.toContain("Catatan");
    // Sheets named for their rounds are not offered as one list: that would give both one round.
    expect(lines[0]).not.toContain("satu daftar kampung");
    expect(lines[0]).not.toContain("=2024");
  });

  it("periksa lists it, and periksa --json has it among its issues (stdout JSON alone)", async () => {
    const text = await run("periksa", two);
    expect(text.out).toContain("'Penilaian 2024-T3'!A1");
    expect(text.out.split("\n").filter((l) => l.includes('"Penilaian 2024-T4"'))).toHaveLength(1);
    const json = await run("periksa", two, "--json", "--lang", "en");
    const issues = (JSON.parse(json.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: "Penilaian 2024-T3", cell: "A1" });
    expect(issues[0].message).toContain(
      'Other sheets also look like assessment data: "Penilaian 2024-T4"'
    );
    expect(issues[0].message).toContain("--sheet NAME");
  });

  it("quotes a sheet name the way a shell reads it back", async () => {
    const odd = await workbook(tmp.file("odd.xlsx"), ["Penilaian", 'Data "lama"']);
    const r = await run("periksa", odd);
    expect(r.out).toContain(`--sheet "Penilaian" --sheet 'Data "lama"'`);
  });

  it("says nothing when --sheet picks a sheet, or when one sheet is input", async () => {
    const picked = await run("periksa", two, "--sheet", "Penilaian 2024-T4", "--json");
    expect(picked.out).not.toContain("SHEET_OTHER_INPUTS");
    const rounds = await run(
      "periksa",
      two,
      "--sheet",
      "Penilaian 2024-T3",
      "--sheet",
      "Penilaian 2024-T4",
      "--json"
    );
    expect(rounds.out).not.toContain("SHEET_OTHER_INPUTS");
    const one = await workbook(tmp.file("one.xlsx"), ["Penilaian"]);
    const r = await run("periksa", one, "--json");
    expect(r.out).not.toContain("SHEET_OTHER_INPUTS");
  });
});

describe("other input sheets that are hidden (brief fix-s15-polish F2)", () => {
  // openpyxl (test/fixtures/real/make.py): T4 and 2025-T1 visible, T3 hidden, T2 very hidden.
  const file = path.join(__dirname, "..", "fixtures", "real", "openpyxl-lembar-tersembunyi.xlsx");

  it("names a hidden sheet as hidden, in both languages, so the user knows why no tab shows it", async () => {
    const id = await run("periksa", file, "--json");
    const [issue] = (JSON.parse(id.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issue).toMatchObject({ sheet: "Penilaian 2024-T4", cell: "A1" });
    expect(issue.message).toContain(
      'Lembar lain juga tampak seperti data penilaian: "Penilaian 2024-T3" (tersembunyi), "Penilaian 2024-T2" (tersembunyi), "Penilaian 2025-T1".'
    );
    // --sheet reads a hidden sheet (with its own SHEET_HIDDEN warning): the command still names it.
    expect(issue.message).toContain('--sheet "Penilaian 2024-T3" --sheet "Penilaian 2024-T2"');
    const en = await run("periksa", file, "--json", "--lang", "en");
    const [issueEn] = (JSON.parse(en.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issueEn.message).toContain(
      'Other sheets also look like assessment data: "Penilaian 2024-T3" (hidden), "Penilaian 2024-T2" (hidden), "Penilaian 2025-T1".'
    );
  });
});

describe("a list of kampung split over sheets (a sheet per kecamatan)", () => {
  const [header, ...kampung] = exampleRows();
  const file = tmp.file("split.xlsx");
  beforeAll(async () => {
    await writeWorkbook(file, [], {
      copies: [
        {
          name: "Kec Semarang",
          grid: gridFromRows("Kec Semarang", [header, ...kampung.slice(0, 2)]),
        },
        { name: "Kec Wonosobo", grid: gridFromRows("Kec Wonosobo", [header, ...kampung.slice(2)]) },
      ],
    });
  });

  it("the warning shows how to read them as one list, and following it reads every kampung", async () => {
    const first = await run("periksa", file);
    expect(first.out).toContain(
      'sebagai satu daftar kampung (lembar per kecamatan, misalnya), dengan periode yang sama untuk tiap lembar: --sheet "Kec Semarang=2024" --sheet "Kec Wonosobo=2024"'
    );
    const out = tmp.file("split-out.xlsx");
    const json = tmp.file("split.json");
    const r = await run(
      "ringkas",
      file,
      "-o",
      out,
      "--json",
      json,
      "--force",
      "--sheet",
      "Kec Semarang=2024",
      "--sheet",
      "Kec Wonosobo=2024"
    );
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(json, "utf8")) as { kampung: { name: string }[] };
    expect(results.kampung.map((k) => k.name)).toEqual(kampung.map((row) => String(row[0])));
  });

  it("a sheet given without its round says how to read several sheets as one list", async () => {
    const r = await run("periksa", file, "--sheet", "Kec Semarang", "--sheet", "Kec Wonosobo");
    expect(r.code).toBe(2);
    expect(r.err).toContain("beri setiap lembar periode yang sama");
  });
});
