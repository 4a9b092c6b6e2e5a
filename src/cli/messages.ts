/** The CLI's own texts, Indonesian and English. Issue messages come from the engine. */
import { Lang } from "../engine/framework";
import { WeightProblem } from "../engine/ibangga";

type Text<P extends unknown[] = []> = Readonly<Record<Lang, (...p: P) => string>>;

export const WEIGHT_PROBLEMS: Readonly<Record<WeightProblem, Text<[string]>>> = {
  "unknown-preset": {
    id: (s) =>
      `Bobot "${s}" tidak dikenal. Pakai setara, kemandirian-sentral, atau tiga angka seperti 35,40,25.`,
    en: (s) =>
      `Unknown weights "${s}". Use setara, kemandirian-sentral, or three numbers such as 35,40,25.`,
  },
  "wrong-count": {
    id: (s) => `Bobot "${s}" harus tiga angka (ketenteraman, kemandirian, kebahagiaan).`,
    en: (s) => `Weights "${s}" must be three numbers (ketenteraman, kemandirian, kebahagiaan).`,
  },
  "not-a-number": {
    id: (s) => `Bobot "${s}" berisi sesuatu yang bukan angka.`,
    en: (s) => `Weights "${s}" contain something that is not a number.`,
  },
  negative: {
    id: (s) => `Bobot "${s}" tidak boleh negatif.`,
    en: (s) => `Weights "${s}" must not be negative.`,
  },
  "zero-sum": {
    id: (s) => `Jumlah bobot "${s}" harus lebih dari 0.`,
    en: (s) => `The weights "${s}" must add up to more than 0.`,
  },
};

export const T = {
  description: {
    id: "KKB: skor konvergensi Kampung KB dan iBangga dari buku kerja Excel.",
    en: "KKB: Kampung KB convergence and iBangga scores from Excel workbooks.",
  },
  refuseOverwriteInput: {
    id: (f: string) => `Tidak menulis ke ${f}: itu file masukan. Pilih nama lain untuk -o.`,
    en: (f: string) => `Not writing to ${f}: it is the input file. Choose another name for -o.`,
  },
  refuseJsonOverwrite: {
    id: (f: string) => `Tidak menulis JSON ke ${f}: itu file masukan atau keluaran .xlsx.`,
    en: (f: string) => `Not writing JSON to ${f}: it is the input or the output .xlsx file.`,
  },
  refuseExisting: {
    id: (f: string) => `File ${f} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya.`,
    en: (f: string) =>
      `File ${f} already exists and is not overwritten. Use --force to overwrite it.`,
  },
  sheetNotFound: {
    id: (msg: string) => msg,
    en: (msg: string) => msg,
  },
  templateWritten: {
    id: (f: string) => `Templat ditulis ke ${f}.`,
    en: (f: string) => `Template written to ${f}.`,
  },
  checked: {
    id: (f: string, range: string, n: number, e: number, w: number) =>
      `${f}${range ? ` (${range})` : ""}: ${n} kampung, ${e} galat, ${w} peringatan.`,
    en: (f: string, range: string, n: number, e: number, w: number) =>
      `${f}${range ? ` (${range})` : ""}: ${n} kampung, ${e} errors, ${w} warnings.`,
  },
  summaryWritten: {
    id: (f: string) => `Ringkasan ditulis ke ${f}.`,
    en: (f: string) => `Summary written to ${f}.`,
  },
  jsonWritten: {
    id: (f: string) => `Hasil JSON ditulis ke ${f}.`,
    en: (f: string) => `JSON results written to ${f}.`,
  },
  severity: {
    id: (s: "error" | "warning") => (s === "error" ? "galat" : "peringatan"),
    en: (s: "error" | "warning") => s,
  },
  noIssues: { id: () => "Tidak ada masalah.", en: () => "No issues." },
  reading: { id: "Membaca", en: "Reading" },
  writing: { id: "Menulis", en: "Writing" },
  rows: { id: "baris", en: "rows" },
  unexpected: {
    id: (m: string) => `Galat tak terduga: ${m} (jalankan dengan --debug untuk rinciannya).`,
    en: (m: string) => `Unexpected error: ${m} (run with --debug for details).`,
  },
  composite: { id: "Komposit", en: "Composite" },
  ibanggaSetara: { id: "iBangga setara", en: "iBangga equal" },
} as const;
