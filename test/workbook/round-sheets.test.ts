/**
 * Issue 14 item 7: rounds kept on separate sheets (one sheet per round, the same columns, no
 * Periode column: the sheet's name gives the round). Read as rounds, the three sheets of
 * test/fixtures/rounds/tiga-periode-lembar.xlsx give the same summary as the one sheet of
 * tiga-periode.xlsx (the same trend, the same KKB Tren), while issues keep their own sheets.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { sheetPicks } from "../../src/cli/sheet-option";
import { parseInputLocation } from "../../src/excel/settings-codec";
import { readChosenInput } from "../../src/workbook/choose-input";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { InputRead } from "../../src/workbook/input";
import type { InputSheet } from "../../src/workbook/round-sheets";
import { allRows, SpecRows } from "../../src/workbook/sheet-spec";
import {
  inputSheets,
  isRoundSheetsRead,
  roundOfSheetName,
  roundSheetsByName,
} from "../../src/workbook/round-sheets";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { run } from "../cli/run";
import { exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";

const FIXTURES = path.join(__dirname, "..", "fixtures", "rounds");
const ONE_SHEET = path.join(FIXTURES, "tiga-periode.xlsx");
const SHEETS = path.join(FIXTURES, "tiga-periode-lembar.xlsx");
const ROUND_SHEETS = ["Penilaian 2024-T3", "Penilaian 2024-T4", "Penilaian 2025-T1"];
const NOW = new Date(2026, 11, 1, 9, 0);
const tmp = tempDir("kkb-round-sheets-");
afterAll(() => tmp.remove());

const summarise = (read: InputRead) =>
  buildSummary(read, { lang: "id", weights: SETARA, source: "x.xlsx", now: NOW });

/** Everything but where rows were read from (rows, sheets, cells, ranges). */
function withoutPlaces(value: unknown, ranges: readonly string[]): string {
  let text = JSON.stringify(value, (key, v: unknown) => {
    if (["row", "sheet", "cell", "sourceRange"].includes(key)) return undefined;
    // A table's rows built on demand (madeRows): compared as the cells they make.
    if (key === "rows" && v !== null && typeof v === "object" && !Array.isArray(v))
      return allRows(v as SpecRows);
    return v;
  });
  for (const range of ranges) text = text.split(JSON.stringify(range).slice(1, -1)).join("SRC");
  return text;
}

describe("the round of a sheet's name", () => {
  it.each([
    ["Penilaian 2024-T1", "2024-T1"],
    ["2024-T2", "2024-T2"],
    ["Data Semester 2 2024", "2024-S2"],
    ["Penilaian Mei 2024", "2024-05"],
    ["Tahun 2025", "2025"],
  ])("%s is round %s", (name, key) => {
    expect(roundOfSheetName(name)?.key).toBe(key);
  });

  it.each(["Data", "Penilaian", "Catatan 12"])("%s names no round", (name) => {
    expect(roundOfSheetName(name)).toBeNull();
  });
});

