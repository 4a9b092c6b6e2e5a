/**
 * The template inserted in a workbook that already holds KKB's summary sheets: those are KKB's
 * output, not the user's input, so the template neither refuses nor names them as sheets that
 * exist (fix-s17 item 3; not reproduced: this guards the behaviour found).
 */
import { insertTemplate } from "../../src/excel/template";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { FakeContext } from "./fake-excel";
import { FIXED_NOW } from "./budget";
import { exampleWorkbook } from "./workbooks";

const TEMPLATE = ["KKB Input", "KKB Petunjuk", "KKB Bukti"];

describe("the template after a summary", () => {
  it.each([
    ["id", true],
    ["en", false],
  ] as const)(
    "(%s, custom properties %s) inserts its three sheets and names no summary sheet",
    async (lang, customProperties) => {
      const capabilities = { customProperties, mergedAreas: true };
      const { model } = exampleWorkbook();
      const summary = await summarizeWorkbook(new FakeContext(model).asExcel(), {
        now: FIXED_NOW,
        lang,
        capabilities,
      });
      expect(summary.ok).toBe(true);
      const made = model.sheets.map((s) => s.name).filter((n) => n !== "Data");
      expect(made.length).toBeGreaterThan(5);
      const outcome = await insertTemplate(new FakeContext(model).asExcel(), lang, {
        capabilities,
      });
      expect(outcome).toMatchObject({ inserted: true, sheets: TEMPLATE, existing: [] });
      for (const name of made) expect(outcome.message).not.toContain(name);

      // Again: only the template's own sheets are said to exist.
      const again = await insertTemplate(new FakeContext(model).asExcel(), lang, {
        capabilities,
      });
      expect(again).toMatchObject({ inserted: false, existing: TEMPLATE });
      for (const name of made) expect(again.message).not.toContain(name);
    }
  );
});
