/**
 * The identity of a kampung row as users' files hold it: names with a non-breaking or double
 * space (copied from a web page or a chat) are the same kampung across rounds and within one,
 * and an Excel error or a formula never calculated in an identity cell (a failed VLOOKUP from a
 * master list) is said at its cell instead of reading silently as blank.
 */
import fc from "fast-check";
import { CellValue } from "../../src/engine/cell";
import { nameKey } from "../../src/engine/group-stats";
import { closestHeadings } from "../../src/workbook/headers";
import { SETARA } from "../../src/engine/ibangga";
import { Grid, gridFromRows } from "../../src/workbook/grid";
import { readInput } from "../../src/workbook/input";
import { buildSummary } from "../../src/workbook/summary";
import { exampleRows } from "../helpers/example";

const id = { lang: "id" as const };

/** The study's example with a Periode column (the last) and its rows in `rounds`. */
function withRounds(rounds: readonly string[], rename: (name: string) => string): Grid {
  const [header, ...rows] = exampleRows();
  const out: CellValue[][] = [[...header, "Periode"]];
  rounds.forEach((round, i) => {
    for (const row of rows) {
      const copy = [...row, round];
      if (i === rounds.length - 1) copy[0] = rename(String(row[0]));
      out.push(copy);
    }
  });
  return gridFromRows("Data", out);
}

describe("a kampung's identity ignores case and uneven spaces", () => {
  const variant = (name: string) =>
    name === "Asri Sejahtera"
      ? "Asri\u00a0Sejahtera"
      : name === "Wisata Asri"
        ? "Wisata  Asri"
        : name.toUpperCase();

  it("keeps the history of a kampung whose name gained a non-breaking or double space", () => {
    const read = readInput([withRounds(["2024-T1", "2024-T2"], variant)], id);
    const summary = buildSummary(read, {
      lang: "id",
      weights: SETARA,
      source: "x.xlsx",
      now: new Date(2026, 11, 1),
    });
    const trend = summary.trend;
    expect(trend).not.toBeNull();
    // Four kampung, each assessed in both rounds: none without a previous round.
    expect(trend?.kampung.length).toBe(4);
    for (const k of trend?.kampung ?? []) expect(k.roundIndexes).toEqual([0, 1]);
    expect(read.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE")).toEqual([]);
  });

  it("takes a zero-width space or joiner for nothing, and tells `A|B` in `C` from `A` in `B|C`", () => {
    const [header, first] = exampleRows();
    const zw = [...first];
    zw[0] = "Sumur\u200bboto";
    const pipeA = [...first];
    pipeA[0] = "Kampung A|B";
    pipeA[1] = "Desa C";
    const pipeB = [...first];
    pipeB[0] = "Kampung A";
    pipeB[1] = "B|Desa C";
    const read = readInput([gridFromRows("Data", [header, first, zw, pipeA, pipeB])], id);
    const duplicates = read.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE");
    expect(duplicates.map((i) => i.cell)).toEqual(["A3"]);
  });

  it("says an error merged down over identity cells once, at the merge's top-left cell", () => {
    const [header, ...rows] = exampleRows();
    const body = rows.map((row) => [...row]);
    body[0][1] = { error: "#N/A" };
    body[1][1] = null;
    body[2][1] = null;
    const grid: Grid = {
      ...gridFromRows("Data", [header, ...body]),
      merges: [{ top: 1, left: 1, bottom: 3, right: 1 }],
    };
    const said = readInput([grid], id).issues.filter((i) => i.code === "IDENTITY_CELL_ERROR");
    expect(said.map((i) => i.cell)).toEqual(["B2"]);
  });

  it("reports the same kampung twice in one round when only its spaces differ", () => {
    const [header, first] = exampleRows();
    const twin = [...first];
    twin[0] = "Sumur\u00a0boto";
    const again = [...first];
    again[0] = "Sumur  Boto ";
    first[0] = "Sumur boto";
    const read = readInput([gridFromRows("Data", [header, first, twin, again])], id);
    const duplicates = read.issues.filter((i) => i.code === "KAMPUNG_DUPLICATE");
    expect(duplicates.map((i) => i.cell)).toEqual(["A3", "A4"]);
  });

  it("nameKey is the same as trimming, collapsing every run of spaces and lower-casing", () => {
    const spaces = fc.constantFrom(
      " ",
      "  ",
      "\u00a0",
      "\t",
      "\u3000",
      "\u2009",
      "\n",
      "\u200b",
      "\u2060"
    );
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 4 }), spaces), { maxLength: 8 })
      .map((parts) => parts.join(""));
    const slow = (t: string) =>
      t
        .replace(/[\u200b-\u200d\u2060]/g, "")
        .trim()
        .replace(/\s+/g, " ")
        .toLowerCase();
    fc.assert(fc.property(text, (t) => nameKey(t) === slow(t)));
  });
});

