/**
 * Issue 14, rounds: the Periode column (or the quarters of Tanggal penilaian), a kampung's rows
 * in different rounds as its history, the current round summarised exactly as a file of that
 * round alone, KKB Tren, the change in KKB Ringkasan, the JSON and KKB.PERUBAHAN. The fixture is
 * test/fixtures/rounds/ (make.py says how its numbers are built); the expected changes below are
 * worked out by hand from that description.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CellValue } from "../../src/engine/cell";
import { SETARA } from "../../src/engine/ibangga";
import { perubahan } from "../../src/functions/functions";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { orderRounds } from "../../src/engine/rounds";
import { currentRound, PeriodeNotFoundError } from "../../src/workbook/round-read";
import { fitScale, MIN_FIT_SCALE, TableBlock, allRows } from "../../src/workbook/sheet-spec";
import { parsePeriode } from "../../src/workbook/periode";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { resultsJson } from "../../src/cli/json";
import { run } from "../cli/run";
import { tempDir } from "../helpers/files";

const FIXTURES = path.join(__dirname, "..", "fixtures", "rounds");
const WITH_PERIODE = path.join(FIXTURES, "tiga-periode.xlsx");
const WITH_DATES = path.join(FIXTURES, "tiga-periode-tanggal.xlsx");
const tmp = tempDir("kkb-rounds-");
afterAll(() => tmp.remove());

const NOW = new Date(2026, 11, 1, 9, 0);
const summarise = (grids: Grid[], periode?: string) =>
  buildSummary(readInput(grids, { lang: "id" }), {
    lang: "id",
    weights: SETARA,
    source: "x.xlsx",
    now: NOW,
    periode,
  });

/**
 * By hand, from make.py: [kampung, round, composite, change, iBangga, change, fell, status].
 * K01 (b = 1): 1.00; Koordinasi up to 1.5 in 2024-T4: (1.5 + 4 x 1) / 5 = 1.10; unchanged after.
 * K04 (b = 1): as K01, then Kader down to 0.5 in 2025-T1: (1.5 + 3 x 1 + 0.5) / 5 = 1.00, and
 *   Berkembang -> Mandiri. K07: Rujukan missing in 2024-T4 (no composite, no change either side).
 * K08 (b = 1.5): 1.50, (2 + 4 x 1.5) / 5 = 1.60, (2 + 3 x 1.5 + 1) / 5 = 1.50.
 * K12 (b = 0.5): 0.50, (1 + 4 x 0.5) / 5 = 0.60, (1 + 3 x 0.5 + 0) / 5 = 0.50.
 * K29 disappears after 2024-T4; K30 (b = 0.5) comes in 2025-T1: (1 + 4 x 0.5) / 5 = 0.60.
 * iBangga (setara) 60 + i, then +1, then +2 more.
 */
type Expected = [
  string,
  string,
  number | null,
  number | null,
  number,
  number | null,
  string[],
  string | null,
];
const HAND: Expected[] = [
  ["K01", "2024-T3", 1.0, null, 61, null, [], null],
  ["K01", "2024-T4", 1.1, 0.1, 62, 1, [], null],
  ["K01", "2025-T1", 1.1, 0, 64, 2, [], null],
  ["K04", "2024-T3", 1.0, null, 64, null, [], null],
  ["K04", "2024-T4", 1.1, 0.1, 65, 1, [], null],
  ["K04", "2025-T1", 1.0, -0.1, 67, 2, ["kader"], "Berkembang"],
  ["K07", "2024-T3", 1.0, null, 67, null, [], null],
  ["K07", "2024-T4", null, null, 68, 1, [], null],
  ["K07", "2025-T1", 1.1, null, 70, 2, [], null],
  ["K08", "2024-T3", 1.5, null, 68, null, [], null],
  ["K08", "2024-T4", 1.6, 0.1, 69, 1, [], null],
  ["K08", "2025-T1", 1.5, -0.1, 71, 2, ["kader"], null],
  ["K12", "2024-T3", 0.5, null, 72, null, [], null],
  ["K12", "2024-T4", 0.6, 0.1, 73, 1, [], null],
  ["K12", "2025-T1", 0.5, -0.1, 75, 2, ["kader"], null],
  ["K29", "2024-T3", 1.5, null, 89, null, [], null],
  ["K29", "2024-T4", 1.6, 0.1, 90, 1, [], null],
  ["K30", "2025-T1", 0.6, null, 93, null, [], null],
];

