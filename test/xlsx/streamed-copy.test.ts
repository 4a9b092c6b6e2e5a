/**
 * Copies written while the input is read (streamed-copy.ts): byte for byte the copies
 * prepareCopies writes from the grids (and the same shared strings and styles before the
 * summary's), or none at all when a sheet cannot be streamed.
 */
import { inflateRawSync } from "node:zlib";
import * as zlib from "node:zlib";
import * as path from "node:path";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { DeflatedCopy, packageTables, PackageTables } from "../../src/xlsx/package-writer";
import { prepareCopies } from "../../src/xlsx/prepared-copy";
import { readWorkbook } from "../../src/xlsx/read";
import { BATCH_ROWS } from "../../src/xlsx/read-thread";
import { StreamedCopies } from "../../src/xlsx/streamed-copy";
import { kampungRows, writeXlsx } from "../bench/generate";
import { copyInputRows } from "../helpers/copy-rows";
import { tempDir } from "../helpers/files";

const SCRIPT = path.join(__dirname, "..", "helpers", "read-thread.js");
const tmp = tempDir("kkb-streamed-copy-");
afterAll(() => tmp.remove());

const inputRows = () => copyInputRows(2600);

/** The copy's XML, checked against its CRC-32 and size. */
function text(copy: DeflatedCopy): string {
  const bytes = inflateRawSync(Buffer.concat(copy.deflated));
  expect(bytes.length).toBe(copy.size);
  expect(zlib.crc32(bytes)).toBe(copy.crc32);
  return bytes.toString("utf8");
}

/** What the tables hold after the copies: the shared strings and the styles, as written. */
const tablesXml = (tables: PackageTables) => [...tables.strings.xml()].join("");

/** Gives `copies` the grids' rows in batches, as read-thread.ts does, and each sheet's end. */
function feed(copies: StreamedCopies, grids: readonly Grid[], order = (rows: number[]) => rows) {
  grids.forEach((grid, sheet) => {
    const all = order(grid.rows.map((_, r) => r));
    for (let at = 0; at < all.length; at += BATCH_ROWS) {
      const rows = all.slice(at, at + BATCH_ROWS);
      copies.rows(
        sheet,
        rows,
        rows.map((r) => grid.rows[r])
      );
    }
    copies.sheetEnd(sheet, grid);
  });
}

async function expectSameAsPrepared(copies: StreamedCopies, grids: readonly Grid[]) {
  const streamed = await copies.finish(grids);
  expect(streamed).not.toBeNull();
  const tables = packageTables();
  const prepared = await prepareCopies(
    grids.map((grid) => ({ name: grid.sheet, grid })),
    tables
  );
  expect(streamed?.map(text)).toEqual(prepared.map(text));
  expect(streamed?.map((c) => [c.name, c.rows])).toEqual(prepared.map((c) => [c.name, c.rows]));
  expect(tablesXml(copies.tables)).toBe(tablesXml(tables));
  expect(copies.tables.styles.id("data", null)).toBe(tables.styles.id("data", null));
}

describe("copies streamed as the rows come", () => {
  it("the same bytes as prepared from the grids, over several sheets and an empty one", async () => {
    const grids = [
      gridFromRows("Data", inputRows()),
      gridFromRows("Kosong", []),
      gridFromRows("Lain", inputRows().slice(0, 40)),
    ];
    const copies = new StreamedCopies();
    feed(copies, grids);
    await expectSameAsPrepared(copies, grids);
  });

  it("a file read in a worker thread, its rows given as they come", async () => {
    const file = tmp.file("data.xlsx");
    await writeXlsx(file, kampungRows(2 * BATCH_ROWS + 77));
    const copies = new StreamedCopies();
    const grids = await readWorkbook(file, { thread: { script: SCRIPT }, sink: copies });
    await expectSameAsPrepared(copies, grids);
  });

  const cases: [string, () => { grids: Grid[]; order?: (rows: number[]) => number[] }][] = [
    [
      "rows out of order",
      () => ({
        grids: [gridFromRows("Data", inputRows())],
        order: (rows) => [...rows.slice(BATCH_ROWS), ...rows.slice(0, BATCH_ROWS)],
      }),
    ],
    [
      "a row wider than the first batch's",
      () => {
        const rows = inputRows();
        rows[2000] = [...rows[2000], null, "catatan jauh di kanan"];
        return { grids: [gridFromRows("Data", rows)] };
      },
    ],
    [
      "merged ranges",
      () => ({
        grids: [
          {
            ...gridFromRows("Data", inputRows()),
            merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
          },
        ],
      }),
    ],
    [
      "formulas without a result",
      () => ({
        grids: [{ ...gridFromRows("Data", inputRows()), uncalculated: new Map([["E2", "=1+1"]]) }],
      }),
    ],
    [
      "hidden rows",
      () => ({
        grids: [{ ...gridFromRows("Data", inputRows()), hiddenRows: new Set([2]) }],
      }),
    ],
  ];

  it.each(cases)("%s: none streamed (the caller writes them from the grids)", async (_, make) => {
    const { grids, order } = make();
    const copies = new StreamedCopies();
    feed(copies, grids, order);
    expect(await copies.finish(grids)).toBeNull();
  });

  it("a sheet read but not copied (a summary KKB wrote before): none streamed", async () => {
    const grids = [gridFromRows("Data", inputRows()), gridFromRows("KKB Ringkasan", [["x"]])];
    const copies = new StreamedCopies();
    feed(copies, grids);
    expect(await copies.finish(grids.slice(0, 1))).toBeNull();
  });
});
