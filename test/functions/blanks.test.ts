/**
 * The blank-cell rule against a small typed fake of the workbook: Excel desktop passes a blank
 * cell in a range as 0, so every 0 that comes from a cell is checked against the cell's value
 * type, in one batched read per recalculation wave.
 */
import {
  BlankProbe,
  CellTypeReader,
  excelCellTypeReader,
  MAX_CELLS_PER_READ,
  Timer,
  ValueTypeGrid,
} from "../../src/functions/blanks";
import { parseRangeAddress, RangeRef } from "../../src/functions/cells";
import { cellError, KkbCellError } from "../../src/functions/errors";
import { createKkbFunctions, zeroCheck } from "../../src/functions/kkb";
import { fakeExcelRun, WorkbookModel } from "../excel/fake-excel";

type Cell = number | string | null;

/** A workbook of sheets of cells; reads value types the way Excel reports them. */
class FakeWorkbook implements CellTypeReader {
  readonly reads: RangeRef[][] = [];
  failing = false;
  constructor(private readonly sheets: Record<string, Cell[][]>) {}

  read(ranges: readonly RangeRef[]): Promise<(ValueTypeGrid | null)[]> {
    this.reads.push([...ranges]);
    if (this.failing) return Promise.reject(new Error("RichApi.Error: GeneralException"));
    // As in Excel: a missing sheet (getItem) fails the whole batch.
    if (ranges.some((ref) => !this.sheets[ref.sheet]))
      return Promise.reject(new Error("RichApi.Error: ItemNotFound"));
    return Promise.resolve(
      ranges.map((ref) => {
        const sheet = this.sheets[ref.sheet];
        if (!sheet) return null;
        const grid: string[][] = [];
        for (let r = 0; r < ref.rows; r++) {
          const row: string[] = [];
          for (let c = 0; c < ref.cols; c++) {
            const v = sheet[ref.row + r]?.[ref.col + c] ?? null;
            row.push(v === null ? "Empty" : typeof v === "number" ? "Double" : "String");
          }
          grid.push(row);
        }
        return grid;
      })
    );
  }

  /** What Excel desktop passes for a range: blanks as 0. */
  desktopValues(ref: RangeRef): unknown[][] {
    const sheet = this.sheets[ref.sheet];
    return Array.from({ length: ref.rows }, (_, r) =>
      Array.from({ length: ref.cols }, (_, c) => sheet[ref.row + r]?.[ref.col + c] ?? 0)
    );
  }
}

// Data!A1:E4 — row 2 (index 1) has a blank in C2; row 3 has true zeros; row 4 has no zero.
const DATA: Cell[][] = [
  ["Kampung", "Regulasi", "Struktur", "Praktik", "Bobot"],
  ["Sumurboto", 2, null, 2, null],
  ["Kandri", 0, 0, 0, 0],
  ["Pulosaren", 2, 1.5, 1, 35],
];

function setup(reader: CellTypeReader | null = null) {
  const workbook = new FakeWorkbook({ Data: DATA, "Data lain": DATA });
  const probe = new BlankProbe(() => (reader === null ? workbook : reader));
  const kkb = createKkbFunctions({ probe, error: cellError });
  const at = (address: string) => {
    const ref = parseRangeAddress(address);
    if (!ref) throw new Error(address);
    return { values: workbook.desktopValues(ref), invocation: { parameterAddresses: [address] } };
  };
  return { workbook, probe, kkb, at };
}

