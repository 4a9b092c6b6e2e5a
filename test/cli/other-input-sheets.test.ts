/**
 * Without --sheet, a workbook whose other sheets look like input too is not summarised silently
 * from its first: sheets each named for a different round (`Penilaian 2024-T3` and
 * `Penilaian 2024-T4`) are read as those rounds, said once on stderr; otherwise one warning
 * names the others and how to pick them, in ringkas (stderr), periksa and periksa --json.
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

describe("sheets each named for a different round", () => {
  let rounds: string;
  beforeAll(async () => {
    rounds = await workbook(tmp.file("rounds.xlsx"), ["Penilaian 2024-T3", "Penilaian 2024-T4"]);
  });

  it("are read as those rounds, said once on stderr with how to read one", async () => {
    const json = tmp.file("rounds.json");
    const r = await run("ringkas", rounds, "-o", tmp.file("rounds-out.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.err.split("\n").filter((l) => l.includes("dibaca sebagai periode"))).toEqual([
      'Lembar "Penilaian 2024-T3", "Penilaian 2024-T4" dibaca sebagai periode (namanya masing-masing menyebut periode). Untuk membaca satu lembar saja: --sheet NAMA.',
    ]);
    expect(r.err).toContain("8 baris kampung dalam 2 periode");
    expect(r.err).toContain("Yang diringkas: periode 2024-T4 (4 kampung)");
    expect(r.err).not.toContain("Lembar lain juga tampak");
    const results = JSON.parse(readFileSync(json, "utf8")) as { rounds: { label: string }[] };
    expect(results.rounds.map((x) => x.label)).toEqual(["2024-T3", "2024-T4"]);
    const en = await run("periksa", rounds, "--lang", "en");
    expect(en.err).toContain(
      'Sheets "Penilaian 2024-T3", "Penilaian 2024-T4" read as rounds (each one\'s name names a round). To read one sheet only: --sheet NAME.'
    );
  });

  it("--sheet reads one of them alone, without the note", async () => {
    const r = await run("periksa", rounds, "--sheet", "Penilaian 2024-T3");
    expect(r.err).not.toContain("dibaca sebagai periode");
    expect(r.out).toContain("('Penilaian 2024-T3'!A1:");
    expect(r.out).not.toContain("periode");
  });

  it("two sheets named for the same round are not rounds: one is read, the other named", async () => {
    const same = await workbook(tmp.file("same.xlsx"), ["Penilaian 2024-T4", "Salinan 2024-T4"]);
    const r = await run("periksa", same);
    expect(r.err).not.toContain("dibaca sebagai periode");
    expect(r.out).toContain('Yang dibaca hanya lembar "Penilaian 2024-T4"');
  });
});

describe("several sheets look like input", () => {
  let two: string;
  beforeAll(async () => {
    two = await workbook(tmp.file("two.xlsx"), ["Penilaian", "Penilaian lama"]);
  });

  it("ringkas says once which other sheet was not read and how to pick it", async () => {
    const r = await run("ringkas", two, "-o", tmp.file("out.xlsx"), "--force");
    expect(r.code).toBe(0);
    const lines = r.err.split("\n").filter((l) => l.includes("Penilaian lama"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Yang dibaca hanya lembar "Penilaian"');
    expect(lines[0]).toContain("--sheet NAMA");
    expect(lines[0]).toContain('--sheet "Penilaian" --sheet "Penilaian lama"');
    expect(lines[0]).not.toContain("Catatan");
    // Names that name no round: offered as one list too, each sheet given the same round.
    expect(lines[0]).toContain('--sheet "Penilaian=2024" --sheet "Penilaian lama=2024"');
  });

  it("periksa lists it, and periksa --json has it among its issues (stdout JSON alone)", async () => {
    const text = await run("periksa", two);
    expect(text.out).toContain("'Penilaian'!A1");
    expect(text.out.split("\n").filter((l) => l.includes('"Penilaian lama"'))).toHaveLength(1);
    const json = await run("periksa", two, "--json", "--lang", "en");
    const issues = (JSON.parse(json.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: "Penilaian", cell: "A1" });
    expect(issues[0].message).toContain(
      'Other sheets also look like assessment data: "Penilaian lama"'
    );
    expect(issues[0].message).toContain("--sheet NAME");
  });

  it("quotes a sheet name the way a shell reads it back", async () => {
    const odd = await workbook(tmp.file("odd.xlsx"), ["Penilaian", 'Data "lama"']);
    const r = await run("periksa", odd);
    expect(r.out).toContain(`--sheet "Penilaian" --sheet 'Data "lama"'`);
  });

  it("says nothing when --sheet picks a sheet, or when one sheet is input", async () => {
    const picked = await run("periksa", two, "--sheet", "Penilaian lama", "--json");
    expect(picked.out).not.toContain("SHEET_OTHER_INPUTS");
    const rounds = await run(
      "periksa",
      two,
      "--sheet",
      "Penilaian=2024-T3",
      "--sheet",
      "Penilaian lama=2024-T4",
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
    // The two visible sheets, each named for a round, are read as rounds; the hidden ones are
    // never read unpicked, and named.
    const id = await run("periksa", file, "--json");
    const [issue] = (JSON.parse(id.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issue).toMatchObject({ sheet: "Penilaian 2025-T1", cell: "A1" });
    expect(issue.message).toContain(
      'Lembar lain juga tampak seperti data penilaian: "Penilaian 2024-T3" (tersembunyi), "Penilaian 2024-T2" (tersembunyi). Yang dibaca hanya 2 lembar berskor yang terlihat, sebagai periode.'
    );
    // Sheets named for their rounds are not offered as one list: that would give all one round.
    expect(issue.message).not.toContain("satu daftar kampung");
    // --sheet reads a hidden sheet (with its own SHEET_HIDDEN warning): the command still names it.
    expect(issue.message).toContain('--sheet "Penilaian 2024-T3" --sheet "Penilaian 2024-T2"');
    const en = await run("periksa", file, "--json", "--lang", "en");
    const [issueEn] = (JSON.parse(en.out) as { issues: JsonIssue[] }).issues.filter(
      (i) => i.code === "SHEET_OTHER_INPUTS"
    );
    expect(issueEn.message).toContain(
      'Other sheets also look like assessment data: "Penilaian 2024-T3" (hidden), "Penilaian 2024-T2" (hidden). Only the 2 visible sheets with scores were read, as rounds.'
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
