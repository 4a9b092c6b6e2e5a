/**
 * The bad-input corpus (test/fixtures/make-corpus.js), each case through the reader,
 * `kkb validate` and `kkb summarize`, with its outcome asserted: every issue's code, cell and
 * field; the scores of the other rows and of the same row's other domains; exit codes; the
 * input byte-identical afterwards; unreadable files refused in one line with exit 2.
 */
import { existsSync, readFileSync } from "node:fs";
import { SETARA } from "../../src/engine/ibangga";
import { Issue, IssueCode, MESSAGES } from "../../src/engine/issues";
import { address, sheetAddress } from "../../src/workbook/a1";
import { isoDate } from "../../src/workbook/dates";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { InputRead, readInput } from "../../src/workbook/input";
import { analyseRead } from "../../src/workbook/summary";
import { FileProblem, XlsxFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read";
import { decodeXmlText as decodeXml } from "../helpers/xml-text";
import { run, Run } from "../cli/run";
import {
  buildCorpus,
  CorpusCase,
  FORMULA_NAMES,
  LONG_NAME,
  SUB_HEADERS,
  MISSPELT,
  UNICODE_NAMES,
} from "../fixtures/make-corpus";
import { sha256, tempDir, zipEntry } from "../helpers/files";
import { methodScores } from "./oracle";

type Domains = [number | null, number | null, number | null, number | null, number | null];
/** ketenteraman, kemandirian, kebahagiaan, setara, kemandirian-sentral. */
type Ib = [number | null, number | null, number | null, number | null, number | null];

interface KampungOutcome {
  readonly row: number;
  readonly name: string;
  readonly domains: Domains;
  readonly composite: number | null;
  readonly ibangga: Ib | null;
}

/** `CODE CELL field` (field may be left out when it is ""). */
type IssueAt = `${IssueCode} ${string}`;

interface Readable {
  readonly sheet: string;
  readonly issues: readonly IssueAt[];
  readonly kampung: readonly KampungOutcome[];
  readonly exit: 0 | 1;
  readonly fatal?: boolean;
}

const ALL: Domains = [1, 1, 1, 1, 1];
const IB: Ib = [60, 70, 80, 70, 69];
const k = (
  row: number,
  name: string,
  domains: Domains = ALL,
  composite: number | null = 1,
  ibangga: Ib | null = IB
): KampungOutcome => ({ row, name, domains, composite, ibangga });

const ALL_COLUMNS_MISSING = [
  "koordinasi.regulasi",
  "koordinasi.struktur",
  "koordinasi.praktik",
  "rujukan.sop",
  "rujukan.register",
  "rujukan.umpanBalikRujukan",
  "interoperabilitas.idKeluarga",
  "interoperabilitas.pemutakhiran",
  "interoperabilitas.penggunaan",
  "umpanBalik.indikator",
  "umpanBalik.rencanaTindakLanjut",
  "umpanBalik.verifikasi",
  "kader.aktivitas",
  "kader.supervisi",
  "kader.pendataan",
];

/** The outcome of every readable case (standard layout: A Kampung ... E-S sub-indicators, T-V iBangga). */
const READABLE: Partial<Record<CorpusCase, Readable>> = {
  textScores: {
    sheet: "Data",
    issues: [
      "SCORE_NOT_NUMBER E2 koordinasi.regulasi", // "dua"
      "SCORE_TEXT F2 koordinasi.struktur", // "1,5"
      "SCORE_TEXT G2 koordinasi.praktik", // " 2 "
      "SCORE_TEXT H2 rujukan.sop", // "1.5"
      "IBANGGA_TEXT T2 ibangga.ketenteraman", // "75,5"
      "IBANGGA_NOT_NUMBER V2 ibangga.kebahagiaan", // "delapan puluh"
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      // Rujukan (1.5 + 1 + 1) / 3 = 1.17 -> 1.2; iBangga over two dimensions, renormalised.
      k(2, "Teks", [null, 1.2, 1, 1, 1], null, [75.5, 70, null, 72.8, 72.6]),
      k(3, "Baik"),
    ],
    exit: 1,
  },
  outOfRange: {
    sheet: "Data",
    issues: [
      "SCORE_OUT_OF_RANGE E2 koordinasi.regulasi", // 3
      "SCORE_OUT_OF_RANGE F2 koordinasi.struktur", // -1
      "SCORE_OUT_OF_RANGE G2 koordinasi.praktik", // 2.5
      "SCORE_OUT_OF_RANGE H2 rujukan.sop", // -0.5
      "SCORE_OFF_RUBRIC K2 interoperabilitas.idKeluarga", // 0.7: used, with a warning
      "IBANGGA_OUT_OF_RANGE T2 ibangga.ketenteraman", // 101
      "IBANGGA_OUT_OF_RANGE U2 ibangga.kemandirian", // -5
      "EVIDENCE_NONE A2",
    ],
    kampung: [k(2, "Luar", [null, null, 0.9, 1, 1], null, [null, null, 80, 80, 80]), k(3, "Baik")],
    exit: 1,
  },
  blanks: {
    sheet: "Data",
    issues: [
      "SCORE_MISSING E2 koordinasi.regulasi",
      "SCORE_MISSING S2 kader.pendataan", // "   " is blank
      "IBANGGA_MISSING U2 ibangga.kemandirian",
      // Row 3 is empty: skipped without an issue. Row 5 has a name and nothing else.
      "SCORES_NOT_ENTERED E5 subIndikator", // once, not per cell
      "IBANGGA_MISSING T5 ibangga.ketenteraman",
      "IBANGGA_MISSING U5 ibangga.kemandirian",
      "IBANGGA_MISSING V5 ibangga.kebahagiaan",
      "KAMPUNG_MISSING A6 kampung",
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      k(2, "Bolong", [null, 1, 1, 1, null], null, [60, null, 80, 70, 68.3]),
      k(4, "Baik"),
      k(5, "Tanpa skor", [null, null, null, null, null], null, [null, null, null, null, null]),
      k(6, "(baris 6)"),
    ],
    exit: 1,
  },
  excelErrors: {
    sheet: "Data",
    issues: [
      "SCORE_CELL_ERROR H2 rujukan.sop", // #N/A
      "SCORE_CELL_ERROR I2 rujukan.register", // #DIV/0!
      "SCORE_CELL_ERROR J2 rujukan.umpanBalikRujukan", // #REF!
      "IBANGGA_CELL_ERROR T2 ibangga.ketenteraman", // #VALUE!
      "EVIDENCE_NONE A2",
    ],
    kampung: [k(2, "Galat", [1, null, 1, 1, 1], null, [null, 70, 80, 75, 73.8]), k(3, "Baik")],
    exit: 1,
  },
  formulas: {
    sheet: "Data",
    issues: [
      // E2 =1+1 (2) and F2 =3/2 (1.5) are read by their cached results, without a note.
      "SCORE_CELL_ERROR G2 koordinasi.praktik", // =1/0 cached #DIV/0!
      "FORMULA_NOT_CALCULATED K2 interoperabilitas.idKeluarga", // a formula never calculated: said so
      "SCORE_NOT_NUMBER N2 umpanBalik.indikator", // a formula whose result is the text "dua"
      "EVIDENCE_NONE A2",
    ],
    kampung: [k(2, "Rumus", [null, 1, null, null, 1], null), k(3, "Baik")],
    exit: 1,
  },
  datesAsText: {
    sheet: "Data",
    issues: [
      "DATE_TEXT D3 tanggal", // "2024-05-31"
      "DATE_TEXT D4 tanggal", // "31/05/2024"
      "DATE_TEXT D5 tanggal", // "31 Mei 2024": Indonesian month names are read
      "DATE_INVALID D6 tanggal", // "30/02/2024"
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      k(2, "Tanggal Date"),
      k(3, "Tanggal ISO"),
      k(4, "Tanggal Indonesia"),
      k(5, "Tanggal kata"),
      k(6, "Tanggal mustahil"),
      k(7, "Tanggal serial"),
    ],
    exit: 0,
  },
  duplicateKampung: {
    sheet: "Data",
    issues: [
      "KAMPUNG_DUPLICATE A3 kampung",
      "KAMPUNG_DUPLICATE A4 kampung", // "SUKAMAJU ": case and spaces do not count
      // Row 5 is Sukamaju in another kabupaten: another kampung.
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      k(2, "Sukamaju"),
      k(3, "Sukamaju", [2, 2, 2, 2, 2], 2),
      k(4, "SUKAMAJU"),
      k(5, "Sukamaju"),
    ],
    exit: 0,
  },
  headerVariants: {
    sheet: "Data",
    issues: ["EVIDENCE_NONE A2"],
    kampung: [k(2, "Variasi")],
    exit: 0,
  },
  headerMisspelled: {
    sheet: "Data",
    // A misspelt header is an unknown column: ignored, and its sub-indicator reported missing
    // once for the sheet, at the misspelt heading when it is close to the missing one's
    // (`Regulsi`, `kadre`), else at the header row's first cell (`RTL`).
    issues: [
      "COLUMN_MISSING E1 koordinasi.regulasi",
      "COLUMN_MISSING A1 umpanBalik.rencanaTindakLanjut",
      "COLUMN_MISSING R1 kader.supervisi",
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      k(2, "Satu", [null, 1, 1, null, null], null),
      k(3, "Dua", [null, 2, 2, null, null], null),
    ],
    exit: 1,
  },
  duplicateColumn: {
    sheet: "Data",
    // The first Koordinasi - Regulasi column (E, 1) is used, not the second (W, 2).
    issues: ["COLUMN_DUPLICATE W1", "EVIDENCE_NONE A2"],
    kampung: [k(2, "Satu")],
    exit: 0,
  },
  mergedHeaders: {
    sheet: "Data",
    // A merged title above the header; "Kampung" merged over A2:B2 (B holds notes, ignored).
    issues: ["EVIDENCE_NONE A3"],
    kampung: [k(3, "Gabung"), k(4, "Kedua")],
    exit: 0,
  },
  groupHeader: {
    sheet: "Data",
    // A two-row header (group "Koordinasi" merged over B1:D1, sub-indicators in row 2, the
    // identity and iBangga labels merged down over both rows) is understood; the other four
    // domains' columns are missing, each said once at the header.
    issues: [
      ...ALL_COLUMNS_MISSING.filter((f) => !f.startsWith("koordinasi.")).map(
        (f): IssueAt => `COLUMN_MISSING A2 ${f}`
      ),
      "EVIDENCE_NONE A3",
    ],
    kampung: [k(3, "Bertingkat", [1, null, null, null, null], null, [60, null, null, 60, 60])],
    exit: 1,
  },
  hiddenRows: {
    sheet: "Data",
    // A hidden row is data: read and counted like any other, as Excel's AVERAGE does, with one
    // warning naming it.
    issues: ["ROWS_HIDDEN A3", "EVIDENCE_NONE A2"],
    kampung: [k(2, "Tampak"), k(3, "Tersembunyi", [2, 2, 2, 2, 2], 2), k(4, "Tampak juga")],
    exit: 0,
  },
  emptySheet: {
    sheet: "Data", // the empty first sheet is passed over for the sheet with a header
    issues: ["EVIDENCE_NONE A2"],
    kampung: [k(2, "Isi")],
    exit: 0,
  },
  zeroRows: {
    sheet: "Data",
    issues: ["HEADER_NOT_FOUND A1", "EVIDENCE_NONE A1"],
    kampung: [],
    exit: 1,
    fatal: true,
  },
  headerOnly: {
    sheet: "Data",
    issues: ["NO_ROWS A1", "EVIDENCE_NONE A1"],
    kampung: [],
    exit: 1,
  },
  noHeader: {
    sheet: "Catatan",
    issues: ["HEADER_NOT_FOUND A1", "EVIDENCE_NONE A1"],
    kampung: [],
    exit: 1,
    fatal: true,
  },
  unicodeNames: {
    sheet: "Data",
    issues: ["EVIDENCE_NONE A2"],
    kampung: [LONG_NAME, ...UNICODE_NAMES].map((name, i) => k(2 + i, name)),
    exit: 0,
  },
  formulaNames: {
    sheet: "Data",
    issues: ["EVIDENCE_NONE A2"],
    kampung: FORMULA_NAMES.map((name, i) => k(2 + i, name)),
    exit: 0,
  },
  csv: {
    sheet: "penilaian",
    // `;` CSV: "1,5" and "60,5" are numbers; dates are text, read day/month/year without a
    // note per row (a CSV can hold a date only as text).
    issues: [
      "SCORE_NOT_NUMBER E3 koordinasi.regulasi",
      "SCORE_OUT_OF_RANGE F3 koordinasi.struktur",
      "EVIDENCE_NONE A2",
    ],
    kampung: [
      k(2, "Csv Baik", [1.2, 1, 1, 1, 1], 1.04, [60.5, 70, 80, 70.2, 69.2]),
      k(3, "Csv Teks", [null, 1, 1, 1, 1], null),
      k(4, "=1+2"),
      k(5, '=HYPERLINK("https://contoh.invalid","x")'),
    ],
    exit: 1,
  },
};

/** Files that cannot be read: the problem, and a word the Indonesian line must hold. */
const UNREADABLE: Partial<Record<CorpusCase, { problem: FileProblem; says: RegExp }>> = {
  corrupt: { problem: "corrupt", says: /rusak/ },
  truncated: { problem: "corrupt", says: /rusak atau tidak lengkap/ },
  notWorkbook: { problem: "not-xlsx", says: /bukan buku kerja Excel/ },
  password: { problem: "encrypted", says: /dilindungi kata sandi/ },
  legacyXls: { problem: "legacy-xls", says: /Excel 97-2003 \(\.xls\)/ },
  emptyFile: { problem: "empty", says: /kosong \(0 byte\)/ },
  missing: { problem: "not-found", says: /tidak ditemukan/ },
  noSheets: { problem: "no-sheets", says: /tidak berisi lembar kerja/ },
};

const tmp = tempDir("kkb-corpus-");
let files: Record<CorpusCase, string>;
const hashes = new Map<string, string>();

beforeAll(async () => {
  files = await buildCorpus(tmp.file("in"));
  for (const file of Object.values(files)) if (existsSync(file)) hashes.set(file, sha256(file));
});
afterAll(() => tmp.remove());

/** After every case: its input is byte-identical (or still absent). */
function expectInputUntouched(file: string): void {
  const before = hashes.get(file);
  if (before === undefined) expect(existsSync(file)).toBe(false);
  else expect(sha256(file)).toBe(before);
}

function issueKey(i: Issue): string {
  return [i.code, i.cell, i.field].filter((p) => p !== "").join(" ");
}

function expectOneLine(r: Run): void {
  expect(r.out).toBe("");
  expect(r.err.endsWith("\n")).toBe(true);
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).not.toMatch(/Error:|\.ts:\d+|\.js:\d+/);
}

