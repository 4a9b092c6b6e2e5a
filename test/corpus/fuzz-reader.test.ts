/**
 * Fuzzing the reader (fast-check): random workbooks (cells of every kind, ragged rows, the header
 * anywhere in the first 10 rows, grids anywhere on the sheet, an evidence sheet or not) into
 * readInput, analyseRead and buildSummary. Nothing throws; every issue is in the catalogue, on a
 * real cell of its sheet; every bad cell has its issue; every score obeys the method.
 */
import fc from "fast-check";
import { CellValue, isBlank } from "../../src/engine/cell";
import { SUB_INDICATORS } from "../../src/engine/framework";
import { KEMANDIRIAN_SENTRAL, SETARA } from "../../src/engine/ibangga";
import { Issue, MESSAGES } from "../../src/engine/issues";
import { address } from "../../src/workbook/a1";
import { Grid } from "../../src/workbook/grid";
import { InputRead, readInput } from "../../src/workbook/input";
import { analyseRead, buildSummary } from "../../src/workbook/summary";
import { HEADER } from "../fixtures/make-corpus";
import { decimalsOf, exactMean, exactWeighted, parseA1, roundHalfUp } from "./oracle";

const ERRORS = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"];

/** Header texts an official may write (all recognised), and some that are not. */
const HEADER_TEXTS = [
  ...HEADER,
  ...SUB_INDICATORS.map((s) => s.key),
  "Cross-sector coordination: Regulation",
  "Referral pathway - Referral feedback",
  "Desa/Kelurahan",
  "Kecamatan",
  "Provinsi",
  "Status",
  "Ketenteraman: Akta nikah",
  "Ketenteraman: Tidak bercerai",
  "Kemandirian: Rumah layak",
  "Kebahagiaan: Interaksi keluarga",
  "ibangga.kemandirian",
  "Koordinasi - Regulsi",
  "Catatan",
  "Nama",
  "",
];

const headerText = fc.constantFrom(...HEADER_TEXTS);

/** Every kind of cell the adapters hand over, weighted towards values that score. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 0.5, 1, 1.5, 2) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200 }).map((x) => x / 100) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_VALUE,
      -0.5,
      2.05,
      100.01
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "dua",
      "1,5",
      " 2 ",
      "1.5",
      "0,7",
      "",
      "   ",
      "\u00a01\u00a0",
      "=1+1",
      "+1",
      "-0",
      "1e1",
      ",5",
      "1.",
      "٢",
      "75,5",
      "31/05/2024",
      "2024-05-31",
      "30/02/2024",
      "berkembang",
      "BERKELANJUTAN",
      "mandiri",
      "lainnya"
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: headerText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 2, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 3, arbitrary: fc.constantFrom(null, undefined) }
);

const row = (maxLength: number) => fc.array(cell, { maxLength });
/** A cell that is usually a rubric value (valid for both scales), sometimes anything. */
const mostlyValid: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(0, 0.5, 1, 1.5, 2) },
  { weight: 1, arbitrary: cell }
);

/** A sheet: filler rows, then a header (mostly real header texts) at row 0-9, then data rows. */
const dataGrid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.constantFrom("Data", "Penilaian", "Sheet1", "KKB Input", "KKB Ringkasan", "Bukti x"),
    before: fc.array(row(6), { maxLength: 9 }),
    header: fc.oneof(
      // Any header texts: most sheets then miss columns.
      fc.array(fc.oneof({ weight: 6, arbitrary: headerText }, { weight: 1, arbitrary: cell }), {
        maxLength: 26,
      }),
      // Every column, in any order, with extra columns among them: kampung get scored.
      fc
        .tuple(fc.shuffledSubarray([...HEADER], { minLength: HEADER.length }), fc.array(cell))
        .map(([all, extra]) => [...all, ...extra])
        .chain((all) => fc.shuffledSubarray(all, { minLength: all.length }))
    ),
    rows: fc.oneof(
      fc.array(row(28), { maxLength: 12 }),
      fc.array(fc.array(mostlyValid, { minLength: 20, maxLength: 30 }), { maxLength: 12 })
    ),
    originRow: fc.nat(40),
    originCol: fc.nat(20),
    hidden: fc.array(fc.nat(60), { maxLength: 3 }),
  })
  .map(({ sheet, before, header, rows, originRow, originCol, hidden }) => ({
    sheet,
    rows: [...before, header, ...rows],
    originRow,
    originCol,
    hiddenRows: new Set(hidden),
  }));

const evidenceGrid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.constantFrom("Bukti", "Evidence"),
    rows: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom("Sukamaju", "Kandri"), fc.string({ maxLength: 8 })),
        fc.oneof(fc.constantFrom(...SUB_INDICATORS.map((s) => s.key)), cell),
        cell,
        cell,
        cell
      ),
      { maxLength: 8 }
    ),
    originRow: fc.nat(5),
    originCol: fc.nat(5),
  })
  .map(({ sheet, rows, originRow, originCol }) => ({
    sheet,
    rows: [["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"], ...rows],
    originRow,
    originCol,
  }));

