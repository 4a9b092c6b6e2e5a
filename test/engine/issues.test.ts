/**
 * Issues of the catalogue (issues.ts): the message is made when read, from the params, in the
 * issue's language; plain data carries it across threads and into JSON.
 */
import { makeIssue, plainIssue } from "../../src/engine/issues";

const at = { sheet: "Data", cell: "M5", kampung: "Wisata Asri", field: "status" };
const params = {
  value: "Berkembang",
  other: "berkelanjutan",
  score: 1.4,
  reference: 1.36,
  direction: "above" as const,
};

describe("issues", () => {
  it("say their message in their own language, with the cell's values", () => {
    const id = makeIssue("STATUS_INCONSISTENT", at, params, "id");
    const en = makeIssue("STATUS_INCONSISTENT", at, params, "en");
    expect(id.message).toContain("skor komposit 1,40"); // as the sheets show it (0.00)
    expect(id.message).toContain("(1,36)");
    expect(en.message).toContain("the composite 1.40 is at or above the median (1.36)");
    expect([id.severity, id.sheet, id.cell, id.kampung, id.field, id.code]).toEqual([
      "warning",
      "Data",
      "M5",
      "Wisata Asri",
      "status",
      "STATUS_INCONSISTENT",
    ]);
  });

  it("keep their message through a structured clone only as plain data", () => {
    const issue = makeIssue("EVIDENCE_NONE", { sheet: "Data", cell: "A2" }, {}, "en");
    // A clone copies own properties: the message, made when read, is not one of them.
    expect(structuredClone(issue)).not.toHaveProperty("message");
    const plain = structuredClone(plainIssue(issue));
    expect(plain).toEqual({
      severity: "warning",
      sheet: "Data",
      cell: "A2",
      kampung: "",
      field: "",
      code: "EVIDENCE_NONE",
      message: issue.message,
    });
    expect(plain.message).toMatch(/^No evidence given/);
  });

  it("are written whole as JSON", () => {
    const issue = makeIssue("STATUS_INCONSISTENT", at, params, "id");
    expect(JSON.parse(JSON.stringify([issue]))).toEqual([plainIssue(issue)]);
  });
});