function dimensionsOf(ib: Ib | null) {
  return ib === null
    ? null
    : {
        ketenteraman: ib[0],
        kemandirian: ib[1],
        kebahagiaan: ib[2],
        setara: ib[3],
        kemandirianSentral: ib[4],
      };
}

const DOMAIN_KEYS = ["koordinasi", "rujukan", "interoperabilitas", "umpanBalik", "kader"] as const;

describe.each(Object.entries(READABLE) as [CorpusCase, Readable][])("corpus: %s", (name, want) => {
  let grids: Grid[];
  let read: InputRead;
  let issues: readonly Issue[];

  beforeAll(async () => {
    grids = await readWorkbook(files[name]);
    read = readInput(grids, { lang: "id" });
    issues = analyseRead(read, SETARA, "id").results.issues;
  });
  afterAll(() => expectInputUntouched(files[name]));

  it("reader: exactly the expected issues, each on its cell with a catalogue message", () => {
    expect(read.sheet).toBe(want.sheet);
    expect(read.fatal).toBe(want.fatal ?? false);
    expect(issues.map(issueKey).sort()).toEqual([...want.issues].sort());
    for (const issue of issues) {
      const def = MESSAGES[issue.code];
      expect(issue.severity).toBe(def.severity);
      expect(issue.sheet).toBe(want.sheet);
      expect(issue.message.length).toBeGreaterThan(10);
    }
  });

  it("reader: every other row and every other domain still scored, as the method says", () => {
    const { results } = analyseRead(read, SETARA, "id");
    expect(results.kampung.map((r) => [r.row, r.name])).toEqual(
      want.kampung.map((r) => [r.row, r.name])
    );
    results.kampung.forEach((r, i) => {
      const expected = want.kampung[i];
      expect(DOMAIN_KEYS.map((d) => r.domains[d])).toEqual(expected.domains);
      expect(r.composite).toBe(expected.composite);
      // The oracle (decimal.js) agrees from the assessment's sub-indicators.
      const oracle = methodScores(read.assessments[i].sub);
      expect(oracle.domains).toEqual(expected.domains);
      expect(oracle.composite).toBe(expected.composite);
      const ib = r.ibangga;
      expect(
        ib === null
          ? null
          : [ib.ketenteraman, ib.kemandirian, ib.kebahagiaan, ib.setara, ib.kemandirianSentral]
      ).toEqual(expected.ibangga);
    });
  });

  it("kkb validate: the exit code, a line per issue with its cell and message, the counts", async () => {
    const r = await run("validate", files[name]);
    expect(r.code).toBe(want.exit);
    expect(r.err).toBe("");
    const lines = r.out.trimEnd().split("\n");
    // One line per issue, then the counts, then one line per kind of issue; each names its
    // cell and starts its message (the code and the field key are for --json, not for the
    // person reading).
    const kinds = new Set(issues.map((i) => `${i.severity}:${i.code}`)).size;
    expect(lines).toHaveLength(issues.length + 1 + kinds);
    for (const issue of issues) {
      const at = sheetAddress(issue.sheet, issue.cell);
      const start = issue.message.slice(0, 12);
      expect(lines.some((l) => l.includes(at) && (l.includes(start) || /\\[xu]/.test(l)))).toBe(
        true
      );
      expect(lines.some((l) => l.includes(issue.code))).toBe(false);
    }
    const errors = issues.filter((i) => i.severity === "error").length;
    expect(lines[issues.length]).toContain(
      `${want.kampung.length} kampung, ${errors} galat, ${issues.length - errors} peringatan.`
    );
    const json = await run("validate", files[name], "--json");
    expect(json.code).toBe(want.exit);
    const parsed = JSON.parse(json.out) as { issues: Issue[]; kampung: unknown[] };
    expect(parsed.issues.map(issueKey).sort()).toEqual([...want.issues].sort());
    expect(parsed.kampung).toHaveLength(want.kampung.length);
  });

  it("kkb summarize: writes a new workbook and the JSON (null, never 0), or nothing without kampung", async () => {
    const out = tmp.file(`out/${name}.xlsx`);
    const json = tmp.file(`out/${name}.json`);
    const r = await run("summarize", files[name], "-o", out, "--json", json);
    if (want.kampung.length === 0) {
      // No kampung: nothing written, and the reason said on one line (exit 2).
      expect(r.code).toBe(2);
      expectOneLine(r);
      expect(r.err).toContain("Tidak ada kampung untuk diringkas; tidak ada file yang ditulis.");
      expect(existsSync(out) || existsSync(json)).toBe(false);
      expectInputUntouched(files[name]);
      return;
    }
    expect(r.code).toBe(want.exit);
    expect(r.out).toBe("");
    expect(r.err).toContain(`Ringkasan ditulis ke ${out}.`);
    expectInputUntouched(files[name]);

    const results = JSON.parse(readFileSync(json, "utf8")) as {
      kampung: {
        row: number;
        name: string;
        domains: Record<string, number | null>;
        composite: number | null;
        ibangga: Record<string, number | null> | null;
      }[];
      issues: Issue[];
    };
    expect(results.issues.map(issueKey).sort()).toEqual([...want.issues].sort());
    expect(results.kampung).toHaveLength(want.kampung.length);
    results.kampung.forEach((r, i) => {
      const expected = want.kampung[i];
      expect([r.row, r.name]).toEqual([expected.row, expected.name]);
      expect(DOMAIN_KEYS.map((d) => r.domains[d])).toEqual(expected.domains);
      expect(r.composite).toBe(expected.composite);
      expect(r.ibangga && { ...r.ibangga, band: undefined }).toEqual(
        dimensionsOf(expected.ibangga) && { ...dimensionsOf(expected.ibangga), band: undefined }
      );
    });

    // The copy of the input sheet holds the input's values cell for cell (an empty text cell
    // comes back as an empty cell; a formula with no saved result as its text); KKB's own
    // sheets follow.
    const written = await readWorkbook(out);
    const copy = written.find((g) => g.sheet === want.sheet);
    const input = grids.find((g) => g.sheet === want.sheet);
    const formula = (g: Grid, r: number, c: number) => {
      const f = g.uncalculated?.get(address(r, c));
      return f === undefined ? null : f.startsWith("=") ? f : `=${f}`;
    };
    const plain = (g: Grid | undefined) =>
      g?.rows.map((row, r) => row.map((v, c) => (v === "" ? null : (v ?? formula(g, r, c)))));
    expect(plain(copy)).toEqual(plain(input));
    // Rows hidden in the input are hidden in its copy too.
    expect([...(copy?.hiddenRows ?? [])]).toEqual([...(input?.hiddenRows ?? [])]);
    expect(written.map((g) => g.sheet)).toEqual(
      expect.arrayContaining(["KKB Ringkasan", "KKB Domain", "KKB Validasi"])
    );
  });
});

