/** The study's published example (assets/contoh-jateng-2024.csv, a copy of shared/method/example-jateng-2024.csv) as grids for tests. */
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../../src/engine/cell";
import { Grid, gridFromRows } from "../../src/workbook/grid";

export const EXAMPLE_CSV = path.resolve(__dirname, "../../assets/contoh-jateng-2024.csv");

/** CSV rows as cells: numbers where the text is a number, as a spreadsheet would hold them. */
export function exampleRows(): CellValue[][] {
  const lines = fs.readFileSync(EXAMPLE_CSV, "utf8").trim().split(/\r?\n/);
  return lines.map((line, r) =>
    line.split(",").map((cell) => (r > 0 && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))
  );
}

export function exampleGrid(sheet = "Data"): Grid {
  return gridFromRows(sheet, exampleRows());
}

/** Published and hand-computed figures for the four kampung (METHOD.md and its rules). */
export const EXPECTED = [
  {
    name: "Sumurboto",
    domains: [2.0, 1.0, 1.4, 1.3, 1.7],
    composite: 1.48,
    dims: [97.8, 91.1, 88.3],
    setara: 92.4,
    kemandirianSentral: 92.7,
  },
  {
    name: "Asri Sejahtera",
    domains: [1.6, 1.0, 1.0, 0.7, 1.3],
    composite: 1.12,
    dims: [97.2, 81.1, 91.3],
    setara: 89.9,
    kemandirianSentral: 89.3,
  },
  {
    name: "Wisata Asri",
    domains: [2.0, 1.0, 1.0, 1.3, 1.7],
    composite: 1.4,
    dims: [91.7, 91.6, 83.0],
    setara: 88.8,
    kemandirianSentral: 89.5,
  },
  {
    name: "Ardi Raharja",
    domains: [1.5, 1.0, 0.7, 0.7, 1.3],
    composite: 1.04,
    dims: [93.4, 74.7, 71.5],
    setara: 79.9,
    kemandirianSentral: 80.4,
  },
] as const;
