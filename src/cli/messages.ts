/** The CLI's own texts, Indonesian and English. Issue messages come from the engine. */
import { Lang } from "../engine/framework";
import { WeightProblem } from "../engine/ibangga";
import { OutputProblem } from "../xlsx/output-file";
import { issueCountsText } from "../workbook/counts";

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

/** Why an output (the .xlsx, the JSON, the template) was not written: exit 2, nothing changed. */
export const OUTPUT_PROBLEMS: Readonly<Record<OutputProblem, Text<[string, string?]>>> = {
  "no-space": {
    id: (f) => `Disk penuh: ${f} tidak dapat ditulis. Kosongkan ruang disk, lalu coba lagi.`,
    en: (f) => `The disk is full: ${f} cannot be written. Free some disk space and try again.`,
  },
  "read-only": {
    id: (f) =>
      `Tidak ada izin menulis ${f} (folder hanya-baca atau milik pengguna lain). Pilih folder lain.`,
    en: (f) =>
      `No permission to write ${f} (the folder is read-only or someone else's). Choose another folder.`,
  },
  folder: {
    id: (f) =>
      `Folder untuk ${f} tidak ada dan tidak dapat dibuat (mungkin ada file dengan nama itu di jalurnya).`,
    en: (f) =>
      `The folder for ${f} does not exist and cannot be created (perhaps a file of that name is in the path).`,
  },
  "is-folder": {
    id: (f, example = "ringkasan.xlsx") =>
      `${f} adalah folder. Berikan nama file, misalnya ${f}/${example}.`,
    en: (f, example = "ringkasan.xlsx") =>
      `${f} is a folder. Give a file name, such as ${f}/${example}.`,
  },
  "name-too-long": {
    id: (f) => `Nama ${f} terlalu panjang untuk sistem berkas ini. Pilih nama yang lebih pendek.`,
    en: (f) => `The name ${f} is too long for this file system. Choose a shorter name.`,
  },
  exists: {
    id: (f) => `File ${f} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya.`,
    en: (f) => `File ${f} already exists and is not overwritten. Use --force to overwrite it.`,
  },
  unwritable: {
    id: (f) =>
      `File ${f} tidak dapat ditulis (periksa foldernya, izin, atau apakah file sedang terbuka di Excel).`,
    en: (f) =>
      `File ${f} cannot be written (check the folder, the permissions, or whether it is open in Excel).`,
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
  noKampungToSummarize: {
    id: (why: string) => `${why} Tidak ada kampung untuk diringkas; tidak ada file yang ditulis.`,
    en: (why: string) => `${why} No kampung to summarise; no file was written.`,
  },
  templateNotXlsx: {
    id: (f: string) => `Keluaran ${f} harus berakhiran .xlsx (templat selalu buku kerja Excel).`,
    en: (f: string) =>
      `The output ${f} must end in .xlsx (the template is always an Excel workbook).`,
  },
  outputNotXlsx: {
    id: (f: string) => `Keluaran ${f} harus berakhiran .xlsx (ringkasan selalu buku kerja Excel).`,
    en: (f: string) =>
      `The output ${f} must end in .xlsx (the summary is always an Excel workbook).`,
  },
  periodeNotFound: {
    id: (wanted: string, list: readonly string[]) =>
      list.length === 0
        ? `Periode ${wanted} tidak ada: file ini hanya berisi satu periode (tanpa kolom Periode).`
        : `Periode ${wanted} tidak ada di file ini. Periode yang ada: ${list.join(", ")}.`,
    en: (wanted: string, list: readonly string[]) =>
      list.length === 0
        ? `There is no round ${wanted}: this file holds one round only (no Periode column).`
        : `There is no round ${wanted} in this file. Its rounds: ${list.join(", ")}.`,
  },
  inputOpen: {
    id: (file: string, program: string, user: string | null) =>
      `Catatan: ${file} sedang terbuka di ${program}${user ? ` (oleh ${user})` : ""}. Yang dibaca adalah isi terakhir yang disimpan; simpan dulu di ${program} agar perubahan terbaru ikut dibaca.`,
    en: (file: string, program: string, user: string | null) =>
      `Note: ${file} is open in ${program}${user ? ` (by ${user})` : ""}. What is read is its last saved state; save it in ${program} first for the latest changes to be read.`,
  },
  outputOpen: {
    id: (file: string, program: string, user: string | null) =>
      `Catatan: ${file} sedang terbuka di ${program}${user ? ` (oleh ${user})` : ""} dan ditimpa. Tutup tanpa menyimpan di sana, lalu buka lagi: bila disimpan di ${program}, ringkasan baru ini tertimpa.`,
    en: (file: string, program: string, user: string | null) =>
      `Note: ${file} is open in ${program}${user ? ` (by ${user})` : ""} and was replaced. Close it there without saving and open it again: saved from ${program}, it would overwrite this new summary.`,
  },
  lockFileInput: {
    id: (file: string, workbook: string) =>
      `${file} adalah file kunci yang dibuat Excel atau LibreOffice selama ${workbook} terbuka, bukan buku kerja. Pilih ${workbook}.`,
    en: (file: string, workbook: string) =>
      `${file} is the lock file Excel or LibreOffice makes while ${workbook} is open, not a workbook. Choose ${workbook}.`,
  },
  sheetRoundHint: {
    id: (sheet: string) =>
      `Dengan --sheet, tulis periodenya setelah nama lembar: --sheet "${sheet}=2024-T1". Untuk membaca beberapa lembar sebagai satu daftar kampung, beri setiap lembar periode yang sama (misalnya =2024).`,
    en: (sheet: string) =>
      `With --sheet, write its round after the sheet's name: --sheet "${sheet}=2024-T1". To read several sheets as one list of kampung, give every sheet the same round (e.g. =2024).`,
  },
  profilTooMany: {
    id: (count: number, max: number, region: string | null) =>
      `KKB Profil Cetak: ${count} kampung${region ? ` di wilayah "${region}"` : ""} terlalu banyak untuk dicetak (paling banyak ${max}). Pilih satu wilayah: --profil "<kecamatan, kabupaten/kota atau provinsi>".`,
    en: (count: number, max: number, region: string | null) =>
      `KKB Profil Cetak: ${count} kampung${region ? ` in "${region}"` : ""} are too many to print (at most ${max}). Choose a region: --profil "<kecamatan, regency/city or province>".`,
  },
  profilNoRegion: {
    id: (region: string) =>
      `KKB Profil Cetak: tidak ada kampung di wilayah "${region}" (nama desa, kecamatan, kabupaten/kota atau provinsi seperti di file).`,
    en: (region: string) =>
      `KKB Profil Cetak: no kampung in "${region}" (a desa, kecamatan, regency/city or province name as in the file).`,
  },
  validateJsonFile: {
    id: "periksa --json menulis JSON ke layar (stdout), bukan ke file; simpan dengan: kkb periksa FILE --json > hasil.json",
    en: "validate --json writes JSON to the screen (stdout), not to a file; save it with: kkb validate FILE --json > results.json",
  },
  refuseReadOnly: {
    id: (f: string) =>
      `File ${f} hanya-baca; tidak ditimpa, juga dengan --force. Pilih nama lain atau buka izin tulisnya.`,
    en: (f: string) =>
      `File ${f} is read-only and is not overwritten, not even with --force. Choose another name or make it writable.`,
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
  /** The count line; with several rounds `n` counts kampung rows, said as such. */
  checked: {
    id: (f: string, range: string, n: number, e: number, w: number, rounds = 1) =>
      `${f}${range ? ` (${range})` : ""}: ${issueCountsText(n, e, w, "id", rounds)}.`,
    en: (f: string, range: string, n: number, e: number, w: number, rounds = 1) =>
      `${f}${range ? ` (${range})` : ""}: ${issueCountsText(n, e, w, "en", rounds)}.`,
  },
  uncertaintySkipped: {
    id: (n: number) =>
      `KKB Ketidakpastian tidak ditulis: ${n} kampung (lebih dari 10.000). Tambahkan --ketidakpastian untuk menghitungnya (pada data nasional sekitar 15 detik lebih lama).`,
    en: (n: number) =>
      `KKB Ketidakpastian was not written: ${n} kampung (more than 10,000). Add --ketidakpastian to compute it (some 15 s more on the national data).`,
  },
  sheetsCut: {
    id: (list: string) =>
      `Tidak semua baris muat di lembar Excel (batas 1.048.576 baris): ${list}. Semua hasil ada di JSON (--json).`,
    en: (list: string) =>
      `Not every row fits an Excel sheet (limit 1,048,576 rows): ${list}. Every result is in the JSON (--json).`,
  },
  sheetsAsRounds: {
    id: (list: string) =>
      `Lembar ${list} dibaca sebagai periode (namanya masing-masing menyebut periode). Untuk membaca satu lembar saja: --sheet NAMA.`,
    en: (list: string) =>
      `Sheets ${list} read as rounds (each one's name names a round). To read one sheet only: --sheet NAME.`,
  },
  roundSummarised: {
    id: (round: string, n: number, gone: number) =>
      `Yang diringkas: periode ${round} (${n} kampung)${gone > 0 ? `; ${gone} kampung dari periode sebelumnya tidak dinilai dalam periode ini` : ""}. Perubahan antarperiode ada di lembar KKB Tren.`,
    en: (round: string, n: number, gone: number) =>
      `Summarised: round ${round} (${n} kampung)${gone > 0 ? `; ${gone} kampung of earlier rounds ${gone === 1 ? "is" : "are"} not assessed in it` : ""}. Changes across rounds are in the KKB Tren sheet.`,
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
  copying: { id: "Menyalin lembar masukan", en: "Copying the input sheets" },
  rows: { id: "baris", en: "rows" },
  unexpected: {
    id: (m: string) => `Galat tak terduga: ${m} (jalankan dengan --debug untuk rinciannya).`,
    en: (m: string) => `Unexpected error: ${m} (run with --debug for details).`,
  },
  composite: { id: "Komposit", en: "Composite" },
  ibanggaSetara: { id: "iBangga setara", en: "iBangga equal" },
  ibanggaKemandirianSentral: {
    id: "iBangga kemandirian-sentral",
    en: "iBangga self-reliance-centred",
  },
  ibanggaCustom: { id: "iBangga bobot sendiri", en: "iBangga own weights" },
  /** After a sheet's name where the user cannot see its tab (SHEET_OTHER_INPUTS). */
  hiddenSheet: { id: "(tersembunyi)", en: "(hidden)" },
} as const;
