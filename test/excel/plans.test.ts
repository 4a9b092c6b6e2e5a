/** The pure planning the office.js executor runs: reads, names, text safety, write batches. */
import fc from "fast-check";
import { SETARA } from "../../src/engine/ibangga";
import { DEFAULT_LIMITS, REQUEST_PAYLOAD_LIMIT } from "../../src/excel/limits";
import { freeName, planSheetNames } from "../../src/excel/plan-names";
import { planReadBatches, ReadBatch } from "../../src/excel/plan-read";
import { isRefusal, planSummaryWrite, WorkbookFacts } from "../../src/excel/plan-summary";
import { CellRect, opBytes, WriteOp } from "../../src/excel/plan-write";
import { isParsedByExcel, TEXT_FORMAT, writeValue } from "../../src/excel/text-safety";
import { gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { enterValue } from "./fake-excel";
import { exampleRows } from "../helpers/example";

const EMPTY_FACTS: WorkbookFacts = {
  sheets: [{ name: "Data", roleProperty: null, protected: false }],
  ownership: { customProperties: true, owned: [] },
  tables: [],
  workbookProtected: false,
};

function summarySpecs(rows: unknown[][]) {
  const read = readInput([gridFromRows("Data", rows as never)], { lang: "id" });
  return buildSummary(read, {
    lang: "id",
    weights: SETARA,
    source: "Buku1.xlsx",
    now: new Date(2025, 0, 1),
  }).sheets;
}

function coveredRows(batches: ReadBatch[], task: number): number[] {
  return batches
    .flat()
    .filter((c) => c.task === task)
    .flatMap((c) => Array.from({ length: c.rows }, (_, i) => c.row + i));
}

describe("read planning", () => {
  test("84,276 rows of 25 columns: every batch under 4 MB and 5,000,000 cells, every row once", () => {
    const task = { sheet: "Data", row: 0, col: 0, rows: 84_277, cols: 25 };
    const bytesPerCell = 22;
    const batches = planReadBatches([task], bytesPerCell);
    for (const batch of batches) {
      const cells = batch.reduce((n, c) => n + c.rows * c.cols, 0);
      expect(cells * bytesPerCell).toBeLessThanOrEqual(REQUEST_PAYLOAD_LIMIT);
      expect(cells).toBeLessThanOrEqual(DEFAULT_LIMITS.cells);
    }
    expect(coveredRows(batches, 0)).toEqual(Array.from({ length: 84_277 }, (_, i) => i));
    expect(batches.length).toBeLessThanOrEqual(12);
  });

  test("any tasks and estimate: batches respect both limits and cover each task's rows in order", () => {
    const task = fc.record({
      row: fc.nat(1000),
      col: fc.nat(50),
      rows: fc.integer({ min: 0, max: 5000 }),
      cols: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 4 }),
        fc.integer({ min: 12, max: 400 }),
        (tasks, bpc) => {
          const limits = { payloadBytes: 400_000, cells: 50_000 };
          const rects = tasks.map((t, i) => ({ sheet: `S${i}`, ...t }));
          const batches = planReadBatches(rects, bpc, limits);
          for (const batch of batches) {
            const cells = batch.reduce((n, c) => n + c.rows * c.cols, 0);
            const oneRow = batch.length === 1 && batch[0].rows === 1;
            if (!oneRow) {
              expect(cells * bpc).toBeLessThanOrEqual(limits.payloadBytes);
              expect(cells).toBeLessThanOrEqual(limits.cells);
            }
          }
          rects.forEach((t, i) =>
            expect(coveredRows(batches, i)).toEqual(
              Array.from({ length: t.rows }, (_, r) => t.row + r)
            )
          );
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("sheet names", () => {
  test("a foreign sheet called KKB Ringkasan stays; the summary takes KKB Ringkasan (2)", () => {
    const plan = planSheetNames(
      [{ name: "KKB Ringkasan", role: "ringkasan" }],
      [{ name: "kkb ringkasan", roleProperty: null, protected: false }],
      { customProperties: true, owned: [] }
    );
    expect(plan.toDelete).toEqual([]);
    expect(plan.names).toEqual(["KKB Ringkasan (2)"]);
  });

  test("a sheet is owned only when its marker and the owned list agree", () => {
    const owned = [{ name: "KKB Ringkasan", role: "ringkasan" as const }];
    const wanted = [{ name: "KKB Ringkasan", role: "ringkasan" as const }];
    const marked = { name: "KKB Ringkasan", roleProperty: "ringkasan", protected: false };
    expect(planSheetNames(wanted, [marked], { customProperties: true, owned }).toDelete).toEqual([
      "KKB Ringkasan",
    ]);
    // Listed but unmarked (a user's sheet that took the name after KKB's was deleted): kept.
    const unmarked = { ...marked, roleProperty: null };
    expect(planSheetNames(wanted, [unmarked], { customProperties: true, owned }).names).toEqual([
      "KKB Ringkasan (2)",
    ]);
    // Marked but unlisted (a user's copy of a KKB sheet): kept.
    const copy = { ...marked, name: "KKB Ringkasan (3)" };
    expect(
      planSheetNames(wanted, [marked, copy], { customProperties: true, owned }).toDelete
    ).toEqual(["KKB Ringkasan"]);
  });

  test("numbered names stay within Excel's 31 characters", () => {
    const long = "KKB " + "x".repeat(40);
    const taken = new Set([long.slice(0, 31).toLowerCase()]);
    const name = freeName(long, taken);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("text safety", () => {
  test("user text that Excel would parse is recognised", () => {
    for (const t of [
      '=HYPERLINK("x")',
      "+62812",
      "-1",
      "@x",
      " pad",
      "pad ",
      "1,5",
      "TRUE",
      "#N/A",
      "2024-05-31",
    ])
      expect(isParsedByExcel(t)).toBe(true);
    for (const t of ["Sumurboto", "Kelurahan Kandri", "berkembang"])
      expect(isParsedByExcel(t)).toBe(false);
  });

  test("any text lands as the same text, in a General cell or a text cell", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom("'Ndalem", "' ", "=1+1", " 12 ")),
        (text) => {
          for (const format of [null, TEXT_FORMAT]) {
            const entered = enterValue(writeValue(text, format), format ?? "General");
            expect(entered).toEqual({ value: text, type: "String" });
          }
        }
      )
    );
  });
});

describe("write planning", () => {
  const injected = exampleRows().map((row, r) =>
    r === 0
      ? row
      : [['=HYPERLINK("http://x","klik")', "+6281234", "@x", "-1"][r - 1], ...row.slice(1)]
  );
  const specs = summarySpecs(injected);
  const plan = planSummaryWrite({ specs, facts: EMPTY_FACTS, inputSheet: "Data" });
  if (isRefusal(plan)) throw new Error(plan.problem);
  const ops = plan.batches.flat();

  test("every string that Excel would parse is written into a cell already formatted @, or quoted", () => {
    const formats: { sheet: string; op: Extract<WriteOp, { kind: "numberFormat" }> }[] = [];
    let checked = 0;
    for (const op of ops) {
      if (op.kind === "numberFormat") formats.push({ sheet: op.sheet, op });
      if (op.kind !== "values") continue;
      op.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (typeof value !== "string" || !isParsedByExcel(value)) return;
          // A quoted string is text in any cell.
          if (value.startsWith("'")) return;
          const row0 = op.rect.row + r;
          const col0 = op.rect.col + c;
          const format = [...formats]
            .reverse()
            .find(
              ({ sheet, op: f }) =>
                sheet === op.sheet &&
                row0 >= f.rect.row &&
                row0 < f.rect.row + f.rect.rows &&
                col0 >= f.rect.col &&
                col0 < f.rect.col + f.rect.cols
            );
          expect(format?.op.format).toBe(TEXT_FORMAT);
          checked++;
        })
      );
    }
    expect(checked).toBeGreaterThan(4);
  });

  test("tables and colour scales come after their values, charts after the sheet's values", () => {
    const meets = (a: CellRect, b: CellRect) =>
      a.row < b.row + b.rows &&
      b.row < a.row + a.rows &&
      a.col < b.col + b.cols &&
      b.col < a.col + a.cols;
    let checked = 0;
    ops.forEach((op, i) => {
      if (op.kind !== "table" && op.kind !== "colorScale" && op.kind !== "chart") return;
      const later = ops.slice(i + 1).filter((o) => o.kind === "values" && o.sheet === op.sheet);
      const clash = later.filter(
        (o) => op.kind === "chart" || (o.kind === "values" && meets(o.rect, op.rect))
      );
      expect(clash).toEqual([]);
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
    const index = (kind: WriteOp["kind"]) => ops.findIndex((o) => o.kind === kind);
    expect(index("setting")).toBeGreaterThan(index("addSheet"));
  });

  test("a summary of 4 kampung is one batch (and KKB Profil's formulas one more); no batch of a large one passes 4 MB", () => {
    // The formulas last, on their own: the executor writes them with calculation on (issue 15).
    expect(plan.batches).toHaveLength(2);
    expect(plan.batches[0].some((op) => op.kind === "formulas")).toBe(false);
    expect(plan.batches[1].every((op) => op.kind === "formulas")).toBe(true);
    const big = exampleRows().slice(0, 1);
    for (let i = 0; i < 20_000; i++)
      big.push([`Kampung ${i}`, ...exampleRows()[1 + (i % 4)].slice(1)]);
    const bigPlan = planSummaryWrite({
      specs: summarySpecs(big),
      facts: EMPTY_FACTS,
      inputSheet: "Data",
    });
    if (isRefusal(bigPlan)) throw new Error(bigPlan.problem);
    expect(bigPlan.batches.length).toBeGreaterThan(1);
    for (const batch of bigPlan.batches) {
      expect(batch.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(
        REQUEST_PAYLOAD_LIMIT
      );
    }
  });

  test("a protected workbook, a protected owned sheet, or input on an owned sheet: no plan", () => {
    const owned = {
      customProperties: true,
      owned: [{ name: "KKB Ringkasan", role: "ringkasan" as const }],
    };
    const ownedSheet = { name: "KKB Ringkasan", roleProperty: "ringkasan", protected: true };
    const refuse = (facts: WorkbookFacts, inputSheet = "Data") => {
      const p = planSummaryWrite({ specs, facts, inputSheet });
      return isRefusal(p) ? p.problem : null;
    };
    expect(refuse({ ...EMPTY_FACTS, workbookProtected: true })).toBe("workbook-protected");
    expect(refuse({ ...EMPTY_FACTS, sheets: [ownedSheet], ownership: owned })).toBe(
      "sheet-protected"
    );
    expect(
      refuse(
        { ...EMPTY_FACTS, sheets: [{ ...ownedSheet, protected: false }], ownership: owned },
        "KKB Ringkasan"
      )
    ).toBe("input-in-owned-sheet");
  });
});