describe.each(Object.entries(UNREADABLE) as [CorpusCase, { problem: FileProblem; says: RegExp }][])(
  "corpus (unreadable): %s",
  (name, want) => {
    afterAll(() => expectInputUntouched(files[name]));

    it("the reader throws a typed error naming the file, from a path and from bytes", async () => {
      const error = await readWorkbook(files[name]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XlsxFileError);
      expect((error as XlsxFileError).problem).toBe(want.problem);
      expect((error as XlsxFileError).text("id")).toMatch(want.says);
      if (existsSync(files[name])) {
        const bytes = readFileSync(files[name]);
        await expect(readWorkbook(bytes, { name: "buku.xlsx" })).rejects.toMatchObject({
          problem: want.problem,
        });
      }
    });

    it("kkb validate and summarize: exit 2, one clear line, no stack trace, no output file", async () => {
      const v = await run("validate", files[name]);
      expect(v.code).toBe(2);
      expectOneLine(v);
      expect(v.err).toMatch(want.says);
      expect(v.err).toContain(files[name]);

      const out = tmp.file(`out/unreadable-${name}.xlsx`);
      const s = await run("summarize", files[name], "-o", out, "--json", out + ".json");
      expect(s.code).toBe(2);
      expectOneLine(s);
      expect(s.err).toMatch(want.says);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(out + ".json")).toBe(false);

      const en = await run("--lang", "en", "validate", files[name]);
      expect(en.code).toBe(2);
      expectOneLine(en);
      expect(en.err).not.toBe(v.err);
    });
  }
);

