/**
 * Overlapping <mergeCell>s (G2): Excel calls such a file damaged and repairs it. The reader
 * keeps the first listed merge, leaves the later overlapping one out (its cells keep their
 * values) and says so once, naming both ranges, in Indonesian and English.
 */
import { readWorkbook } from "../../src/xlsx/read";
import { readInput } from "../../src/workbook/input";
import { resolveMergeOverlaps } from "../../src/workbook/merge-overlaps";
import { exampleRows } from "../helpers/example";
import { packageWith } from "../helpers/sheet-package";

const rows = exampleRows().slice(0, 4);

describe("overlapping merged ranges", () => {
  it("keeps the first listed, reads the other's cells one by one, and warns once in both languages", async () => {
    // F2:G3 and G3:H4 share G3; J2:J3 overlaps nothing.
    const bytes = await packageWith(rows, ["F2:G3", "G3:H4", "J2:J3"]);
    const [grid] = await readWorkbook(bytes, { name: "rusak.xlsx" });
    expect(grid.merges).toEqual([
      { top: 1, left: 5, bottom: 2, right: 6 },
      { top: 1, left: 9, bottom: 2, right: 9 },
    ]);
    // Under the kept merge only F2 holds a value; under the left-out one H3 and H4 keep theirs.
    expect(grid.rows[1][6]).toBeNull();
    expect(grid.rows[2][5]).toBeNull();
    expect(grid.rows[2][7]).toBe(rows[2][7]);
    expect(grid.rows[3][7]).toBe(rows[3][7]);

    const id = readInput([grid], { lang: "id" });
    const overlaps = id.issues.filter((i) => i.code === "MERGE_OVERLAP");
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({ severity: "warning", sheet: "Data", cell: "G3" });
    expect(overlaps[0].message).toContain("F2:G3 (dipakai) & G3:H4 (diabaikan)");
    expect(overlaps[0].message).toContain("bertumpuk");
    expect(id.assessments).toHaveLength(3);
    expect(id.assessments[2].sub[2]).toBe(rows[3][7]);

    const en = readInput([grid], { lang: "en" });
    const [message] = en.issues.filter((i) => i.code === "MERGE_OVERLAP").map((i) => i.message);
    expect(message).toContain("F2:G3 (used) & G3:H4 (ignored)");
    expect(message).toContain("overlap");
  });

  it("a file whose merges do not overlap has no such warning", async () => {
    const [grid] = await readWorkbook(await packageWith(rows, ["F2:G3", "H3:H4"]), {
      name: "baik.xlsx",
    });
    expect(grid.mergeOverlaps).toBeUndefined();
    const read = readInput([grid], { lang: "id" });
    expect(read.issues.map((i) => i.code)).not.toContain("MERGE_OVERLAP");
  });

  it("the first listed wins, and a merge left out does not drop a later one", () => {
    const a = { top: 0, left: 0, bottom: 1, right: 1 };
    const b = { top: 1, left: 1, bottom: 2, right: 2 };
    const c = { top: 2, left: 2, bottom: 3, right: 3 };
    const d = { top: 5, left: 0, bottom: 9, right: 0 };
    // b overlaps a (listed first) and is left out; c overlaps only b, so it is kept.
    expect(resolveMergeOverlaps([a, b, c, d])).toEqual({
      kept: [a, c, d],
      overlaps: [{ kept: a, dropped: b }],
    });
    // Listed the other way round, c wins over b and b over a is moot: b is out, a and c kept.
    expect(resolveMergeOverlaps([c, b, a])).toEqual({
      kept: [c, a],
      overlaps: [{ kept: c, dropped: b }],
    });
    // A merge listed twice: the second is left out.
    expect(resolveMergeOverlaps([d, d]).overlaps).toHaveLength(1);
  });
});
