/**
 * Why a file could not be read or written, as one clear line in Indonesian or English.
 * The CLI prints `message(lang)` and exits 2; no stack trace reaches the user.
 */
import { Lang } from "../engine/framework";

export type FileProblem =
  | "not-found"
  | "not-a-file"
  | "empty"
  | "encrypted"
  | "legacy-xls"
  | "ods"
  | "too-large"
  | "too-large-memory"
  | "not-xlsx"
  | "text-not-xlsx"
  | "corrupt"
  | "no-sheets"
  | "unwritable";

const TEXTS: Readonly<
  Record<FileProblem, { readonly id: (f: string) => string; readonly en: (f: string) => string }>
> = {
  "not-found": {
    id: (f) => `File ${f} tidak ditemukan.`,
    en: (f) => `File ${f} was not found.`,
  },
  "not-a-file": {
    id: (f) => `${f} bukan file (mungkin folder).`,
    en: (f) => `${f} is not a file (perhaps a folder).`,
  },
  empty: {
    id: (f) => `File ${f} kosong (0 byte).`,
    en: (f) => `File ${f} is empty (0 bytes).`,
  },
  encrypted: {
    id: (f) =>
      `File ${f} dilindungi kata sandi (terenkripsi). Buka di Excel, hapus kata sandinya (File > Info > Lindungi Buku Kerja), simpan, lalu coba lagi.`,
    en: (f) =>
      `File ${f} is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again.`,
  },
  "legacy-xls": {
    id: (f) =>
      `File ${f} berformat Excel 97-2003 (.xls), yang tidak dibaca KKB. Ubah dulu ke .xlsx: buka di Excel, pilih File > Simpan Sebagai > Buku Kerja Excel (*.xlsx); atau dengan LibreOffice: soffice --headless --convert-to xlsx "${f}". Lalu jalankan lagi dengan file .xlsx itu.`,
    en: (f) =>
      `File ${f} is in the Excel 97-2003 (.xls) format, which KKB does not read. Convert it to .xlsx first: open it in Excel and choose File > Save As > Excel Workbook (*.xlsx); or with LibreOffice: soffice --headless --convert-to xlsx "${f}". Then run again on the .xlsx file.`,
  },
  ods: {
    id: (f) =>
      `File ${f} berformat OpenDocument (.ods), yang tidak dibaca KKB. Ubah dulu ke .xlsx: di LibreOffice Calc pilih File > Simpan Sebagai > Excel 2007-365 (.xlsx); atau: soffice --headless --convert-to xlsx "${f}". Lalu jalankan lagi dengan file .xlsx itu.`,
    en: (f) =>
      `File ${f} is in the OpenDocument (.ods) format, which KKB does not read. Convert it to .xlsx first: in LibreOffice Calc choose File > Save As > Excel 2007-365 (.xlsx); or: soffice --headless --convert-to xlsx "${f}". Then run again on the .xlsx file.`,
  },
  "too-large-memory": {
    id: (f) =>
      `File ${f} berisi lebih banyak sel daripada yang dapat ditampung memori proses ini; KKB berhenti sebelum kehabisan memori. Bagi datanya per provinsi atau kabupaten/kota, atau jalankan dengan memori lebih besar: NODE_OPTIONS=--max-old-space-size=8192 npx kkb ...`,
    en: (f) =>
      `File ${f} holds more cells than this process's memory can take; KKB stops before it runs out. Split the data by province or kabupaten/kota, or run with more memory: NODE_OPTIONS=--max-old-space-size=8192 npx kkb ...`,
  },
  "too-large": {
    id: (f) =>
      `File ${f} terlalu besar atau rusak: isinya melampaui batas Excel (1.048.576 baris, 16.384 kolom) atau membengkak tidak wajar saat dibuka. Periksa file di Excel, simpan ulang, atau bagi datanya per wilayah.`,
    en: (f) =>
      `File ${f} is too large or damaged: it goes beyond Excel's limits (1,048,576 rows, 16,384 columns) or inflates abnormally when unpacked. Check it in Excel, save it again, or split the data by region.`,
  },
  "not-xlsx": {
    id: (f) => `File ${f} bukan buku kerja Excel (.xlsx) atau CSV.`,
    en: (f) => `File ${f} is not an Excel workbook (.xlsx) or a CSV file.`,
  },
  "text-not-xlsx": {
    id: (f) =>
      `File ${f} berisi teks (CSV atau HTML), bukan buku kerja Excel: buka di Excel lalu Simpan Sebagai > Buku Kerja Excel (*.xlsx); jika isinya CSV, cukup ganti akhiran namanya menjadi .csv.`,
    en: (f) =>
      `File ${f} holds text (CSV or HTML), not an Excel workbook: open it in Excel and Save As > Excel Workbook (*.xlsx); if it is a CSV, just rename it to end in .csv.`,
  },
  corrupt: {
    id: (f) => `File ${f} rusak atau tidak lengkap dan tidak dapat dibaca sebagai .xlsx.`,
    en: (f) => `File ${f} is damaged or incomplete and cannot be read as .xlsx.`,
  },
  "no-sheets": {
    id: (f) => `File ${f} tidak berisi lembar kerja apa pun.`,
    en: (f) => `File ${f} contains no worksheets.`,
  },
  unwritable: {
    id: (f) =>
      `File ${f} tidak dapat ditulis (periksa foldernya, izin, atau apakah file sedang terbuka di Excel).`,
    en: (f) =>
      `File ${f} cannot be written (check the folder, the permissions, or whether it is open in Excel).`,
  },
};

export class XlsxFileError extends Error {
  readonly problem: FileProblem;
  readonly file: string;

  constructor(problem: FileProblem, file: string, options?: { cause?: unknown }) {
    super(TEXTS[problem].en(file), options);
    this.name = "XlsxFileError";
    this.problem = problem;
    this.file = file;
  }

  /** One line for the user, in their language. */
  text(lang: Lang): string {
    return TEXTS[this.problem][lang](this.file);
  }
}

export function isXlsxFileError(error: unknown): error is XlsxFileError {
  return error instanceof XlsxFileError;
}
