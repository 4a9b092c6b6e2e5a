/**
 * A sheet's XML read in two threads (src/xlsx/sheet-split.ts): whatever the cuts, the grids are
 * the one-thread reader's, cell for cell and fact for fact. The two threads are played here in
 * one (messages cloned as a worker's are), so each case can say how many segments went across;
 * the worker itself runs on real producers' files at the end.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import {
  GridsFromThread,
  IN_FLIGHT,
  readXlsxInThread,
  waitForRoom,
  WorkerMessage,
} from "../../src/xlsx/read-thread";
import { readWorkbook } from "../../src/xlsx/read";
import { readWorkbookBytes, readZipWorkbook } from "../../src/xlsx/read-bytes";
import { ZipPackage } from "../../src/xlsx/ooxml/zip-package";
import { splitReading, SplitOptions } from "../../src/xlsx/sheet-split";
import { XlsxFileError } from "../../src/xlsx/errors";
import { packageWithSheets } from "../helpers/sheet-package";
import { tempDir } from "../helpers/files";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SCRIPT = path.join(__dirname, "..", "helpers", "read-thread.js");
const REAL = path.join(__dirname, "..", "fixtures", "real");
const tmp = tempDir("kkb-sheet-split-");
afterAll(() => tmp.remove());

/** The worker's reading and the parent's taking in, in this thread. */
async function readSplit(bytes: Uint8Array, options: SplitOptions) {
  const received = new GridsFromThread();
  const post = (message: WorkerMessage) => {
    const copy = structuredClone(message);
    if (copy.kind !== "progress" && copy.kind !== "done" && copy.kind !== "error")
      received.take(copy);
  };
  const { newBuilder, newFeed } = splitReading(post, options);
  await readZipWorkbook(
    () => ZipPackage.open(bytes),
    "uji.xlsx",
    undefined,
    undefined,
    newBuilder,
    newFeed
  );
  return {
    grids: received.grids,
    segments: received.segments,
    rowsReadHere: received.rowsReadHere,
  };
}

