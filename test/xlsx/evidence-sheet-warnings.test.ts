/**
 * The Bukti (evidence) sheet gets the warnings the data sheet gets (attack s16 D4): overlapping
 * merges (MERGE_OVERLAP) and lone surrogates (TEXT_LONE_SURROGATE); and a lone surrogate is
 * named only in a cell whose text KKB reads (not in a "Catatan" column it does not read).
 */
import { readInput } from "../../src/workbook/input";
import { readWorkbook } from "../../src/xlsx/read";
import { exampleRows } from "../helpers/example";
import { packageWithSheets } from "../helpers/sheet-package";

const BUKTI_HEADER = [
  "Kampung",
  "Sub-indikator",
  "Tanggal",
  "Sumber",
  "Kutipan/Halaman",
  "Catatan",
];

/** The example's data sheet (with an unread Catatan column) and a Bukti sheet. */
async function read(data: unknown[][], bukti: unknown[][], buktiMerges: string[] = []) {
  const bytes = await packageWithSheets([
    { name: "Penilaian", rows: data },
    { name: "Bukti", rows: bukti, merges: buktiMerges },
  ]);
  return readInput(await readWorkbook(bytes, { name: "bukti.xlsx" }), { lang: "id" });
}

function rows() {
  const data = exampleRows()
    .slice(0, 4)
    .map((r, i) => [...r, i === 0 ? "Catatan" : "catatan petugas"]);
  const bukti = [
    BUKTI_HEADER,
    ["Sumurboto", "Koordinasi - Regulasi", "2024-08-02", "SK Kepala Desa", "hlm. 1", "-"],
    ["Sumurboto", "Koordinasi - Struktur", "2024-07-30", "Notulen rapat", "hlm. 2", "-"],
    ["Sumurboto", "Koordinasi - Praktik", "2024-07-30", "Rencana aksi", "hlm. 3", "-"],
  ];
  return { data, bukti };
}

describe("warnings on the Bukti sheet (attack s16 D4)", () => {
  it("overlapping merges on the Bukti sheet are said there", async () => {
    const { data, bukti } = rows();
    const result = await read(data, bukti, ["D2:E3", "E3:E4"]);
    const overlap = result.issues.filter((i) => i.code === "MERGE_OVERLAP");
    expect(overlap).toHaveLength(1);
    expect(overlap[0]).toMatchObject({ sheet: "Bukti", cell: "E3" });
    expect(overlap[0].message).toContain("D2:E3 (dipakai) & E3:E4 (diabaikan)");
  });

  it("lone surrogates in the Bukti sheet's columns are named; its unread column is not", async () => {
    const { data, bukti } = rows();
    bukti[1][0] = "Sumurboto_xD800_";
    bukti[2][3] = "Notulen _xDC00_ rapat";
    bukti[3][5] = "catatan _xD800_";
    const result = await read(data, bukti);
    const lone = result.issues.filter((i) => i.code === "TEXT_LONE_SURROGATE");
    expect(lone).toHaveLength(1);
    expect(lone[0]).toMatchObject({ sheet: "Bukti", cell: "A2" });
    expect(lone[0].message).toContain("Sel A2, D3 berisi");
  });

  it("on the data sheet, a lone surrogate in a column KKB does not read is not named", async () => {
    const { data, bukti } = rows();
    const catatan = data[0].length - 1;
    data[1][catatan] = "catatan _xD800_";
    expect(
      (await read(data, bukti)).issues.filter((i) => i.code === "TEXT_LONE_SURROGATE")
    ).toEqual([]);
    data[2][0] = "Asri_xD800_Sejahtera";
    const lone = (await read(data, bukti)).issues.filter((i) => i.code === "TEXT_LONE_SURROGATE");
    expect(lone).toHaveLength(1);
    expect(lone[0]).toMatchObject({ sheet: "Penilaian", cell: "A3" });
    expect(lone[0].message).toContain("Sel A3 berisi");
  });
});
