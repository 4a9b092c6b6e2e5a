/**
 * Dates as exports write them (pandas and R `to_csv`, databases, Excel's long date and
 * d-mmm-yy formats copied as text), and dates in a CSV (which can hold them only as text).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { isoDate, parseDateCell, provenDateOrder } from "../../src/workbook/dates";
import { readInput } from "../../src/workbook/input";
import { csvToGrid } from "../../src/xlsx/csv";
import { gridFromRows } from "../../src/workbook/grid";
import { exampleRows } from "../helpers/example";

const REGISTER = path.resolve(__dirname, "../helpers/ts-register.js");
const DATES = path.resolve(__dirname, "../../src/workbook/dates.ts");

const read = (text: string) => {
  const parsed = parseDateCell(text);
  return parsed.ok ? isoDate(parsed.date) : null;
};

describe("text dates with a time, a weekday or a two-digit year", () => {
  it("reads an instant (a zone after the time) as the date on the computer's clock", () => {
    // In a process of its own: Node takes the time zone from TZ when it starts.
    const texts = [
      "2024-03-31T17:00:00.000Z",
      "2024-01-12T08:15:00.000Z",
      "2024-01-12T08:15+07:00",
      "2024-01-12T23:30-0500",
    ];
    const script = `require(${JSON.stringify(REGISTER)});
      const { parseDateCell, isoDate } = require(${JSON.stringify(DATES)});
      process.stdout.write(JSON.stringify(${JSON.stringify(texts)}.map((t) => isoDate(parseDateCell(t).date))));`;
    const run = (tz: string) =>
      JSON.parse(
        execFileSync(process.execPath, ["-e", script], {
          env: { ...process.env, TZ: tz },
        }).toString()
      ) as string[];
    expect(run("Asia/Jakarta")).toEqual(["2024-04-01", "2024-01-12", "2024-01-12", "2024-01-13"]);
    expect(run("UTC")).toEqual(["2024-03-31", "2024-01-12", "2024-01-12", "2024-01-13"]);
  });

  it.each([
    ["2024-01-12 00:00:00", "2024-01-12"],
    ["2024-01-12T00:00:00", "2024-01-12"],
    ["2024-01-12 10.30", "2024-01-12"],
    ["12/01/24", "2024-01-12"],
    ["1/12/2024 12:00:00 AM", "2024-12-01"],
    ["Jum\u2019at, 12 Januari 2024", "2024-01-12"],
    ["Friday, January 12, 2024", "2024-01-12"],
    ["January 12, 2024", "2024-01-12"],
    ["12/01/2024 0:00", "2024-01-12"],
    ["12/01/2024 10.30", "2024-01-12"],
    ["Jumat, 12 Januari 2024", "2024-01-12"],
    ["Friday, 12 January 2024", "2024-01-12"],
    ["Kamis 2 Mei 2024", "2024-05-02"],
    ["12-Jan-24", "2024-01-12"],
    ["30-Jan-99", "1999-01-30"],
    ["12 Januari 2024", "2024-01-12"],
  ])("reads %s as %s", (text, iso) => expect(read(text)).toBe(iso));

  it.each([
    "31/02/2024 00:00",
    "2024-13-01 00:00:00",
    "12/01/2024 25",
    "Jumat",
    "2024-01-12T25:00Z",
  ])("does not read %s", (text) => expect(read(text)).toBeNull());

  it("a time does not hide which order a numeric date proves", () => {
    expect(provenDateOrder("08/14/2024 00:00")).toBe("monthFirst");
    expect(provenDateOrder("14/08/2024 10.30")).toBe("dayFirst");
  });
});

describe("DATE_TEXT", () => {
  /** The example's first two kampung with a Tanggal penilaian of `date`. */
  const rows = (date: string) => {
    const [header, a, b] = exampleRows();
    return [
      [...header, "Tanggal penilaian"],
      [...a, date],
      [...b, date],
    ];
  };

  it("is not said for a CSV, where a date can only be text", () => {
    const csv = rows("12/01/2024")
      .map((r) => r.map((v) => String(v).replace(".", ",")).join(";"))
      .join("\r\n");
    const grid = csvToGrid(new TextEncoder().encode(csv), "Data");
    const result = readInput([grid], { lang: "id" });
    expect(result.assessments.map((a) => a.date && isoDate(a.date))).toEqual([
      "2024-01-12",
      "2024-01-12",
    ]);
    expect(result.issues.filter((i) => i.code === "DATE_TEXT")).toEqual([]);
  });

  it("is said for a workbook's text cell, which could hold a date", () => {
    const result = readInput([gridFromRows("Data", rows("12/01/2024"))], { lang: "id" });
    expect(result.issues.filter((i) => i.code === "DATE_TEXT").map((i) => i.cell)).toEqual([
      "X2",
      "X3",
    ]);
  });
});