describe("corpus: details", () => {
  it("--debug adds the stack trace that is otherwise left out", async () => {
    const plain = await run("validate", files.password);
    const debug = await run("--debug", "validate", files.password);
    expect(debug.code).toBe(2);
    expect(debug.err.startsWith(plain.err)).toBe(true);
    expect(debug.err).toMatch(/^\s+at /m);
  });

  it("names the bad values in the messages, with the Indonesian decimal comma", async () => {
    const read = readInput(await readWorkbook(files.textScores), { lang: "id" });
    const message = (cell: string) => read.issues.find((i) => i.cell === cell)?.message;
    expect(message("E2")).toBe(
      'Koordinasi - Regulasi: "dua" bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.'
    );
    // A number typed as text: the cell's own text, as typed, and the number it is read as.
    expect(message("F2")).toBe(
      'Koordinasi - Struktur: "1,5" tersimpan sebagai teks; dibaca sebagai angka 1,5.'
    );
    expect(message("G2")).toBe(
      'Koordinasi - Praktik: " 2 " tersimpan sebagai teks; dibaca sebagai angka 2.'
    );
    expect(message("H2")).toBe(
      'Rujukan - SOP: "1.5" tersimpan sebagai teks; dibaca sebagai angka 1,5.'
    );
    expect(message("T2")).toBe(
      'iBangga Ketenteraman: "75,5" tersimpan sebagai teks; dibaca sebagai angka 75,5.'
    );
    const errors = readInput(await readWorkbook(files.excelErrors), { lang: "id" });
    expect(errors.issues.map((i) => /#[A-Z/0!]+[!?A]?/.exec(i.message)?.[0])).toEqual([
      "#N/A",
      "#DIV/0!",
      "#REF!",
      "#VALUE!",
    ]);
    const range = readInput(await readWorkbook(files.outOfRange), { lang: "id" });
    expect(range.issues.find((i) => i.cell === "H2")?.message).toBe(
      'Rujukan - SOP: "-0,5" di luar skala 0-2.'
    );
  });

  it("reads the dates it can (Date, ISO or day/month/year text, serial) and only those", async () => {
    const read = readInput(await readWorkbook(files.datesAsText), { lang: "id" });
    expect(read.assessments.map((a) => (a.date ? isoDate(a.date) : null))).toEqual([
      "2024-05-31",
      "2024-05-31",
      "2024-05-31",
      "2024-05-31",
      null,
      "2024-05-31",
    ]);
  });

  it("maps every header variant to its field, ignoring the unknown column", async () => {
    const read = readInput(await readWorkbook(files.headerVariants), { lang: "id" });
    expect(read.columns?.identity).toEqual({ kampung: 0 });
    expect(read.columns?.sub).toEqual(Array.from({ length: 15 }, (_, i) => 2 + i));
    expect(read.columns?.dimension).toEqual([17, 18, 19]);
  });

  it("reports a misspelt header with the name it expected, and never matches the misspelling", async () => {
    const read = readInput(await readWorkbook(files.headerMisspelled), { lang: "id" });
    const missing = read.issues.filter((i) => i.code === "COLUMN_MISSING").map((i) => i.message);
    expect(missing).toEqual([
      'Kolom Koordinasi - Regulasi tidak ada. Skor domainnya tidak dihitung untuk semua kampung. Judul E1 "Koordinasi - Regulsi" tidak dikenali: bila itu kolom ini, ubah judulnya menjadi "Koordinasi - Regulasi".',
      "Kolom Umpan balik - Rencana tindak lanjut tidak ada. Skor domainnya tidak dihitung untuk semua kampung.",
      'Kolom Kader - Supervisi tidak ada. Skor domainnya tidak dihitung untuk semua kampung. Judul R1 "Peran kadre - Supervisi" tidak dikenali: bila itu kolom ini, ubah judulnya menjadi "Kader - Supervisi".',
    ]);
    const header = (await readWorkbook(files.headerMisspelled))[0].rows[0];
    for (const misspelt of Object.values(MISSPELT)) {
      const col = header.indexOf(misspelt);
      expect(col).toBeGreaterThan(0);
      expect(read.columns?.sub).not.toContain(col);
    }
  });

  it("lists what it expected when no header is found", async () => {
    for (const lang of ["id", "en"] as const) {
      const read = readInput(await readWorkbook(files.noHeader), { lang });
      const message = read.issues[0].message;
      expect(read.issues[0].code).toBe("HEADER_NOT_FOUND");
      for (const expected of [
        "Kampung",
        lang === "id" ? "Koordinasi - Regulasi/Struktur/Praktik" : "Coordination - Regulation",
        lang === "id" ? "Kader - Aktivitas/Supervisi/Pendataan" : "Cadres - Activity",
        "iBangga Ketenteraman/Kemandirian/Kebahagiaan",
      ]) {
        expect(message).toContain(expected);
      }
    }
  });

  it("knows the hidden row and reads it", async () => {
    const grids = await readWorkbook(files.hiddenRows);
    expect([...(grids[0].hiddenRows ?? [])]).toEqual([2]);
    const read = readInput(grids, { lang: "id" });
    expect(read.assessments.map((a) => a.row)).toContain(3);
  });

  it("reads a named empty sheet as having no header (exit 1), not as unreadable", async () => {
    const r = await run("validate", files.emptySheet, "--sheet", "Kosong");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/'Kosong'!A1 {2}Lembar ini kosong/);
    expectInputUntouched(files.emptySheet);
  });

  it("never writes over an input (.xlsx or .csv), by -o or --json", async () => {
    for (const input of [files.textScores, files.csv]) {
      const o = await run("summarize", input, "-o", input);
      expect(o.code).toBe(2);
      expect(o.err).toMatch(/itu file masukan/);
      const j = await run("summarize", input, "-o", tmp.file("out/x.xlsx"), "--json", input);
      expect(j.code).toBe(2);
      expectInputUntouched(input);
    }
  });

  it("keeps long and non-Latin names exactly, in the summary sheets too", async () => {
    const out = tmp.file("out/unicode-check.xlsx");
    expect((await run("summarize", files.unicodeNames, "-o", out)).code).toBe(0);
    const domain = (await readWorkbook(out)).find((g) => g.sheet === "KKB Domain");
    const texts = new Set((domain?.rows ?? []).flat().filter((v) => typeof v === "string"));
    for (const name of [LONG_NAME, ...UNICODE_NAMES]) expect(texts.has(name)).toBe(true);
  });

  it("writes names that look like formulas as text: no <f>, a string cell type", async () => {
    for (const input of [files.formulaNames, files.csv]) {
      const out = tmp.file(`out/formula-check-${input.endsWith(".csv") ? "csv" : "xlsx"}.xlsx`);
      expect((await run("summarize", input, "-o", out)).code).toBeLessThanOrEqual(1);
      const cells = worksheetCells(out);
      expect(cells.formulas).toBe(0);
      const names =
        input === files.csv
          ? ["=1+2", '=HYPERLINK("https://contoh.invalid","x")']
          : [...FORMULA_NAMES];
      for (const name of names) {
        const found = cells.all.filter((c) => c.text === name);
        // The copied input sheet, and at least the summary and domain sheets.
        expect(found.length).toBeGreaterThanOrEqual(3);
        for (const c of found) expect(["str", "s", "inlineStr"]).toContain(c.type);
        // KKB Profil's data table holds it as text too (its page's formulas only read it).
        expect(
          found.some((c) => c.sheet === "KKB Profil" && ["s", "inlineStr"].includes(c.type))
        ).toBe(true);
      }
    }
  });
});

