/** Assessments and results of the study's example (and small variations) for the analysis tests. */
import { Assessment, Region, Results, scoreAll } from "../../src/engine/assessment";
import { SUB_INDICATOR_COUNT, SUB_INDICATORS } from "../../src/engine/framework";
import { SETARA, Weights } from "../../src/engine/ibangga";
import { exampleRows } from "./example";

const NO_REGION: Region = { desa: null, kecamatan: null, kabupaten: null, provinsi: null };

/** The four kampung of the example as the reader would give them (sheet rows 2-5). */
export function exampleAssessments(): Assessment[] {
  const [header, ...rows] = exampleRows();
  const col = (name: string) => header.indexOf(name);
  return rows.map((row, r) => ({
    row: r + 2,
    name: String(row[col("kampung")]),
    status: String(row[col("status")]),
    region: {
      desa: String(row[col("desa_kelurahan")]),
      kecamatan: null,
      kabupaten: String(row[col("kabupaten_kota")]),
      provinsi: String(row[col("provinsi")]),
    },
    date: null,
    sub: SUB_INDICATORS.map((s) => Number(row[col(s.key)])),
    dimensions: ["ketenteraman", "kemandirian", "kebahagiaan"].map((d) =>
      Number(row[col(`ibangga.${d}`)])
    ),
  }));
}

export function score(assessments: readonly Assessment[], weights: Weights = SETARA): Results {
  return scoreAll(assessments, weights, []);
}

/** A kampung whose 15 sub-indicators are all `value` (so every domain and the composite is `value`). */
export function uniform(
  name: string,
  value: number | null,
  extra: Partial<Omit<Assessment, "name" | "sub">> = {}
): Assessment {
  return {
    row: extra.row ?? 2,
    name,
    status: extra.status ?? null,
    region: extra.region ?? NO_REGION,
    date: extra.date ?? null,
    sub: new Array<number | null>(SUB_INDICATOR_COUNT).fill(value),
    dimensions: extra.dimensions ?? null,
  };
}

/** Column letter of each field on a made-up data sheet: A kampung, B status, C tanggal, D.. the sub-indicators. */
export function cellOf(row: number, field: string): string {
  if (field === "kampung") return `A${row}`;
  if (field === "status") return `B${row}`;
  if (field === "tanggal") return `C${row}`;
  const index = SUB_INDICATORS.findIndex((s) => s.key === field);
  if (index < 0) throw new Error(`unexpected field ${field}`);
  return `${String.fromCharCode(68 + index)}${row}`;
}
