/**
 * The browser writer of the outside-Excel path (src/xlsx/write-bytes.ts): the summary workbook as
 * bytes, read back with ExcelJS, holds the KKB sheets, the published composites, links that stay
 * inside the workbook, and the charts and tables the CLI's file has (the same package writer).
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { SETARA } from "../../src/engine/ibangga";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { templateSheets } from "../../src/workbook/template";
import { writeWorkbookBytes } from "../../src/xlsx/write-bytes";
import { EXPECTED, exampleGrid } from "../helpers/example";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("writeWorkbookBytes", () => {
  const grid = exampleGrid("Penilaian");
  const read = readInput([grid], { lang: "id" });
  const summary = buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "contoh.xlsx",
    now: new Date(2025, 0, 2, 3, 4),
  });

  it("writes the input copy and the KKB sheets, with the composites as numbers", async () => {
    const steps: string[] = [];
    let packed = false;
    const bytes = await writeWorkbookBytes(summary.sheets, {
      copies: [{ name: "Penilaian", grid }],
      onSheet: (name, index, total) => steps.push(`${index + 1}/${total} ${name}`),
      onPack: () => (packed = true),
    });
    // The input copy, then the summary sheets (KKB Ketidakpastian since issue 16).
    expect(steps[0]).toBe(`1/${summary.sheets.length + 1} Penilaian`);
    expect(packed).toBe(true);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Penilaian",
      ...summary.sheets.map((s) => s.name),
    ]);
    const sheet = workbook.getWorksheet("KKB Ringkasan")!;
    const composites: Record<string, unknown> = {};
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      const name = values[2];
      // Kampung rows: No, Kampung, five domains, Komposit.
      if (typeof values[1] === "number" && typeof name === "string") composites[name] = values[8];
    });
    expect(composites).toEqual(Object.fromEntries(EXPECTED.map((e) => [e.name, e.composite])));
  });

  it("links KKB Validasi to the cells inside the workbook, with no external target", async () => {
    const bytes = await writeWorkbookBytes(summary.sheets, {
      copies: [{ name: "Penilaian", grid }],
    });
    const zip = await JSZip.loadAsync(bytes);
    const index = ["Penilaian", ...summary.sheets.map((s) => s.name)].indexOf("KKB Validasi") + 1;
    const xml = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
    // The list's first row (under the counts by kind) links to the first issue's cell.
    expect(xml).toMatch(/<hyperlink ref="C14" location="&apos;Penilaian&apos;!N2"\/>/);
    // Its relationships are its Excel table's; nothing points outside the workbook.
    const rels = await zip.file(`xl/worksheets/_rels/sheet${index}.xml.rels`)!.async("string");
    expect(rels).not.toMatch(/TargetMode="External"|hyperlink/);
  });

  it("writes what the CLI writes: native charts and Excel tables too (one writer, issue 13 item 4)", async () => {
    const bytes = await writeWorkbookBytes(summary.sheets, {
      copies: [{ name: "Penilaian", grid }],
    });
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBeGreaterThan(0);
    expect(names.filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).length).toBeGreaterThan(0);
    const radar = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(radar).toContain("<c:radarChart>");
  });

  it("writes the template with its data validation", async () => {
    const workbook = await load(await writeWorkbookBytes(templateSheets("id")));
    const input = workbook.getWorksheet("KKB Input")!;
    expect(input.getRow(1).getCell(1).value).toBe("Kampung");
    const validations = (
      input as unknown as {
        dataValidations: { model: Record<string, { type: string; prompt?: string }> };
      }
    ).dataValidations.model;
    const scores = Object.values(validations).find((v) => v.type === "decimal");
    // The rubric's steps as the score cells' input message says them, 0,5 too (METHOD.md).
    expect(scores?.prompt).toMatch(/^0 = instrumen tidak ada .*; 0,5 juga sah\.$/);
    expect(scores!.prompt!.length).toBeLessThanOrEqual(255); // Excel's limit
  });

  it("refuses duplicate or invalid sheet names", async () => {
    await expect(
      writeWorkbookBytes(summary.sheets, { copies: [{ name: "kkb ringkasan", grid }] })
    ).rejects.toThrow(/Duplicate sheet name/);
    await expect(writeWorkbookBytes([], { copies: [{ name: "a/b", grid }] })).rejects.toThrow(
      /Invalid sheet name/
    );
  });
});
