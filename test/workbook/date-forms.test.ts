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
    ["2024/01/12", "2024-01-12"],
    ["2024/1/2 10:30", "2024-01-02"],
    ["Jumat, 2024/01/12", "2024-01-12"],
  ])("reads %s as %s", (text, iso) => expect(read(text)).toBe(iso));

  it.each([
    "31/02/2024 00:00",
    "2024-13-01 00:00:00",
    "12/01/2024 25",
    "Jumat",
    "2024-01-12T25:00Z",
    "2024/13/01",
    "2024/02/30",
    "2024/01-12",
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

describe("DATE_WEEKDAY", () => {
  it.each([
    ["Jumat, 12 Januari 2024", "2024-01-12", undefined],
    ["JUM\u2019AT, 12 Januari 2024", "2024-01-12", undefined],
    ["Jum, 12/01/2024", "2024-01-12", undefined],
    ["Friday, January 12, 2024", "2024-01-12", undefined],
    ["Fri 2024-01-12", "2024-01-12", undefined],
    ["Minggu, 14 Januari 2024", "2024-01-14", undefined],
    ["Ahad, 14 Januari 2024", "2024-01-14", undefined],
    ["Sun, 14-Jan-24", "2024-01-14", undefined],
    ["Senin, 12 Januari 2024", "2024-01-12", "Senin"],
    ["senin 12/01/2024", "2024-01-12", "senin"],
    ["Monday, January 12, 2024", "2024-01-12", "Monday"],
    ["Sab, 12 Januari 2024", "2024-01-12", "Sab"],
    ["Min 12-Jan-24", "2024-01-12", "Min"],
  ])("%s is %s, its wrong weekday %s", (text, iso, wrong) => {
    const date = parseDateCell(text);
    expect(date.ok && isoDate(date.date)).toBe(iso);
    expect(date.ok ? date.wrongWeekday : "not read").toBe(wrong);
  });

  it("checks the weekday against the date as written, not an instant's local date", () => {
    // 20:00 UTC on Thursday 11 January is Friday 12 January in Jakarta.
    const texts = ["Kamis, 2024-01-11T20:00:00Z", "Jumat, 2024-01-11T20:00:00Z"];
    const script = `require(${JSON.stringify(REGISTER)});
      const { parseDateCell, isoDate } = require(${JSON.stringify(DATES)});
      process.stdout.write(JSON.stringify(${JSON.stringify(texts)}.map((t) => {
        const p = parseDateCell(t); return [isoDate(p.date), p.wrongWeekday ?? null]; })));`;
    const out = execFileSync(process.execPath, ["-e", script], {
      env: { ...process.env, TZ: "Asia/Jakarta" },
    }).toString();
    expect(JSON.parse(out)).toEqual([
      ["2024-01-12", null],
      ["2024-01-12", "Jumat"],
    ]);
  });

  it("is said at the cell, with the date read and its weekday, instead of DATE_TEXT", () => {
    const [header, a, b, c] = exampleRows();
    const grid = gridFromRows("Data", [
      [...header, "Tanggal penilaian"],
      [...a, "Senin, 12 Januari 2024"], // 12 January 2024 is a Friday
      [...b, "Jumat, 12 Januari 2024"],
      [...c, "12/01/2024"],
    ]);
    const id = readInput([grid], { lang: "id" });
    const weekday = id.issues.filter((i) => i.code === "DATE_WEEKDAY");
    expect(weekday.map((i) => [i.cell, i.severity, i.kampung])).toEqual([["X2", "warning", a[0]]]);
    expect(weekday[0].message).toBe(
      'Tanggal penilaian: "Senin, 12 Januari 2024": 2024-01-12 jatuh pada hari Jumat, bukan Senin. Tanggal dibaca 2024-01-12; periksa tanggal atau harinya.'
    );
    expect(id.issues.filter((i) => i.code === "DATE_TEXT").map((i) => i.cell)).toEqual([
      "X3",
      "X4",
    ]);
    expect(id.assessments.map((x) => x.date && isoDate(x.date))).toEqual([
      "2024-01-12",
      "2024-01-12",
      "2024-01-12",
    ]);
    const en = readInput([grid], { lang: "en" });
    expect(en.issues.find((i) => i.code === "DATE_WEEKDAY")?.message).toBe(
      'Assessment date: "Senin, 12 Januari 2024": 2024-01-12 is a Friday, not a Senin. Read as 2024-01-12; check the date or the weekday.'
    );
  });

  it("is said in a CSV too, where DATE_TEXT is not", () => {
    const [header, a] = exampleRows();
    const csv = [
      [...header, "Tanggal penilaian"],
      [...a, "Selasa, 12/01/2024"],
    ]
      .map((r) => r.map((v) => String(v).replace(".", ",")).join(";"))
      .join("\r\n");
    const result = readInput([csvToGrid(new TextEncoder().encode(csv), "Data")], { lang: "id" });
    expect(result.issues.filter((i) => i.code.startsWith("DATE_")).map((i) => i.code)).toEqual([
      "DATE_WEEKDAY",
    ]);
  });
});

describe("numbers as text in a CSV", () => {
  it("are read without a warning each: a CSV holds every value as text", () => {
    // Google Sheets in the Indonesian locale: commas between values, decimal commas quoted.
    const [header, a, b] = exampleRows();
    const csv = [header, a, b]
      .map((r) =>
        r
          .map((v) =>
            typeof v === "number" && !Number.isInteger(v)
              ? `"${String(v).replace(".", ",")}"`
              : String(v)
          )
          .join(",")
      )
      .join("\r\n");
    const grid = csvToGrid(new TextEncoder().encode(csv), "Data");
    const result = readInput([grid], { lang: "id" });
    expect(result.assessments.map((x) => x.sub)).toEqual([a, b].map((r) => r.slice(5, 20)));
    expect(result.assessments.map((x) => x.dimensions)).toEqual([a, b].map((r) => r.slice(20, 23)));
    expect(
      result.issues.filter((i) => i.code === "SCORE_TEXT" || i.code === "IBANGGA_TEXT")
    ).toEqual([]);
    // The same cells in a workbook, where they could be numbers, are said.
    const book = readInput(
      [gridFromRows("Data", [header, ["Sumurboto", ...a.slice(1, 6), "1,5", ...a.slice(7)]])],
      { lang: "id" }
    );
    expect(book.issues.filter((i) => i.code === "SCORE_TEXT").map((i) => i.cell)).toEqual(["G2"]);
  });
});
