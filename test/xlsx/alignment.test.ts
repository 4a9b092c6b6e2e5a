/**
 * Numbers and the text beside them never print as one word, in Excel or LibreOffice: whole
 * numbers (ranks, shifts) are centred; a column of text right of scores or shares is indented
 * from the left, its header too, since LibreOffice ignores the scores' indent from the right
 * ("92.7tangguh", "1 berkelanjutan" in the tryout's PDFs).
 */
import { FORMATS } from "../../src/workbook/sheet-spec";
import { isIntegerFormat, tableCellRole, tableHeaderRole } from "../../src/xlsx/layout";
import { cellStyle } from "../../src/xlsx/styles";

describe("numbers and the text beside them", () => {
  // Kampung, iBangga (0.0), Kategori, rank (0), shift, Status, Desa.
  const formats = [null, FORMATS.ibangga, null, FORMATS.integer, "+0;-0;0", null, null];

  it("indents text right of a score, with its header; not right of a rank or of text", () => {
    expect(formats.map((_, c) => tableCellRole(formats, false, c))).toEqual([
      "data",
      "data",
      "dataAfterNumber", // Kategori after the iBangga value
      "data",
      "data",
      "data", // Status after the centred shift
      "data",
    ]);
    expect(tableCellRole(formats, true, 2)).toBe("wrapAfterNumber");
    expect(formats.map((_, c) => tableHeaderRole(formats, c))).toEqual([
      "header",
      "header",
      "headerAfterNumber",
      "header",
      "header",
      "header",
      "header",
    ]);
  });

  it("centres whole numbers, right-aligns scores and shares, indents the text after them", () => {
    expect([FORMATS.integer, "+0;-0;0"].every(isIntegerFormat)).toBe(true);
    expect([FORMATS.score, FORMATS.composite, "0%"].some(isIntegerFormat)).toBe(false);
    expect(cellStyle("data", FORMATS.integer).alignment?.horizontal).toBe("center");
    expect(cellStyle("data", FORMATS.score).alignment).toMatchObject({
      horizontal: "right",
      indent: 1,
    });
    for (const role of ["dataAfterNumber", "wrapAfterNumber", "headerAfterNumber"] as const)
      expect(cellStyle(role, null).alignment).toMatchObject({ horizontal: "left", indent: 1 });
    expect(cellStyle("header", null).alignment?.indent).toBeUndefined();
  });
});
