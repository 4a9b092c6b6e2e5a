/**
 * `kkb ringkas ... --profil [wilayah]` (issue 15, Deliver 2): KKB Profil Cetak holds one page
 * per kampung (a title naming the kampung on each, a page break before every page but the
 * first), for all kampung or those of one region; above 200, or for a region with no kampung, a
 * clear message and nothing written.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { gridFromRows } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { benchHeaders, generateRows } from "../bench/generate";
import { tempDir, zipEntry } from "../helpers/files";
import { run } from "./run";

const EXAMPLE = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-cli-profil-");
afterAll(() => tmp.remove());

/** The titles of the printed pages of KKB Profil Cetak, and its sheet XML's row breaks. */
async function cetak(file: string): Promise<{ titles: string[]; breaks: string | null }> {
  const grids = await readWorkbook(file);
  const index = grids.findIndex((g) => g.sheet === "KKB Profil Cetak");
  expect(index).toBeGreaterThanOrEqual(0);
  const grid = grids[index];
  const titles = grid.rows
    .map((r) => r[0 - grid.originCol])
    .filter((v): v is string => typeof v === "string" && v.startsWith("Profil Kampung KB: "));
  const xml = zipEntry(file, `xl/worksheets/sheet${index + 1}.xml`) ?? "";
  const at = xml.indexOf("<rowBreaks");
  return { titles, breaks: at < 0 ? null : xml.slice(at, xml.indexOf("</rowBreaks>") + 12) };
}

describe("kkb ringkas --profil", () => {
  it("writes one page per kampung of the file, with page breaks between them", async () => {
    const output = tmp.file("semua.xlsx");
    const r = await run("ringkas", EXAMPLE, "-o", output, "--profil");
    expect(r.code).toBe(0);
    const { titles, breaks } = await cetak(output);
    expect(titles).toEqual([
      "Profil Kampung KB: Sumurboto",
      "Profil Kampung KB: Asri Sejahtera",
      "Profil Kampung KB: Wisata Asri",
      "Profil Kampung KB: Ardi Raharja",
    ]);
    expect(breaks).toContain('count="3"');
    expect(breaks).toContain('<brk id="40" max="16383" man="1"/>');
    // The choosable page is there too, and the whole summary is unchanged otherwise.
    const sheets = (await readWorkbook(output)).map((g) => g.sheet);
    expect(sheets).toEqual(expect.arrayContaining(["KKB Ringkasan", "KKB Profil"]));
  });

  it("summarising that summary again writes KKB Profil and KKB Profil Cetak afresh", async () => {
    const first = tmp.file("pertama.xlsx");
    expect((await run("ringkas", EXAMPLE, "-o", first, "--profil")).code).toBe(0);
    const again = tmp.file("lagi.xlsx");
    expect((await run("ringkas", first, "-o", again, "--profil")).code).toBeLessThanOrEqual(1);
    const sheets = (await readWorkbook(again)).map((g) => g.sheet);
    expect(sheets.filter((s) => s.startsWith("KKB Profil"))).toEqual([
      "KKB Profil",
      "KKB Profil Cetak",
    ]);
  });

  it("without --profil writes KKB Profil but no KKB Profil Cetak", async () => {
    const output = tmp.file("tanpa.xlsx");
    expect((await run("ringkas", EXAMPLE, "-o", output)).code).toBe(0);
    const sheets = (await readWorkbook(output)).map((g) => g.sheet);
    expect(sheets).toContain("KKB Profil");
    expect(sheets).not.toContain("KKB Profil Cetak");
  });

  it("writes the kampung of one region (matched case- and space-free)", async () => {
    const output = tmp.file("wilayah.xlsx");
    const r = await run("ringkas", EXAMPLE, "-o", output, "--profil", "  kota   semarang ");
    expect(r.code).toBe(0);
    const { titles } = await cetak(output);
    expect(titles).toEqual(["Profil Kampung KB: Sumurboto", "Profil Kampung KB: Asri Sejahtera"]);
  });

  it("says so when no kampung is in the region, and writes nothing", async () => {
    const output = tmp.file("tidak-ada.xlsx");
    const r = await run("ringkas", EXAMPLE, "-o", output, "--profil", "Atlantis");
    expect(r.code).toBe(2);
    expect(r.err).toContain('tidak ada kampung di wilayah "Atlantis"');
    expect(existsSync(output)).toBe(false);
    const en = await run(
      "--lang",
      "en",
      "summarize",
      EXAMPLE,
      "-o",
      output,
      "--profil",
      "Atlantis"
    );
    expect(en.err).toContain('no kampung in "Atlantis"');
  });

  it("above 200 kampung asks for a region; a region of the same file works", async () => {
    const rows = generateRows(201, 11);
    const input = tmp.file("besar.xlsx");
    await writeWorkbook(input, [], {
      copies: [{ name: "Data", grid: gridFromRows("Data", [benchHeaders(), ...rows]) }],
    });
    const output = tmp.file("besar-ringkasan.xlsx");
    const r = await run("ringkas", input, "-o", output, "--profil");
    expect(r.code).toBe(2);
    expect(r.err).toContain("201 kampung terlalu banyak untuk dicetak (paling banyak 200)");
    expect(r.err).toContain("Pilih satu wilayah");
    expect(existsSync(output)).toBe(false);
    // The first kampung's kecamatan (column C of the generated rows) is a region of the file.
    const kecamatan = String(rows[0][2]);
    const ok = await run("ringkas", input, "-o", output, "--profil", kecamatan);
    expect(ok.code).toBeLessThanOrEqual(1);
    const { titles } = await cetak(output);
    const inRegion = rows.filter((row) => row[2] === kecamatan).length;
    expect(titles).toHaveLength(inRegion);
    expect(inRegion).toBeGreaterThan(0);
  }, 60_000);
});
