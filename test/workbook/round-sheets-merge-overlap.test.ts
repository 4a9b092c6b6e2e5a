/**
 * Rounds on separate sheets (`--sheet A --sheet B`): each sheet read as a round says its own
 * overlapping merges (MERGE_OVERLAP at its own sheet and cell), not only the sheet the read is
 * named after; the evidence sheet's is said once.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readChosenInput } from "../../src/workbook/choose-input";
import { readWorkbook } from "../../src/xlsx/read";
import { run } from "../cli/run";
import { exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";
import { packageWithSheets } from "../helpers/sheet-package";

const tmp = tempDir("kkb-round-overlap-");
afterAll(() => tmp.remove());

const BUKTI = [
  ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"],
  ["Sumurboto", "Koordinasi - Regulasi", "2024-08-01", "SK Lurah", "hlm. 2"],
];

async function workbook(): Promise<string> {
  const file = tmp.file("periode-rusak.xlsx");
  const bytes = await packageWithSheets([
    // F2:G3 and G3:H4 share G3; on the second sheet, J2:K3 and K3:L4 share K3.
    { name: "Penilaian 2024-T1", rows: exampleRows(), merges: ["F2:G3", "G3:H4"] },
    { name: "Penilaian 2024-T2", rows: exampleRows(), merges: ["J2:K3", "K3:L4"] },
    { name: "Bukti", rows: BUKTI, merges: ["D2:E2", "E2:E3"] },
  ]);
  writeFileSync(file, bytes);
  return file;
}

describe("MERGE_OVERLAP on sheets read as rounds", () => {
  it("each sheet's overlapping merges are said at its own sheet, the evidence sheet's once", async () => {
    const file = await workbook();
    const grids = await readWorkbook(readFileSync(file), { name: "periode-rusak.xlsx" });
    const read = readChosenInput(grids, {
      lang: "id",
      sheets: [{ sheet: "Penilaian 2024-T1" }, { sheet: "Penilaian 2024-T2" }],
    });
    expect(read.fatal).toBe(false);
    const overlaps = read.issues.filter((i) => i.code === "MERGE_OVERLAP");
    expect(overlaps.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual([
      "Bukti!E2",
      "Penilaian 2024-T1!G3",
      "Penilaian 2024-T2!K3",
    ]);
    expect(overlaps.find((i) => i.sheet === "Penilaian 2024-T2")?.message).toContain(
      "J2:K3 (dipakai) & K3:L4 (diabaikan)"
    );

    const cli = await run(
      "validate",
      file,
      "--sheet",
      "Penilaian 2024-T1",
      "--sheet",
      "Penilaian 2024-T2",
      "--json"
    );
    const json = JSON.parse(cli.out) as { issues: { code: string; sheet: string }[] };
    expect(
      json.issues
        .filter((i) => i.code === "MERGE_OVERLAP")
        .map((i) => i.sheet)
        .sort()
    ).toEqual(["Bukti", "Penilaian 2024-T1", "Penilaian 2024-T2"]);
  });
});