describe("Periode cells", () => {
  it.each([
    ["2025", "2025"],
    [2025, "2025"],
    ["2024-T1", "2024-T1"],
    ["2024 T1", "2024-T1"],
    ["Triwulan IV 2024", "2024-T4"],
    ["Q2 2024", "2024-T2"],
    ["TW 3 2024", "2024-T3"],
    ["Trw 3 2024", "2024-T3"],
    ["Trw. III 2024", "2024-T3"],
    ["Triw III 2024", "2024-T3"],
    ["Kw 2 2024", "2024-T2"],
    ["2024 Semester 2", "2024-S2"],
    ["Semester I 2025", "2025-S1"],
    ["2024-S2", "2024-S2"],
    ["Mei 2024", "2024-05"],
    ["2024-05", "2024-05"],
    ["2024-05-31", "2024-05-31"],
    ["31/05/2024", "2024-05-31"],
    ["2 Mei 2024", "2024-05-02"],
    [new Date(Date.UTC(2024, 4, 31)), "2024-05-31"],
    // Words that only introduce the time, as officials write them.
    ["Tahun 2025", "2025"],
    ["TA 2025", "2025"],
    ["Tahun Anggaran 2025", "2025"],
    ["Triwulan III Tahun 2024", "2024-T3"],
    ["Semester II Tahun 2024", "2024-S2"],
    ["Bulan Mei 2024", "2024-05"],
    ["Periode 2024-T1", "2024-T1"],
    // A range of months that is a quarter, a half year or the year.
    ["Januari-Maret 2024", "2024-T1"],
    ["Juli - Desember 2024", "2024-S2"],
    ["Januari-Desember 2024", "2024"],
  ])("reads %p as round %s", (cell, key) => {
    const parsed = parsePeriode(cell);
    expect(parsed.ok && parsed.period.key).toBe(key);
  });

  it("keeps text that names no time as a round of its own, undated", () => {
    const parsed = parsePeriode("  putaran  awal ");
    expect(parsed).toMatchObject({
      ok: false,
      blank: false,
      period: { label: "putaran awal", first: null },
    });
    expect(parsePeriode("  ")).toEqual({ ok: false, blank: true });
    // Two years, a fifth quarter: not a period.
    expect(parsePeriode("2024-2025").ok).toBe(false);
    expect(parsePeriode("2024-T5").ok).toBe(false);
    // Two months that are no quarter or half; a typed O for a 0.
    expect(parsePeriode("Februari-April 2024").ok).toBe(false);
    expect(parsePeriode("2O24-T4").ok).toBe(false);
  });
});