describe("three round sheets read as rounds (tiga-periode-lembar.xlsx)", () => {
  let one: InputRead;
  let sheets: InputRead;
  let grids: Grid[];
  beforeAll(async () => {
    one = readChosenInput(await readWorkbook(ONE_SHEET), { lang: "id" });
    grids = await readWorkbook(SHEETS);
    // Picked in another order than time: the rounds are still put in time order.
    const picks = [ROUND_SHEETS[2], ROUND_SHEETS[0], ROUND_SHEETS[1]].map((sheet) => ({ sheet }));
    sheets = readChosenInput(grids, { lang: "id", sheets: picks });
  });

  it("lists the round sheets as input, not the notes sheet", () => {
    expect(inputSheets(grids, "id")).toEqual(
      ROUND_SHEETS.map((sheet) => ({
        sheet,
        nameRound: sheet.slice("Penilaian ".length),
        hasPeriode: false,
      }))
    );
  });

  it("without a pick, reads the three sheets as rounds (each is named for one), in workbook order", () => {
    const unpicked = readChosenInput(grids, { lang: "id" });
    expect(isRoundSheetsRead(unpicked)).toBe(true);
    expect(isRoundSheetsRead(unpicked) && unpicked.picks).toEqual(
      ROUND_SHEETS.map((sheet) => ({ sheet }))
    );
    expect(unpicked.rounds!.list.map((r) => r.label)).toEqual(["2024-T3", "2024-T4", "2025-T1"]);
    expect(unpicked.assessments).toHaveLength(sheets.assessments.length);
    expect(unpicked.sheet).toBe("Penilaian 2025-T1");
    // A sheet picked is read alone.
    expect(readChosenInput(grids, { lang: "id", sheet: ROUND_SHEETS[0] }).rounds).toBeNull();
  });

  it("has the same rounds, rows and issues (at their own sheets) as the one-sheet file", () => {
    expect(sheets.fatal).toBe(false);
    expect(sheets.rounds!.list.map((r) => [r.label, r.count])).toEqual(
      one.rounds!.list.map((r) => [r.label, r.count])
    );
    expect(sheets.assessments).toHaveLength(one.assessments.length);
    expect(sheets.issues.map((i) => i.code).sort()).toEqual(one.issues.map((i) => i.code).sort());
    // K07's blank Rujukan - SOP in 2024-T4: row 8 of that round's sheet (row 37 of Data).
    const sop = sheets.issues.find((i) => i.code === "SCORE_MISSING")!;
    expect([sop.sheet, sop.cell, sop.kampung]).toEqual(["Penilaian 2024-T4", "K8", "K07"]);
    expect(one.issues.find((i) => i.code === "SCORE_MISSING")!.cell).toBe("L37");
    expect(sheets.sourceRange).toBe(
      "'Penilaian 2025-T1'!A1:Y30; 'Penilaian 2024-T3'!A1:Y30; 'Penilaian 2024-T4'!A1:Y30"
    );
  });

  it("summarises to the same figures, trend and KKB Tren as the one-sheet file", () => {
    const a = summarise(sheets);
    const b = summarise(one);
    const ranges = [
      sheets.sourceRange,
      one.sourceRange,
      "'Penilaian 2025-T1'!A1:Y30",
      "'Data'!A1:Z88",
    ];
    expect(a.trend).not.toBeNull();
    expect(withoutPlaces(a.trend, ranges)).toBe(withoutPlaces(b.trend, ranges));
    expect(withoutPlaces(a.results.kampung, ranges)).toBe(withoutPlaces(b.results.kampung, ranges));
    const tren = (s: typeof a) => s.sheets.find((x) => x.name === "KKB Tren")!;
    // The same sheet, but for the note saying where the rounds came from.
    const fromSheets =
      "Periode dibaca dari nama lembar yang dipilih (atau kolom Periode lembar itu).";
    const fromColumn = "Periode dibaca dari kolom Periode.";
    const trenA = withoutPlaces(tren(a), ranges);
    expect(trenA).toContain(fromSheets);
    // The history table's cells are compared (one row per kampung and round: K07 in three).
    expect(trenA.split('"K07"').length - 1).toBeGreaterThanOrEqual(3);
    expect(trenA.replace(fromSheets, fromColumn)).toBe(withoutPlaces(tren(b), ranges));
    // What is found after reading points at the current round's own sheet.
    const status = a.results.issues.find((i) => i.code === "STATUS_INCONSISTENT")!;
    expect([status.sheet, status.cell, status.kampung]).toEqual(["Penilaian 2025-T1", "F5", "K04"]);
  });

  it("an earlier round picked: its issues found after reading point at its sheet", () => {
    const a = buildSummary(sheets, {
      lang: "id",
      weights: SETARA,
      source: "x.xlsx",
      now: NOW,
      periode: "2024-T3",
    });
    expect(a.results.kampung).toHaveLength(29);
    const none = a.results.issues.find((i) => i.code === "EVIDENCE_NONE")!;
    expect(none.sheet).toBe("Penilaian 2024-T3");
  });
});

