/**
 * Which number formats of xl/styles.xml show a date, and which a percentage (styles-part.ts):
 * the reader turns the first into dates and marks the second (grid.ts `percentCells`).
 */
import { isDateFormat, isPercentFormat } from "../../src/workbook/number-formats";

describe("number formats", () => {
  it.each([
    ["0%", true],
    ["0.0%", true],
    ["0.00%;[Red]-0.00%", true],
    ['#,##0.0" %"', false],
    ["0\\%", false],
    ['0.0"%"', false],
    ["0.0", false],
    ["General", false],
    ["[$-421]0%", true],
    ["dd/mm/yyyy", false],
    ['0;-0;0;"%"@', false],
  ])("%s shows a percentage: %s", (code, percent) => {
    expect(isPercentFormat(code)).toBe(percent);
  });

  it("a date is never a percentage, a percentage never a date", () => {
    expect(isDateFormat("0.0%")).toBe(false);
    expect(isPercentFormat("yyyy-mm-dd")).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
  });
});
