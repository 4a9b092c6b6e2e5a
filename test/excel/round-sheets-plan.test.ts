/**
 * Issue 14 item 7, the input plan (pure): sheets picked as rounds resolve to the heads of every
 * candidate sheet plus the picked ones; a picked sheet gone falls back to looking; input tables
 * on several sheets (one per round) are looked at all instead of taking the best table.
 */
import { InputSurvey, planInput } from "../../src/excel/plan-input";

const used = (rows: number) => ({ row: 0, col: 0, rows, cols: 25 });
const HEADER = ["Kampung", "Koordinasi Regulasi", "Koordinasi Struktur"];

function survey(tables: InputSurvey["tables"] = []): InputSurvey {
  return {
    sheets: [
      { name: "Catatan", used: used(2) },
      { name: "Penilaian 2024-T1", used: used(30) },
      { name: "Penilaian 2024-T2", used: used(31) },
      { name: "KKB Ringkasan", used: used(40) },
      { name: "Bukti", used: used(9) },
    ],
    tables,
    selection: null,
  };
}

describe("the input plan for sheets picked as rounds", () => {
  it("reads the heads of every candidate and the picked sheets (names as the workbook has them)", () => {
    const plan = planInput(
      {
        kind: "sheets",
        sheets: [
          { sheet: "penilaian 2024-t2" },
          { sheet: "Penilaian 2024-T1", periode: "2024-T1" },
        ],
      },
      survey()
    );
    expect(plan.fellBack).toBe(false);
    expect(plan.evidence?.sheet).toBe("Bukti");
    const input = plan.input;
    if (input.mode !== "sheets") throw new Error(`mode ${input.mode}`);
    expect(input.candidates.map((c) => c.sheet)).toEqual([
      "Catatan",
      "Penilaian 2024-T1",
      "Penilaian 2024-T2",
    ]);
    expect(input.at).toEqual([2, 1]);
    expect(input.picks).toEqual([
      { sheet: "Penilaian 2024-T2" },
      { sheet: "Penilaian 2024-T1", periode: "2024-T1" },
    ]);
    expect(input.location).toEqual({ kind: "sheets", sheets: input.picks });
  });

  it("a picked sheet that is gone (or is KKB's own) falls back to looking for the input", () => {
    for (const sheet of ["Penilaian 2023-T4", "KKB Ringkasan"]) {
      const plan = planInput(
        { kind: "sheets", sheets: [{ sheet: "Penilaian 2024-T1" }, { sheet }] },
        survey()
      );
      expect([plan.fellBack, plan.input.mode]).toEqual([true, "scan"]);
    }
  });

  it("input tables on two sheets are looked at all; on one sheet, the best table is read", () => {
    const table = (name: string, sheet: string) => ({
      name,
      sheet,
      rect: { row: 0, col: 0, rows: 30, cols: 25 },
      header: HEADER,
    });
    const two = survey([table("T1", "Penilaian 2024-T1"), table("T2", "Penilaian 2024-T2")]);
    expect(planInput({ kind: "auto" }, two).input.mode).toBe("scan");
    const one = survey([table("T1", "Penilaian 2024-T1")]);
    expect(planInput({ kind: "auto" }, one).input).toMatchObject({
      mode: "rect",
      location: { kind: "table", table: "T1" },
    });
  });
});