describe("identity cells holding an Excel error or a formula never calculated", () => {
  /** The example's header and first kampung row, with `edit` applied to the row. */
  function oneRow(edit: (row: CellValue[]) => void, extra?: Partial<Grid>): Grid {
    const [header, first] = exampleRows();
    const row = [...first];
    edit(row);
    return { ...gridFromRows("Data", [header, row]), ...extra };
  }
  const codes = (grid: Grid) =>
    readInput([grid], id).issues.map((i) => `${i.code} ${i.cell} ${i.field}`);

  it("says an error in a region or Status cell at the cell, and reads the cell as blank", () => {
    const grid = oneRow((row) => {
      row[2] = { error: "#N/A" };
      row[4] = { error: "#DIV/0!" };
    });
    const read = readInput([grid], id);
    const said = read.issues.filter((i) => i.code === "IDENTITY_CELL_ERROR");
    expect(said.map((i) => `${i.cell} ${i.field} ${i.severity}`)).toEqual([
      "C2 kabupaten warning",
      "E2 status warning",
    ]);
    expect(said[0].message).toBe(
      "Kabupaten/Kota: sel berisi galat Excel #N/A; dibaca sebagai kosong. Perbaiki rumusnya (misalnya VLOOKUP yang tidak menemukan nilai) atau ketik nilainya."
    );
    expect(said[0].kampung).toBe("Sumurboto");
    expect(read.assessments[0].region.kabupaten).toBeNull();
    expect(read.assessments[0].status).toBeNull();
  });

  it("says an error in the Kampung cell as such, not as a blank name", () => {
    const found = codes(oneRow((row) => (row[0] = { error: "#N/A" })));
    expect(found).toContain("KAMPUNG_CELL_ERROR A2 kampung");
    expect(found.some((c) => c.startsWith("KAMPUNG_MISSING"))).toBe(false);
    const [issue] = readInput([oneRow((row) => (row[0] = { error: "#N/A" }))], {
      lang: "en",
    }).issues.filter((i) => i.code === "KAMPUNG_CELL_ERROR");
    expect(issue.severity).toBe("error");
    expect(issue.message).toContain("the Excel error #N/A, so the kampung name cannot be read");
  });

  it("says a formula never calculated in the Kampung, region and date cells", () => {
    const [header, first] = exampleRows();
    const row: CellValue[] = [...first, null];
    row[0] = null;
    row[3] = null;
    const grid: Grid = {
      ...gridFromRows("Data", [[...header, "Tanggal penilaian"], row]),
      uncalculated: new Map([
        ["A2", "VLOOKUP(Z2,Master!A:B,2,FALSE)"],
        ["D2", "VLOOKUP(Z2,Master!A:D,4,FALSE)"],
        ["X2", "TODAY()"],
      ]),
    };
    const found = codes(grid);
    expect(found).toEqual(
      expect.arrayContaining([
        "FORMULA_NOT_CALCULATED A2 kampung",
        "FORMULA_NOT_CALCULATED D2 provinsi",
        "FORMULA_NOT_CALCULATED X2 tanggal",
      ])
    );
    expect(found.some((c) => c.startsWith("KAMPUNG_MISSING"))).toBe(false);
  });

  it("says an error in the date or Periode cell as an error value, not as an unreadable blank", () => {
    const [header, first] = exampleRows();
    const row: CellValue[] = [...first, { error: "#VALUE!" }, { error: "#REF!" }];
    const grid = gridFromRows("Data", [[...header, "Tanggal penilaian", "Periode"], row]);
    const found = codes(grid);
    expect(found).toEqual(
      expect.arrayContaining(["IDENTITY_CELL_ERROR X2 tanggal", "IDENTITY_CELL_ERROR Y2 periode"])
    );
    expect(found.some((c) => /^(DATE_INVALID|PERIODE_UNREADABLE)/.test(c))).toBe(false);
  });
});

describe("a sub-indicator heading KKB does not recognise", () => {
  const withHeading = (col: number, text: string) => {
    const [header, ...rows] = exampleRows();
    const edited = [...header];
    edited[col] = text;
    return gridFromRows("Penilaian", [edited, ...rows]);
  };

  it("is named at its cell, with the heading it most likely means", () => {
    // Column K (index 10) is Rujukan - Umpan balik rujukan; F (5) Koordinasi - Regulasi.
    for (const [col, text, cell] of [
      [10, "Rujukan - Umpan balik", "K1"],
      [5, "Kordinasi - Regulasi", "F1"],
    ] as const) {
      const read = readInput([withHeading(col, text)], id);
      const [missing] = read.issues.filter((i) => i.code === "COLUMN_MISSING");
      expect(missing.cell).toBe(cell);
      expect(missing.message).toContain(`Judul ${cell} "${text}" tidak dikenali`);
      expect(missing.message).toContain("ubah judulnya menjadi");
    }
  });

  it("is not blamed when it resembles no missing column (the message stays at A1)", () => {
    const read = readInput([withHeading(10, "Catatan petugas lapangan")], id);
    const [missing] = read.issues.filter((i) => i.code === "COLUMN_MISSING");
    expect(missing.cell).toBe("A1");
    expect(missing.message).not.toContain("tidak dikenali");
  });
});

describe("closestHeadings", () => {
  const heading = (col: number, text: string) => ({ col, text, match: text });

  it("does not carry a notes column to a sub-indicator on a long domain name", () => {
    const found = closestHeadings(
      [12, 0],
      [heading(30, "Peran kader - Catatan"), heading(31, "Koordinasi lintas sektor - Catatan")]
    );
    expect(found.size).toBe(0);
  });

  it("passes over very long headings without measuring them", () => {
    const long = Array.from({ length: 1000 }, (_, i) => heading(i, `x${"Regulasi ".repeat(3000)}`));
    expect(closestHeadings([0, 1, 2], long).size).toBe(0);
  });
});
