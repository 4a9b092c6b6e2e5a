/** The Office theme KKB writes is Office's default, as ExcelJS (and Excel) write it. */
import { readFileSync } from "node:fs";
import { OFFICE_THEME } from "../../src/xlsx/theme";

it("is ExcelJS's copy of the Office theme, byte for byte", () => {
  const excelJs = readFileSync(require.resolve("exceljs/lib/xlsx/xml/theme1.xml"), "utf8");
  expect(OFFICE_THEME).toBe(excelJs);
  expect(OFFICE_THEME).toContain('name="Office Theme"');
});