describe("which sheets are read as rounds without a pick", () => {
  const sheet = (name: string, extra: Partial<InputSheet> = {}): InputSheet => ({
    sheet: name,
    nameRound: roundOfSheetName(name)?.label ?? null,
    hasPeriode: false,
    ...extra,
  });

  it("two or more visible sheets, each named for a different round", () => {
    const two = [sheet("Penilaian 2024-T3"), sheet("Data Semester 2 2024")];
    expect(roundSheetsByName(two)).toEqual(two.map((s) => ({ sheet: s.sheet })));
    // Hidden ones are never read unpicked; the visible ones still are.
    const hidden = [...two, sheet("Penilaian 2023", { hidden: true })];
    expect(roundSheetsByName(hidden)).toEqual(two.map((s) => ({ sheet: s.sheet })));
  });

  it("none when one sheet is input, a name names no round, or two name the same round", () => {
    expect(roundSheetsByName([sheet("Penilaian 2024-T3")])).toBeNull();
    expect(roundSheetsByName([sheet("Penilaian 2024-T3"), sheet("Data lama")])).toBeNull();
    expect(roundSheetsByName([sheet("Penilaian 2024-T3"), sheet("Salinan 2024-T3")])).toBeNull();
    expect(
      roundSheetsByName([sheet("Penilaian 2024-T3"), sheet("2024-T4", { hidden: true })])
    ).toBeNull();
  });

  it("a sheet with no score yet (the next round's blank copy) is never the latest round", () => {
    const three = [sheet("Penilaian 2024-T3"), sheet("Penilaian 2024-T4")];
    const next = sheet("Penilaian 2025-T1", { unscored: true });
    expect(roundSheetsByName([...three, next])).toEqual(three.map((s) => ({ sheet: s.sheet })));
    expect(roundSheetsByName([three[0], next])).toBeNull();
  });

  it("none when a visible sheet has its own Periode column: its rows, not its name, give rounds", () => {
    expect(
      roundSheetsByName([sheet("Data 2023", { hasPeriode: true }), sheet("Data 2024")])
    ).toBeNull();
  });

  it("a header-only sheet and a names-only sheet are marked unscored", () => {
    const [header, ...rows] = exampleRows();
    const names = rows.map((row) => row.map((v, c) => (c < 5 ? v : null)));
    const found = inputSheets(
      [
        gridFromRows("Penilaian 2024", [header, ...rows]),
        gridFromRows("Penilaian 2025", [header]),
        gridFromRows("Penilaian 2026", [header, ...names]),
      ],
      "id"
    );
    expect(found.map((s) => [s.sheet, s.unscored ?? false])).toEqual([
      ["Penilaian 2024", false],
      ["Penilaian 2025", true],
      ["Penilaian 2026", true],
    ]);
    expect(roundSheetsByName(found)).toBeNull();
  });
});

