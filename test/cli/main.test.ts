import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { CellValue } from "../../src/engine/cell";
import { main } from "../../src/cli/main";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { sha256, tempDir } from "../helpers/files";
import { run } from "./run";

const EXAMPLE = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-cli-");
afterAll(() => tmp.remove());

/** An input workbook with one bad row (a text score) and one good row. */
async function badInput(file: string): Promise<void> {
  const header = ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"];
  const rows: CellValue[][] = [header, ["Satu", "dua", 1, 1], ["Dua", 2, 2, 2]];
  await writeWorkbook(file, [], { copies: [{ name: "Data", grid: gridFromRows("Data", rows) }] });
}

function oneLine(text: string): void {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
}

describe("kkb (general)", () => {
  it("prints the version and help with exit 0", async () => {
    const version = await run("--version");
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/template\|templat/);
    expect(help.out).toMatch(/summarize\|ringkas/);
  });

  it("exits 2 on bad arguments", async () => {
    expect((await run()).code).toBe(2);
    expect((await run("validate")).code).toBe(2);
    expect((await run("validate", EXAMPLE, "--nope")).code).toBe(2);
    expect((await run("summarize", EXAMPLE)).code).toBe(2); // -o is required
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("--lang", "fr", "validate", EXAMPLE)).code).toBe(2);
  });

  it("writes through process.stdout by default", async () => {
    const spy = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["--version"])).toBe(0);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("kkb template", () => {
  it("refuses an output that is not .xlsx, on one line, and writes nothing (exit 2)", async () => {
    for (const name of ["t.csv", "t.txt", "tanpa-akhiran", "t.xlsm"]) {
      const file = tmp.file(`t/${name}`);
      const r = await run("templat", "-o", file);
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toContain("harus berakhiran .xlsx (templat selalu buku kerja Excel)");
      expect(existsSync(file)).toBe(false);
    }
    expect((await run("templat", "-o", tmp.file("t/BESAR.XLSX"))).code).toBe(0);
  });

  it("writes a template the reader recognises, and never overwrites without --force", async () => {
    const file = tmp.file("t/templat.xlsx");
    const first = await run("templat", "-o", file);
    expect(first.code).toBe(0);
    const read = readInput(await readWorkbook(file), { lang: "id" });
    expect(read.fatal).toBe(false);
    expect(read.headerRow).toBeGreaterThanOrEqual(0);
    const again = await run("template", "-o", file);
    expect(again.code).toBe(2);
    oneLine(again.err);
    expect(again.err).toMatch(/--force/);
    expect((await run("template", "-o", file, "--force", "--lang", "en")).code).toBe(0);
  });
});

describe("kkb validate", () => {
  it("exits 0 on the example (warnings only)", async () => {
    const r = await run("validate", EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4 kampung, 0 galat, 2 peringatan/);
    // Counted by kind under the summary line, in words.
    expect(r.out).toMatch(/\n {2}peringatan {2}2 {2}Nilai di luar langkah rubrik\n/);
    expect(r.out).not.toMatch(/SCORE_OFF_RUBRIC|interoperabilitas\.penggunaan/);
    expect(r.out).toMatch(
      /peringatan\s+'Penilaian'!\w+\s+Sumurboto\s+Interoperabilitas - Penggunaan/
    );
  });

  it("exits 1 when a row has errors, listing the cell", async () => {
    const file = tmp.file("bad.xlsx");
    await badInput(file);
    const r = await run("periksa", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/galat\s+'Data'!B2\s+Satu\s+Koordinasi - Regulasi: /);
    const json = await run("validate", file, "--json", "--lang", "en");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as {
      issues: { cell: string; code: string; severity: string }[];
    };
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ cell: "B2", code: "SCORE_NOT_NUMBER", severity: "error" })
    );
  });

  it("exits 2 with one clear line for a file it cannot read", async () => {
    const corrupt = tmp.file("rusak.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 1)]));
    const encrypted = tmp.file("sandi.xlsx");
    writeFileSync(
      encrypted,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from("EncryptionInfo", "utf16le"),
      ])
    );
    for (const [file, pattern] of [
      [tmp.file("tidak-ada.xlsx"), /tidak ditemukan/],
      [corrupt, /rusak/],
      [encrypted, /kata sandi/],
    ] as const) {
      const r = await run("validate", file);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      oneLine(r.err);
      expect(r.err).toMatch(pattern);
    }
    const en = await run("validate", encrypted, "--lang", "en");
    expect(en.err).toMatch(/password-protected/);
    const debug = await run("validate", corrupt, "--debug");
    expect(debug.code).toBe(2);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  it("exits 2 when --sheet names no sheet", async () => {
    const r = await run("validate", EXAMPLE, "--sheet", "Tidak ada");
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/Penilaian/);
  });
});