describe("evidence issues on an evidence sheet that does not start at column A", () => {
  /** A data sheet, and an evidence sheet whose used range starts at column C (as office.js reads it). */
  function withEvidenceAtC(): Issue[] {
    const data = gridFromRows("Data", [
      ["Kampung", ...SUB_HEADERS],
      ["Sukamaju", ...Array<number>(15).fill(1)],
    ]);
    const bukti: Grid = {
      sheet: "Bukti",
      rows: [
        ["Kampung", "Sub-indikator", "Tanggal", "Sumber"],
        ["Sukamaju", "koordinasi.regulasi", null, null],
      ],
      originRow: 0,
      originCol: 2,
    };
    return [...analyseRead(readInput([data, bukti], { lang: "id" }), SETARA, "id").results.issues];
  }

  it("an evidence row's issue is on the right row of the evidence sheet", () => {
    const noSource = withEvidenceAtC().find((i) => i.code === "EVIDENCE_NO_SOURCE");
    expect(noSource?.sheet).toBe("Bukti");
    expect(noSource?.cell).toMatch(/^[A-Z]+2$/);
  });

  it("an evidence row's issue is on its own cell (the Sumber cell F2)", () => {
    const noSource = withEvidenceAtC().find((i) => i.code === "EVIDENCE_NO_SOURCE");
    expect(noSource?.cell).toBe("F2");
  });
});