describe("three rounds of 30 kampung (issue 14 fixture)", () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readWorkbook(WITH_PERIODE);
  });

  it("finds the three rounds in time order with their counts; history is not a duplicate", () => {
    const read = readInput(grids, { lang: "id" });
    expect(read.rounds?.list.map((r) => [r.label, r.count])).toEqual([
      ["2024-T3", 29],
      ["2024-T4", 29],
      ["2025-T1", 29],
    ]);
    expect(read.rounds?.source).toBe("periode");
    expect(read.issues.map((i) => i.code)).toEqual(["SCORE_MISSING"]); // K07's blank SOP
  });

  it("gives each kampung's history and changes as worked out by hand", () => {
    const { trend } = summarise(grids);
    expect(trend).not.toBeNull();
    const got = trend!.kampung
      .filter((k) => HAND.some(([name]) => name === k.name))
      .flatMap((k) =>
        k.history.map((h): Expected => [
          k.name,
          h.round,
          h.composite,
          h.change?.composite ?? null,
          h.ibangga!,
          h.change?.ibangga ?? null,
          [...h.fell],
          h.statusFrom,
        ])
      )
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
    expect(got).toEqual(HAND);
    // The kampung of the current round first, then K29 (last seen in 2024-T4).
    expect(trend!.kampung.map((k) => k.name).slice(-1)).toEqual(["K29"]);
    expect(trend!.kampung).toHaveLength(30);
  });

  it("summarises the current round exactly as a file of that round alone", () => {
    const header = grids[0].rows[0];
    const periodeCol = header.indexOf("Periode");
    const alone = gridFromRows("Data", [
      header,
      ...grids[0].rows.slice(1).filter((r) => r[periodeCol] === "2025-T1"),
    ]);
    const all = summarise(grids);
    const one = summarise([alone]);
    expect(one.trend).toBeNull();
    expect(all.results.kampung.map((k) => k.name)).toEqual(one.results.kampung.map((k) => k.name));
    const strip = <T extends { row: number }>(k: T) => ({ ...k, row: 0 });
    expect(all.results.kampung.map(strip)).toEqual(one.results.kampung.map(strip));
    // As written to JSON: with the ranks and region ranks, made when read.
    const plain = (k: object) => strip(JSON.parse(JSON.stringify(k)) as { row: number });
    expect(all.analysis.kampung.map(plain)).toEqual(one.analysis.kampung.map(plain));
    expect(all.analysis.statusGroups).toEqual(one.analysis.statusGroups);
    expect(all.analysis.regions).toEqual(one.analysis.regions);
    // The per-domain tables (stamp aside) are the same sheet.
    const domainBlocks = (s: typeof all) =>
      s.sheets
        .find((x) => x.name === "KKB Domain")!
        .blocks.flatMap((b) => {
          if (b.kind !== "table") return [];
          const rows = allRows(b.rows);
          const heights = b.heights && { header: b.heights.header, rows: rows.map(b.heights.row) };
          return [{ ...b, rows, heights }];
        });
    expect(domainBlocks(all)).toEqual(domainBlocks(one));
  });

  it("summarises an earlier round when asked, and compares it with the one before", () => {
    const s = summarise(grids, "2024 t4");
    expect(s.results.kampung).toHaveLength(29);
    expect(s.results.kampung.map((k) => k.name)).toContain("K29");
    const ringkasan = s.sheets.find((x) => x.name === "KKB Ringkasan")!;
    expect(ringkasan.blocks.find((b) => b.kind === "notes")).toMatchObject({
      lines: expect.arrayContaining([expect.stringMatching(/periode 2024-T4 \(dipilih dari 3/)]),
    });
    expect(() => summarise(grids, "2023")).toThrow(/no round 2023/);
  });

  it("finds the same rounds from the quarters of Tanggal penilaian without a Periode column", async () => {
    const read = readInput(await readWorkbook(WITH_DATES), { lang: "id" });
    expect(read.rounds?.source).toBe("tanggal");
    expect(read.rounds?.list.map((r) => [r.key, r.count])).toEqual([
      ["2024-T3", 29],
      ["2024-T4", 29],
      ["2025-T1", 29],
    ]);
  });

  it("writes KKB Tren and the change in KKB Ringkasan; the CLI, the JSON and the sheets agree", async () => {
    const out = tmp.file("tiga.xlsx");
    const json = tmp.file("tiga.json");
    const r = await run("summarize", WITH_PERIODE, "-o", out, "--json", json);
    expect(r.code).toBe(1); // K07's blank SOP in 2024-T4 is an error of the file
    // The count line counts rows of every round as rows, not as kampung (the sheets count 29).
    expect(r.err).toMatch(/: 87 baris kampung dalam 3 periode, 1 galat, \d+ peringatan\.\n/);
    expect(r.err).not.toMatch(/: 87 kampung/);
    // K29 was assessed until 2024-T4 only: said here too, not only in KKB Tren.
    expect(r.err).toContain(
      "Yang diringkas: periode 2025-T1 (29 kampung); 1 kampung dari periode sebelumnya tidak dinilai dalam periode ini. Perubahan antarperiode ada di lembar KKB Tren."
    );
    // periksa --json says the rounds too, the current one marked (it analyses that round).
    const checkedJson = JSON.parse((await run("periksa", WITH_PERIODE, "--json")).out) as {
      rounds: { label: string; count: number; current: boolean; first: string }[];
      kampung: unknown[];
    };
    expect(checkedJson.rounds.map((x) => [x.label, x.count, x.current, x.first])).toEqual([
      ["2024-T3", 29, false, "2024-07-01"],
      ["2024-T4", 29, false, "2024-10-01"],
      ["2025-T1", 29, true, "2025-01-01"],
    ]);
    expect(checkedJson.kampung).toHaveLength(29);
    const checked = await run("periksa", WITH_PERIODE);
    expect(checked.out).toMatch(/: 87 baris kampung dalam 3 periode, 1 galat, \d+ peringatan\.\n/);
    const data = JSON.parse(readFileSync(json, "utf8")) as {
      rounds: { label: string; count: number; current: boolean }[];
      kampung: {
        name: string;
        history: {
          round: string;
          composite: number | null;
          change: { composite: number | null } | null;
          fell: string[];
        }[];
      }[];
      trend: { notInCurrentRound: { name: string; history: { round: string }[] }[] };
    };
    expect(data.rounds.map((x) => [x.label, x.count, x.current])).toEqual([
      ["2024-T3", 29, false],
      ["2024-T4", 29, false],
      ["2025-T1", 29, true],
    ]);
    expect(data.trend.notInCurrentRound.map((k) => k.name)).toEqual(["K29"]);
    const sheets = await readWorkbook(out);
    const tren = sheets.find((g) => g.sheet === "KKB Tren")!;
    const header = tren.rows.findIndex(
      (row) => row[0] === "Kampung" && row.includes("Perubahan komposit")
    );
    expect(header).toBeGreaterThan(0);
    const cols = tren.rows[header];
    const col = (name: string) => cols.indexOf(name);
    const sheetRow = (name: string, round: string) =>
      tren.rows.find((row, i) => i > header && row[0] === name && row[col("Periode")] === round);
    for (const [name, round, composite, change, ib, ibChange, fell] of HAND) {
      const row = sheetRow(name, round)!;
      expect([row[col("Komposit")] ?? null, row[col("Perubahan komposit")] ?? null]).toEqual([
        composite,
        change,
      ]);
      expect([row[col("iBangga setara")], row[col("Perubahan iBangga")] ?? null]).toEqual([
        ib,
        ibChange,
      ]);
      expect(row[col("Domain turun 0,5 atau lebih")] ?? null).toBe(
        fell.length ? "Kader -0,5" : null
      );
      const kampung = data.kampung.find((k) => k.name === name);
      const entry = kampung?.history.find((h) => h.round === round);
      if (entry)
        expect([entry.composite, entry.change?.composite ?? null, entry.fell]).toEqual([
          composite,
          change,
          fell,
        ]);
    }
    // Each kampung's history ends at the current round; K30 (only in 2025-T1) has that alone.
    for (const k of data.kampung) expect(k.history.at(-1)?.round).toBe("2025-T1");
    expect(data.kampung.find((k) => k.name === "K30")!.history.map((h) => h.round)).toEqual([
      "2025-T1",
    ]);
    expect(data.kampung.find((k) => k.name === "K01")!.history.map((h) => h.round)).toEqual([
      "2024-T3",
      "2024-T4",
      "2025-T1",
    ]);
    expect(sheetRow("K04", "2025-T1")![col("Status berubah")]).toBe("Berkembang \u2192 Mandiri");
    // KKB Ringkasan: the current round's change and its most moved domains.
    const ringkasan = sheets.find((g) => g.sheet === "KKB Ringkasan")!;
    const rh = ringkasan.rows.findIndex((row) => row.includes("Perubahan komposit"));
    const rcol = (name: string) => ringkasan.rows[rh].indexOf(name);
    const ringRow = (name: string) => ringkasan.rows.find((row) => row[1] === name)!;
    expect(ringRow("K04")[rcol("Perubahan komposit")]).toBe(-0.1);
    expect(ringRow("K04")[rcol("Domain paling naik (\u2191) dan turun (\u2193)")]).toBe(
      "\u2193 Kader"
    );
    expect(ringRow("K01")[rcol("Perubahan komposit")]).toBe(0);
    expect(ringRow("K30")[rcol("Perubahan komposit")] ?? null).toBeNull();
    expect(ringkasan.rows.some((row) => row[1] === "K29")).toBe(false);
  });

  it("says on KKB Profil what changed since the kampung's previous assessment", () => {
    const s = summarise(grids);
    const profil = s.sheets.find((x) => x.name === "KKB Profil")!;
    const data = profil.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.header.includes("Sejak penilaian sebelumnya")
    )!;
    const col = data.header.indexOf("Sejak penilaian sebelumnya");
    const nameCol = data.header.indexOf("Kampung");
    const of = (name: string) => allRows(data.rows).find((r) => r[nameCol] === name)![col];
    expect(of("K04")).toBe("Sejak 2024-T4: komposit -0,10; \u2193 Kader");
    expect(of("K01")).toBe("Sejak 2024-T4: komposit 0,00");
    expect(of("K30")).toBe("Penilaian pertama kampung ini.");
    // A file of one round has no such line.
    const one = summarise([gridFromRows("Data", grids[0].rows.slice(0, 30))]);
    const page = one.sheets.find((x) => x.name === "KKB Profil")!;
    expect(JSON.stringify(page.blocks)).not.toContain("Sejak penilaian sebelumnya");
  });

  it("with --periode, each kampung's JSON history ends at the round picked", async () => {
    const json = tmp.file("t4.json");
    const r = await run(
      "summarize",
      WITH_PERIODE,
      "-o",
      tmp.file("t4.xlsx"),
      "--json",
      json,
      "--periode",
      "2024-T4"
    );
    expect(r.code).toBe(1);
    const data = JSON.parse(readFileSync(json, "utf8")) as {
      kampung: { name: string; history: { round: string }[] }[];
    };
    expect(data.kampung.length).toBeGreaterThan(0);
    for (const k of data.kampung) expect(k.history.at(-1)?.round).toBe("2024-T4");
    expect(data.kampung.find((k) => k.name === "K01")!.history.map((h) => h.round)).toEqual([
      "2024-T3",
      "2024-T4",
    ]);
  });

  it("takes --periode in any form a Periode cell takes (Triwulan IV 2024 is 2024-T4)", () => {
    /** The rounds of a Periode column holding these texts. */
    const roundsOf = (texts: readonly string[]) =>
      orderRounds(
        texts.map((t) => {
          const parsed = parsePeriode(t);
          if (!parsed.ok) throw new Error(t);
          return parsed.period;
        }),
        "periode"
      );
    const rounds = roundsOf(["2024-T3", "2024-T4", "2025-T1"]);
    for (const name of ["2024-T4", "2024-t4", "Triwulan IV 2024", "Q4 2024", "2024 Triwulan 4"])
      expect([name, currentRound(rounds, name)]).toEqual([name, 1]);
    expect(currentRound(rounds, undefined)).toBe(2);
    expect(() => currentRound(rounds, "Triwulan II 2024")).toThrow(PeriodeNotFoundError);
    expect(() => currentRound(rounds, "2024")).toThrow(PeriodeNotFoundError);
    // A date that reads two ways: taken when one way is a round of the file, else refused.
    const days = roundsOf(["2024-03-04", "2024-04-03", "2024-05-20"]);
    expect(() => currentRound(days, "3/4/2024")).toThrow(PeriodeNotFoundError);
    expect(currentRound(days, "20/5/2024")).toBe(2);
    expect(currentRound(days, "5/20/2024")).toBe(2);
    expect(currentRound(days, "2024-03-04")).toBe(0);
  });

  it("refuses a round the file does not have, naming those it has (exit 2)", async () => {
    const r = await run("summarize", WITH_PERIODE, "-o", tmp.file("x.xlsx"), "--periode", "2023");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Periode 2023 tidak ada di file ini\. Periode yang ada: 2024-T3, 2024-T4, 2025-T1\./
    );
  });
});

