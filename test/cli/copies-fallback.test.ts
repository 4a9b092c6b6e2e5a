/**
 * Copies of the input prepared before the summary need zlib's `crc32` (Node 20.15 and later);
 * without it (older Node 20) the copies are written from the grids with the rest, and the
 * workbook is the same.
 */
import path from "node:path";
import { canPrepareCopies } from "../../src/xlsx/prepared-copy";
import { readWorkbook } from "../../src/xlsx/read";
import { tempDir, zipEntry } from "../helpers/files";
import { run } from "./run";

const tmp = tempDir("kkb-copies-");
afterAll(() => tmp.remove());

const EXAMPLE = path.join(__dirname, "..", "..", "assets", "contoh-jateng-2024.xlsx");

it("without zlib's crc32 the copies come from the grids, and the workbook is the same", async () => {
  const prepared = tmp.file("prepared.xlsx");
  const fromGrids = tmp.file("grids.xlsx");
  expect(canPrepareCopies()).toBe(true);
  expect((await run("summarize", EXAMPLE, "-o", prepared)).code).toBe(0);
  // The module object itself: what prepared-copy.ts reads through its import.
  const zlib = require("node:zlib") as { crc32?: unknown };
  const crc32 = zlib.crc32;
  delete zlib.crc32;
  try {
    expect(canPrepareCopies()).toBe(false);
    expect((await run("summarize", EXAMPLE, "-o", fromGrids)).code).toBe(0);
  } finally {
    zlib.crc32 = crc32;
  }
  const [a, b] = [await readWorkbook(prepared), await readWorkbook(fromGrids)];
  expect(b.map((g) => g.sheet)).toEqual(a.map((g) => g.sheet));
  expect(b.slice(0, 2).map((g) => g.rows)).toEqual(a.slice(0, 2).map((g) => g.rows));
  for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
    expect(zipEntry(fromGrids, part)).toBe(zipEntry(prepared, part));
  }
});