const na = (message: string | RegExp) =>
  expect.objectContaining({
    code: "#N/A",
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

describe("the blank-cell rule", () => {
  it("does not score a blank cell that Excel passed as 0", async () => {
    const { kkb, at } = setup();
    const { values, invocation } = at("Data!B2:D2");
    expect(values).toEqual([[2, 0, 2]]);
    expect(await kkb.domain(values, invocation)).toEqual([
      [na("Data!C2: nilai kosong. Skor domain ini dan skor komposit tidak dihitung.")],
    ]);
  });

  it("keeps a 0 that is in the cell, row by row", async () => {
    const { kkb, at, workbook } = setup();
    const { values, invocation } = at("Data!B2:D4");
    expect(await kkb.domain(values, invocation)).toEqual([
      [na(/^Data!C2: nilai kosong/)],
      [0],
      [1.5],
    ]);
    // Only the rectangle around the zeros was read (rows 2-3), in one read.
    expect(workbook.reads).toEqual([[{ sheet: "Data", row: 1, col: 1, rows: 2, cols: 3 }]]);
  });

  it("reads nothing when there is no 0, or when the argument is not a cell reference", async () => {
    const { kkb, at, workbook } = setup();
    const { values, invocation } = at("Data!B4:D4");
    expect(await kkb.domain(values, invocation)).toEqual([[1.5]]);
    expect(await kkb.domain([[0, 0, 1.5]], { parameterAddresses: [""] })).toEqual([[0.5]]);
    expect(await kkb.domain([[0, 0, 1.5]], { parameterAddresses: [] })).toEqual([[0.5]]);
    expect(workbook.reads).toEqual([]);
  });

  it("needs no read where Excel passes blanks as null (Excel on the web)", async () => {
    const { kkb, workbook } = setup();
    expect(await kkb.domain([[2, null, 2]], { parameterAddresses: ["Data!B2:D2"] })).toEqual([
      [na(/^Data!C2: nilai kosong/)],
    ]);
    expect(workbook.reads).toEqual([]);
  });

  it("answers every check of one wave with one read, once per distinct range", async () => {
    const { kkb, at, workbook, probe } = setup();
    const a = at("Data!B2:D4");
    const b = at("'Data lain'!B3:D3");
    const results = await Promise.all([
      kkb.domain(a.values, a.invocation),
      kkb.domain(a.values, a.invocation),
      kkb.skor(b.values, b.invocation),
      kkb.ibangga([[0]], [[90]], [[80]], null, {
        parameterAddresses: ["Data!C2", "", "", ""],
      }),
    ]);
    expect(workbook.reads).toHaveLength(1);
    expect(probe.reads).toBe(1);
    expect(workbook.reads[0]).toEqual([
      { sheet: "Data", row: 1, col: 1, rows: 2, cols: 3 },
      { sheet: "Data lain", row: 2, col: 1, rows: 1, cols: 3 },
      { sheet: "Data", row: 1, col: 2, rows: 1, cols: 1 },
    ]);
    expect(results[2]).toEqual([[0, 0, 0]]);
    // A blank dimension is missing, not 0: the other two are renormalised.
    expect(results[3]).toEqual([[85]]);
    // A later wave reads again.
    await kkb.domain(a.values, a.invocation);
    expect(workbook.reads).toHaveLength(2);
  });

  it("treats a real 0 dimension as 0 and a blank one as missing", async () => {
    const { kkb } = setup();
    const real = await kkb.ibangga([[97.8]], [[0]], [[88.3]], null, {
      parameterAddresses: ["", "Data!B3", "", ""],
    });
    const blank = await kkb.ibangga([[97.8]], [[0]], [[88.3]], null, {
      parameterAddresses: ["", "Data!C2", "", ""],
    });
    expect(real).toEqual([[62]]);
    expect(blank).toEqual([[93.1]]);
  });

  it("says a blank weights cell is blank, on desktop (0) and on the web (null)", async () => {
    const { kkb } = setup();
    for (const bobot of [[[0]], null]) {
      await expect(
        kkb.ibangga([[97.8]], [[91.1]], [[88.3]], bobot, {
          parameterAddresses: ["", "", "", "Data!E2"],
        })
      ).rejects.toEqual(na(/^Data!E2: bobot kosong\. Isi "setara"/));
    }
    expect(
      await kkb.ibangga([[97.8]], [[91.1]], [[88.3]], [[0, 0, 1]], {
        parameterAddresses: ["", "", "", "Data!C3:E3"],
      })
    ).toEqual([[88.3]]);
  });

  it("names the cells in messages", async () => {
    const { kkb } = setup();
    expect(await kkb.skor([[5]], { parameterAddresses: ["'Data lain'!B2"] })).toEqual([
      [
        expect.objectContaining({
          code: "#VALUE!",
          message: "'Data lain'!B2: \"5\" di luar skala 0-2.",
        }),
      ],
    ]);
    await expect(
      kkb.domain(
        [
          [1, 1],
          [1, 1],
        ],
        { parameterAddresses: ["Data!B2:C3"] }
      )
    ).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^Data!B2:C2 dst\.: 2 nilai/),
    });
  });
});

