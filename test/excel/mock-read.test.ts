/** A simple range read against office-addin-mock: values and value types loaded together. */
import { OfficeMockObject } from "office-addin-mock";
import { readRanges } from "../../src/excel/read-ranges";

function mockContext(values: unknown[][], valueTypes: string[][]) {
  // The mock syncs only its own children, so the range lives on the context and the worksheet
  // hands it out.
  const context = new OfficeMockObject({
    range: { values, valueTypes, untrack: () => undefined },
    workbook: { worksheets: {} },
  });
  const sheet = { getRangeByIndexes: () => context.range };
  context.workbook.worksheets.getItem = () => sheet;
  return context;
}

test("blank, error, zero and text cells come back as null, an error, 0 and text", async () => {
  const context = mockContext(
    [["Kampung", 0, "", "#N/A", "#N/A"]],
    [["String", "Double", "Empty", "Error", "String"]]
  );
  const result = await readRanges(context as unknown as Excel.RequestContext, [
    { sheet: "Data", row: 4, col: 2, rows: 1, cols: 5 },
  ]);
  expect(result.rows[0]).toEqual([["Kampung", 0, null, { error: "#N/A" }, "#N/A"]]);
  expect(result.measuredBytesPerCell).toBeGreaterThan(0);
});

test("a value read before its sync is not mistaken for data", async () => {
  const context = mockContext([[1]], [["Double"]]);
  context.range.load("values");
  // office-addin-mock, like Excel, has no value until the sync.
  expect(context.range.values).not.toEqual([[1]]);
  await context.sync();
  expect(context.range.values).toEqual([[1]]);
});