describe("rounds in a typed sheet", () => {
  const HEADER: CellValue[] = [
    "Kampung",
    "Tanggal penilaian",
    "Periode",
    ...["Regulasi", "Struktur", "Praktik"].map((s) => `Koordinasi ${s}`),
  ];
  const row = (name: string, date: Date, periode: CellValue, v = 1): CellValue[] => [
    name,
    date,
    periode,
    v,
    v,
    v,
  ];
  const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

  it("calls the same kampung twice in one round a duplicate, naming the round", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 9, 1), "2024-T3"),
          row("A", d(2024, 12, 1), "2024-T4"),
          row("A", d(2024, 12, 5), "2024-T4"),
        ]),
      ],
      { lang: "id" }
    );
    const dup = read.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE");
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ cell: "A4" });
    expect(dup[0].message).toMatch(/lebih dari sekali dalam periode 2024-T4 \(juga di A3\)/);
  });

  it("a duplicate of an earlier round picked has no later rounds of the first row's", () => {
    const grids = [
      gridFromRows("Data", [
        HEADER,
        row("A", d(2024, 9, 1), "2024-T3", 1),
        row("A", d(2024, 12, 1), "2024-T4", 1.5),
        row("A", d(2024, 12, 5), "2024-T4", 2), // the duplicate
        row("A", d(2025, 3, 1), "2025-T1", 2),
      ]),
    ];
    const s = summarise(grids, "2024-T4");
    const twin = s.trend!.kampung[s.trend!.currentKampung[1]];
    expect(twin.history.map((h) => [h.round, h.row])).toEqual([
      ["2024-T3", 2],
      ["2024-T4", 4],
    ]);
    const first = s.trend!.kampung[s.trend!.currentKampung[0]];
    expect(first.history.map((h) => h.round)).toEqual(["2024-T3", "2024-T4", "2025-T1"]);
  });

  it("with an earlier round picked, KKB Tren's note counts that round's falls, not the last's", () => {
    const grids = [
      gridFromRows("Data", [
        HEADER,
        row("A", d(2024, 9, 1), "2024-T3", 2),
        row("B", d(2024, 9, 1), "2024-T3", 1),
        row("A", d(2024, 12, 1), "2024-T4", 1), // Koordinasi 2 -> 1 in the round picked
        row("B", d(2024, 12, 1), "2024-T4", 1),
        row("A", d(2025, 3, 1), "2025-T1", 1),
        row("B", d(2025, 3, 1), "2025-T1", 0), // falls in the last round only
      ]),
    ];
    const notesOf = (periode?: string) =>
      summarise(grids, periode)
        .sheets.find((x) => x.name === "KKB Tren")!
        .blocks.flatMap((b) => (b.kind === "notes" ? b.lines : []));
    expect(notesOf("2024-T4")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Dalam periode 2024-T4: 1 kampung dengan domain turun 0,5/),
        // The stamp: kampung of the round, issues of every round's rows (said so).
        expect.stringMatching(
          /^Jumlah: 2 kampung, \d+ galat, \d+ peringatan \(galat dan peringatan: semua periode\)$/
        ),
      ])
    );
    expect(notesOf()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Dalam periode 2025-T1: 1 kampung dengan domain turun 0,5/),
      ])
    );
  });

  it("a kampung twice in the current round: each row has its own change and history", () => {
    const s = summarise([
      gridFromRows("Data", [
        HEADER,
        row("A", d(2024, 9, 1), "2024-T3", 1),
        row("A", d(2024, 12, 1), "2024-T4", 1.5),
        row("A", d(2024, 12, 5), "2024-T4", 2), // the duplicate row
      ]),
    ]);
    const json = resultsJson(s.results, s.analysis, s.trend);
    const histories = json.kampung
      .toJSON()
      .map((k) =>
        (k.history ?? []).map((h) => [
          h.round,
          h.row,
          h.domains.koordinasi,
          h.change?.domains.koordinasi ?? null,
        ])
      );
    expect(histories).toEqual([
      [
        ["2024-T3", 2, 1, null],
        ["2024-T4", 3, 1.5, 0.5],
      ],
      [
        ["2024-T3", 2, 1, null],
        ["2024-T4", 4, 2, 1],
      ],
    ]);
    // KKB Tren: a row per kampung and round, the duplicate's too.
    const tren = s.sheets.find((x) => x.name === "KKB Tren")!;
    const perRow = tren.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.name === "KKB_Tren"
    );
    expect(perRow && allRows(perRow.rows).length).toBe(4);
  });

  it("puts a row without a Periode in the round holding its date, else in the latest, each said once", () => {
    const undated = (name: string): CellValue[] => [name, null, null, 1, 1, 1];
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 9, 1), "2024-T3"),
          row("B", d(2024, 9, 1), null), // its date is in 2024-T3
          row("A", d(2024, 12, 1), "2024-T4"),
          row("C", d(2024, 12, 1), null), // in 2024-T4
          undated("D"), // no date: the latest round
          row("E", d(2023, 5, 1), null), // no round holds its date: the latest round
        ]),
      ],
      { lang: "id" }
    );
    expect(read.rounds?.list.map((r) => [r.key, r.count])).toEqual([
      ["2024-T3", 2],
      ["2024-T4", 4],
    ]);
    const byCode = (code: string) => read.issues.filter((i) => i.code === code);
    expect(byCode("PERIODE_FROM_DATE").map((i) => [i.cell, i.message])).toEqual([
      [
        "C3",
        "2 baris kampung tanpa periode dihitung dalam periode yang memuat Tanggal penilaiannya: baris 3 (2024-T3), 5 (2024-T4).",
      ],
    ]);
    expect(byCode("PERIODE_MISSING").map((i) => [i.cell, i.message])).toEqual([
      [
        "C6",
        "2 baris kampung tanpa periode dihitung dalam periode terakhir (2024-T4): baris 6, 7.",
      ],
    ]);
  });

  it("questions an assessment date before its round, or over 3 months after it, once", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 1, 12), "2024-T3"), // before the round: a typo in one of the two
          row("B", d(2024, 10, 2), "2024-T3"), // just after the quarter: usual, not questioned
          row("A", d(2024, 12, 1), "2024-T4"),
          row("B", d(2025, 6, 1), "2024-T4"), // six months after
        ]),
      ],
      { lang: "en" }
    );
    const conflicts = read.issues.filter((i) => i.code === "PERIODE_DATE_CONFLICT");
    expect(conflicts.map((i) => [i.cell, i.message])).toEqual([
      [
        "B2",
        "2 kampung rows with an assessment date outside their round (before it begins, or more than 3 months after it ends), e.g. 2024-01-12 in round 2024-T3: rows 2, 5. Check the round or the date; the rows still count in the round written.",
      ],
    ]);
  });

  it("reads a Periode column of dates as months (all the 1st) or quarters, not rounds of a day", () => {
    const read = (periods: CellValue[]) =>
      readInput(
        [
          gridFromRows("Data", [
            HEADER,
            row("A", d(2024, 2, 10), periods[0]),
            row("B", d(2024, 2, 12), periods[1]),
            row("A", d(2024, 8, 10), periods[2]),
            row("B", d(2024, 8, 12), periods[3]),
          ]),
        ],
        { lang: "id" }
      );
    const days = read([d(2024, 2, 10), "12/02/2024", d(2024, 8, 10), d(2024, 8, 12)]);
    expect(days.rounds?.list.map((r) => [r.key, r.count])).toEqual([
      ["2024-T1", 2],
      ["2024-T3", 2],
    ]);
    const said = days.issues.filter((i) => i.code === "PERIODE_DATES");
    expect(said.map((i) => [i.cell, i.message])).toEqual([
      [
        "C2",
        'Kolom Periode berisi tanggal: tiap tanggal dibaca sebagai triwulannya ("2024-02-10" menjadi 2024-T1), bukan sebagai periode satu hari. Tulis periodenya (misalnya 2024-T1 atau Mei 2024) untuk menentukannya sendiri.',
      ],
    ]);
    // Excel's Mei-24 is 1 May 2024: a column of firsts of months is months.
    const months = read([d(2024, 2, 1), d(2024, 2, 1), d(2024, 8, 1), d(2024, 8, 1)]);
    expect(months.rounds?.list.map((r) => [r.key, r.count])).toEqual([
      ["2024-02", 2],
      ["2024-08", 2],
    ]);
    expect(months.issues.find((i) => i.code === "PERIODE_DATES")?.message).toMatch(
      /dibaca sebagai bulannya/
    );
  });

  it("never merges a kampung's two rounds into one quarter: months then, else the days", () => {
    const read = (periods: CellValue[]) =>
      readInput(
        [
          gridFromRows("Data", [
            HEADER,
            row("A", d(2024, 5, 10), periods[0]),
            row("A", d(2024, 6, 11), periods[1]),
          ]),
        ],
        { lang: "id" }
      );
    // 10 May and 11 June: one quarter would hold A twice; its months do not.
    const months = read([d(2024, 5, 10), d(2024, 6, 11)]);
    expect(months.rounds?.list.map((r) => r.key)).toEqual(["2024-05", "2024-06"]);
    expect(months.issues.map((i) => i.code)).not.toContain("KAMPUNG_DUPLICATE");
    expect(months.issues.find((i) => i.code === "PERIODE_DATES")?.message).toMatch(/bulannya/);
    // Two days of one month: the days are kept, not merged.
    const days = read([d(2024, 5, 10), d(2024, 5, 20)]);
    expect(days.rounds?.list.map((r) => r.key)).toEqual(["2024-05-10", "2024-05-20"]);
    expect(days.issues.map((i) => i.code)).not.toContain("PERIODE_DATES");
  });

  it("checks dates against Periode dates read as months; a single Periode date is no span", () => {
    const conflicts = (rows: CellValue[][]) =>
      readInput([gridFromRows("Data", [HEADER, ...rows])], { lang: "id" }).issues.filter(
        (i) => i.code === "PERIODE_DATE_CONFLICT"
      );
    // Months from firsts of a month; the assessment dates a year before.
    expect(
      conflicts([row("A", d(2023, 5, 10), d(2024, 5, 1)), row("A", d(2023, 6, 10), d(2024, 6, 1))])
    ).toHaveLength(1);
    // One date for every row (a cut-off): not a one-day round to be outside of.
    expect(
      conflicts([
        row("A", d(2024, 5, 10), d(2024, 5, 31)),
        row("B", d(2024, 5, 12), d(2024, 5, 31)),
      ])
    ).toEqual([]);
  });

  it("puts a row without a Periode in the narrowest of nested rounds holding its date", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 8, 1), "2024-T3"),
          row("B", d(2024, 9, 20), "September 2024"),
          row("C", d(2024, 9, 12), null),
        ]),
      ],
      { lang: "id" }
    );
    expect(read.issues.find((i) => i.code === "PERIODE_FROM_DATE")?.message).toMatch(
      /: baris 4 \(September 2024\)\.$/
    );
  });

  it("says one row as one row in English", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 9, 1), "2024-T3"),
          row("A", d(2024, 12, 1), "2024-T4"),
          row("B", d(2024, 12, 2), null),
        ]),
      ],
      { lang: "en" }
    );
    expect(read.issues.find((i) => i.code === "PERIODE_FROM_DATE")?.message).toBe(
      "1 kampung row without a round is counted in the round that holds its assessment date: row 4 (2024-T4)."
    );
  });

  it("says when a round lies within another, and when the latest round is small", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          ...["A", "B", "C", "D", "E", "F"].map((k) => row(k, d(2024, 5, 1), "2024-T2")),
          ...["A", "B", "C", "D", "E"].map((k) => row(k, d(2024, 8, 1), "2024-T3")),
          row("F", d(2024, 9, 20), "September 2024"),
        ]),
      ],
      { lang: "id" }
    );
    expect(read.rounds?.list.map((r) => [r.label, r.count])).toEqual([
      ["2024-T2", 6],
      ["2024-T3", 5],
      ["September 2024", 1],
    ]);
    const said = (code: string) =>
      read.issues.filter((i) => i.code === code).map((i) => [i.cell, i.message]);
    expect(said("ROUND_NESTED")).toEqual([
      [
        "C13",
        'Periode "September 2024" berada di dalam periode "2024-T3": keduanya dihitung sebagai periode terpisah. Jika itu satu periode, tulis periodenya dengan cara yang sama.',
      ],
    ]);
    expect(said("ROUND_CURRENT_SMALL")).toEqual([
      [
        "C13",
        'Periode terakhir, "September 2024", hanya berisi 1 baris kampung, sedangkan periode sebelumnya ("2024-T3") berisi 5. Yang diringkas adalah periode terakhir kecuali periode lain dipilih; periksa Periode atau Tanggal penilaiannya.',
      ],
    ]);
  });

  it("never takes a round that names no time as the current one (a typo in one Periode cell)", () => {
    const grids = [
      gridFromRows("Data", [
        HEADER,
        row("A", d(2024, 9, 1), "2024-T3"),
        row("B", d(2024, 9, 1), "2024-T3"),
        row("A", d(2024, 12, 1), "2024-T4", 2),
        row("B", d(2024, 12, 1), "2O24-T4", 2),
      ]),
    ];
    const read = readInput(grids, { lang: "id" });
    // Undated rounds come last in the list, but the latest dated round is the current one.
    expect(read.rounds?.list.map((r) => r.label)).toEqual(["2024-T3", "2024-T4", "2O24-T4"]);
    expect(read.issues.some((i) => i.code === "PERIODE_UNREADABLE" && i.cell === "C5")).toBe(true);
    const summary = summarise(grids);
    const stamp = JSON.stringify(summary.sheets.find((s) => s.role === "ringkasan"));
    expect(stamp).toContain("periode 2024-T4 (terakhir dari 3 periode)");
  });

  it("reads a Periode column of US-order text dates month first, as the date columns are", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER,
          row("A", d(2024, 9, 14), "09/14/2024"),
          row("A", d(2024, 12, 1), "12/01/2024"),
        ]),
      ],
      { lang: "id" }
    );
    // Day first, 12/01/2024 would be 12 January, before September (each date read as its quarter).
    expect(read.rounds?.list.map((r) => r.key)).toEqual(["2024-T3", "2024-T4"]);
    expect(read.issues.filter((i) => i.code === "DATE_MONTH_FIRST").map((i) => i.cell)).toEqual([
      "C2",
    ]);
  });

  it("keeps a file of one round one round, whatever its dates, when no kampung repeats", () => {
    const read = readInput(
      [
        gridFromRows("Data", [
          HEADER.slice(0, 2).concat(HEADER.slice(3)),
          ["A", d(2024, 3, 30), 1, 1, 1],
          ["B", d(2024, 4, 2), 1, 1, 1],
        ]),
      ],
      { lang: "id" }
    );
    expect(read.rounds).toBeNull();
  });

  it("takes evidence rows of another round as that round's, not as stale", () => {
    const bukti = gridFromRows("Bukti", [
      ["Kampung", "Sub-indikator", "Tanggal", "Sumber"],
      ["A", "Koordinasi - Regulasi", d(2024, 8, 1), "SK 1"],
      ["A", "Koordinasi - Regulasi", d(2024, 11, 1), "SK 2"],
      ["Z", "Koordinasi - Regulasi", d(2024, 8, 1), "SK 3"],
    ]);
    const data = gridFromRows("Data", [
      HEADER,
      row("A", d(2024, 9, 1), "2024-T3"),
      row("Z", d(2024, 9, 1), "2024-T3"),
      row("A", d(2024, 12, 1), "2024-T4"),
    ]);
    const s = summarise([data, bukti]);
    const codes = s.results.issues.map((i) => i.code);
    expect(codes).not.toContain("EVIDENCE_STALE");
    expect(codes).not.toContain("EVIDENCE_KAMPUNG_UNKNOWN"); // Z is a kampung of 2024-T3
    expect(s.analysis.kampung[0].evidence).toMatchObject({ scored: 3, covered: 1 });
  });
});

