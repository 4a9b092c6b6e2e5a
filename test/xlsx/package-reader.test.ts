/**
 * The package reader on crafted packages: OPC part names, namespaces, optional attributes,
 * sheet states, limits. Each package is built with JSZip from the parts a producer writes.
 */
import * as path from "node:path";
import JSZip from "jszip";
import { readWorkbook } from "../../src/xlsx/read";
import { XlsxFileError } from "../../src/xlsx/errors";
import { resolveTarget, relsPartOf } from "../../src/xlsx/ooxml/opc";
import { PACKAGE_LIMITS, ZipPackage } from "../../src/xlsx/ooxml/zip-package";
import { columnOf } from "../../src/xlsx/ooxml/sheet-part";
import { readInput } from "../../src/workbook/input";
import { csvTextToGrid, detectSeparator } from "../../src/xlsx/csv";
import { decodeText, detectEncoding } from "../../src/xlsx/text-encoding";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

interface SheetPart {
  name: string;
  xml: string;
  state?: string;
}

/** A package: workbook at `wbPath`, sheets as given, targets written absolute or relative. */
async function pkg(
  sheets: SheetPart[],
  options: { wbPath?: string; absolute?: boolean; ns?: string; extra?: Record<string, string> } = {}
): Promise<Uint8Array> {
  const wbPath = options.wbPath ?? "xl/workbook.xml";
  const ns = options.ns ?? MAIN;
  const folder = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${R}/officeDocument" Target="${options.absolute ? "/" : ""}${wbPath}"/></Relationships>`
  );
  zip.file(
    wbPath,
    `<workbook xmlns="${ns}" xmlns:r="${R}"><sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}" r:id="s${i}"${s.state ? ` state="${s.state}"` : ""}/>`
      )
      .join("")}</sheets></workbook>`
  );
  zip.file(
    `${folder}_rels/${wbPath.slice(folder.length)}.rels`,
    `<Relationships xmlns="${PKG}">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="s${i}" Type="${R}/worksheet" Target="${options.absolute ? `/${folder}` : ""}worksheets/sheet${i + 1}.xml"/>`
      )
      .join("")}</Relationships>`
  );
  sheets.forEach((s, i) => zip.file(`${folder}worksheets/sheet${i + 1}.xml`, s.xml));
  for (const [name, text] of Object.entries(options.extra ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The parts that give a one-sheet package (from `pkg`) a shared-strings part. */
const withSharedStrings = (sst: string): Record<string, string> => ({
  "xl/sharedStrings.xml": sst,
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="s0" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="ss" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
});

/** The parts that give a one-sheet package (from `pkg`) a styles part. */
const withStyles = (styles: string): Record<string, string> => ({
  "xl/styles.xml": styles,
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="s0" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="st" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
});

const sheet = (body: string, ns = MAIN) =>
  `<worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`;
const inline = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;

describe("OPC part names", () => {
  it("resolves targets relative to their source part, or from the package root", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe(
      "xl/tables/table1.xml"
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/workbook.xml", "worksheets\\sheet%201.xml")).toBe(
      "xl/worksheets/sheet 1.xml"
    );
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("")).toBe("_rels/.rels");
  });

  it.each([
    ["relative targets", { absolute: false }],
    ["absolute targets", { absolute: true }],
    ["a workbook part with another name and folder", { wbPath: "data/book.xml" }],
    ["ISO Strict namespaces", { ns: STRICT }],
  ])("finds the sheets through %s", async (_label, options) => {
    const ns = (options as { ns?: string }).ns ?? MAIN;
    const bytes = await pkg(
      [
        { name: "Penilaian", xml: sheet(`<row r="1">${inline("a")}</row>`, ns) },
        { name: "Bukti", xml: sheet(`<row r="2">${inline("b")}</row>`, ns) },
      ],
      options
    );
    const grids = await readWorkbook(bytes, { name: "x.xlsx" });
    expect(grids.map((g) => g.sheet)).toEqual(["Penilaian", "Bukti"]);
    expect(grids[0].rows).toEqual([["a"]]);
    expect(grids[1].rows).toEqual([[], ["b"]]);
  });
});

