import { GridBuilder } from "../../src/xlsx/grid-builder";

describe("GridBuilder", () => {
  it("gives dense rows: holes as null, no trailing empty cells or rows", () => {
    const b = new GridBuilder("Data");
    // In column order (kept as set), with a gap, out of order, and a row emptied by a merge.
    ["A", 1, 2.5].forEach((v, c) => b.set(0, c, v));
    b.set(1, 0, "x");
    b.set(1, 3, 4);
    b.set(2, 2, "late");
    b.set(2, 0, "early");
    b.set(3, 0, "top");
    b.set(3, 1, "hidden by the merge");
    b.merge({ top: 3, left: 0, bottom: 3, right: 1 });
    b.set(6, 5, null);
    const grid = b.build();
    expect(grid.rows).toEqual([
      ["A", 1, 2.5],
      ["x", null, null, 4],
      ["early", null, "late"],
      ["top"],
    ]);
    for (const row of grid.rows) for (let c = 0; c < row.length; c++) expect(c in row).toBe(true);
  });
});