describe("where the workbook cannot be read", () => {
  const UNVERIFIED =
    /^Data!C2: Excel mengirim 0, tetapi buku kerja tidak dapat dibaca untuk memastikan sel ini berisi 0 dan bukan kosong; hasil tidak dihitung\./;

  it("gives #N/A for an unverifiable 0 when there is no Excel API", async () => {
    const kkb = createKkbFunctions({
      probe: new BlankProbe(excelCellTypeReader),
      error: cellError,
    });
    expect(await kkb.domain([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] })).toEqual([
      [na(UNVERIFIED)],
    ]);
    // Rows without a 0 are still computed.
    expect(
      await kkb.domain(
        [
          [2, 0, 2],
          [1, 1, 1],
        ],
        { parameterAddresses: ["Data!B2:D3"] }
      )
    ).toEqual([[na(UNVERIFIED)], [1]]);
  });

  it("gives #N/A when the read fails", async () => {
    const { kkb, at, workbook } = setup();
    workbook.failing = true;
    const { values, invocation } = at("Data!B2:D2");
    expect(await kkb.domain(values, invocation)).toEqual([[na(UNVERIFIED)]]);
  });

  it("gives #N/A when the range is in another workbook, or Excel gave no addresses", async () => {
    const { kkb } = setup();
    expect(await kkb.skor([[0]], { parameterAddresses: ["[Buku2.xlsx]Data!C2"] })).toEqual([
      [na(/^Nilai: Excel mengirim 0/)],
    ]);
    expect(await kkb.skor([[0]], {})).toEqual([[na(/^Nilai: Excel mengirim 0/)]]);
  });

  it("reads a wave larger than one read allows in chunks, and answers every zero", async () => {
    const workbook = new FakeWorkbook({ Data: DATA });
    const probe = new BlankProbe(() => workbook, { maxCellsPerRead: 3 });
    const kkb = createKkbFunctions({ probe, error: cellError });
    const [first, second] = await Promise.all([
      kkb.domain([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] }),
      kkb.domain([[0, 0, 0]], { parameterAddresses: ["Data!B3:D3"] }),
    ]);
    expect(first).toEqual([[na(/^Data!C2: nilai kosong/)]]);
    expect(second).toEqual([[0]]);
    expect(workbook.reads.map((r) => r.length)).toEqual([1, 1]);
    // One range larger than a read is read in row bands.
    const tall = new BlankProbe(() => workbook, { maxCellsPerRead: 3 });
    const kkbTall = createKkbFunctions({ probe: tall, error: cellError });
    expect(
      await kkbTall.domain(
        [
          [2, 0, 2],
          [0, 0, 0],
        ],
        { parameterAddresses: ["Data!B2:D3"] }
      )
    ).toEqual([[na(/^Data!C2: nilai kosong/)], [0]]);
    expect(MAX_CELLS_PER_READ).toBeLessThanOrEqual(400_000);
  });

  it("confines a failing range to its own cells", async () => {
    const { kkb, workbook } = setup();
    const [gone, here] = await Promise.all([
      kkb.domain([[2, 0, 2]], { parameterAddresses: ["Dihapus!B2:D2"] }),
      kkb.domain([[0, 0, 0]], { parameterAddresses: ["Data!B3:D3"] }),
    ]);
    expect(gone).toEqual([[na(/^Dihapus!C2: Excel mengirim 0/)]]);
    expect(here).toEqual([[0]]);
    // The shared read failed; each range was then read on its own.
    expect(workbook.reads.map((r) => r.length)).toEqual([2, 1, 1]);
  });

  it("gives up a read that never settles after its timeout: #N/A, never #BUSY! for good", async () => {
    const fires: (() => void)[] = [];
    const timer: Timer = (fire) => {
      fires.push(fire);
      return () => undefined;
    };
    const hanging: CellTypeReader = { read: () => new Promise(() => undefined) };
    const probe = new BlankProbe(() => hanging, { timer });
    const kkb = createKkbFunctions({ probe, error: cellError });
    const result = kkb.domain([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] });
    while (fires.length === 0) await new Promise((resolve) => setImmediate(resolve));
    fires.forEach((fire) => fire());
    expect(await result).toEqual([[na(UNVERIFIED)]]);
  });
});

