import { issueKindCounts, ISSUE_KINDS, issueKindTitle } from "../../src/engine/issue-kinds";
import { Issue, IssueCode, MESSAGES, makeIssue } from "../../src/engine/issues";

const at = { sheet: "Data", cell: "B2" };
const issue = (code: IssueCode): Issue => makeIssue(code, at, { label: "X", value: "1" }, "id");

describe("issueKindCounts", () => {
  it("counts each code once, errors first, then the most frequent (ties in the order found)", () => {
    const issues = [
      issue("SCORE_OFF_RUBRIC"),
      issue("EVIDENCE_NONE"),
      issue("SCORE_OFF_RUBRIC"),
      issue("SCORE_MISSING"),
      issue("SCORE_OFF_RUBRIC"),
      issue("KAMPUNG_DUPLICATE"),
    ];
    expect(issues[5].severity).toBe("warning");
    expect(issueKindCounts(issues)).toEqual([
      { code: "SCORE_MISSING", severity: "error", count: 1 },
      { code: "SCORE_OFF_RUBRIC", severity: "warning", count: 3 },
      { code: "EVIDENCE_NONE", severity: "warning", count: 1 },
      { code: "KAMPUNG_DUPLICATE", severity: "warning", count: 1 },
    ]);
    expect(issueKindCounts([])).toEqual([]);
  });

  it("names every code in both languages, never by its code", () => {
    for (const code of Object.keys(MESSAGES) as IssueCode[]) {
      for (const lang of ["id", "en"] as const) {
        const title = issueKindTitle(code, lang);
        expect(title.length).toBeGreaterThan(3);
        expect(title).not.toMatch(/[A-Z]{2,}_/);
      }
    }
    expect(Object.keys(ISSUE_KINDS).sort()).toEqual(Object.keys(MESSAGES).sort());
  });
});
