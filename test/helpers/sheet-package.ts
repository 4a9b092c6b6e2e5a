/** Hand-built .xlsx packages for tests of what a file can hold that producers rarely write. */
import JSZip from "jszip";
import { address } from "../../src/workbook/a1";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A sheet of a hand-built package: its name, rows and `<mergeCell ref>`s in order. */
export interface PackageSheet {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
  readonly merges?: readonly string[];
  /** The worksheet part's XML as given, instead of one made from `rows` and `merges`. */
  readonly xml?: string;
}

/** A worksheet part: `r` attributes, inline strings (see packageWith), merges in order. */
function sheetXml(rows: readonly (readonly unknown[])[], merges: readonly string[]): string {
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) =>
            typeof v === "number"
              ? `<c r="${address(r, c)}"><v>${v}</v></c>`
              : `<c r="${address(r, c)}" t="inlineStr"><is><t>${String(v)}</t></is></c>`
          )
          .join("")}</row>`
    )
    .join("");
  const mergeXml =
    merges.length === 0
      ? ""
      : `<mergeCells count="${merges.length}">${merges
          .map((ref) => `<mergeCell ref="${ref}"/>`)
          .join("")}</mergeCells>`;
  return `<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData>${mergeXml}</worksheet>`;
}

/**
 * A package of several sheets (names plain text: no `&`, `<` or quotes), as packageWith; with
 * `sharedStrings`, a shared-string part of those texts (plain text) for cells of `t="s"`.
 */
export async function packageWithSheets(
  sheets: readonly PackageSheet[],
  sharedStrings?: readonly string[]
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const list = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="s${i + 1}"/>`)
    .join("");
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${list}</sheets></workbook>`
  );
  let rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="s${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .join("");
  if (sharedStrings) {
    rels += `<Relationship Id="sst" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`;
    const items = sharedStrings.map((t) => `<si><t>${t}</t></si>`).join("");
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${MAIN}">${items}</sst>`);
  }
  zip.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG}">${rels}</Relationships>`);
  sheets.forEach((s, i) =>
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? sheetXml(s.rows, s.merges ?? []))
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A one-sheet package (sheet `Data`) as the Open XML SDK writes one: `r` attributes, inline
 * strings (text taken as it is: escape `&` and `<` yourself; `_xHHHH_` escapes stay for the
 * reader), and the given `<mergeCell ref>`s in order.
 */
export async function packageWith(
  rows: readonly (readonly unknown[])[],
  merges: string[] = []
): Promise<Uint8Array> {
  return packageWithSheets([{ name: "Data", rows, merges }]);
}
