/** The audit trail: evidence rows against scored sub-indicators, with calendar-correct dates. */
import {
  buildAnalysis,
  checkEvidence,
  evidenceTiming,
  isoDay,
  subtractMonthsUtc,
  utcDayNumber,
} from "../../src/engine/analysis";
import { Assessment } from "../../src/engine/assessment";
import { EvidenceRecord } from "../../src/engine/evidence";
import { SUB_INDICATORS } from "../../src/engine/framework";
import { cellOf, score, uniform } from "../helpers/analysis-fixture";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const OPTIONS = { lang: "en" as const, sheet: "Data", cellOf };

let nextRow = 2;
function record(
  kampung: string,
  field: string | null,
  date: string | null,
  source: string | null = "Notulen"
): EvidenceRecord {
  return {
    row: nextRow++,
    sheet: "Bukti",
    kampung,
    field,
    fieldText: field ?? "Koordinasi ???",
    date: date === null ? null : day(date),
    source,
    quote: "hlm. 3",
  };
}

describe("calendar months, in UTC", () => {
  it("subtracts months clamped to the end of a shorter month", () => {
    expect(isoDay(subtractMonthsUtc(day("2024-05-31"), 3))).toBe("2024-02-29");
    expect(isoDay(subtractMonthsUtc(day("2023-05-31"), 3))).toBe("2023-02-28");
    expect(isoDay(subtractMonthsUtc(day("2024-03-31"), 3))).toBe("2023-12-31");
    expect(isoDay(subtractMonthsUtc(day("2024-01-15"), 3))).toBe("2023-10-15");
    expect(isoDay(subtractMonthsUtc(day("2024-07-31"), 3))).toBe("2024-04-30");
    expect(isoDay(subtractMonthsUtc(day("2024-06-15"), 0))).toBe("2024-06-15");
  });

  it("uses the UTC calendar day, whatever the time of day", () => {
    const late = new Date("2024-06-15T23:59:59Z");
    expect(utcDayNumber(late)).toBe(utcDayNumber(day("2024-06-15")));
    expect(isoDay(subtractMonthsUtc(late, 3))).toBe("2024-03-15");
    expect(evidenceTiming(late, day("2024-06-15"))).toBe("ok");
    expect(evidenceTiming(day("2024-06-15"), late)).toBe("ok");
  });

  it("allows exactly 3 months before and the assessment day, not a day more either way", () => {
    const assessed = day("2024-06-15");
    expect(evidenceTiming(day("2024-03-15"), assessed)).toBe("ok"); // exactly 3 months before
    expect(evidenceTiming(day("2024-03-14"), assessed)).toBe("stale"); // 3 months + 1 day before
    expect(evidenceTiming(day("2024-06-15"), assessed)).toBe("ok"); // the assessment day
    expect(evidenceTiming(day("2024-06-16"), assessed)).toBe("after"); // the day after
    // 31 May: the horizon starts on 29 February (leap year).
    expect(evidenceTiming(day("2024-02-29"), day("2024-05-31"))).toBe("ok");
    expect(evidenceTiming(day("2024-02-28"), day("2024-05-31"))).toBe("stale");
  });
});

