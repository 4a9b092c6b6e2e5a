/**
 * The bench's streaming peer: what a competent analyst would write with ExcelJS's streaming reader
 * and writer to get KKB's per-kampung results from the same input. It reads the sheet row by row
 * (no grid kept), finds the columns by their template headers, computes the five domain scores,
 * the composite, the three iBangga dimensions, the equal-weight iBangga and its band, and writes
 * one row per kampung with its region to a new workbook, streaming. Usage:
 * `node test/bench/exceljs-peer.js INPUT OUTPUT`; prints the kampung count.
 */
"use strict";
const ExcelJS = require("exceljs");

/** Half away from zero at `places` decimals, through the decimal text (as the method says). */
function round(x, places) {
  const sign = x < 0 ? -1 : 1;
  return sign * Number(Math.round(Number(`${Math.abs(x)}e${places}`)) + `e-${places}`) || 0;
}

const mean = (xs) =>
  xs.some((x) => typeof x !== "number") ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(input, output) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true });
  const sheet = writer.addWorksheet("Hasil");
  sheet.columns = [
    { header: "Provinsi", width: 14 },
    { header: "Kabupaten/Kota", width: 16 },
    { header: "Kecamatan", width: 14 },
    { header: "Desa/Kelurahan", width: 14 },
    { header: "Kampung", width: 18 },
    { header: "Status", width: 12 },
    ...["Koordinasi", "Rujukan", "Interoperabilitas", "Umpan balik", "Kader"].map((h) => ({
      header: h,
      width: 10,
      style: { numFmt: "0.0" },
    })),
    { header: "Komposit", width: 10, style: { numFmt: "0.00" } },
    ...["Ketenteraman", "Kemandirian", "Kebahagiaan", "iBangga"].map((h) => ({
      header: h,
      width: 12,
      style: { numFmt: "0.0" },
    })),
    { header: "Kategori", width: 12 },
  ];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
  });
  let count = 0;
  for await (const ws of reader) {
    let columns = null;
    for await (const row of ws) {
      const values = row.values; // 1-based
      if (!columns) {
        const at = (re) => values.findIndex((v) => typeof v === "string" && re.test(v));
        columns = {
          region: [
            at(/^provinsi/i),
            at(/^kabupaten/i),
            at(/^kecamatan/i),
            at(/^desa/i),
            at(/^kampung/i),
            at(/^status/i),
          ],
          firstSub: at(/^koordinasi/i),
          firstDim: at(/ketenteraman/i),
        };
        continue;
      }
      const num = (c) => (typeof values[c] === "number" ? values[c] : null);
      const domains = [];
      for (let d = 0; d < 5; d++) {
        const subs = [0, 1, 2].map((i) => num(columns.firstSub + d * 3 + i));
        const m = mean(subs);
        domains.push(m === null ? null : round(m, 1));
      }
      const c = mean(domains);
      const dims = [0, 1, 2].map((i) => num(columns.firstDim + i));
      const dimsR = dims.map((x) => (x === null ? null : round(x, 1)));
      const ib = mean(dimsR);
      const ibR = ib === null ? null : round(ib, 1);
      const band = ibR === null ? null : ibR < 60 ? "rentan" : ibR < 80 ? "berkembang" : "tangguh";
      sheet
        .addRow([
          ...columns.region.map((i) => values[i] ?? null),
          ...domains,
          c === null ? null : round(c, 2),
          ...dimsR,
          ibR,
          band,
        ])
        .commit();
      count++;
    }
    break;
  }
  await writer.commit();
  return count;
}

main(process.argv[2], process.argv[3]).then(
  (n) => console.log(`${n} kampung`),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  }
);
