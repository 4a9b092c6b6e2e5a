/**
 * Many overlapping <mergeCell>s (attack s16, D1, D2, D5): resolving them tests each merge only
 * against the merges kept so far, so the pairs tested grow with the number of merges, not its
 * square; the warning lists distinct pairs once, at most 10, then "dan N lainnya", with the total.
 */
import { readWorkbook } from "../../src/xlsx/read";
import { readInput } from "../../src/workbook/input";
import { resolveMergeOverlaps } from "../../src/workbook/merge-overlaps";
import type { GridRect } from "../../src/workbook/grid";
import { exampleRows } from "../helpers/example";
import { packageWith } from "../helpers/sheet-package";

const rect = (top: number, left: number, bottom: number, right: number): GridRect => ({
  top,
  left,
  bottom,
  right,
});

/** Resolves and returns the counts, with the pairs tested. */
function resolve(merges: GridRect[]) {
  const counter = { checks: 0 };
  const { kept, overlaps } = resolveMergeOverlaps(merges, counter);
  return { kept: kept.length, dropped: overlaps.length, checks: counter.checks, overlaps };
}

describe("many overlapping merged ranges", () => {
  it("100,000 copies of one merge: 1 kept, 99,999 dropped, one pair tested each", () => {
    const n = 100_000;
    const r = resolve(Array.from({ length: n }, () => rect(1, 25, 2, 26)));
    expect(r).toMatchObject({ kept: 1, dropped: n - 1 });
    expect(r.checks).toBe(n - 1);
  });

  it("stacked 2x2 merges each overlapping the next: every other one kept", () => {
    const n = 100_000;
    const r = resolve(Array.from({ length: n }, (_, i) => rect(1 + i, 25, 2 + i, 26)));
    expect(r).toMatchObject({ kept: n / 2, dropped: n / 2 });
    expect(r.checks).toBeLessThanOrEqual(4 * n);
    expect(r.overlaps[0]).toEqual({ kept: rect(1, 25, 2, 26), dropped: rect(2, 25, 3, 26) });
  });

  it("brick-laid 2x2 merges over 200 columns and 100,000 disjoint merges", () => {
    const n = 100_000;
    const bricks = Array.from({ length: n }, (_, i) => {
      const r = 1 + Math.floor(i / 200);
      const c = 29 + (i % 200);
      return rect(r, c, r + 1, c + 1);
    });
    const b = resolve(bricks);
    expect(b.kept + b.dropped).toBe(n);
    expect(b.checks).toBeLessThanOrEqual(16 * n);
    const disjoint = Array.from({ length: n }, (_, i) => rect(2 * i, 0, 2 * i + 1, 3));
    const d = resolve(disjoint);
    expect(d).toMatchObject({ kept: n, dropped: 0 });
    expect(d.checks).toBeLessThanOrEqual(4 * n);
  });

  it("tall merges side by side that do not overlap, and one that covers them all", () => {
    const tall = Array.from({ length: 5_000 }, (_, i) => rect(9, 29 + i, 9 + 50_000, 29 + i));
    const t = resolve(tall);
    expect(t).toMatchObject({ kept: 5_000, dropped: 0 });
    expect(t.checks).toBeLessThanOrEqual(4 * 5_000);
    // Listed after them, a merge over all of them is dropped against the first; listed before,
    // it wins and they are all dropped against it.
    const all = rect(0, 0, 60_000, 6_000);
    expect(resolve([...tall, all]).overlaps).toEqual([{ kept: tall[0], dropped: all }]);
    const first = resolve([all, ...tall]);
    expect(first).toMatchObject({ kept: 1, dropped: 5_000 });
  });

  it("reports the earliest-listed kept merge a dropped one overlaps", () => {
    const a = rect(0, 0, 0, 1);
    const b = rect(1, 0, 1, 1);
    const c = rect(0, 0, 1, 1); // overlaps a and b: named with a
    const d = rect(1, 1, 1, 1); // overlaps b (and c, left out): named with b
    expect(resolveMergeOverlaps([b, a, c, d]).overlaps).toEqual([
      { kept: b, dropped: c },
      { kept: b, dropped: d },
    ]);
    expect(resolveMergeOverlaps([a, b, c, d]).overlaps).toEqual([
      { kept: a, dropped: c },
      { kept: b, dropped: d },
    ]);
  });
});

describe("the MERGE_OVERLAP message", () => {
  const rows = exampleRows().slice(0, 4);

  async function message(merges: string[], lang: "id" | "en") {
    const [grid] = await readWorkbook(await packageWith(rows, merges), { name: "rusak.xlsx" });
    const issues = readInput([grid], { lang }).issues.filter((i) => i.code === "MERGE_OVERLAP");
    expect(issues).toHaveLength(1);
    return issues[0].message;
  }

  it("names a pair repeated by copies once, with how many were left out", async () => {
    const id = await message(
      Array.from({ length: 500 }, () => "Z2:AA3"),
      "id"
    );
    expect(id.split("Z2:AA3 (dipakai) & Z2:AA3 (diabaikan)")).toHaveLength(2);
    expect(id).toContain("(499 gabungan diabaikan)");
    expect(id).not.toContain("lainnya");
    const en = await message(
      Array.from({ length: 500 }, () => "Z2:AA3"),
      "en"
    );
    expect(en).toContain("Z2:AA3 (used) & Z2:AA3 (ignored) (499 merges ignored)");
  });

  it("writes a single-cell merge as one cell", async () => {
    const id = await message(["G3", "G3:G3", "F2:G3"], "id");
    expect(id).toContain("G3 (dipakai) & G3 (diabaikan); G3 (dipakai) & F2:G3 (diabaikan)");
    expect(id).not.toContain("G3:G3");
  });

  it("lists at most 10 distinct pairs, then how many more", async () => {
    const stack = Array.from({ length: 2_000 }, (_, i) => `Z${i + 2}:AA${i + 3}`);
    const id = await message(stack, "id");
    expect(id.match(/\(diabaikan\)/g)).toHaveLength(10);
    expect(id).toContain("Z2:AA3 (dipakai) & Z3:AA4 (diabaikan)");
    expect(id).toContain(" dan 990 lainnya (1000 gabungan diabaikan)");
    expect(id.length).toBeLessThan(1_000);
    const en = await message(stack, "en");
    expect(en).toContain(" and 990 more (1000 merges ignored)");
  });
});