interface XmlCell {
  readonly sheet: string;
  readonly ref: string;
  readonly type: string;
  readonly text: string | null;
}

/** Every cell of every worksheet of an .xlsx, and the number of formulas (<f>) in them. */
/** The cells of every sheet; `formulas` counts `<f>` outside KKB Profil (KKB's own formulas). */
function worksheetCells(file: string): { all: XmlCell[]; formulas: number } {
  const workbook = zipEntry(file, "xl/workbook.xml") ?? "";
  const rels = zipEntry(file, "xl/_rels/workbook.xml.rels") ?? "";
  const shared = [
    ...(zipEntry(file, "xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join(""));
  const all: XmlCell[] = [];
  let formulas = 0;
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? "";
    const xml = zipEntry(file, `xl/${target.replace(/^\/?xl\//, "")}`) ?? "";
    expect(xml).toContain("<sheetData");
    if (m[1] !== "KKB Profil") formulas += (xml.match(/<f[\s>/]/g) ?? []).length;
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? "";
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "n";
      const body = c[2] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
      const text =
        type === "s" && v !== undefined
          ? shared[Number(v)]
          : type === "inlineStr" && inline !== undefined
            ? [...inline.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join("")
            : v === undefined
              ? null
              : decodeXml(v);
      all.push({ sheet: m[1], ref, type, text });
    }
  }
  return { all, formulas };
}
