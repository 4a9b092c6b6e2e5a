/** Input rows for tests of the input's copy (prepared-copy.ts, streamed-copy.ts). */
import { CellValue } from "../../src/engine/cell";

/** A header and `count` rows: names, scores, a date, an error and text that looks like a formula. */
export function copyInputRows(count = 3000): CellValue[][] {
  const rows: CellValue[][] = [["Kampung", "Koordinasi - Regulasi", "Tanggal", "Catatan"]];
  for (let i = 1; i <= count; i++) {
    rows.push([
      `Kampung ${i % 700}`,
      (i % 5) / 2,
      new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      i % 97 === 0 ? { error: "#N/A" } : i % 41 === 0 ? "=1+1" : i % 2 ? "ok" : null,
    ]);
  }
  return rows;
}