describe("SpreadsheetML as producers write it", () => {
  it("reads any prefix, rows and cells without r, and skips extensions", async () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c r="E1"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row><x:row><x:c><x:v>1.5</x:v></x:c></x:row></x:sheetData><x:extLst><x:ext><x:c><x:v>9</x:v></x:c></x:ext></x:extLst></x:worksheet>`;
    const [grid] = await readWorkbook(await pkg([{ name: "S", xml }]), { name: "x.xlsx" });
    expect(grid.rows).toEqual([["A", 2, null, null, 5, 6], [1.5]]);
  });

  it("reads shared strings with runs and phonetic guides, escapes, booleans, errors and formulas", async () => {
    const sst = `<sst xmlns="${MAIN}"><si><r><t>Sumur</t></r><r><t>boto</t></r><rPh><t>x</t></rPh></si><si><t>a_x000D_b_x005F_x0041_</t></si></sst>`;
    const xml = sheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><f>1+1</f><v>2</v></c><c r="F1"><f>1+1</f></c><c r="G1" t="str"><f>""</f><v></v></c></row>`
    );
    const zipBytes = await pkg([{ name: "S", xml }], {
      extra: {
        ...withSharedStrings(sst),
      },
    });
    const [grid] = await readWorkbook(zipBytes, { name: "x.xlsx" });
    expect(grid.rows[0]).toEqual([
      "Sumurboto",
      "a\rb_x0041_",
      true,
      { error: "#N/A" },
      2,
      null,
      "",
    ]);
    expect([...(grid.uncalculated ?? new Map())]).toEqual([["F1", "1+1"]]);
  });

  it("a number repeated over cells reads the same in each, -0 and 0 apart, dates still dates", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const cells = ["0.5", "-0", "0", "1.5", "0.5", "-0", "1e3", "0.5"]
      .map((v) => `<c><v>${v}</v></c>`)
      .join("");
    const xml = sheet(
      `<row r="1">${cells}</row><row r="2"><c><v>0.5</v></c><c s="1"><v>45292</v></c><c><v>45292</v></c></row>`
    );
    const [grid] = await readWorkbook(
      await pkg([{ name: "S", xml }], { extra: withStyles(styles) }),
      { name: "x.xlsx" }
    );
    expect(grid.rows[0]).toEqual([0.5, -0, 0, 1.5, 0.5, -0, 1000, 0.5]);
    expect(grid.rows[0].map((v) => Object.is(v, -0))).toEqual([
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(grid.rows[1]).toEqual([0.5, new Date(Date.UTC(2024, 0, 1)), 45292]);
  });

  it("keeps each sheet's visibility", async () => {
    const grids = await readWorkbook(
      await pkg([
        { name: "A", xml: sheet("") },
        { name: "B", xml: sheet(""), state: "hidden" },
        { name: "C", xml: sheet(""), state: "veryHidden" },
      ]),
      { name: "x.xlsx" }
    );
    expect(grids.map((g) => g.visibility)).toEqual(["visible", "hidden", "veryHidden"]);
  });

  it("a merged range as large as the grid costs nothing", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${inline("a")}${inline("b")}</row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`;
    const [grid] = await readWorkbook(await pkg([{ name: "S", xml }]), { name: "x.xlsx" });
    expect(grid.rows).toEqual([["a"]]);
  });
});

describe("crafted and damaged packages", () => {
  const problem = async (bytes: Uint8Array) =>
    ((await readWorkbook(bytes, { name: "x.xlsx" }).catch((e: unknown) => e)) as XlsxFileError)
      .problem;

  it("a cell beyond Excel's grid is too large, not a crash", async () => {
    expect(
      await problem(
        await pkg([
          { name: "S", xml: sheet(`<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>`) },
        ])
      )
    ).toBe("too-large");
    expect(
      await problem(
        await pkg([{ name: "S", xml: sheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`) }])
      )
    ).toBe("too-large");
  });

  it("a DOCTYPE (entity declarations) is refused as damaged", async () => {
    const xml = `<!DOCTYPE x [<!ENTITY a "aaaa">]>${sheet(`<row r="1"><c t="inlineStr"><is><t>&a;</t></is></c></row>`)}`;
    expect(await problem(await pkg([{ name: "S", xml }]))).toBe("corrupt");
  });

  it("malformed XML and a package without a workbook are damaged", async () => {
    expect(await problem(await pkg([{ name: "S", xml: "<worksheet" }]))).toBe("corrupt");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    expect(await problem(await zip.generateAsync({ type: "uint8array" }))).toBe("corrupt");
  });
});

