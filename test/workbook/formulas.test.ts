/**
 * KKB's own formulas in the sheet spec (issue 15): only a SpecFormula becomes a formula, in all
 * three renderers (the file writer, the pane's ExcelJS writer, the office.js plan); a string
 * that starts with `=` is text everywhere, whatever it says.
 */
import * as ExcelJS from "exceljs";
import { planSheetOps, WriteOp } from "../../src/excel/plan-write";
import { writeValue } from "../../src/excel/text-safety";
import { isSpecFormula, SheetSpec, SpecValue } from "../../src/workbook/sheet-spec";
import { writeWorkbook } from "../../src/xlsx/write";
import { writeWorkbookBytes } from "../../src/xlsx/write-bytes";
import { tempDir, zipEntry } from "../helpers/files";

const tmp = tempDir("kkb-formulas-");
afterAll(() => tmp.remove());

const USER_TEXT = '=HYPERLINK("http://contoh.invalid","klik")';

function spec(): SheetSpec {
  const rows: SpecValue[][] = [
    [USER_TEXT, 2, { formula: "B2*2", cached: 4 }],
    ["+1", 3, { formula: 'IF(B3>2,"besar","kecil")', cached: "besar" }],
    ["=1+1", null, { formula: "NA()" }],
  ];
  return {
    name: "KKB Profil",
    role: "profil",
    columnWidths: [20, 10, 10],
    blocks: [
      {
        kind: "table",
        name: "T",
        row: 0,
        col: 0,
        header: ["Teks", "Angka", "Rumus"],
        rows,
        formats: [null, null, null],
        asExcelTable: false,
        colorScales: [],
      },
    ],
    charts: [],
    validations: [
      {
        row: 0,
        col: 4,
        rows: 1,
        cols: 1,
        rule: { type: "listRange", row: 1, col: 0, rows: 3 },
        prompt: { title: "p", text: "p" },
        error: { title: "e", text: "e" },
        strict: true,
      },
    ],
    print: { area: { row: 0, col: 0, rows: 4, cols: 3 } },
  };
}

describe("SpecFormula", () => {
  it("is recognised only for objects with a formula text", () => {
    expect(isSpecFormula({ formula: "1" })).toBe(true);
    for (const v of ["=1+1", 1, null, true, new Date(0), { error: "#N/A" }])
      expect(isSpecFormula(v)).toBe(false);
  });

  it("the file writer: <f> with the cached value for formulas, shared text for user text", async () => {
    const file = tmp.file("f.xlsx");
    await writeWorkbook(file, [spec()]);
    const xml = zipEntry(file, "xl/worksheets/sheet1.xml")!;
    // C2 and C3 follow B2 and B3: written without their reference (ECMA-376 CT_Cell's r is
    // optional); C4 follows a blank B4 and has its own.
    expect(xml).toContain("<c><v>2</v></c><c><f>B2*2</f><v>4</v></c></row>");
    expect(xml).toContain('<c t="str"><f>IF(B3&gt;2,"besar","kecil")</f><v>besar</v></c></row>');
    expect(xml).toContain('<c r="A4" t="s"><v>5</v></c><c r="C4"><f>NA()</f></c></row>');
    // User text is a shared string (t="s"), never a formula: the text itself is in the table.
    const a2 = /<c r="A2"[^>]*t="s"><v>(\d+)<\/v><\/c>/.exec(xml);
    expect(a2).not.toBeNull();
    const sst = zipEntry(file, "xl/sharedStrings.xml")!;
    const texts = [...sst.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    expect(texts[Number(a2![1])]).toMatch(/^=HYPERLINK/);
    expect((xml.match(/<f>/g) ?? []).length).toBe(3);
    expect(xml).toContain('type="list"');
    expect(xml).toContain("<formula1>$A$2:$A$4</formula1>");
    const workbook = zipEntry(file, "xl/workbook.xml")!;
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'KKB Profil'!$A$1:$C$4</definedName>`
    );
  });

  it("the pane's ExcelJS writer: a formula with its result, user text as text", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeWorkbookBytes([spec()])) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("KKB Profil")!;
    expect(sheet.getCell("C2").value).toEqual({ formula: "B2*2", result: 4 });
    expect(sheet.getCell("A2").value).toBe(USER_TEXT);
    expect(sheet.getCell("A4").value).toBe("=1+1");
    expect(sheet.getCell("A4").formula).toBeUndefined();
  });

  it("the office.js plan: Range.formulas for KKB's formulas only; user text quoted in values", () => {
    const ops = planSheetOps(spec(), { name: "KKB Profil", tableName: (n) => n, mark: true });
    const formulas = ops.filter(
      (op): op is Extract<WriteOp, { kind: "formulas" }> => op.kind === "formulas"
    );
    expect(formulas).toHaveLength(1);
    expect(formulas[0].cells).toEqual([
      { row: 1, col: 2, formula: "=B2*2" },
      { row: 2, col: 2, formula: '=IF(B3>2,"besar","kecil")' },
      { row: 3, col: 2, formula: "=NA()" },
    ]);
    const values = ops.filter(
      (op): op is Extract<WriteOp, { kind: "values" }> => op.kind === "values"
    );
    const cells = values.flatMap((op) => op.values.flat());
    expect(cells).toContain(`'${USER_TEXT}`);
    expect(cells).toContain("'=1+1");
    expect(writeValue({ formula: "B2*2", cached: 4 }, null)).toBe("");
    const layout = ops.find((op) => op.kind === "pageLayout");
    expect(layout).toMatchObject({ printArea: "$A$1:$C$4" });
    const validation = ops.find((op) => op.kind === "validation");
    expect(validation).toMatchObject({ rule: { type: "listRange", row: 1, col: 0, rows: 3 } });
  });
});