describe("KKB Tren's means by region", () => {
  it("names a kecamatan with its kabupaten/kota where two share a name", () => {
    const header = ["Kampung", "Kecamatan", "Kabupaten/Kota", "Periode", "Koordinasi Regulasi"];
    const rows: CellValue[][] = [header];
    for (const round of ["2024-T3", "2024-T4"])
      rows.push(
        ["A", "Kec Kota", "Kab. Kendal", round, 1],
        ["B", "Kec Kota", "Kab. Batang", round, 2],
        ["C", "Kec Lain", "Kab. Batang", round, 2]
      );
    const s = summarise([gridFromRows("Data", rows)]);
    const regions = s.sheets
      .find((x) => x.name === "KKB Tren")!
      .blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "KKB_TrenWilayah")!;
    const names = allRows(regions.rows)
      .filter((r) => r[0] === "2024-T4" && r[1] === "Kecamatan")
      .map((r) => r[2]);
    // Within their kabupaten/kota in order (Batang, then Kendal); only the shared name qualified.
    expect(names).toEqual(["Kec Kota (Kab. Batang)", "Kec Lain", "Kec Kota (Kab. Kendal)"]);
  });
});

describe("KKB Ringkasan of several rounds", () => {
  it("prints one page wide with every optional column (rounds, two kabupaten, evidence, ranks)", async () => {
    // The example workbook (two kabupaten/kota, a Bukti sheet) assessed again in 2025-T1.
    const grids = await readWorkbook(
      path.join(__dirname, "..", "..", "assets", "contoh-jateng-2024.xlsx")
    );
    const rows = grids[0].rows.map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === "Kampung");
    const kampung = rows.slice(header + 1, header + 5);
    rows[header][24] = "Periode";
    kampung.forEach((r) => (r[24] = "2024-T3"));
    rows.push(...kampung.map((r) => Object.assign([...r], { 6: 1, 24: "2025-T1" })));
    const summary = buildSummary(
      readInput([{ ...grids[0], rows }, ...grids.slice(1)], { lang: "id" }),
      {
        lang: "id",
        weights: SETARA,
        source: "x.xlsx",
        now: NOW,
      }
    );
    const ringkasan = summary.sheets.find((s) => s.role === "ringkasan")!;
    const main = ringkasan.blocks.find((b): b is TableBlock => b.kind === "table")!;
    const headers = main.header;
    expect(headers).toEqual(
      expect.arrayContaining([
        "Perubahan komposit",
        "Kabupaten/Kota",
        "Cakupan bukti",
        "Langkah berikutnya",
      ])
    );
    expect(fitScale(ringkasan.columnWidths)).toBeGreaterThanOrEqual(MIN_FIT_SCALE);
    // Narrowed where text wraps, never where a word would break: Status keeps berkelanjutan.
    expect(ringkasan.columnWidths[headers.indexOf("Status")]).toBe(13);
    expect(ringkasan.columnWidths[headers.indexOf("Domain terlemah")]).toBeGreaterThanOrEqual(15);
  });
});