describe("kkb summarize", () => {
  it("writes nothing for a sheet without kampung, and says why on one line (exit 2)", async () => {
    const empty = tmp.file("kosong.xlsx");
    await writeWorkbook(empty, [], {
      copies: [{ name: "Data", grid: gridFromRows("Data", [["catatan saja"]]) }],
    });
    const headerOnly = tmp.file("judul-saja.xlsx");
    await writeWorkbook(headerOnly, [], {
      copies: [
        {
          name: "Data",
          grid: gridFromRows("Data", [
            ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"],
          ]),
        },
      ],
    });
    for (const [input, why] of [
      [empty, /^'Data'!A1: Baris judul kolom tidak ditemukan/],
      [headerOnly, /^'Data'!A1: Tidak ada baris kampung di bawah baris judul kolom\./],
    ] as const) {
      const out = tmp.file("ringkasan-kosong.xlsx");
      const r = await run("ringkas", input, "-o", out, "--json", tmp.file("kosong.json"));
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toMatch(why);
      expect(r.err).toContain("Tidak ada kampung untuk diringkas; tidak ada file yang ditulis.");
      expect(existsSync(out)).toBe(false);
      expect(existsSync(tmp.file("kosong.json"))).toBe(false);
    }
    // `periksa` still lists the problem, as the input's error (exit 1).
    expect((await run("periksa", headerOnly)).code).toBe(1);
    // Every kampung row hidden and left out: that is said as the reason too.
    const allHidden = tmp.file("semua-tersembunyi.xlsx");
    const grid = gridFromRows("Data", [
      ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur", "Koordinasi Praktik"],
      ["Satu", 1, 1, 1],
      ["Dua", 2, 2, 2],
    ]);
    await writeWorkbook(allHidden, [], {
      copies: [{ name: "Data", grid: { ...grid, hiddenRows: new Set([1, 2]) } }],
    });
    const hidden = await run("ringkas", allHidden, "-o", tmp.file("h.xlsx"), "--visible-only");
    expect(hidden.code).toBe(2);
    oneLine(hidden.err);
    expect(hidden.err).toMatch(/tersembunyi/);
    expect(hidden.err).toContain("tidak ada file yang ditulis");
  });

  it("refuses to write over its input, by any path, and leaves it byte-identical", async () => {
    const input = tmp.file("in/masukan.xlsx");
    mkdirSync(path.dirname(input), { recursive: true });
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const link = tmp.file("tautan.xlsx");
    symlinkSync(input, link);
    const cwd = process.cwd();
    process.chdir(path.dirname(input));
    try {
      for (const output of [input, "masukan.xlsx", "./../in/masukan.xlsx", link]) {
        const r = await run("summarize", input, "-o", output);
        expect(r.code).toBe(2);
        oneLine(r.err);
        expect(r.err).toMatch(/file masukan/);
      }
      expect((await run("ringkas", "masukan.xlsx", "-o", input)).code).toBe(2);
      const json = await run(
        "summarize",
        input,
        "-o",
        tmp.file("ok.xlsx"),
        "--json",
        "masukan.xlsx"
      );
      expect(json.code).toBe(2);
      // Said as the input at once: "already exists, use --force" would invite overwriting it.
      expect(json.err).toMatch(/Tidak menulis JSON ke masukan\.xlsx: itu file masukan/);
      expect(json.err).not.toMatch(/--force/);
    } finally {
      process.chdir(cwd);
    }
    expect(sha256(input)).toBe(before);
    expect((await run("summarize", input, "-o", tmp.file("ok.xlsx"))).code).toBe(0);
    expect(sha256(input)).toBe(before);
  });

  it("periksa --json FILE (as ringkas takes it) says where periksa's JSON goes (exit 2)", async () => {
    const r = await run("periksa", EXAMPLE, "--json", tmp.file("hasil.json"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("galat: terlalu banyak argumen");
    expect(r.err).toContain(
      "periksa --json menulis JSON ke layar (stdout), bukan ke file; simpan dengan: kkb periksa FILE --json > hasil.json"
    );
    expect(existsSync(tmp.file("hasil.json"))).toBe(false);
  });

  it("never replaces a read-only output, not even with --force (exit 2, the file unchanged)", async () => {
    const out = tmp.file("hanya-baca.xlsx");
    writeFileSync(out, "lama");
    // All write bits off, and the owner's only (chmod u-w under umask 002 gives 464).
    for (const mode of [0o444, 0o464]) {
      chmodSync(out, mode);
      try {
        const r = await run("summarize", EXAMPLE, "-o", out, "--force");
        expect(r.code).toBe(2);
        oneLine(r.err);
        expect(r.err).toMatch(/hanya-baca; tidak ditimpa, juga dengan --force/);
        expect(readFileSync(out, "utf8")).toBe("lama");
      } finally {
        chmodSync(out, 0o644);
      }
    }
  });

  it("refuses bad weights with exit 2", async () => {
    const r = await run("summarize", EXAMPLE, "-o", tmp.file("w.xlsx"), "--weights", "berat");
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(existsSync(tmp.file("w.xlsx"))).toBe(false);
  });

  it("writes the summary even when rows have errors (exit 1)", async () => {
    const input = tmp.file("bad2.xlsx");
    await badInput(input);
    const output = tmp.file("bad2-out.xlsx");
    const r = await run("summarize", input, "-o", output);
    expect(r.code).toBe(1);
    const grids = await readWorkbook(output);
    expect(grids.map((g) => g.sheet)).toEqual(
      expect.arrayContaining(["Data", "KKB Ringkasan", "KKB Validasi"])
    );
  });
});

describe("the example end to end", () => {
  type Kampung = {
    name: string;
    region: { desa: string | null };
    domains: Record<string, number | null>;
    composite: number | null;
    ibangga: {
      ketenteraman: number;
      kemandirian: number;
      kebahagiaan: number;
      setara: number;
      kemandirianSentral: number;
      band: string;
    };
  };
  const EXPECTED = [
    [
      "Sumurboto",
      "Kelurahan Sumurboto",
      [2.0, 1.0, 1.4, 1.3, 1.7],
      1.48,
      [97.8, 91.1, 88.3],
      92.4,
      92.7,
    ],
    [
      "Asri Sejahtera",
      "Kelurahan Kandri",
      [1.6, 1.0, 1.0, 0.7, 1.3],
      1.12,
      [97.2, 81.1, 91.3],
      89.9,
      89.3,
    ],
    [
      "Wisata Asri",
      "Desa Kalimendong",
      [2.0, 1.0, 1.0, 1.3, 1.7],
      1.4,
      [91.7, 91.6, 83.0],
      88.8,
      89.5,
    ],
    [
      "Ardi Raharja",
      "Desa Pulosaren",
      [1.5, 1.0, 0.7, 0.7, 1.3],
      1.04,
      [93.4, 74.7, 71.5],
      79.9,
      80.4,
    ],
  ] as const;
  const output = tmp.file("e2e/ringkasan.xlsx");
  const jsonFile = tmp.file("e2e/hasil.json");
  let kampung: Kampung[];
  let printed: string;
  const inputHash = sha256(EXAMPLE);

  beforeAll(async () => {
    const r = await run("summarize", EXAMPLE, "-o", output, "--json", jsonFile, "--print");
    expect(r.code).toBe(0);
    printed = r.out;
    kampung = (JSON.parse(readFileSync(jsonFile, "utf8")) as { kampung: Kampung[] }).kampung;
  });

  it("gives every published figure through --json", () => {
    expect(kampung.map((k) => k.name)).toEqual(EXPECTED.map((e) => e[0]));
    EXPECTED.forEach(([name, desa, domains, composite, dims, setara, sentral], i) => {
      const k = kampung[i];
      expect(k.name).toBe(name);
      expect(k.region.desa).toBe(desa);
      expect(Object.values(k.domains)).toEqual(domains);
      expect(k.composite).toBe(composite);
      expect([k.ibangga.ketenteraman, k.ibangga.kemandirian, k.ibangga.kebahagiaan]).toEqual(dims);
      expect(k.ibangga.setara).toBe(setara);
      expect(k.ibangga.kemandirianSentral).toBe(sentral);
      expect(k.ibangga.band).toBe("tangguh");
    });
  });

  it("prints the domain table", () => {
    expect(printed).toMatch(/Sumurboto\s+2,0\s+1,0\s+1,4\s+1,3\s+1,7\s+1,48\s+92,4/);
    expect(printed).toMatch(/Ardi Raharja\s+1,5\s+1,0\s+0,7\s+0,7\s+1,3\s+1,04\s+79,9/);
  });

  it("holds the same numbers, formatted 0.0 / 0.00, in the summary sheets", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.worksheets[0].name).toBe("Penilaian");
    const ringkasan = book.getWorksheet("KKB Ringkasan")!;
    for (const [name, , domains, composite] of EXPECTED) {
      let found = false;
      ringkasan.eachRow((row) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (values[values.findIndex((v) => v === name)] !== name) return;
        found = true;
        const cells: ExcelJS.Cell[] = [];
        row.eachCell((c) => cells.push(c));
        const compositeCell = cells.find((c) => c.value === composite && c.numFmt === "0.00");
        expect(compositeCell).toBeDefined();
        for (const d of domains)
          expect(cells.some((c) => c.value === d && c.numFmt === "0.0")).toBe(true);
      });
      expect(found).toBe(true);
    }
    const ibangga = book.getWorksheet("KKB iBangga")!;
    const numbers: { value: number; format: string }[] = [];
    ibangga.eachRow((row) =>
      row.eachCell(
        (c) => typeof c.value === "number" && numbers.push({ value: c.value, format: c.numFmt })
      )
    );
    for (const [, , , , , setara, sentral] of EXPECTED) {
      expect(numbers).toContainEqual({ value: setara, format: "0.0" });
      expect(numbers).toContainEqual({ value: sentral, format: "0.0" });
    }
  });

  it("leaves the input byte-identical", () => {
    expect(sha256(EXAMPLE)).toBe(inputHash);
  });
});
