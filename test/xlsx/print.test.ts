/**
 * What the summary looks like on paper: the demo summary (the CLI's output for the bundled
 * example, copies of the input sheets included) and a generated 30-kampung district summary are
 * rendered to PDF by LibreOffice headless, then read back with poppler: every page A4
 * landscape, the pages each sheet takes, the kampung table's header repeated on every page it
 * spans, and every next-step sentence whole in `pdftotext -layout`. Skipped, saying so, when
 * LibreOffice or poppler is not installed (CI installs libreoffice-calc and poppler-utils).
 *
 * KKB_PRINT_DIR=<folder> keeps the PDFs and 60 dpi PNG pages there, to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { CellValue } from "../../src/engine/cell";
import { DOMAINS } from "../../src/engine/framework";
import { SETARA } from "../../src/engine/ibangga";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { SheetSpec, allRows } from "../../src/workbook/sheet-spec";
import { buildSummary } from "../../src/workbook/summary";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { benchHeaders, generateRows } from "../bench/generate";
import { tempDir } from "../helpers/files";

const DEMO = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const TOOLS = ["soffice", "pdftotext", "pdfinfo"] as const;

function which(tool: string): string | null {
  const run = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}

const missing = TOOLS.filter((t) => which(t) === null);
if (missing.length > 0) {
  console.warn(
    `print.test.ts skipped: ${missing.join(", ")} not installed (apt-get install libreoffice-calc poppler-utils)`
  );
}
const withTools = missing.length === 0 ? describe : describe.skip;

const tmp = tempDir("kkb-print-");
afterAll(() => tmp.remove());
const now = new Date(2026, 10, 30, 9, 0);

/** Renders the workbook to PDF with a private LibreOffice profile; returns the PDF's path. */
function toPdf(xlsx: string): string {
  const outdir = tmp.file("pdf");
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${tmp.file("lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outdir,
      xlsx,
    ],
    { timeout: 120_000, encoding: "utf8" }
  );
  expect(run.status).toBe(0);
  const pdf = path.join(outdir, path.basename(xlsx).replace(/\.xlsx$/, ".pdf"));
  expect(existsSync(pdf)).toBe(true);
  const keep = process.env.KKB_PRINT_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(pdf, path.join(keep, path.basename(pdf)));
    const prefix = path.join(keep, path.basename(pdf, ".pdf"));
    spawnSync("pdftoppm", ["-r", "60", "-png", pdf, prefix]);
  }
  return pdf;
}

interface Page {
  readonly width: number;
  readonly height: number;
  /** `pdftotext -layout` of the page. */
  readonly text: string;
}

function pages(pdf: string): Page[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
  return sizes.map((m, i) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    text: spawnSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
      encoding: "utf8",
    }).stdout,
  }));
}

/** The pages of one sheet: from the page with its title to the page before the next title. */
function sheetPages(all: readonly Page[], title: string, titles: readonly string[]): Page[] {
  const start = all.findIndex((p) => p.text.includes(title));
  if (start < 0) return [];
  let end = start + 1;
  while (end < all.length && !titles.some((t) => all[end].text.includes(t))) end++;
  return all.slice(start, end);
}

/**
 * The text of the last column, from the header's left edge to the end of each line, on every
 * page that shows the header: the wrapped lines of one cell follow one another.
 */
function lastColumnText(sheet: readonly Page[], header: string): string {
  let text = "";
  for (const page of sheet) {
    const lines = page.text.split("\n");
    const at = lines.findIndex((l) => l.includes(header));
    if (at < 0) continue;
    const x = lines[at].indexOf(header);
    for (const line of lines.slice(at + 1)) text += ` ${line.slice(x)}`;
  }
  return text.replace(/\s+/g, " ");
}

async function summarise(grids: readonly Grid[], file: string, source: string) {
  const read = readInput([...grids], { lang: "id" });
  const summary = buildSummary(read, { lang: "id", weights: SETARA, source, now });
  await writeWorkbook(file, summary.sheets, {
    copies: grids.map((g) => ({ name: g.sheet, grid: g })),
  });
  return summary;
}

/** Each kampung's next-step sentences, as the Ringkasan writes them (joined by " | "). */
function nextSteps(sheets: readonly SheetSpec[]): string[] {
  const ringkasan = sheets.find((s) => s.role === "ringkasan")!;
  const table = ringkasan.blocks.find((b) => b.kind === "table" && b.name === "KKB_Ringkasan");
  if (table?.kind !== "table") throw new Error("no kampung table");
  const column = table.header.indexOf("Langkah berikutnya");
  return allRows(table.rows)
    .flatMap((r) => String(r[column] ?? "").split(" | "))
    .filter(Boolean);
}

const TITLES = [
  "Ringkasan konvergensi Kampung KB",
  "Skor sub-indikator dan domain",
  "iBangga: dimensi, komposit, dan kategori",
  "Rata-rata menurut wilayah",
  "Ketidakpastian peringkat dan asosiasi dengan iBangga",
  "Hasil pemeriksaan data",
  "Profil Kampung KB",
];