describe("KKB.PERUBAHAN", () => {
  const err = (code: string, message: RegExp) =>
    expect.objectContaining({ code, message: expect.stringMatching(message) });

  it("gives the signed change rounded like the method (2 decimals by default)", async () => {
    expect(await perubahan([[1.3]], [[1]])).toEqual([[0.3]]);
    expect(await perubahan([[1.12]], [[1.48]])).toEqual([[-0.36]]);
    expect(await perubahan([[92.4]], [["89,9"]])).toEqual([[2.5]]);
    expect(await perubahan([[1.48]], [[1.12]], [[1]])).toEqual([[0.4]]);
    expect(await perubahan([[1.5], [1], [0.5]], [[1], [1], [1]])).toEqual([[0.5], [0], [-0.5]]);
  });

  it("gives #N/A where either score is missing, and refuses bad shapes and decimals", async () => {
    expect(await perubahan([[1.3], [null]], [[1], [1]])).toEqual([
      [0.3],
      [err("#N/A", /^Sekarang baris 2: nilai kosong; perubahan tidak dihitung\.$/)],
    ]);
    expect(await perubahan([["dua"]], [[1]])).toEqual([[err("#VALUE!", /Sekarang/)]]);
    await expect(perubahan([[1], [2]], [[1], [2], [3]])).rejects.toEqual(
      err("#VALUE!", /tidak sama panjang \(2\/3 baris\)/)
    );
    await expect(perubahan([[1, 2]], [[1]])).rejects.toEqual(err("#VALUE!", /rentang 1x2/));
    await expect(perubahan([[1]], [[1]], [[7]])).rejects.toEqual(
      err("#VALUE!", /Desimal "7" tidak dikenal/)
    );
  });
});