describe("columns and CSV", () => {
  it("reads column letters", () => {
    expect([
      columnOf("A1"),
      columnOf("$B$2"),
      columnOf("XFD1"),
      columnOf("1A"),
      columnOf("AAAA1"),
    ]).toEqual([0, 1, 16383, -1, -1]);
  });

  it("finds the separator from the header row, not from a title line", () => {
    const text =
      "Penilaian Kampung KB, Jawa Tengah\r\nKampung;Status;Koordinasi - Regulasi\r\nA;dasar;1,5\r\n";
    expect(detectSeparator(text)).toBe(";");
    expect(csvTextToGrid(text, "S").rows[2]).toEqual(["A", "dasar", 1.5]);
    expect(detectSeparator("Kampung,Status,Koordinasi - Regulasi\nA,dasar,1.5\n")).toBe(",");
  });

  it("detects UTF-8 (with or without BOM), UTF-16 and Windows-1252", () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe("utf-8");
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toBe("utf-16le");
    expect(detectEncoding(bytes(0x41, 0, 0x42, 0, 0x43, 0))).toBe("utf-16le");
    expect(detectEncoding(new TextEncoder().encode("Ma’rifat"))).toBe("utf-8");
    expect(detectEncoding(bytes(0x4d, 0x61, 0x92, 0x72))).toBe("windows-1252");
    expect(decodeText(bytes(0x4d, 0x61, 0x92, 0x72, 0x20, 0x96))).toBe("Ma’r –");
  });

  it("no header: the message names the closest row and what it did and did not recognise", () => {
    const read = readInput(
      [
        {
          sheet: "S",
          originRow: 0,
          originCol: 0,
          rows: [["Judul"], ["Kampung", "Nilai A", "Nilai B"], ["X", 1, 2]],
        },
      ],
      { lang: "id" }
    );
    expect(read.issues[0]).toMatchObject({ code: "HEADER_NOT_FOUND", cell: "A2" });
    expect(read.issues[0].message).toContain('A2 "Kampung"');
    expect(read.issues[0].message).toContain('B2 "Nilai A"');
  });

  it("a header with identity columns but no sub-indicator is one message, not fifteen", () => {
    const read = readInput(
      [
        {
          sheet: "S",
          originRow: 0,
          originCol: 0,
          rows: [
            ["Kampung", "Status", "Skor 1"],
            ["X", "dasar", 2],
          ],
        },
      ],
      { lang: "id" }
    );
    expect(read.issues.filter((i) => i.code === "COLUMN_MISSING")).toEqual([]);
    const one = read.issues.filter((i) => i.code === "HEADER_INCOMPLETE");
    expect(one).toHaveLength(1);
    expect(one[0].message).toContain('C1 "Skor 1"');
  });

  it("a two-row header with the domain written once (not merged) over its columns", () => {
    const read = readInput(
      [
        {
          sheet: "S",
          originRow: 0,
          originCol: 0,
          rows: [
            ["Kampung", "Koordinasi", null, null, "Ketenteraman", null],
            [null, "Regulasi", "Struktur", "Praktik", "Akta nikah", "Ibadah"],
            ["X", 2, 1, 1.5, 80, 90],
          ],
        },
      ],
      { lang: "id" }
    );
    expect(read.columns?.sub.slice(0, 3)).toEqual([1, 2, 3]);
    expect(read.columns?.ibanggaSub[0].map((s) => s.name)).toEqual(["Akta nikah", "Ibadah"]);
    expect(read.assessments[0].dimensions?.[0]).toBe(85);
  });
});

