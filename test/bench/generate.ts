/**
 * The national workbook, generated: 84,276 kampung (BPS 2024) with region, status, the 15
 * sub-indicators on the rubric and the 3 iBangga dimensions. Seeded, so every run and every
 * machine gets the same rows. The same rows go to the in-memory grid (engine timing), to the
 * input .xlsx (the CLI) and to the formula .xlsx (LibreOffice).
 */
import * as ExcelJS from "exceljs";
import { CellValue } from "../../src/engine/cell";
import { STATUS_LEVELS } from "../../src/engine/framework";
import { IDENTITY_KEYS } from "../../src/workbook/headers";
import { templateHeaders } from "../../src/workbook/template";

export const NATIONAL_KAMPUNG = 84_276;
export const PROVINCES = 38;
export const KABUPATEN = 514;
export const KECAMATAN = 7_277;
export const SEED = 20_240_101;
export const SHEET = "Data";

/** Columns of the generated sheet, in order. */
export const COLUMNS = {
  provinsi: 0,
  kabupaten: 1,
  kecamatan: 2,
  desa: 3,
  kampung: 4,
  status: 5,
  firstSub: 6,
  firstDimension: 21,
  count: 24,
} as const;

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Header texts from the template (Indonesian), without the assessment date and round. */
export function benchHeaders(): string[] {
  const t = templateHeaders("id");
  // templateHeaders: the identity columns (kampung, desa, kecamatan, kabupaten, provinsi,
  // status, tanggal, periode), then the 15 sub-indicators and the 3 dimensions.
  const subs = IDENTITY_KEYS.length;
  return [t[4], t[3], t[2], t[1], t[0], t[5], ...t.slice(subs, subs + 15), ...t.slice(subs + 15)];
}

const STEPS = [0, 0.5, 1, 1.5, 2];
/** Sub-indicators that are themselves means of items (the study's tables hold these). */
const OFF_RUBRIC = [0.7, 1.3];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The kampung rows (without the header). About 1 cell in 200 is an off-rubric mean of items
 * (a warning), 1 in 5,000 is blank (an error): a clean national file still has a few issues.
 */
export function generateRows(count = NATIONAL_KAMPUNG, seed = SEED): CellValue[][] {
  const rows: CellValue[][] = new Array(count);
  let i = 0;
  for (const row of kampungRows(count, seed)) rows[i++] = row;
  return rows;
}

/**
 * The same rows one at a time (Excel's full grid of kampung is too many to hold as arrays in
 * the bench). Regions nest as real ones do: each kampung in one desa, each kecamatan in one
 * kabupaten/kota, each kabupaten/kota in one provinsi (the kampung are spread evenly over the
 * 7,277 kecamatan, which are spread over the kabupaten, which are spread over the provinces).
 */
export function* kampungRows(count = NATIONAL_KAMPUNG, seed = SEED): Generator<CellValue[]> {
  const random = prng(seed);
  const statuses = STATUS_LEVELS.map((s) => s.key);
  for (let i = 0; i < count; i++) {
    const c = Math.floor((i * KECAMATAN) / count) + 1;
    const k = Math.floor(((c - 1) * KABUPATEN) / KECAMATAN) + 1;
    const p = Math.floor(((k - 1) * PROVINCES) / KABUPATEN) + 1;
    // Status levels: most kampung are dasar or berkembang.
    const s = random();
    const level = s < 0.45 ? 0 : s < 0.8 ? 1 : s < 0.95 ? 2 : 3;
    const row: CellValue[] = [
      `Provinsi ${pad(p, 2)}`,
      `Kabupaten ${pad(k, 3)}`,
      `Kecamatan ${pad(c, 4)}`,
      `Desa ${pad(i + 1, 5)}`,
      `Kampung KB ${pad(i + 1, 5)}`,
      statuses[level],
    ];
    for (let j = 0; j < 15; j++) {
      const u = random();
      if (u < 0.0002) row.push(null);
      else if (u < 0.0052) row.push(OFF_RUBRIC[Math.floor(random() * OFF_RUBRIC.length)]);
      else {
        // Skewed up by the status level, clamped to the rubric.
        const step = Math.min(4, Math.floor(random() * 4) + (random() < level / 4 ? 1 : 0));
        row.push(STEPS[step]);
      }
    }
    for (let d = 0; d < 3; d++) row.push(Math.round((30 + random() * 69) * 100) / 100);
    yield row;
  }
}

/** Rounds of the national workbook with rounds: four quarters of one year. */
export const ROUNDS = ["2024-T1", "2024-T2", "2024-T3", "2024-T4"];

/**
 * The national workbook over `rounds` rounds: every kampung in every round (its rows drawn
 * anew, each round with its own seed), round after round, with the round in a last `Periode`
 * column. 4 x 84,276 = 337,104 rows.
 */
export function generateRoundRows(
  rounds: readonly string[] = ROUNDS,
  count = NATIONAL_KAMPUNG
): CellValue[][] {
  return rounds.flatMap((round, r) => generateRows(count, SEED + r).map((row) => [...row, round]));
}

/** Extra columns appended after the input columns, each a formula per row (LibreOffice's sheet). */
export interface FormulaColumn {
  readonly header: string;
  readonly formula: (excelRow: number) => string;
}

/** Writes header + rows (and formula columns) with ExcelJS's streaming writer. */
export async function writeXlsx(
  file: string,
  rows: Iterable<readonly CellValue[]>,
  formulas: readonly FormulaColumn[] = [],
  headers: readonly string[] = benchHeaders()
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet(SHEET);
  sheet.addRow([...headers, ...formulas.map((f) => f.header)]).commit();
  let excelRow = 1;
  for (const row of rows) {
    excelRow++;
    const values: unknown[] = row.slice();
    for (const f of formulas) values.push({ formula: f.formula(excelRow) });
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await workbook.commit();
}