/** 30 kampung of one district, in six kecamatan, with long names that wrap. */
function districtGrid(): Grid {
  const rows = generateRows(30, 7).map((row, i): CellValue[] => {
    const copy = row.slice();
    copy[0] = "Jawa Tengah";
    copy[1] = "Kabupaten Banyumas";
    copy[2] = `Kecamatan ${["Ajibarang", "Baturraden", "Cilongok", "Kembaran", "Sokaraja", "Sumbang"][i % 6]}`;
    copy[3] = `Desa Karang ${["Kemiri", "Lewas", "Nangka", "Salam", "Tengah"][i % 5]} ${i + 1}`;
    copy[4] = `Kampung KB ${["Mawar Sejahtera", "Melati Mandiri", "Anggrek Berseri", "Kenanga"][i % 4]} ${i + 1}`;
    // Every score present: the district is complete, so every kampung has its next steps.
    for (let c = 6; c < 21; c++) if (copy[c] === null) copy[c] = 1;
    return copy;
  });
  return gridFromRows("Penilaian", [benchHeaders(), ...rows]);
}

withTools("the summary on paper (LibreOffice headless, A4 landscape)", () => {
  it("has Carlito, the font LibreOffice lays the workbooks' Calibri out with", () => {
    // Without it LibreOffice falls back to a font of other widths, and the page counts below
    // fail for the machine, not the summary (the demo printed on 16 pages instead of 15).
    const fonts = spawnSync("fc-list", [], { encoding: "utf8" }).stdout ?? "";
    if (!/carlito/i.test(fonts))
      throw new Error("Carlito is not installed: apt-get install fonts-crosextra-carlito");
  });

  it("prints the demo summary readable, with every next step whole", async () => {
    const grids = await readWorkbook(DEMO);
    const file = tmp.file("ringkasan-contoh.xlsx");
    const summary = await summarise(grids, file, "contoh-jateng-2024.xlsx");
    const all = pages(toPdf(file));

    for (const page of all) expect(page.width).toBeGreaterThan(page.height);
    for (const page of all) expect(Math.round(page.width)).toBe(842); // A4 landscape
    // Each summary sheet on one or two pages (the demo's four kampung); the copies of the
    // input and evidence sheets before them.
    for (const title of TITLES) {
      const sheet = sheetPages(all, title, TITLES);
      expect(sheet.length).toBeGreaterThanOrEqual(1);
      expect(sheet.length).toBeLessThanOrEqual(2);
    }
    // The kampung table on the first page; its chart under it, on the next page when the
    // first has no room for it whole, without the table's header over it (the table is whole).
    const [first, ...rest] = sheetPages(all, TITLES[0], TITLES);
    expect(first.text).toContain("Langkah berikutnya");
    const chartPage = rest.find((p) => p.text.includes("Profil lima domain"));
    if (chartPage) expect(chartPage.text).not.toContain("Langkah berikutnya");
    // (Issue 15 adds KKB Profil's page and the ranks within regions on a page of KKB Wilayah;
    // issue 16 KKB Ketidakpastian's two pages.)
    expect(all.length).toBeLessThanOrEqual(15);

    const ringkasan = sheetPages(all, TITLES[0], TITLES);
    const column = lastColumnText(ringkasan, "Langkah berikutnya");
    const steps = nextSteps(summary.sheets);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(column).toContain(step);
    // The per-domain tables (Tabel 2-6) all print.
    const domain = sheetPages(all, TITLES[1], TITLES)
      .map((p) => p.text)
      .join("\n");
    DOMAINS.forEach((d, i) => expect(domain).toContain(`Tabel ${i + 2}. ${d.label.id}`));
  }, 180_000);

  it("prints a 30-kampung district with the header on every page and every next step whole", async () => {
    const grid = districtGrid();
    const file = tmp.file("ringkasan-kabupaten.xlsx");
    const summary = await summarise([grid], file, "kabupaten.xlsx");
    const all = pages(toPdf(file));

    for (const page of all) expect(page.width).toBeGreaterThan(page.height);
    const ringkasan = sheetPages(all, TITLES[0], TITLES);
    // The 30 kampung on at most four pages, each with the table's header; the table is longer
    // than a page, so the status means and their chart come first, together on a page without
    // the table's header (print-headers.ts).
    expect(ringkasan.length).toBeGreaterThanOrEqual(2);
    expect(ringkasan.length).toBeLessThanOrEqual(5);
    const first = ringkasan[0].text;
    expect(first).toContain("Rata-rata menurut status");
    expect(first).toContain("Profil domain menurut status");
    expect(first).not.toContain("Langkah berikutnya");
    const withTable = ringkasan.filter((p) => /Kampung KB \w+/.test(p.text));
    for (const page of withTable) expect(page.text).toContain("Langkah berikutnya");
    const column = lastColumnText(ringkasan, "Langkah berikutnya");
    const steps = nextSteps(summary.sheets);
    expect(steps.length).toBeGreaterThanOrEqual(30);
    for (const step of steps) expect(column).toContain(step);
    // Five per-domain tables, each whole on the page it starts (30 rows fit one page): the
    // sheet's title page, then one page per table.
    const domain = sheetPages(all, TITLES[1], TITLES);
    expect(domain).toHaveLength(6);
    DOMAINS.forEach((d, i) => {
      const text = domain[i + 1].text;
      expect(text.trimStart().startsWith(`Tabel ${i + 2}. ${d.label.id}`)).toBe(true);
      for (let k = 1; k <= 30; k++)
        expect(text).toMatch(new RegExp(`Kampung KB [A-Za-z ]+ ${k}\\b`));
    });
    expect(all.length).toBeLessThanOrEqual(30);
    expect(readdirSync(tmp.file("pdf")).length).toBeGreaterThan(0);
  }, 180_000);
});