describe("checkEvidence", () => {
  const KEYS = SUB_INDICATORS.map((s) => s.key);

  function kampung(extra: Partial<Assessment> = {}): Assessment {
    return { ...uniform("Asri Sejahtera", 1, { row: 3, date: day("2024-06-15") }), ...extra };
  }

  it("without an evidence sheet gives one note and no coverage", () => {
    const audit = checkEvidence([kampung(), kampung({ row: 4, name: "B" })], null, OPTIONS);
    expect(audit.given).toBe(false);
    expect(audit.coverage).toEqual([null, null]);
    expect(audit.total).toBeNull();
    expect(audit.issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["EVIDENCE_NONE", "warning", "Data", "A3"],
    ]);
  });

  it("checks every scored sub-indicator: edge dates, missing rows, sources", () => {
    const sub = [...kampung().sub];
    sub[14] = null; // kader.pendataan not scored: not checked, not counted
    const a = kampung({ sub });
    nextRow = 2;
    const evidence = [
      record(" asri  SEJAHTERA", KEYS[0], "2024-03-15"), // row 2: exactly 3 months before: valid
      record("Asri Sejahtera", KEYS[1], "2024-06-15"), // row 3: the assessment day: valid
      record("Asri Sejahtera", KEYS[2], "2024-06-16"), // row 4: the day after
      record("Asri Sejahtera", KEYS[3], "2024-03-14"), // row 5: 3 months + 1 day before
      record("Asri Sejahtera", KEYS[4], "2024-05-01", null), // row 6: no source
      record("Asri Sejahtera", KEYS[5], null), // row 7: no date
      record("Asri Sejahtera", KEYS[6], "2024-01-01"), // row 8: stale ...
      record("Asri Sejahtera", KEYS[6], "2024-04-01"), // row 9: ... but a valid row as well
      record("Asri Sejahtera", KEYS[14], "2020-01-01"), // row 10: sub-indicator not scored: ignored
    ];
    const audit = checkEvidence([a], evidence, {
      ...OPTIONS,
      evidenceCellOf: (r, column) =>
        `${{ kampung: "A", field: "B", date: "C", source: "D" }[column]}${r.row}`,
    });
    // Scored 14; valid evidence for koordinasi.regulasi, koordinasi.struktur, interoperabilitas.idKeluarga.
    expect(audit.coverage).toEqual([{ scored: 14, covered: 3, share: 0.2143 }]);
    expect(audit.total).toEqual({ scored: 14, covered: 3, share: 0.2143 });
    const rowIssues = audit.issues.filter((i) => i.sheet === "Bukti");
    expect(rowIssues.map((i) => [i.code, i.cell, i.field, i.kampung])).toEqual([
      ["EVIDENCE_AFTER", "C4", KEYS[2], "Asri Sejahtera"],
      ["EVIDENCE_STALE", "C5", KEYS[3], "Asri Sejahtera"],
      ["EVIDENCE_NO_SOURCE", "D6", KEYS[4], "Asri Sejahtera"],
      ["EVIDENCE_NO_DATE", "C7", KEYS[5], "Asri Sejahtera"],
      ["EVIDENCE_STALE", "C8", KEYS[6], "Asri Sejahtera"],
    ]);
    expect(rowIssues[0].message).toBe(
      "Coordination - Practice: the evidence is dated 2024-06-16, after the assessment date 2024-06-15."
    );
    expect(rowIssues[1].message).toContain(
      "dated 2024-03-14, more than 3 months before the assessment date (earliest 2024-03-15)"
    );
    // The 7 scored sub-indicators with no evidence row: one warning for the kampung, on the
    // first one's cell of the data sheet, naming all seven.
    const missing = audit.issues.filter((i) => i.code === "EVIDENCE_MISSING");
    expect(missing.map((i) => [i.sheet, i.cell, i.field])).toEqual([
      ["Data", cellOf(3, KEYS[7]), KEYS[7]],
    ]);
    expect(missing[0].message).toMatch(/^7 sub-indicators are scored without an evidence row: /);
    expect(missing[0].message.split("; ")).toHaveLength(7);
    expect(audit.issues.every((i) => i.severity === "warning")).toBe(true);
    expect(audit.issues).toHaveLength(6);
  });

  it("uses column A of the evidence row by default, and Indonesian messages", () => {
    nextRow = 5;
    const audit = checkEvidence([kampung()], [record("Asri Sejahtera", KEYS[0], "2024-07-01")], {
      ...OPTIONS,
      lang: "id",
    });
    const after = audit.issues.find((i) => i.code === "EVIDENCE_AFTER");
    expect(after?.cell).toBe("A5");
    expect(after?.message).toBe(
      "Koordinasi - Regulasi: bukti bertanggal 2024-07-01, sesudah tanggal penilaian 2024-06-15."
    );
  });

  it("reports evidence for an unknown kampung or sub-indicator", () => {
    nextRow = 2;
    const audit = checkEvidence(
      [kampung()],
      [record("Kandri", KEYS[0], "2024-06-01"), record("Asri Sejahtera", null, "2024-06-01")],
      OPTIONS
    );
    expect(audit.issues.slice(0, 2).map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "EVIDENCE_KAMPUNG_UNKNOWN",
        "A2",
        'Evidence for kampung "Kandri", which is not on the data sheet.',
      ],
      [
        "EVIDENCE_FIELD_UNKNOWN",
        "A3",
        'The evidence\'s sub-indicator "Koordinasi ???" is not recognised. Write its domain and sub-indicator, e.g. "Koordinasi - Regulasi" (the list is on the template\'s KKB Petunjuk sheet).',
      ],
    ]);
    expect(audit.coverage).toEqual([{ scored: 15, covered: 0, share: 0 }]);
  });

  it("says an unknown kampung once, with its rows; nothing when no kampung was read", () => {
    nextRow = 2;
    const rows = [0, 1, 2].map((i) => record("Kandri", KEYS[i], "2024-06-01"));
    const audit = checkEvidence([kampung()], rows, OPTIONS);
    const unknown = audit.issues.filter((i) => i.code === "EVIDENCE_KAMPUNG_UNKNOWN");
    expect(unknown.map((i) => [i.cell, i.message])).toEqual([
      ["A2", 'Evidence for kampung "Kandri", which is not on the data sheet (3 evidence rows).'],
    ]);
    const none = checkEvidence([], rows, OPTIONS);
    expect(none.issues.filter((i) => i.code === "EVIDENCE_KAMPUNG_UNKNOWN")).toEqual([]);
  });

  it("with no evidence row for a kampung, one warning names its scored sub-indicators", () => {
    const audit = checkEvidence([kampung(), uniform("Tanpa skor", null, { row: 4 })], [], OPTIONS);
    const missing = audit.issues.filter((i) => i.code === "EVIDENCE_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^15 sub-indicators are scored without an evidence row/);
    expect(audit.coverage).toEqual([
      { scored: 15, covered: 0, share: 0 },
      { scored: 0, covered: 0, share: null },
    ]);
  });

  it("without an assessment date checks sources only, and says so once", () => {
    nextRow = 2;
    const undated = [kampung({ date: null }), kampung({ row: 4, name: "B", date: null })];
    const audit = checkEvidence(
      undated,
      [record("Asri Sejahtera", KEYS[0], "1999-01-01"), record("Asri Sejahtera", KEYS[1], null)],
      OPTIONS
    );
    expect(audit.coverage[0]).toEqual({ scored: 15, covered: 2, share: 0.1333 });
    const unchecked = audit.issues.filter((i) => i.code === "EVIDENCE_DATES_UNCHECKED");
    expect(unchecked.map((i) => [i.cell, i.message])).toEqual([
      ["C3", "2 kampung have no assessment date: their evidence dates are not checked."],
    ]);
    expect(
      audit.issues.some((i) => i.code === "EVIDENCE_STALE" || i.code === "EVIDENCE_NO_DATE")
    ).toBe(false);
  });

  it("reports a shared evidence row once when a kampung is listed twice", () => {
    nextRow = 2;
    const twice = [kampung(), kampung({ row: 4 })];
    const audit = checkEvidence(twice, [record("Asri Sejahtera", KEYS[0], "2023-01-01")], OPTIONS);
    expect(audit.issues.filter((i) => i.code === "EVIDENCE_STALE")).toHaveLength(1);
    // One warning per kampung row: 14 of 15 missing in each.
    expect(audit.issues.filter((i) => i.code === "EVIDENCE_MISSING")).toHaveLength(2);
  });

  it("feeds buildAnalysis: coverage per kampung and in total", () => {
    nextRow = 2;
    const a = [kampung(), uniform("B", 2, { row: 4, date: day("2024-06-15") })];
    const evidence = SUB_INDICATORS.map((s) => record("B", s.key, "2024-06-01"));
    const analysis = buildAnalysis(score(a), a, evidence, OPTIONS);
    expect(analysis.kampung.map((k) => k.evidence)).toEqual([
      { scored: 15, covered: 0, share: 0 },
      { scored: 15, covered: 15, share: 1 },
    ]);
    expect(analysis.evidence).toEqual({
      given: true,
      total: { scored: 30, covered: 15, share: 0.5 },
    });
    expect(analysis.issues.map((i) => i.code)).toEqual(["EVIDENCE_MISSING"]);
  });
});
