/**
 * No written cell holds more than Excel's 32,767 characters (cell-text-limit.ts): a
 * 32,767-character kampung name with its region added (KKB Profil, KKB Validasi) and a
 * 40,000-character name from a CSV (cut by the CSV reader as by the .xlsx reader) are read back
 * from the written workbook with openpyxl. `--print` cuts long names to a readable width.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { CellValue } from "../../src/engine/cell";
import { PRINT_NAME_MAX } from "../../src/cli/table";
import { TEXT_FORMAT, writeValue } from "../../src/excel/text-safety";
import { MAX_CELL_TEXT, cutText, withinCellLimit } from "../../src/workbook/cell-text-limit";
import { gridFromRows } from "../../src/workbook/grid";
import { csvTextToGrid } from "../../src/xlsx/csv";
import { writeWorkbook } from "../../src/xlsx/write";
import { run } from "../cli/run";
import { EXAMPLE_CSV, exampleRows } from "../helpers/example";
import { tempDir } from "../helpers/files";

const tmp = tempDir("kkb-cell-limit-");
afterAll(() => tmp.remove());

/** Per sheet of the file: the longest text cell's length and address (openpyxl). */
function longestCells(file: string): Record<string, [number, string | null]> {
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "out = {}",
    "for ws in wb:",
    "    m = (0, None)",
    "    for row in ws.iter_rows():",
    "        for c in row:",
    "            if isinstance(c.value, str) and len(c.value) > m[0]: m = (len(c.value), c.coordinate)",
    "    out[ws.title] = m",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, [number, string | null]>;
}

/** The example's rows with the first two kampung named `name` and the first repeated below. */
function longNameRows(name: string): CellValue[][] {
  const rows = exampleRows();
  rows[1][0] = name;
  rows[2][0] = name;
  rows.push(rows[1].slice());
  return rows;
}

describe("cell text limit", () => {
  it("cuts text to 32,767 characters with an ellipsis, never splitting a surrogate pair", () => {
    expect(withinCellLimit("abc")).toBe("abc");
    const exact = "x".repeat(MAX_CELL_TEXT);
    expect(withinCellLimit(exact)).toBe(exact);
    const cut = withinCellLimit("y".repeat(40_000));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith("…")).toBe(true);
    expect(cutText("ab😀cd", 4)).toBe("ab…");
    // The pane's writes (office.js values) are cut the same way.
    const sent = writeValue("=" + "z".repeat(40_000), TEXT_FORMAT);
    expect(typeof sent === "string" && sent.length).toBe(MAX_CELL_TEXT);
  });

  it("the CSV reader cuts a cell as the .xlsx reader does", () => {
    const text = readFileSync(EXAMPLE_CSV, "utf8").replace("Sumurboto,", `${"N".repeat(40_000)},`);
    const grid = csvTextToGrid(text, "Data");
    expect(grid.rows[1][0]).toBe("N".repeat(MAX_CELL_TEXT));
  });

  it("a 32,767-character name with its region (Profil, Validasi): no written cell over the limit", async () => {
    const input = tmp.file("long.xlsx");
    const rows = longNameRows("K".repeat(MAX_CELL_TEXT));
    await writeWorkbook(input, [], {
      copies: [{ name: "Penilaian", grid: gridFromRows("Penilaian", rows) }],
    });
    const output = tmp.file("long-out.xlsx");
    const r = await run("ringkas", input, "-o", output, "--profil", "--force");
    expect(r.code).toBe(0);
    const longest = longestCells(output);
    for (const [sheet, [length]] of Object.entries(longest)) {
      expect([sheet, length <= MAX_CELL_TEXT]).toEqual([sheet, true]);
    }
    // The name itself reaches the limit in the summary, so the check above is not empty.
    expect(longest["KKB Profil"][0]).toBe(MAX_CELL_TEXT);
    expect(longest["KKB Validasi"][0]).toBe(MAX_CELL_TEXT);
  });

  it("a 40,000-character CSV name: no written cell over the limit, and --print stays narrow", async () => {
    const input = tmp.file("long.csv");
    const text = readFileSync(EXAMPLE_CSV, "utf8").replace("Sumurboto,", `${"N".repeat(40_000)},`);
    writeFileSync(input, text);
    const output = tmp.file("csv-out.xlsx");
    const r = await run("ringkas", input, "-o", output, "--print", "--force");
    expect(r.code).toBe(0);
    const longest = longestCells(output);
    for (const [sheet, [length]] of Object.entries(longest)) {
      expect([sheet, length <= MAX_CELL_TEXT]).toEqual([sheet, true]);
    }
    expect(longest["KKB Ringkasan"][0]).toBe(MAX_CELL_TEXT);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.length).toBeLessThan(PRINT_NAME_MAX + 120);
    expect(lines[1].startsWith("N".repeat(PRINT_NAME_MAX - 1) + "…")).toBe(true);
    expect(r.out).toMatch(/Asri Sejahtera\s+1,6\s+1,0/);
  });
});