const workbook = fc.record({
  grids: fc
    .tuple(
      // Sheet names are unique in a workbook (case-insensitively).
      fc.uniqueArray(dataGrid, { maxLength: 3, selector: (g) => g.sheet.toLowerCase() }),
      fc.option(evidenceGrid)
    )
    .map(([data, evidence]) => (evidence ? [...data, evidence] : data)),
  lang: fc.constantFrom("id" as const, "en" as const),
  sheet: fc.option(fc.constantFrom("Data", "Penilaian", "Tidak ada", "data"), { nil: undefined }),
});

const RUNS = 400;
/** The seed of the reader's fuzz run (fast-check), fixed so that its coverage counts are too. */
const FUZZ_SEED = 20_261_202;

function width(grid: Grid): number {
  return grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/** Whether an issue's cell is a cell of its sheet's grid, or a documented fallback. */
function cellIsValid(issue: Issue, grids: readonly Grid[], requested: string | undefined): boolean {
  const at = parseA1(issue.cell);
  if (at === null) return false;
  const grid = grids.find((g) => g.sheet === issue.sheet);
  // No such sheet (or no sheet at all): the sheet asked for, at A1.
  if (!grid) {
    return (
      ["SHEET_NOT_FOUND", "EVIDENCE_NONE"].includes(issue.code) &&
      issue.sheet === (requested ?? "") &&
      issue.cell === "A1"
    );
  }
  const inside =
    at.row >= grid.originRow &&
    at.row < grid.originRow + grid.rows.length &&
    at.col >= grid.originCol &&
    at.col < grid.originCol + width(grid);
  if (inside) return true;
  // Sheet-wide issues on a sheet with nothing to point at: the grid's first cell, or A1.
  const sheetWide = ["HEADER_NOT_FOUND", "EVIDENCE_NONE", "NO_ROWS"].includes(issue.code);
  return (
    sheetWide && (issue.cell === "A1" || issue.cell === address(grid.originRow, grid.originCol))
  );
}

function checkIssues(issues: readonly Issue[], grids: readonly Grid[], sheet?: string): void {
  for (const issue of issues) {
    expect(Object.prototype.hasOwnProperty.call(MESSAGES, issue.code)).toBe(true);
    expect(issue.severity).toBe(MESSAGES[issue.code].severity);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.trim().length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/undefined|\[object /);
    if (!cellIsValid(issue, grids, sheet)) {
      throw new Error(`issue off its sheet: ${JSON.stringify(issue)}`);
    }
  }
}

/** Every mapped sub-indicator cell of every kampung: a value in [0, 2] or an error issue on it. */
function checkCells(read: InputRead, grids: readonly Grid[]): void {
  const grid = grids.find((g) => g.sheet === read.sheet);
  if (!grid || !read.columns) return;
  const issuesAt = new Map<string, Issue[]>();
  for (const i of read.issues) issuesAt.set(i.cell, [...(issuesAt.get(i.cell) ?? []), i]);
  for (const a of read.assessments) {
    expect(a.row - 1).toBeGreaterThan(read.headerRow);
    expect(a.name.length).toBeGreaterThan(0);
    const cells = grid.rows[a.row - 1 - grid.originRow];
    // A kampung with every sub-indicator blank is said once, as not scored yet.
    const notEntered = read.issues.some(
      (x) => x.code === "SCORES_NOT_ENTERED" && x.cell.replace(/^[A-Z]+/, "") === String(a.row)
    );
    if (notEntered) {
      expect(a.sub.every((s) => s === null)).toBe(true);
      read.columns.sub.forEach((col) => {
        if (col !== null) expect(cells[col] === null || isBlank(cells[col])).toBe(true);
      });
    }
    read.columns.sub.forEach((col, i) => {
      const field = SUB_INDICATORS[i].key;
      if (col === null) {
        expect(a.sub[i]).toBeNull();
        // Missing columns are said per column, or, when no sub-indicator column was found at
        // all, once for the header row.
        expect(
          read.issues.some(
            (x) =>
              (x.code === "COLUMN_MISSING" && x.field === field) || x.code === "HEADER_INCOMPLETE"
          )
        ).toBe(true);
        return;
      }
      const raw = cells[col];
      const at = address(a.row - 1, grid.originCol + col);
      const here = (issuesAt.get(at) ?? []).filter((x) => x.field === field);
      const value = a.sub[i];
      if (value === null) {
        expect(notEntered || here.some((x) => x.severity === "error")).toBe(true);
      } else {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(2);
        if (typeof raw === "number") expect(value).toBe(raw);
        else expect(here.some((x) => x.code === "SCORE_TEXT")).toBe(true); // never silent
      }
    });
  }
}

function inRange(value: number, min: number, max: number, decimals: number): void {
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(min);
  expect(value).toBeLessThanOrEqual(max);
  expect(decimalsOf(value)).toBeLessThanOrEqual(decimals);
}

describe("fuzz: random workbooks into the reader and the analysis", () => {
  it("never throws; issues are catalogued and on real cells; bad cells all reported; scores obey the method", () => {
    let scored = 0;
    let issuesSeen = 0;
    fc.assert(
      fc.property(workbook, ({ grids, lang, sheet }) => {
        const read = readInput(grids, { lang, sheet });
        const { results } = analyseRead(read, SETARA, lang);
        checkIssues(results.issues, grids, sheet);
        checkCells(read, grids);
        issuesSeen += results.issues.length;

        results.kampung.forEach((k, index) => {
          const sub = read.assessments[index].sub;
          const domains = [
            k.domains.koordinasi,
            k.domains.rujukan,
            k.domains.interoperabilitas,
            k.domains.umpanBalik,
            k.domains.kader,
          ];
          domains.forEach((d, i) => {
            const triple = sub.slice(i * 3, i * 3 + 3);
            const mean = exactMean(triple);
            if (mean === null) {
              expect(d).toBeNull();
              return;
            }
            expect(d).not.toBeNull();
            inRange(d!, 0, 2, 1);
            if (triple.every((v) => decimalsOf(v!) <= 6)) expect(d).toBe(roundHalfUp(mean, 1));
            else expect(Math.abs(d! - mean.toNumber())).toBeLessThanOrEqual(0.05 + 1e-12);
          });
          const compositeMean = exactMean(domains);
          if (compositeMean === null) expect(k.composite).toBeNull();
          else {
            scored++;
            inRange(k.composite!, 0, 2, 2);
            expect(k.composite).toBe(roundHalfUp(compositeMean, 2));
          }

          const dims = read.assessments[index].dimensions;
          if (dims === null) {
            expect(k.ibangga).toBeNull();
            return;
          }
          const ib = k.ibangga!;
          dims.forEach((v) => v === null || inRange(v, 0, 100, Infinity));
          const present = dims.filter((v): v is number => v !== null);
          for (const [value, weights] of [
            [ib.setara, SETARA.values],
            [ib.kemandirianSentral, KEMANDIRIAN_SENTRAL.values],
          ] as const) {
            if (present.length === 0) {
              expect(value).toBeNull();
              continue;
            }
            inRange(value!, 0, 100, 1);
            const exact = exactWeighted(dims, weights)!.toNumber();
            expect(Math.abs(value! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
            expect(value!).toBeGreaterThanOrEqual(Math.floor(Math.min(...present) * 10) / 10);
            expect(value!).toBeLessThanOrEqual(Math.ceil(Math.max(...present) * 10) / 10);
          }
        });
      }),
      // Seeded: the counts below are of what the generator drew, and an unseeded run fell
      // under them about once in many (18 scored kampung against a usual 27-61).
      { numRuns: RUNS, seed: FUZZ_SEED }
    );
    // The generator reaches the interesting cases: scored kampung and issues, not only fatal reads.
    expect(scored).toBeGreaterThan(RUNS / 20);
    expect(issuesSeen).toBeGreaterThan(RUNS);
  });

  it("builds the summary sheets from any read without throwing", () => {
    fc.assert(
      fc.property(workbook, ({ grids, lang, sheet }) => {
        const read = readInput(grids, { lang, sheet });
        const summary = buildSummary(read, {
          lang,
          weights: KEMANDIRIAN_SENTRAL,
          source: "fuzz.xlsx",
          now: new Date(Date.UTC(2025, 0, 1)),
        });
        expect(summary.sheets.length).toBeGreaterThanOrEqual(3);
        for (const s of summary.sheets) expect(s.name).toMatch(/^KKB /);
        checkIssues(summary.results.issues, grids, sheet);
      }),
      { numRuns: 150 }
    );
  });

  it("finds the header at any of the first 10 rows, at any origin, and reads a scored row under it", () => {
    fc.assert(
      fc.property(
        fc.nat(9),
        fc.nat(40),
        fc.nat(20),
        fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2), { minLength: 15, maxLength: 15 }),
        (headerAt, originRow, originCol, values) => {
          const header = ["Kampung", ...HEADER.slice(4, 19)];
          const filler: CellValue[][] = Array.from({ length: headerAt }, (_, i) => [`Judul ${i}`]);
          const grid: Grid = {
            sheet: "Data",
            rows: [...filler, header, ["Sukamaju", ...values]],
            originRow,
            originCol,
          };
          const read = readInput([grid], { lang: "id" });
          expect(read.headerRow).toBe(originRow + headerAt);
          expect(read.assessments).toHaveLength(1);
          expect(read.assessments[0].row).toBe(originRow + headerAt + 2);
          expect(read.assessments[0].sub).toEqual(values);
          const kampungIssues = read.issues.filter((i) => i.code !== "EVIDENCE_NONE");
          expect(kampungIssues).toEqual([]);
        }
      ),
      { numRuns: 100 }
    );
  });
});
