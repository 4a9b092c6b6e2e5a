/**
 * Messages of the KKB cell functions, in Indonesian (Excel's function metadata and error
 * tooltips cannot follow the pane's language). Value problems reuse the engine's catalogue.
 */
import { MESSAGES } from "../engine/issues";
import { ValueProblem } from "../engine/score";
import { WeightProblem } from "../engine/ibangga";
import { excelNumberText } from "../engine/number-text";

export type Scale = "rubric" | "domain" | "ibangga";

/** `#VALUE!` message for a value that is there but wrong. */
export function valueMessage(
  problem: Exclude<ValueProblem, "missing">,
  scale: Scale,
  label: string,
  shown: string
): string {
  const p = { label, value: shown, min: 0, max: scale === "ibangga" ? 100 : 2 };
  if (scale === "ibangga") {
    if (problem === "cell-error") return MESSAGES.IBANGGA_CELL_ERROR.id(p);
    if (problem === "out-of-range") return MESSAGES.IBANGGA_OUT_OF_RANGE.id(p);
    return MESSAGES.IBANGGA_NOT_NUMBER.id(p);
  }
  if (problem === "cell-error") return MESSAGES.SCORE_CELL_ERROR.id(p);
  if (problem === "out-of-range") return MESSAGES.SCORE_OUT_OF_RANGE.id(p);
  if (scale === "domain") return `${label}: "${shown}" bukan angka; skor domain adalah angka 0-2.`;
  return MESSAGES.SCORE_NOT_NUMBER.id(p);
}

/** What a missing value stops, per function. */
export const MISSING = {
  domain: (label: string) => MESSAGES.SCORE_MISSING.id({ label }),
  konvergensi: (label: string) => MESSAGES.SCORE_MISSING.id({ label }),
  komposit: (label: string) => `${label}: skor domain kosong. Skor komposit tidak dihitung.`,
  dimensi: (label: string) =>
    `${label}: nilai kosong. Skor dimensi tidak dihitung (nilai lain tidak dirata-ratakan tanpanya).`,
  skor: (label: string) => `${label}: nilai kosong. Isi 0; 0,5; 1; 1,5 atau 2.`,
  kategori: (label: string) => `${label}: nilai iBangga kosong; kategori tidak ditentukan.`,
  ibanggaAll: (label: string) => `${label}: ketiga dimensi kosong; iBangga tidak dihitung.`,
  ibanggaWeighted: (label: string) =>
    `${label}: dimensi yang berbobot lebih dari 0 kosong; iBangga tidak dihitung.`,
  perubahan: (label: string) => `${label}: nilai kosong; perubahan tidak dihitung.`,
} as const;

export function changeShapeMessage(label: string, rows: number, cols: number): string {
  return `${label}: rentang ${rows}x${cols}; isi satu sel atau satu kolom (satu skor per kampung).`;
}

export function changeRowsMessage(now: number, before: number): string {
  return `Rentang sekarang dan sebelumnya tidak sama panjang (${now}/${before} baris); samakan barisnya.`;
}

export function decimalsShapeMessage(label: string, rows: number, cols: number): string {
  return `${label}: rentang desimal ${rows}x${cols}; isi satu sel atau satu kolom (satu desimal per kampung).`;
}

export function decimalsRowsMessage(rows: number, expected: number): string {
  return `Rentang desimal ${rows} baris, padahal skornya ${expected} baris; isi satu sel atau satu desimal per baris.`;
}

/** `where`: "" for a single value, else " di E3" / " baris 2". */
export function decimalsMessage(shown: string, where = ""): string {
  return `Desimal "${shown}"${where} tidak dikenal; isi bilangan bulat 0 sampai 4 (bawaan 2; pecahan dipotong seperti ROUND: 1,5 menjadi 1).`;
}

export function unverifiedZeroMessage(label: string): string {
  return (
    `${label}: Excel mengirim 0, tetapi buku kerja tidak dapat dibaca untuk memastikan sel ini ` +
    `berisi 0 dan bukan kosong; hasil tidak dihitung. Hitung ulang (Ctrl+Alt+F9); bila tetap, ` +
    `salin nilainya ke buku kerja ini.`
  );
}

export function countMessage(
  fn: string,
  where: string,
  count: number,
  expected: number,
  what: string
): string {
  return `${where}${count} nilai, padahal ${fn} perlu tepat ${expected} ${what} per baris (satu baris per kampung).`;
}

export function emptyRowMessage(fn: string, where: string, what: string): string {
  return `${where}tidak ada nilai; ${fn} perlu sedikitnya satu ${what} per baris.`;
}

export function dimensionShapeMessage(label: string, rows: number, cols: number): string {
  return `${label}: rentang ${rows}x${cols}; isi satu sel atau satu kolom (satu nilai per kampung).`;
}

export function rowMismatchMessage(counts: string): string {
  return `Rentang ketenteraman, kemandirian dan kebahagiaan tidak sama panjang (${counts} baris); samakan barisnya.`;
}

const PRESETS = `"setara", "kemandirian-sentral" atau tiga bobot (ketenteraman, kemandirian, kebahagiaan; mis. 35;40;25)`;

export function weightMessage(problem: WeightProblem, shown: string, count: number): string {
  switch (problem) {
    case "unknown-preset":
      return `Bobot "${shown}" tidak dikenal: gunakan ${PRESETS}.`;
    case "wrong-count":
      return `Bobot berisi ${count} nilai (${shown}): gunakan ${PRESETS}.`;
    case "not-a-number":
      return `Bobot ${shown}: ada yang bukan angka. Gunakan ${PRESETS}.`;
    case "negative":
      return `Bobot ${shown}: bobot tidak boleh negatif.`;
    case "zero-sum":
      return `Bobot ${shown}: jumlahnya 0; paling sedikit satu bobot harus lebih dari 0.`;
  }
}

export function weightBlankMessage(label: string): string {
  return `${label}: bobot kosong. Isi ${PRESETS}, atau hapus argumen bobot untuk memakai "setara".`;
}

/** A number quoted in a message as the cell shows it in the Indonesian locale (1,5; 0,911). */
export function shownNumber(value: number): string {
  return excelNumberText(value, "id");
}
