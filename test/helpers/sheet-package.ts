/** Hand-built .xlsx packages for tests of what a file can hold that producers rarely write. */
import JSZip from "jszip";
import { address } from "../../src/workbook/a1";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A one-sheet package (sheet `Data`) as the Open XML SDK writes one: `r` attributes, inline
 * strings (text taken as it is: escape `&` and `<` yourself; `_xHHHH_` escapes stay for the
 * reader), and the given `<mergeCell ref>`s in order.
 */
export async function packageWith(
  rows: readonly (readonly unknown[])[],
  merges: string[] = []
): Promise<Uint8Array> {
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
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="s1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData>${mergeXml}</worksheet>`
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
