/** Workbooks for the adapter's tests: the study's example and a generated national one. */
import { exampleRows } from "../helpers/example";
import { SheetModel, WorkbookModel } from "./fake-excel";

/** The national count of villages (desa/kelurahan) in Indonesia. */
export const NATIONAL_KAMPUNG = 84_276;

export function exampleWorkbook(sheet = "Data"): { model: WorkbookModel; input: SheetModel } {
  const model = new WorkbookModel();
  const input = model.addSheet(sheet).fill(exampleRows());
  return { model, input };
}

const STEPS = [0, 0.5, 1, 1.5, 2];
const STATUS = ["dasar", "berkembang", "mandiri", "berkelanjutan"];

/** The example's header and `count` generated kampung rows (deterministic). */
export function nationalRows(count: number): unknown[][] {
  const [header] = exampleRows();
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const rows: unknown[][] = [header];
  for (let i = 1; i <= count; i++) {
    const kab = `Kabupaten ${1 + (i % 514)}`;
    // Scores drawn around the status level, so the status check flags only some.
    const level = i % 4;
    const step = () => STEPS[Math.min(4, level + Math.floor(next() * 2))];
    rows.push([
      `Kampung ${i}`,
      `Desa ${i}`,
      kab,
      `Provinsi ${1 + (i % 38)}`,
      STATUS[i % 4],
      ...Array.from({ length: 15 }, step),
      ...Array.from({ length: 3 }, () => Math.round(400 + next() * 600) / 10),
    ]);
  }
  return rows;
}

export function nationalWorkbook(count = NATIONAL_KAMPUNG): {
  model: WorkbookModel;
  input: SheetModel;
} {
  const model = new WorkbookModel();
  const input = model.addSheet("Data").fill(nationalRows(count));
  return { model, input };
}