const sheet = (rows: string, after = "", prefix = "") => {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<${p}worksheet ${ns}><${p}sheetData>${rows}</${p}sheetData>${after}</${p}worksheet>`;
};

/** Rows of a number and a text each; `r` on every `withR`-th row (0: none). */
function rows(count: number, withR: number, first = 1): string {
  let xml = "";
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const r = withR > 0 && i % withR === 0 ? ` r="${n}"` : "";
    const hidden = i % 7 === 3 ? ` hidden="1"` : "";
    const formula = i % 11 === 5 ? `<c><f>A${n}*2</f></c>` : "";
    xml += `<row${r}${hidden}><c><v>${n}</v></c><c t="inlineStr"><is><t>baris ${n}</t></is></c>${formula}</row>`;
  }
  return xml;
}

/** Well-formed XML that SpreadsheetML does not allow, with rows where a cut may fall. */
const NOT_SPREADSHEETML: Record<string, string> = {
  "a row inside a row": sheet(
    rows(30, 1) +
      `<row r="31"><c><v>1</v></c><row r="32"><c><v>5</v></c></row><c><v>2</v></c></row>` +
      rows(30, 0, 33)
  ),
  "rows inside an extLst among the rows": sheet(
    rows(30, 1) +
      `<extLst><row r="50"><c><v>9</v></c></row><row r="51"><c><v>9</v></c></row></extLst>` +
      rows(30, 0, 31)
  ),
};

async function same(xml: string, options: SplitOptions) {
  const bytes = await packageWithSheets([{ name: "Data", rows: [], xml }]);
  const split = await readSplit(bytes, options);
  expect(split.grids).toEqual(await readWorkbookBytes(bytes, "uji.xlsx"));
  return split;
}

describe("a sheet read in two threads", () => {
  it.each([
    ["every row with r", 1],
    ["r on every 5th row", 5],
    ["no r at all", 0],
  ])("%s: the same grid, with rows read on both sides", async (_, withR) => {
    const split = await same(sheet(rows(400, withR)), { every: 2, pieceChars: 150 });
    expect(split.segments).toBeGreaterThan(20);
    expect(split.rowsReadHere).toBeGreaterThan(50);
    expect(split.grids[0].rows).toHaveLength(400);
    expect(split.grids[0].hiddenRows?.size ?? 0).toBeGreaterThan(40);
    expect(split.grids[0].uncalculated?.size ?? 0).toBeGreaterThan(30);
  });

  it.each([1, 2, 3, 5, 8, 13])("cut every %i: the same grid", async (every) => {
    for (const pieceChars of [37, 160, 1000])
      await same(sheet(rows(120, 3)), { every, pieceChars });
  });

  it("rows far apart, empty rows, and r-less rows after them", async () => {
    const xml =
      rows(30, 1) +
      `<row r="500"/><row/><row r="900" hidden="1"></row>` +
      rows(40, 0) +
      `<row r="2000"><c r="C2000"><v>3</v></c></row>` +
      rows(40, 0);
    const split = await same(sheet(xml), { every: 2, pieceChars: 90 });
    expect(split.segments).toBeGreaterThan(10);
    expect(split.grids[0].rows.length).toBe(2000 + 40);
  });

  it("SpreadsheetML with a prefix (x:row) is cut at its rows' end tag", async () => {
    const xml = rows(200, 1).replace(/<(\/?)(row|c|v|is|t|f)([ >/])/g, "<$1x:$2$3");
    const split = await same(sheet(xml, "", "x"), { every: 2, pieceChars: 120 });
    expect(split.segments).toBeGreaterThan(10);
  });

  it.each([
    ["a comment", "<!-- </row> -->"],
    ["a long comment", `<!-- ${"</row> ".repeat(300)} -->`],
    ["a CDATA section", `<row><c t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>`],
    ["a processing instruction", "<?kkb </row> ?>"],
  ])("%s stops the cutting for the rest of the sheet", async (_, odd) => {
    for (const pieceChars of [7, 200, 333]) {
      const split = await same(sheet(rows(100, 2) + odd + rows(100, 2, 101)), {
        every: 2,
        pieceChars,
      });
      expect(split.segments).toBeGreaterThan(3);
      const early = await same(sheet(rows(1, 1) + odd + rows(100, 2, 2)), { every: 2, pieceChars });
      expect(early.segments).toBe(0);
    }
  });

  it("a namespace declared on a row: that text is not cut", async () => {
    const odd = `<row xmlns:q="urn:q"><c><v>1</v></c><q:x><row></row></q:x></row>`;
    for (const pieceChars of [50, 200]) {
      await same(sheet(rows(100, 2) + odd + rows(100, 0, 102)), { every: 2, pieceChars });
      await same(sheet(rows(1, 1) + odd + rows(100, 0, 3)), { every: 2, pieceChars });
    }
  });

  it.each(Object.entries(NOT_SPREADSHEETML))(
    "%s: the same grid, or damaged (read again without cuts), never other rows",
    async (_, xml) => {
      const bytes = await packageWithSheets([{ name: "Data", rows: [], xml }]);
      const one = await readWorkbookBytes(bytes, "uji.xlsx");
      for (const every of [2, 3])
        for (const pieceChars of [20, 45, 90, 300]) {
          const split = await readSplit(bytes, { every, pieceChars }).catch((e: unknown) => e);
          if (split instanceof XlsxFileError) expect(split.problem).toBe("corrupt");
          else expect((split as { grids: unknown }).grids).toEqual(one);
        }
    }
  );

  // Found by an attacking review: each gave other grids than one thread at some cuts.
  it.each([
    [
      "a cell without r outside any row",
      `<row r="1"><c r="B1"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row><c><v>2</v></c><row r="3"></row>`,
    ],
    [
      "merges inside sheetData",
      `<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row><mergeCells><mergeCell ref="A1:A2"/></mergeCells><row r="3"></row>`,
    ],
    [
      "an empty r-less row past Excel's last",
      `<row r="1048574"></row><row r="1048575"></row><row r="1048576"></row><row></row>`,
    ],
    [
      "an r-less row and the same row again with r",
      `<row r="1"></row><row r="2"></row><row r="3"></row><row r="4"></row><row><c t="s"><v>0</v></c></row><row r="5"><c><v>9</v></c></row>`,
    ],
  ])("%s: the same grid or error, or damaged (read again without cuts)", async (_, body) => {
    const bytes = await packageWithSheets([{ name: "Data", rows: [], xml: sheet(body) }], ["s"]);
    const one = await readWorkbookBytes(bytes, "uji.xlsx").catch((e: unknown) => e);
    for (const every of [2, 3])
      for (let pieceChars = 4; pieceChars <= 40; pieceChars++) {
        const split = await readSplit(bytes, { every, pieceChars }).catch((e: unknown) => e);
        if (split instanceof XlsxFileError && one instanceof XlsxFileError)
          expect(split.problem).toBe(one.problem);
        else if (split instanceof XlsxFileError) expect(split.problem).toBe("corrupt");
        else expect((split as { grids: unknown }).grids).toEqual(one);
      }
  });

  it("merges, and text after the rows, stay with the reading thread", async () => {
    const after = `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`;
    const split = await same(sheet(rows(150, 1), after), { every: 2, pieceChars: 100 });
    expect(split.grids[0].merges).toHaveLength(1);
  });

  it("a cell outside any row, at a segment's start: the same grid, or damaged", async () => {
    const bytes = await packageWithSheets([
      {
        name: "Data",
        rows: [],
        xml: sheet(rows(50, 0) + `<c r="D9"><v>7</v></c>` + rows(50, 0, 51)),
      },
    ]);
    const one = await readWorkbookBytes(bytes, "uji.xlsx");
    for (const pieceChars of [60, 97, 150]) {
      const split = await readSplit(bytes, { every: 2, pieceChars }).catch((e: unknown) => e);
      if (split instanceof XlsxFileError) expect(split.problem).toBe("corrupt");
      else expect((split as { grids: unknown }).grids).toEqual(one);
    }
  });

  it("r-less rows past Excel's last row: too large, as in one thread", async () => {
    const xml = rows(20, 1, 1_048_560) + rows(40, 0, 1_048_580);
    const bytes = await packageWithSheets([{ name: "Data", rows: [], xml: sheet(xml) }]);
    const one = await readWorkbookBytes(bytes, "uji.xlsx").catch((e: unknown) => e);
    const two = await readSplit(bytes, { every: 2, pieceChars: 100 }).catch((e: unknown) => e);
    expect(one).toBeInstanceOf(XlsxFileError);
    expect(two).toBeInstanceOf(XlsxFileError);
    expect((two as XlsxFileError).problem).toBe((one as XlsxFileError).problem);
  });

  it("a damaged segment: damaged, as in one thread", async () => {
    const xml = rows(60, 1) + `<row r="61"><c><v>1</v></row>` + rows(60, 1, 62);
    const bytes = await packageWithSheets([{ name: "Data", rows: [], xml: sheet(xml) }]);
    const one = await readWorkbookBytes(bytes, "uji.xlsx").catch((e: unknown) => e);
    for (const pieceChars of [100, 130, 170]) {
      const two = await readSplit(bytes, { every: 2, pieceChars }).catch((e: unknown) => e);
      expect(two).toBeInstanceOf(XlsxFileError);
      expect((two as XlsxFileError).problem).toBe((one as XlsxFileError).problem);
    }
  });
});

describe("the worker cutting real producers' files", () => {
  const files = [
    "excel-tabel-baris-total.xlsx",
    "openpyxl-gabung-judul.xlsx",
    "openpyxl-tersembunyi.xlsx",
    "openpyxl-rumus.xlsx",
    "openxml-sdk-awalan.xlsx",
    "libreoffice.xlsx",
    "pandas.xlsx",
  ];

  it.each(Object.entries(NOT_SPREADSHEETML))(
    "%s (well-formed, not SpreadsheetML): the same grids, read again without cuts",
    async (name, xml) => {
      const file = tmp.file(`${name.replace(/\W+/g, "-")}.xlsx`);
      writeFileSync(file, await packageWithSheets([{ name: "Data", rows: [], xml }]));
      const one = await readWorkbook(file);
      for (const pieceChars of [40, 75, 130]) {
        const grids = await readXlsxInThread(
          { file, name: file, splitEvery: 2, pieceChars },
          { script: SCRIPT }
        );
        expect(grids).toEqual(one);
      }
    }
  );

  it.each(files)("%s: the same grids as in one thread", async (name) => {
    const file = path.join(REAL, name);
    const grids = await readXlsxInThread(
      { file, name: file, splitEvery: 2, pieceChars: 61 },
      { script: SCRIPT }
    );
    expect(grids).not.toBeNull();
    expect(grids).toEqual(await readWorkbook(file));
  });
});

describe("waitForRoom", () => {
  it("lets a message go while fewer than IN_FLIGHT wait, else waits for one to be taken", async () => {
    const taken = new Int32Array(new SharedArrayBuffer(4));
    waitForRoom(taken, IN_FLIGHT - 1);
    expect(Atomics.load(taken, 0)).toBe(0);
    // Another thread takes one in a little later; until then this thread waits.
    const other = new Worker(
      `const { workerData } = require("node:worker_threads");
       const taken = new Int32Array(workerData);
       setTimeout(() => { Atomics.add(taken, 0, 1); Atomics.notify(taken, 0); }, 300);`,
      { eval: true, workerData: taken.buffer }
    );
    waitForRoom(taken, IN_FLIGHT);
    expect(Atomics.load(taken, 0)).toBe(1);
    await other.terminate();
  });
});
