import { GridBuilder } from "../../src/xlsx/grid-builder";
import * as fc from "fast-check";
import { parseAddress } from "../../src/workbook/a1";
import { SheetXmlContext, SheetXmlParser, columnOf, decodeXml } from "../../src/xlsx/sheet-xml";

const context: SheetXmlContext = {
  sharedString: (i) => ["Kampung", "Sumurboto"][i] ?? "",
  isDateStyle: (s) => s === 2,
  date1904: false,
};

const XML =
  '<?xml version="1.0"?><worksheet><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>Koor</t></r><r><t xml:space="preserve">dinasi &amp; </t></r><rPh><t>x</t></rPh></is></c></row>' +
  '<row r="2" hidden="1" spans="1:5"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.5</v></c><c r="C2" s="2"><v>45443</v></c>' +
  '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" s="1"/><c r="G2"><f>A1</f></c></row>' +
  "<row><c><v>7</v></c><c><v>8</v></c></row>" +
  '<row r="6"/>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>';

function parse(chunkSize: number) {
  const grid = new GridBuilder("S");
  const parser = new SheetXmlParser(context, grid);
  for (let i = 0; i < XML.length; i += chunkSize) parser.write(XML.slice(i, i + chunkSize));
  parser.end();
  return grid.build();
}

describe("SheetXmlParser", () => {
  it("reads cells, rich inline text, errors, booleans, dates, hidden rows and merges", () => {
    const grid = parse(1_000_000);
    expect(grid.rows).toEqual([
      ["Kampung", null, "Koordinasi & "],
      ["Sumurboto", null, new Date(Date.UTC(2024, 4, 31)), { error: "#DIV/0!" }, false],
      [7, 8],
    ]);
    expect([...(grid.hiddenRows ?? [])]).toEqual([1]);
  });

  it("gives the same grid whatever the chunk boundaries", () => {
    const whole = parse(1_000_000);
    for (const size of [1, 2, 3, 7, 64]) expect(parse(size)).toEqual(whole);
  });

  it("decodes XML entities", () => {
    expect(decodeXml("&lt;a&gt; &amp; &quot;&apos; &#65;&#x42;")).toBe("<a> & \"' AB");
  });

  it("finds a reference's column as parseAddress does", () => {
    for (const ref of [
      "A1",
      "$B$12",
      "xfd1048576",
      "AAAA1",
      "A",
      "1",
      "A12345678",
      "A1x",
      "",
      "$",
      "é1",
      "Z$9",
    ]) {
      expect(columnOf(ref)).toBe(parseAddress(ref)?.col ?? -1);
    }
    // Rows in sheet XML start at 1: a row of 0 is no reference at all.
    fc.assert(
      fc.property(
        fc.stringMatching(/^\$?[A-Za-z@[`{]{0,4}\$?(?:[1-9][0-9]{0,7})?[A-Z]?$/),
        (ref) => {
          expect(columnOf(ref)).toBe(parseAddress(ref)?.col ?? -1);
        }
      )
    );
  });

  it("reads cell attributes in any order and quoting, with spaces around =", () => {
    const grid = new GridBuilder("S");
    const parser = new SheetXmlParser(context, grid);
    parser.write(
      '<sheetData><row r="1"><c s=\'2\' r = \'B1\'><v>45443</v></c><c t="s"  r="D1" x14:y="1"><v>1</v></c></row></sheetData>'
    );
    parser.end();
    expect(grid.build().rows).toEqual([[null, new Date(Date.UTC(2024, 4, 31)), null, "Sumurboto"]]);
  });
});
