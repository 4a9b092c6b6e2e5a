/**
 * An .xlsx file read in a worker thread (src/xlsx/read-thread.ts) gives the very grids the
 * one-thread reader gives: for every real producer's file, for a file of several batches, and
 * for any order of a builder's calls (a row come back to, a cell given twice, shared strings
 * across batches and sheets).
 */
import { readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { CellValue } from "../../src/engine/cell";
import { GridBuilder } from "../../src/xlsx/grid-builder";
import { XlsxFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read";
import {
  BATCH_ROWS,
  GridsFromThread,
  readXlsxInThread,
  SendingGridBuilder,
  SentStrings,
  WorkerMessage,
} from "../../src/xlsx/read-thread";
import { kampungRows, prng as random, writeXlsx } from "../bench/generate";
import { tempDir } from "../helpers/files";

const SCRIPT = path.join(__dirname, "..", "helpers", "read-thread.js");
const FIXTURES = path.join(__dirname, "..", "fixtures");
const tmp = tempDir("kkb-read-thread-");
afterAll(() => tmp.remove());

const xlsxIn = (folder: string) =>
  readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(FIXTURES, folder, f));

async function inThread(file: string) {
  const grids = await readXlsxInThread({ file, name: file }, { script: SCRIPT });
  // null would mean the worker did not run and the test proved nothing.
  expect(grids).not.toBeNull();
  return grids;
}

describe("reading in a worker thread", () => {
  // The worker runs the one-thread reader with a builder that sends its calls on (tested for
  // any order of calls below): a file of each kind of fact a builder is told is enough here,
  // each worker taking a second to load the TypeScript sources.
  const files = [
    "excel-tabel-baris-total.xlsx",
    "openpyxl-gabung-judul.xlsx",
    "openpyxl-tersembunyi.xlsx",
    "openpyxl-rumus.xlsx",
    "openpyxl-lembar-tersembunyi.xlsx",
    "openxml-sdk-awalan.xlsx",
  ]
    .map((f) => path.join(FIXTURES, "real", f))
    .concat(xlsxIn("rounds").filter((f) => f.endsWith("lembar.xlsx")));

  it.each(files.map((f) => path.basename(f)))(
    "%s: the same grids as in one thread",
    async (name) => {
      const file = files.find((f) => path.basename(f) === name) ?? name;
      expect(await inThread(file)).toEqual(await readWorkbook(file));
    }
  );

  it("a sheet of several batches, and the read's progress", async () => {
    const file = tmp.file("banyak.xlsx");
    await writeXlsx(file, kampungRows(2 * BATCH_ROWS + 300));
    const seen: number[] = [];
    const grids = await readXlsxInThread(
      { file, name: file },
      { script: SCRIPT, onRows: (n) => seen.push(n) }
    );
    expect(grids).toEqual(await readWorkbook(file));
    expect(grids?.[0].rows).toHaveLength(2 * BATCH_ROWS + 301);
    // About every thousand rows the worker reads, with those read here from its segments.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBeGreaterThanOrEqual(1024);
    expect(seen[seen.length - 1]).toBeLessThanOrEqual(2 * BATCH_ROWS + 301);
  });

  it("readWorkbook with `thread` reads the same", async () => {
    const file = files[0];
    expect(await readWorkbook(file, { thread: { script: SCRIPT } })).toEqual(
      await readWorkbook(file)
    );
  });

  it("a damaged file: the same error as in one thread", async () => {
    const file = tmp.file("rusak.xlsx");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)])
    );
    const one = await readWorkbook(file).catch((e: unknown) => e);
    const two = await readXlsxInThread({ file, name: file }, { script: SCRIPT }).catch(
      (e: unknown) => e
    );
    expect(one).toBeInstanceOf(XlsxFileError);
    expect(two).toBeInstanceOf(XlsxFileError);
    expect((two as XlsxFileError).problem).toBe((one as XlsxFileError).problem);
    expect((two as XlsxFileError).file).toBe(file);
  });

  it("a worker that cannot run: null, and readWorkbook reads in this thread", async () => {
    const file = files[0];
    const missing = tmp.file("tidak-ada.js");
    expect(await readXlsxInThread({ file, name: file }, { script: missing })).toBeNull();
    expect(await readWorkbook(file, { thread: { script: missing } })).toEqual(
      await readWorkbook(file)
    );
  });
});