describe("combining sheets", () => {
  const header = [
    "Kampung",
    "Desa/Kelurahan",
    ...["Regulasi", "Struktur", "Praktik"].map((s) => `Koordinasi ${s}`),
  ];
  const sheet = (name: string, rows: CellValue[][]) => gridFromRows(name, [header, ...rows]);
  const read = (grids: Grid[], sheets: { sheet: string; periode?: string }[]) =>
    readChosenInput(grids, { lang: "en", sheets });

  it("reports a kampung twice in one round across sheets, naming the other sheet's cell", () => {
    const grids = [
      sheet("Barat 2024-T1", [["K1", "D1", 1, 1, 1]]),
      sheet("Timur 2024-T1", [
        ["K2", "D2", 1, 1, 1],
        ["k1", "d1", 2, 2, 2],
      ]),
    ];
    const r = read(grids, [{ sheet: "Barat 2024-T1" }, { sheet: "Timur 2024-T1" }]);
    expect(r.rounds!.list.map((x) => [x.key, x.count])).toEqual([["2024-T1", 3]]);
    const dup = r.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE");
    expect(dup.map((i) => [i.sheet, i.cell, i.message])).toEqual([
      [
        "Timur 2024-T1",
        "A3",
        `Kampung "k1" appears more than once in round 2024-T1 (also at 'Barat 2024-T1'!A2).`,
      ],
    ]);
  });

  it("a kampung on two round sheets is its history, not a duplicate", () => {
    const grids = [
      sheet("2024-T1", [["K1", "D1", 1, 1, 1]]),
      sheet("2024-T2", [["K1", "D1", 2, 2, 2]]),
    ];
    const r = read(grids, [{ sheet: "2024-T2" }, { sheet: "2024-T1" }]);
    expect(r.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE")).toEqual([]);
    expect(r.rounds!.list.map((x) => x.key)).toEqual(["2024-T1", "2024-T2"]);
    // Rows keep the order picked; their rounds are in time order.
    expect(r.rounds!.of).toEqual([1, 0]);
  });

  it("a sheet whose name names no round needs one typed; typed, it is used", () => {
    const grids = [
      sheet("Data lama", [["K1", "D1", 1, 1, 1]]),
      sheet("Penilaian 2024-T2", [["K1", "D1", 2, 2, 2]]),
    ];
    const missing = read(grids, [{ sheet: "Data lama" }, { sheet: "Penilaian 2024-T2" }]);
    expect(missing.fatal).toBe(true);
    expect(missing.assessments).toEqual([]);
    expect(missing.issues[0]).toMatchObject({
      code: "SHEET_ROUND_MISSING",
      severity: "error",
      sheet: "Data lama",
      cell: "A1",
    });
    const unreadable = read(grids, [
      { sheet: "Data lama", periode: "lama" },
      { sheet: "Penilaian 2024-T2" },
    ]);
    expect(unreadable.issues[0].message).toBe(
      `Round lama given for sheet "Data lama" names no time: write e.g. 2025, 2024-T1, 2024 Semester 2, May 2024 or a date.`
    );
    const typed = read(grids, [
      { sheet: "Data lama", periode: "2024 Triwulan I" },
      { sheet: "Penilaian 2024-T2" },
    ]);
    expect(typed.fatal).toBe(false);
    expect(typed.rounds!.list.map((x) => [x.key, x.label])).toEqual([
      ["2024-T1", "2024 Triwulan I"],
      ["2024-T2", "2024-T2"],
    ]);
  });

  it("a sheet's own Periode column gives its rows' rounds, whatever its name", () => {
    const withPeriode = gridFromRows("Lama", [
      [...header, "Periode"],
      ["K1", "D1", 1, 1, 1, "2023"],
      ["K2", "D2", 1, 1, 1, "2023"],
    ]);
    const grids = [withPeriode, sheet("Penilaian 2024", [["K1", "D1", 2, 2, 2]])];
    const r = read(grids, [{ sheet: "Lama" }, { sheet: "Penilaian 2024" }]);
    expect(r.rounds!.list.map((x) => [x.key, x.count])).toEqual([
      ["2023", 2],
      ["2024", 1],
    ]);
    expect(r.sheet).toBe("Penilaian 2024");
  });

  it("a missing sheet is said and nothing is read", () => {
    const r = read(
      [sheet("2024-T1", [["K1", "D1", 1, 1, 1]])],
      [{ sheet: "2024-T1" }, { sheet: "2024-T9" }]
    );
    expect(r.fatal).toBe(true);
    expect(r.issues.map((i) => i.code)).toContain("SHEET_NOT_FOUND");
  });
});

describe("--sheet values and the saved location", () => {
  const names = new Set(["A", "B", "Data, 2024", "Data lama"]);
  const isSheet = (n: string) => names.has(n);
  it.each([
    [["A"], [{ sheet: "A" }]],
    [
      ["A", "B"],
      [{ sheet: "A" }, { sheet: "B" }],
    ],
    [["A, B"], [{ sheet: "A" }, { sheet: "B" }]],
    [["Data, 2024"], [{ sheet: "Data, 2024" }]],
    [["Data lama=2024-T1,B"], [{ sheet: "Data lama", periode: "2024-T1" }, { sheet: "B" }]],
    [["Nope"], [{ sheet: "Nope" }]],
  ])("%j picks %j", (values, picks) => {
    expect(sheetPicks(values, isSheet)).toEqual(picks);
  });

  it("a saved location of round sheets is read back; a broken one is not", () => {
    const sheets = [{ sheet: "A" }, { sheet: "Data lama", periode: "2024-T1" }];
    expect(parseInputLocation(JSON.stringify({ kind: "sheets", sheets }))).toEqual({
      kind: "sheets",
      sheets,
    });
    expect(parseInputLocation(JSON.stringify({ kind: "sheets", sheets: [] }))).toBeNull();
    expect(parseInputLocation(JSON.stringify({ kind: "sheets", sheets: [{}] }))).toBeNull();
  });
});

describe("kkb summarize --sheet A --sheet B", () => {
  it("reads the sheets as rounds: the same JSON as the one-sheet file", async () => {
    const [a, b] = [tmp.file("lembar.xlsx"), tmp.file("satu.xlsx")];
    const [ja, jb] = [tmp.file("lembar.json"), tmp.file("satu.json")];
    const r1 = await run(
      "ringkas",
      SHEETS,
      "-o",
      a,
      "--json",
      ja,
      "--sheet",
      ROUND_SHEETS[0],
      "--sheet",
      `${ROUND_SHEETS[1]},${ROUND_SHEETS[2]}`
    );
    const r2 = await run("ringkas", ONE_SHEET, "-o", b, "--json", jb);
    expect([r1.code, r2.code]).toEqual([1, 1]);
    expect(r1.out + r1.err).toContain("87 baris kampung dalam 3 periode");
    const json = (f: string) => JSON.parse(readFileSync(f, "utf8")) as Record<string, unknown>;
    const [x, y] = [json(ja), json(jb)];
    for (const key of ["rounds", "trend", "kampung", "analysis"])
      expect([key, withoutPlaces(x[key], [])]).toEqual([key, withoutPlaces(y[key], [])]);
    const tren = (await readWorkbook(a)).find((g) => g.sheet === "KKB Tren")!;
    const trenOne = (await readWorkbook(b)).find((g) => g.sheet === "KKB Tren")!;
    // Past the stamp (the source line differs) and the note on where rounds come from: the same cells.
    const note = (rows: readonly (readonly unknown[])[]) =>
      rows.map((r) =>
        r.map((v) => (typeof v === "string" && v.startsWith("Periode dibaca dari") ? "NOTE" : v))
      );
    expect(note(tren.rows.slice(6))).toEqual(note(trenOne.rows.slice(6)));
    expect(tren.rows.flat()).toContain(
      "Periode dibaca dari nama lembar yang dipilih (atau kolom Periode lembar itu)."
    );
  });

  it("one --sheet still reads that sheet alone", async () => {
    const r = await run("periksa", SHEETS, "--sheet", ROUND_SHEETS[1]);
    expect(r.out).toContain("'Penilaian 2024-T4'!A1:Y30): 29 kampung");
  });

  it("a sheet whose name gives no round: exit 2 saying how to give one; given, it is read", async () => {
    // Two sheets written by ExcelJS: "Data lama" (no round in its name) and "Penilaian 2024-T2".
    const input = tmp.file("dua.xlsx");
    const wb = new ExcelJS.Workbook();
    const rows = (round: number) => [
      ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"],
      ["K1", round, round, round],
    ];
    wb.addWorksheet("Data lama").addRows(rows(1));
    wb.addWorksheet("Penilaian 2024-T2").addRows(rows(2));
    await wb.xlsx.writeFile(input);
    const out = tmp.file("dua-ringkasan.xlsx");
    const refused = await run(
      "ringkas",
      input,
      "-o",
      out,
      "--lang",
      "en",
      "--sheet",
      "Data lama,Penilaian 2024-T2"
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Sheet "Data lama" has no Periode column`);
    expect(refused.err).toContain(`--sheet "Data lama=2024-T1"`);
    const json = tmp.file("dua.json");
    const read = await run(
      "ringkas",
      input,
      "-o",
      out,
      "--json",
      json,
      "--sheet",
      "Data lama=2024-T1",
      "--sheet",
      "Penilaian 2024-T2"
    );
    expect(read.err).toContain("2 baris kampung dalam 2 periode");
    const rounds = (JSON.parse(readFileSync(json, "utf8")) as { rounds: { label: string }[] })
      .rounds;
    expect(rounds.map((r) => r.label)).toEqual(["2024-T1", "2024-T2"]);
  });
});

describe("round checks on sheets read as rounds (as for one table)", () => {
  it("says a round inside another, a small latest round, and dates outside a sheet's round", () => {
    const header: CellValue[] = ["Kampung", "Tanggal penilaian", "Koordinasi Regulasi"];
    const sheet = (name: string, kampung: string[], date: Date) =>
      gridFromRows(name, [header, ...kampung.map((k) => [k, date, 1])]);
    const all = ["K0", "K1", "K2", "K3", "K4", "K5"];
    const grids = [
      sheet("Penilaian 2024-T3", all, new Date(Date.UTC(2024, 7, 1))),
      sheet("Penilaian September 2024", all, new Date(Date.UTC(2023, 8, 10))), // a year typed wrong
      sheet("Penilaian 2024-T4", ["K0", "K1"], new Date(Date.UTC(2024, 10, 1))),
    ];
    const read = readChosenInput(grids, {
      lang: "id",
      sheets: grids.map((g) => ({ sheet: g.sheet })),
    });
    const said = (code: string) =>
      read.issues.filter((i) => i.code === code).map((i) => [i.sheet, i.cell, i.message]);
    expect(said("ROUND_NESTED")).toEqual([
      [
        "Penilaian September 2024",
        "A1",
        'Periode "September 2024" berada di dalam periode "2024-T3": keduanya dihitung sebagai periode terpisah. Jika itu satu periode, tulis periodenya dengan cara yang sama.',
      ],
    ]);
    expect(said("ROUND_CURRENT_SMALL").map(([sheet, cell]) => [sheet, cell])).toEqual([
      ["Penilaian 2024-T4", "A1"],
    ]);
    expect(said("PERIODE_DATE_CONFLICT")).toEqual([
      [
        "Penilaian September 2024",
        "B2",
        "6 baris kampung dengan Tanggal penilaian di luar periodenya (sebelum periode mulai, atau lebih dari 3 bulan setelah periode berakhir), misalnya 2023-09-10 dalam periode September 2024: baris 2 (Penilaian September 2024), 3 (Penilaian September 2024), 4 (Penilaian September 2024), 5 (Penilaian September 2024), 6 (Penilaian September 2024), 7 (Penilaian September 2024). Periksa Periode atau tanggalnya; baris itu tetap dihitung dalam periode yang tertulis.",
      ],
    ]);
  });
});
