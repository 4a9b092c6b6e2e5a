import { GridBuilder } from "../../src/xlsx/grid-builder";
import { SheetXmlContext, SheetXmlParser, decodeXml } from "../../src/xlsx/sheet-xml";

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
});