describe("no read where the zeros cannot change the result", () => {
  it("reads nothing for a row that already has a wrong value, or a call with the wrong count", async () => {
    const { kkb, workbook } = setup();
    expect(await kkb.domain([[0, "x", 2]], { parameterAddresses: ["Data!B2:D2"] })).toEqual([
      [expect.objectContaining({ code: "#VALUE!" })],
    ]);
    await expect(
      kkb.domain([[0, 0]], { parameterAddresses: ["Data!B2:C2"] })
    ).rejects.toMatchObject({ code: "#VALUE!" });
    expect(workbook.reads).toEqual([]);
    // Only the row that needs it is read.
    expect(
      await kkb.domain(
        [
          [0, 5, 1],
          [2, 0, 2],
        ],
        { parameterAddresses: ["Data!B1:D2"] }
      )
    ).toEqual([[expect.objectContaining({ code: "#VALUE!" })], [na(/^Data!C2: nilai kosong/)]]);
    expect(workbook.reads).toEqual([[{ sheet: "Data", row: 1, col: 2, rows: 1, cols: 1 }]]);
  });
});

describe("the office.js reader against the fake Excel", () => {
  const model = () => {
    const m = new WorkbookModel();
    m.addSheet("Data").fill([
      ["Kampung", "Regulasi", "Struktur", "Praktik"],
      ["Sumurboto", 2, null, 2],
    ]);
    return m;
  };
  const withExcel = async <T>(run: unknown, body: () => Promise<T>): Promise<T> => {
    const g = globalThis as { Excel?: unknown };
    g.Excel = { run };
    try {
      return await body();
    } finally {
      delete g.Excel;
    }
  };

  it("asks Excel to hold the read while the user edits a cell, instead of being refused", async () => {
    const m = model();
    const excel = fakeExcelRun(m);
    m.cellEdit = true;
    await withExcel(excel.run, async () => {
      const kkb = createKkbFunctions({
        probe: new BlankProbe(excelCellTypeReader),
        error: cellError,
      });
      let settled = false;
      const result = kkb.domain([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] });
      void result.then(() => (settled = true));
      while (excel.contexts.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      m.endCellEdit();
      expect(await result).toEqual([[na(/^Data!C2: nilai kosong/)]]);
    });
    expect(excel.contexts.map((c) => c.options.delayForCellEdit)).toEqual([true]);
  });

  it("is refused in cell edit without delayForCellEdit (the fake follows Excel)", async () => {
    const m = model();
    m.cellEdit = true;
    const excel = fakeExcelRun(m);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").load("valueTypes");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("times out a batch Excel never answers", async () => {
    const m = model();
    m.hangSyncs = true;
    const excel = fakeExcelRun(m);
    const fires: (() => void)[] = [];
    await withExcel(excel.run, async () => {
      const probe = new BlankProbe(excelCellTypeReader, {
        timer: (fire) => {
          fires.push(fire);
          return () => undefined;
        },
      });
      const kkb = createKkbFunctions({ probe, error: cellError });
      const result = kkb.domain([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] });
      while (fires.length === 0) await new Promise((resolve) => setImmediate(resolve));
      fires.forEach((fire) => fire());
      expect(await result).toEqual([[na(/^Data!C2: Excel mengirim 0/)]]);
    });
  });
});

