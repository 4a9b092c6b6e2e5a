/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { Issue } from "../../src/engine/issues";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { counted, strings } from "../../src/taskpane/i18n";
import { renderPane } from "./render";

const issue = (severity: Issue["severity"], code: Issue["code"], cell: string): Issue => ({
  severity,
  sheet: "Penilaian",
  cell,
  kampung: "Sumurboto",
  field: "koordinasi.regulasi",
  code,
  message: "Koordinasi - Regulasi: pesan.",
});

describe("counts with their noun (P9)", () => {
  it("says 1 error and 2 warnings in English, and galat/peringatan alike in Indonesian", () => {
    expect(strings("en").issueCount(1, 1)).toBe("1 error, 1 warning");
    expect(strings("en").issueCount(2, 0)).toBe("2 errors, 0 warnings");
    expect(strings("id").issueCount(1, 2)).toBe("1 galat, 2 peringatan");
    expect(strings("en").fileReady(1, 1, 1)).toBe("Summary ready: 1 kampung, 1 error, 1 warning.");
    expect(strings("en").fileReady(1234, 0, 2)).toBe(
      "Summary ready: 1,234 kampung, 0 errors, 2 warnings."
    );
    expect(strings("id").fileReady(1234, 1, 1)).toBe(
      "Ringkasan siap: 1.234 kampung, 1 galat, 1 peringatan."
    );
    expect(counted(1234, "en", strings("en").errorNoun)).toBe("1,234 errors");
  });

  it("counts the issues by kind with the singular for one", () => {
    renderPane(
      <IssueList
        lang="en"
        issues={[
          issue("error", "SCORE_MISSING", "E4"),
          issue("warning", "SCORE_OFF_RUBRIC", "F4"),
          issue("warning", "SCORE_OFF_RUBRIC", "F5"),
        ]}
      />
    );
    const kinds = screen.getByTestId("issue-kinds").textContent ?? "";
    expect(kinds).toMatch(/1 error: /);
    expect(kinds).toMatch(/2 warnings: /);
    expect(kinds).not.toMatch(/1 errors/);
  });
});