describe("decompression bombs", () => {
  const saved = { ...PACKAGE_LIMITS };
  afterEach(() => Object.assign(PACKAGE_LIMITS, saved));

  it("a part that inflates far beyond its compressed size stops with 'too large', early", async () => {
    // The limits scaled down (64 MB -> 1 MB) so the test stays small: 4 MB of one repeated row.
    PACKAGE_LIMITS.ratioFloor = 1024 * 1024;
    const rows = "<row/>".repeat(700_000);
    const bytes = await pkg([{ name: "S", xml: sheet(rows) }]);
    const error = await readWorkbook(bytes, { name: "bom.xlsx" }).catch((e: unknown) => e);
    expect((error as XlsxFileError).problem).toBe("too-large");
    expect((error as XlsxFileError).text("id")).toMatch(/terlalu besar atau rusak/);
  });

  it("shared strings past the total limit stop too", async () => {
    PACKAGE_LIMITS.totalBytes = 2 * 1024 * 1024;
    const sst = `<sst xmlns="${MAIN}">${"<si><t>x</t></si>".repeat(200_000)}</sst>`;
    const bytes = await pkg([{ name: "S", xml: sheet("") }], {
      extra: {
        ...withSharedStrings(sst),
      },
    });
    const error = await readWorkbook(bytes, { name: "bom.xlsx" }).catch((e: unknown) => e);
    expect((error as XlsxFileError).problem).toBe("too-large");
  });
});

describe("sizes the file claims are not trusted", () => {
  it("empty rows past Excel's last row stop as too large (a few KB can declare 47 million)", async () => {
    const rows = "<row/>".repeat(1_048_577);
    const error = await readWorkbook(await pkg([{ name: "S", xml: sheet(rows) }]), {
      name: "rows.xlsx",
    }).catch((e: unknown) => e);
    expect((error as XlsxFileError).problem).toBe("too-large");
  });

  it("megabytes of whitespace between elements read like any other file", async () => {
    const space = " \n\t".repeat(1_000_000);
    const xml = sheet(`<row r="1">${space}${inline("Kampung")}${space}</row>${space}`);
    const [grid] = await readWorkbook(await pkg([{ name: "S", xml }]), { name: "ws.xlsx" });
    expect(grid.rows).toEqual([["Kampung"]]);
  });
});

describe("memory", () => {
  it("more cells than the budget: refused as too large for memory, with what to do", async () => {
    const file = path.join(__dirname, "..", "fixtures", "real", "pandas.xlsx");
    const error = await readWorkbook(file, { maxCells: 50 }).catch((e: unknown) => e);
    expect((error as XlsxFileError).problem).toBe("too-large-memory");
    expect((error as XlsxFileError).text("id")).toMatch(/--max-old-space-size=8192/);
    expect((await readWorkbook(file, { maxCells: 10_000 })).length).toBe(2);
    const csv = path.join(__dirname, "..", "fixtures", "real", "excel-id-1252.csv");
    const csvError = await readWorkbook(csv, { maxCells: 20 }).catch((e: unknown) => e);
    expect((csvError as XlsxFileError).problem).toBe("too-large-memory");
  });
});

describe("more rows than Excel has, and a zip with a name twice", () => {
  it("a CSV of 1.2 million rows is refused as too large (it would summarise into sheets Excel cannot open)", () => {
    const text = "Kampung;Status\n" + "A;dasar\n".repeat(1_200_000);
    expect(() => csvTextToGrid(text, "S")).toThrow(/rows/);
  });

  it("a part name twice in the zip (names compare case-insensitively): the first entry counts", async () => {
    const bytes = await pkg([{ name: "S", xml: sheet(`<row r="1">${inline("pertama")}</row>`) }], {
      extra: { "XL/Worksheets/SHEET1.XML": sheet(`<row r="1">${inline("kedua")}</row>`) },
    });
    const [grid] = await readWorkbook(bytes, { name: "dua.xlsx" });
    expect(grid.rows).toEqual([["pertama"]]);
  });
});

describe("a part's text across the decoder's 64 KB pieces", () => {
  it("keeps every character whose bytes a piece's end splits", async () => {
    // Two- three- and four-byte characters straddling each piece boundary in turn.
    const text = [0, 1, 2, 3]
      .map((shift) => "a".repeat(65_536 - shift - 1) + "é€😀")
      .join("")
      .repeat(3);
    const zip = new JSZip();
    zip.file("teks.xml", text);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const pkgRead = await ZipPackage.open(bytes);
    let read = "";
    expect(await pkgRead.readText("teks.xml", (t) => (read += t))).toBe(true);
    expect(read).toBe(text);
  });
});
