/**
 * The functions fed the way Excel feeds them, from the fake Excel (test/excel/fake-excel.ts):
 * arguments built from a sheet as the documentation describes (blanks as 0 on desktop, errors as
 * rich error values with data types, dates as serial numbers) and the blank check answered by
 * the fake's Excel.run.
 */
import { BlankProbe, excelCellTypeReader } from "../../src/functions/blanks";
import { cellError } from "../../src/functions/errors";
import { createKkbFunctions } from "../../src/functions/kkb";
import {
  fakeExcelRun,
  FunctionNotCalled,
  functionArgument,
  WorkbookModel,
} from "../excel/fake-excel";

function workbook(): WorkbookModel {
  const model = new WorkbookModel();
  model.addSheet("Data").fill([
    ["Kampung", "Regulasi", "Struktur", "Praktik"],
    ["Sumurboto", 2, null, 2],
    ["Kandri", 0, 0, 0],
    ["Pulosaren", 2, 1.5, 1],
    ["Kaliwungu", 2, { error: "#DIV/0!" }, 1],
  ]);
  return model;
}

async function withExcel<T>(model: WorkbookModel, body: () => Promise<T>): Promise<T> {
  const g = globalThis as { Excel?: unknown };
  g.Excel = { run: fakeExcelRun(model).run };
  try {
    return await body();
  } finally {
    delete g.Excel;
  }
}

const code = (c: string, message?: RegExp) =>
  expect.objectContaining(
    message ? { code: c, message: expect.stringMatching(message) } : { code: c }
  );

describe("KKB.DOMAIN fed by the fake Excel", () => {
  it("with data types: an error cell is a rich error value, and only its row is #VALUE!", async () => {
    const model = workbook();
    const arg = functionArgument(model, "Data", "B2:D5", { richValues: true });
    if (arg instanceof FunctionNotCalled) throw new Error("expected the function to be called");
    const result = await withExcel(model, () =>
      createKkbFunctions({ probe: new BlankProbe(excelCellTypeReader), error: cellError }).domain(
        arg.values,
        { parameterAddresses: [arg.address] }
      )
    );
    expect(result).toEqual([
      [code("#N/A", /^Data!C2: nilai kosong/)],
      [0],
      [1.5],
      [code("#VALUE!", /^Data!C5: sel berisi galat Excel #DIV\/0!/)],
    ]);
  });

  it("without data types (KKB's metadata): Excel does not call the function; per row it does", async () => {
    const model = workbook();
    expect(functionArgument(model, "Data", "B2:D5")).toEqual(new FunctionNotCalled("#DIV/0!"));
    const kkb = createKkbFunctions({
      probe: new BlankProbe(excelCellTypeReader),
      error: cellError,
    });
    const rows = await withExcel(model, () =>
      Promise.all(
        ["B2:D2", "B3:D3", "B4:D4"].map((address) => {
          const arg = functionArgument(model, "Data", address);
          if (arg instanceof FunctionNotCalled) throw new Error(address);
          return kkb.domain(arg.values, { parameterAddresses: [arg.address] });
        })
      )
    );
    expect(rows).toEqual([[[code("#N/A")]], [[0]], [[1.5]]]);
  });

  it("on the web: blanks arrive empty and need no read", async () => {
    const model = workbook();
    const arg = functionArgument(model, "Data", "B2:D4", { platform: "web" });
    if (arg instanceof FunctionNotCalled) throw new Error("expected the function to be called");
    expect(arg.values[0]).toEqual([2, null, 2]);
  });

  it("dates are serial numbers in the fake, as in Excel", () => {
    const model = new WorkbookModel();
    model.addSheet("Data").fill([[new Date(Date.UTC(2024, 7, 12))]]);
    expect(model.sheet("Data")!.cell(0, 0)).toEqual({ value: 45516, type: "Double" });
    expect(model.sheet("Data")!.numberFormatAt(0, 0)).toBe("yyyy-mm-dd");
  });
});