describe("the office.js reader", () => {
  it("loads valueTypes of every range and syncs once", async () => {
    const calls: string[] = [];
    let syncs = 0;
    const context = {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            getRange: (address: string) => {
              calls.push(`${name}!${address}`);
              const range = {
                valueTypes: undefined as string[][] | undefined,
                load: (what: string) => {
                  expect(what).toBe("valueTypes");
                  range.valueTypes = [["Empty"]];
                },
              };
              return range;
            },
          }),
        },
      },
      sync: () => {
        syncs++;
        return Promise.resolve();
      },
    };
    const g = globalThis as { Excel?: unknown };
    let runOptions: unknown = null;
    g.Excel = {
      run: <T>(options: unknown, batch: (ctx: typeof context) => Promise<T>) => {
        runOptions = options;
        return batch(context);
      },
    };
    try {
      const reader = excelCellTypeReader();
      expect(reader).not.toBeNull();
      const grids = await reader!.read([
        { sheet: "Data", row: 1, col: 2, rows: 1, cols: 1 },
        { sheet: "Lain", row: 0, col: 0, rows: 2, cols: 3 },
      ]);
      expect(grids).toEqual([[["Empty"]], [["Empty"]]]);
    } finally {
      delete g.Excel;
    }
    expect(calls).toEqual(["Data!C2:C2", "Lain!A1:C2"]);
    expect(syncs).toBe(1);
    expect(runOptions).toEqual({ delayForCellEdit: true });
    expect(excelCellTypeReader()).toBeNull();
  });
});

describe("addresses and checks", () => {
  it("parses the addresses Excel gives", () => {
    expect(parseRangeAddress("Data!B2:D4")).toEqual({
      sheet: "Data",
      row: 1,
      col: 1,
      rows: 3,
      cols: 3,
    });
    expect(parseRangeAddress("'Data lain'!$C$3")).toEqual({
      sheet: "Data lain",
      row: 2,
      col: 2,
      rows: 1,
      cols: 1,
    });
    expect(parseRangeAddress("'Kab. ''A'''!D4:B2")).toEqual({
      sheet: "Kab. 'A'",
      row: 1,
      col: 1,
      rows: 3,
      cols: 3,
    });
    for (const bad of [
      "B2:D4",
      "Data!A:A",
      "Data!1:3",
      "[Buku2]Data!A1",
      "Data!A1:B2:C3",
      "Data!",
      "Data!A1:B2,Data!D1:D2",
      "'Data'!A1,'Data'!C1",
      "(Data!A1,Data!B1)",
      "Data lain!A1",
    ]) {
      expect(parseRangeAddress(bad)).toBeNull();
    }
  });

  it("checks zeros only for cell references given by Excel", () => {
    expect(zeroCheck(undefined, 0)).toEqual({ kind: "none" });
    expect(zeroCheck({ parameterAddresses: ["", "Data!A1"] }, 0)).toEqual({ kind: "literal" });
    expect(zeroCheck({ parameterAddresses: ["", "Data!A1"] }, 1)).toEqual({
      kind: "cells",
      ref: { sheet: "Data", row: 0, col: 0, rows: 1, cols: 1 },
    });
    expect(zeroCheck({}, 0)).toEqual({ kind: "cells", ref: null });
  });
});

describe("error values", () => {
  it("are CustomFunctions.Error in Excel, with the Excel code and the message", () => {
    class StubError {
      constructor(
        readonly code: string,
        readonly message?: string
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = {
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    try {
      const e = cellError("#N/A", "pesan");
      expect(e).toBeInstanceOf(StubError);
      expect(e).toEqual({ code: "#N/A", message: "pesan" });
    } finally {
      delete g.CustomFunctions;
    }
    const plain = cellError("#VALUE!", "pesan");
    expect(plain).toBeInstanceOf(KkbCellError);
    expect(plain).toMatchObject({ code: "#VALUE!", message: "pesan" });
  });
});