describe("SendingGridBuilder and GridsFromThread", () => {
  const SHARED = ["dasar", "berkembang", "maju", "paripurna", "Desa A", "Desa B"];

  /** The same calls on a plain builder and on a sending one (messages cloned as a worker's are). */
  function both(seed: number, sheets: number) {
    const next = random(seed);
    const pick = (n: number) => Math.floor(next() * n);
    const plain: GridBuilder[] = [];
    const received = new GridsFromThread();
    const post = (message: WorkerMessage) => {
      const copy = structuredClone(message);
      if (copy.kind === "rows") received.rows(copy);
      else if (copy.kind === "sheet") received.sheet(copy);
    };
    const sent = new SentStrings();
    const budget = { remaining: Infinity };
    for (let s = 0; s < sheets; s++) {
      const a = new GridBuilder(`S${s}`);
      const b = new SendingGridBuilder(`S${s}`, budget, post, sent);
      plain.push(a);
      let row = 0;
      for (let step = 0; step < 6000; step++) {
        const u = next();
        // Mostly forward, sometimes back to an earlier row (into an earlier batch).
        if (u < 0.5) row++;
        else if (u < 0.5005) row = Math.max(0, row - 1 - pick(BATCH_ROWS + 200));
        const col = pick(8);
        const kind = next();
        if (kind < 0.4) {
          const index = pick(SHARED.length);
          a.setShared(row, col, index, SHARED[index]);
          b.setShared(row, col, index, SHARED[index]);
        } else {
          const value: CellValue =
            kind < 0.7 ? pick(5) / 2 : kind < 0.8 ? `teks ${pick(50)}` : kind < 0.85 ? true : null;
          a.set(row, col, value);
          b.set(row, col, value);
        }
        if (next() < 0.01) {
          a.hideRow(row);
          b.hideRow(row);
        }
        if (next() < 0.005) {
          a.uncalculated(row, col, "=A1+1");
          b.uncalculated(row, col, "=A1+1");
        }
      }
      const rect = { top: 2, left: 1, bottom: 4, right: 3 };
      a.merge(rect);
      b.merge(rect);
      const table = {
        name: "T",
        top: 0,
        left: 0,
        bottom: 9,
        right: 7,
        headerRows: 1,
        totalsRows: 1,
      };
      a.addTable(table);
      b.addTable(table);
      a.visibility = b.visibility = s === 1 ? "hidden" : "visible";
      b.build();
    }
    return { plain: plain.map((g) => g.build()), received: received.grids };
  }

  it.each([1, 2, 3, 4, 5])("seed %i: the same grids", (seed) => {
    const { plain, received } = both(seed, 3);
    expect(received).toEqual(plain);
    expect(plain[0].rows.length).toBeGreaterThan(BATCH_ROWS);
  });

  it("a shared string is sent once per workbook", () => {
    const posted: WorkerMessage[] = [];
    const sent = new SentStrings();
    for (const sheet of ["A", "B"]) {
      const b = new SendingGridBuilder(sheet, { remaining: Infinity }, (m) => posted.push(m), sent);
      for (let r = 0; r < 3 * BATCH_ROWS; r++) b.setShared(r, 0, r % 2, r % 2 ? "maju" : "dasar");
      b.build();
    }
    const texts = posted.flatMap((m) => (m.kind === "rows" ? m.texts : []));
    expect(texts).toEqual(["dasar", "maju"]);
  });
});

describe("SentStrings", () => {
  it("says first once per index, in any order and far beyond its first size", () => {
    const sent = new SentStrings();
    const next = random(9);
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const index = Math.floor(next() * (i < 10_000 ? 3_000 : 2_000_000));
      expect(sent.first(index)).toBe(!seen.has(index));
      seen.add(index);
    }
  });
});
