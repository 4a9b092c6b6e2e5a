/**
 * KKB Profil on the real thing (issue 15, "Done when"): the demo's summary is written as the CLI
 * writes it; openpyxl (Debian's /usr/bin/python3) sets the choice cell to each of the four
 * kampung in turn; LibreOffice headless recalculates every formula on load and saves; openpyxl
 * reads the recalculated page back. Each page must show that kampung's published domain scores,
 * composite and iBangga figures (METHOD.md's worked example for Sumurboto and Kandri, KKB's own
 * results for all four). Rendered to PDF, the profile is one A4 page. Skipped, saying so, when
 * LibreOffice, poppler or openpyxl is missing.
 *
 * KKB_PRINT_DIR=<folder> keeps the PDF and an 80 dpi PNG of the profile page there, to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { DOMAINS } from "../../src/engine/framework";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { choiceLabels, rubricMeaning } from "../../src/workbook/profil";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { recalcProfile } from "../bench/sections";
import { EXPECTED } from "../helpers/example";
import { tempDir } from "../helpers/files";

const DEMO = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const PYTHON = "/usr/bin/python3";

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: "utf8" }).status === 0;
}

const ready =
  has("sh", ["-c", "command -v soffice && command -v pdftotext && command -v pdfinfo"]) &&
  has(PYTHON, ["-c", "import openpyxl"]);
if (!ready) {
  console.warn(
    "profil.test.ts skipped: needs soffice, poppler-utils and openpyxl in /usr/bin/python3"
  );
}
const withTools = ready ? describe : describe.skip;

const tmp = tempDir("kkb-profil-");
afterAll(() => tmp.remove());

// The page's cells (1-based rows, as openpyxl and Excel name them): the choice B8; the domain
// table from row 15 (sub-indicator values in C16:C30, each domain's score in E beside its first
// sub-indicator); composite H8; ranks in the file, kecamatan, kabupaten/kota in I9:I11;
// iBangga setara H13 and kemandirian-sentral H14, the band in I13 (the weights are setara).
const CHOICE = "B8";
const DOMAIN_SCORE_CELLS = ["E16", "E19", "E22", "E25", "E28"];
const READ_CELLS = [
  "B8",
  "B9",
  "B13",
  ...DOMAIN_SCORE_CELLS,
  "C16",
  "D16",
  "C24",
  "D24",
  "H8",
  "I9",
  "I11",
  "H13",
  "H14",
  "I13",
  "G16",
];

function run(command: string, args: string[], timeout = 180_000) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout;
}

withTools("KKB Profil recalculated by LibreOffice (issue 15)", () => {
  it("shows each kampung's published scores when chosen, and prints on one A4 page", async () => {
    const grids = await readWorkbook(DEMO);
    const read = readInput([...grids], { lang: "id" });
    const now = new Date(2026, 10, 30, 9, 0);
    const summary = buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "contoh-jateng-2024.xlsx",
      now,
    });
    const file = tmp.file("ringkasan-contoh.xlsx");
    await writeWorkbook(file, summary.sheets, {
      copies: grids.map((g) => ({ name: g.sheet, grid: g })),
    });
    const kampung = summary.results.kampung;
    expect(kampung).toHaveLength(4);
    const labels = choiceLabels(kampung, "id");

    // openpyxl: one copy per kampung with the choice set (user text: a name, never a formula).
    const chosen = labels.map((_, i) => tmp.file(`pilih-${i + 1}.xlsx`));
    const script = [
      "import sys, json, openpyxl",
      "src, picks = sys.argv[1], json.loads(sys.argv[2])",
      "for out, name in picks:",
      "    wb = openpyxl.load_workbook(src)",
      "    wb['KKB Profil']['" + CHOICE + "'] = name",
      "    wb.save(out)",
    ].join("\n");
    run(PYTHON, ["-c", script, file, JSON.stringify(chosen.map((c, i) => [c, labels[i]]))]);

    // LibreOffice recalculates every formula on load (its profile says so) and saves.
    const outDir = tmp.file("lo-out");
    mkdirSync(outDir, { recursive: true });
    run("soffice", [
      `-env:UserInstallation=${recalcProfile(tmp.file("lo-profile"))}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...chosen,
    ]);
    const reader = [
      "import sys, json, openpyxl",
      "cells = json.loads(sys.argv[1])",
      "out = []",
      "for f in sys.argv[2:]:",
      "    ws = openpyxl.load_workbook(f, data_only=True)['KKB Profil']",
      "    out.append({c: ws[c].value for c in cells})",
      "print(json.dumps(out))",
    ].join("\n");
    const pages = JSON.parse(
      run(PYTHON, [
        "-c",
        reader,
        JSON.stringify(READ_CELLS),
        ...chosen.map((c) => path.join(outDir, path.basename(c))),
      ])
    ) as Record<string, string | number | null>[];

    const ranks = summary.analysis.kampung;
    pages.forEach((page, i) => {
      const k = kampung[i];
      expect(page.B8).toBe(labels[i]);
      expect(page.B9).toBe(k.region.desa);
      expect(page.G16).toBe(k.name);
      // KKB's results (the published ones, test/xlsx/example.test.ts checks them against METHOD.md).
      DOMAINS.forEach((d, j) => expect(page[DOMAIN_SCORE_CELLS[j]]).toBe(k.domains[d.key]));
      expect(page.H8).toBe(k.composite);
      expect(page.I9).toBe(ranks[i].ranks.composite);
      expect(page.I11).toBe(ranks[i].regionRanks.kabupaten?.composite);
      expect(page.H13).toBe(k.ibangga?.setara);
      expect(page.H14).toBe(k.ibangga?.kemandirianSentral);
      expect(page.C16).toBe(k.subscores.koordinasi.regulasi);
      // The rubric meaning beside each value.
      expect(typeof page.D16).toBe("string");
      expect(String(page.D16).length).toBeGreaterThan(0);
      // The published figures (METHOD.md's worked example; the demo names Kandri Asri Sejahtera).
      const published = EXPECTED[i];
      expect(k.name).toBe(published.name);
      expect(DOMAIN_SCORE_CELLS.map((c) => page[c])).toEqual(published.domains);
      expect(page.H8).toBe(published.composite);
      expect([page.H13, page.H14]).toEqual([published.setara, published.kemandirianSentral]);
    });
    // The rubric meaning of each value, as the formula gives it and as KKB words it; Sumurboto's
    // Penggunaan (C24) is 0.7, between two rubric levels, and says so.
    pages.forEach((page) => {
      expect(page.D16).toBe(rubricMeaning(page.C16 as number, "id"));
      expect(page.D24).toBe(rubricMeaning(page.C24 as number, "id"));
    });
    expect(pages[0].C24).toBe(0.7);
    expect(pages[0].D24).toBe("antara: tidak ada / ada tetapi parsial");

    // On paper: the profile page (as written: the first kampung chosen) is one A4 page.
    const pdfDir = tmp.file("pdf");
    run("soffice", [
      `-env:UserInstallation=${recalcProfile(tmp.file("lo-profile"))}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      pdfDir,
      file,
    ]);
    const pdf = path.join(pdfDir, "ringkasan-contoh.pdf");
    expect(existsSync(pdf)).toBe(true);
    const info = run("pdfinfo", ["-f", "1", "-l", "9999", pdf]);
    const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    const texts = sizes.map((m) => run("pdftotext", ["-layout", "-f", m[1], "-l", m[1], pdf, "-"]));
    const profil = texts
      .map((text, i) => ({
        text,
        page: i + 1,
        width: Number(sizes[i][2]),
        height: Number(sizes[i][3]),
      }))
      .filter(
        (p) =>
          p.text.includes("Profil Kampung KB") ||
          p.text.includes("Bacaan hasil") ||
          p.text.includes("Arti rubrik")
      );
    expect(profil).toHaveLength(1);
    const [page] = profil;
    expect(Math.round(page.width)).toBe(842); // A4 landscape
    expect(Math.round(page.height)).toBe(595);
    // Everything on that one page: identity, the domains, ranks, iBangga, reading, stamp.
    for (const text of [
      "Profil Kampung KB",
      "Metode: ",
      labels[0],
      "Arti rubrik",
      "Peringkat di kabupaten/kota",
      "iBangga setara",
      "Rujukan nasional iBangga",
      "Langkah berikutnya",
      "Cakupan bukti",
    ])
      expect(page.text).toContain(text);
    // The radar's numbers are headed by the domains' names, none broken across lines (a column
    // 10 wide printed "Interopera" over "bilitas").
    expect(page.text).not.toMatch(/Interopera(?!bilitas)/);
    const keep = process.env.KKB_PRINT_DIR;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      copyFileSync(pdf, path.join(keep, "profil.pdf"));
      spawnSync("pdftoppm", [
        "-f",
        String(page.page),
        "-l",
        String(page.page),
        "-r",
        "80",
        "-png",
        pdf,
        path.join(keep, "profil"),
      ]);
    }
  }, 300_000);
});
