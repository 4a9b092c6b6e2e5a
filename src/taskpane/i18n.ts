/**
 * Every text the pane shows, in Indonesian and English, and the number formats of the display
 * locale. Domain, sub-indicator and dimension names come from src/engine/framework.ts.
 */
import { Lang } from "../engine/framework";

export type { Lang };
export { fieldLabel } from "../workbook/field-label";

const LOCALES: Readonly<Record<Lang, string>> = { id: "id-ID", en: "en-US" };

/** A number in the display locale (decimal comma in Indonesian). */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 3,
  }).format(value);
}

/** A share (0 to 1) as a percentage with one decimal. */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A noun's forms by plural category (Intl.PluralRules): Indonesian uses `other` only. */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/**
 * A count and its noun in the display language, e.g. "1 error", "2 errors", "1.234 galat": the
 * one plural helper of the pane (Indonesian nouns do not change; English has one and other).
 */
export function counted(n: number, lang: Lang, forms: PluralForms): string {
  const category = new Intl.PluralRules(LOCALES[lang]).select(n);
  return `${formatNumber(n, lang)} ${category === "one" ? forms.one : forms.other}`;
}

const ERROR_ID: PluralForms = { one: "galat", other: "galat" };
const WARNING_ID: PluralForms = { one: "peringatan", other: "peringatan" };
const ERROR_EN: PluralForms = { one: "error", other: "errors" };
const WARNING_EN: PluralForms = { one: "warning", other: "warnings" };

const id = {
  appTitle: "Kampung KB",
  appSubtitle: "Skor konvergensi layanan keluarga",
  language: "Bahasa",
  languageId: "Indonesia",
  languageEn: "English",
  hostLoading: "Menghubungkan ke Excel...",
  hostExcel: "Terhubung ke Excel. Data dibaca dari buku kerja yang terbuka.",
  hostOther: (host: string) =>
    `Berjalan di ${host}, bukan Excel. Anda tetap dapat membuka file .xlsx di bawah ini.`,
  hostNone:
    "Berjalan di luar Excel (di peramban). Buka file .xlsx dari komputer Anda, periksa, lalu unduh buku kerja ringkasannya. Tidak ada data yang dikirim ke mana pun.",
  stepsLabel: "Langkah",
  stepData: "Data",
  stepCheck: "Periksa",
  stepSummary: "Ringkasan",
  stepOf: (n: number) => `Langkah ${n} dari 3`,
  next: (step: string) => `Lanjut ke ${step}`,
  back: (step: string) => `Kembali ke ${step}`,
  // Data
  dataIntro:
    "Isi satu baris per kampung: 15 sub-indikator (skor 0 sampai 2) dan, bila ada, tiga dimensi iBangga (0 sampai 100).",
  insertTemplate: "Sisipkan templat",
  insertTemplateHelp:
    "Menambahkan lembar 'KKB Input' dan 'KKB Bukti' yang siap diisi. Lembar yang sudah ada tidak diubah.",
  findData: "Cari data di buku kerja",
  findDataHelp: "KKB mencari baris judul kolom di setiap lembar dan memilih yang paling cocok.",
  useSelection: "Pakai sel yang dipilih",
  useSelectionHelp: "Pilih dulu judul kolom dan baris kampung di lembar, lalu tekan tombol ini.",
  openFile: "Buka file .xlsx atau CSV…",
  openFileHelp: "Pilih buku kerja Excel (.xlsx) atau CSV berisi data kampung.",
  visibleOnly: "Hanya baris yang terlihat",
  visibleOnlyHelp:
    "Baris yang disembunyikan (manual atau oleh filter) biasanya ikut dihitung, seperti AVERAGE di Excel. Centang untuk melewatinya.",
  downloadTemplate: "Unduh templat kosong",
  downloadTemplateHelp:
    "Mengunduh buku kerja templat (lembar 'KKB Input' dan 'KKB Bukti') untuk diisi di Excel, lalu dibuka di sini.",
  roundSheets: "Periode di beberapa lembar",
  roundSheetsHelp:
    "Beberapa lembar berisi data KKB. Lembar yang dicentang dibaca bersama, masing-masing sebagai satu periode penilaian (lembar yang namanya menyebut periode dicentang sendiri); ubah centangnya lalu baca lagi.",
  roundFromColumn: "periode dari kolom Periode",
  roundFromName: (label: string) => `periode ${label}`,
  roundNeeded: "nama lembar tidak menyebut periode",
  roundTyped: (sheet: string) => `Periode lembar ${sheet}`,
  roundTypedHelp: "Misalnya 2024-T1, 2024 Semester 2, Mei 2024 atau 2025.",
  roundTypedInvalid: "Tulis periode yang menunjukkan waktu, misalnya 2024-T1.",
  readRoundSheets: (n: number) =>
    n > 1 ? `Baca ${n} lembar sebagai periode` : "Baca lembar yang dicentang",
  openedFile: (name: string) => `File yang dibuka: ${name}`,
  fileLocked: "Tunggu sampai file ringkasan selesai dibuat sebelum membuka file lain.",
  reading: "Membaca data...",
  readingFile: (name: string) => `Membaca file ${name}...`,
  loadingEngine: "Menyiapkan pembaca file...",
  noData: "Belum ada data. Sisipkan templat, cari data, atau pakai sel yang dipilih.",
  noDataFile: "Belum ada file yang dibuka.",
  foundTitle: "Yang ditemukan",
  foundRows: (n: string, sheet: string) => `${n} kampung di lembar "${sheet}"`,
  otherInputSheets: (list: string, sheet: string) =>
    `Lembar lain juga tampak seperti data penilaian: ${list}. Yang dibaca hanya lembar "${sheet}"; centang lembar lain di "Periode di beberapa lembar" untuk membacanya juga.`,
  foundRowsSheets: (count: string, sheets: number) => `${count} kampung di ${sheets} lembar`,
  /** Rows of several rounds are rows, not kampung (as the CLI's count line says). */
  foundRoundRows: (n: string, rounds: number, sheet: string) =>
    `${n} baris kampung dalam ${rounds} periode di lembar "${sheet}"`,
  foundRoundRowsSheets: (n: string, rounds: number, sheets: number) =>
    `${n} baris kampung dalam ${rounds} periode di ${sheets} lembar`,
  foundRange: (range: string) => `Rentang: ${range}`,
  foundFile: (name: string) => `File: ${name}`,
  subFound: (n: string, total: string) => `${n} dari ${total} sub-indikator dikenali`,
  subAllFound: "Semua 15 sub-indikator dikenali.",
  subMissingTitle: "Kolom yang tidak ditemukan",
  subMissingHelp:
    "Tambahkan kolom ini, atau bila kolomnya sudah ada dengan judul lain, ubah judulnya: nama domain dan sub-indikator, misalnya 'Koordinasi Regulasi' (langkah Periksa menyebut judul yang tidak dikenali). Tanpa kolom ini skor domainnya dan skor komposit tidak dihitung.",
  found: "dikenali",
  missing: "tidak ada",
  ibanggaDimensions: "iBangga: tiga kolom dimensi dikenali.",
  ibanggaSubs: "iBangga: dihitung dari kolom sub-indikator tiap dimensi.",
  ibanggaMixed: "iBangga: sebagian dari kolom dimensi, sebagian dari kolom sub-indikator.",
  ibanggaNone:
    "iBangga: tidak ada kolom iBangga. Ringkasan dibuat tanpa bagian iBangga (itu boleh).",
  ibanggaMissing: (list: string) => `Dimensi iBangga yang tidak ada: ${list}.`,
  ibanggaSubCount: (dimension: string, n: string) => `${dimension}: ${n} kolom`,
  fatal: "Data tidak dapat dibaca.",
  fellBack: "Lokasi data yang tersimpan sudah tidak ada; data dicari ulang.",
  // Check
  checkIntro:
    "Galat harus diperbaiki: skor yang terkena tidak dihitung. Peringatan patut dilihat, tetapi skor tetap dihitung.",
  checkIntroExcel: "Pilih satu butir untuk membuka selnya di lembar.",
  recheck: "Periksa ulang",
  noIssues: "Tidak ada galat atau peringatan. Data siap diringkas.",
  errors: "Galat",
  warnings: "Peringatan",
  byKind: "Menurut jenis",
  issueCount: (errors: number, warnings: number) =>
    `${counted(errors, "id", ERROR_ID)}, ${counted(warnings, "id", WARNING_ID)}`,
  /** Nouns of the counts by kind ("3 galat: ..."). */
  errorNoun: ERROR_ID,
  warningNoun: WARNING_ID,
  wholeSheet: "Seluruh lembar",
  kampung: "Kampung",
  field: "Kolom",
  cell: "Sel",
  openCell: (where: string) => `Buka sel ${where}`,
  showMore: (n: string) => `Tampilkan ${n} lagi`,
  previewTitle: "Pratinjau skor komposit",
  previewNone: "Tidak dihitung",
  previewMore: (n: string) => `dan ${n} kampung lainnya`,
  needData: "Buka atau cari data dulu di langkah Data.",
  noKampungRows:
    "Data sudah dibuka, tetapi tidak ada baris kampung di bawah baris judul kolom. Isi satu baris per kampung di bawah judul, lalu buka atau cari datanya lagi di langkah Data.",
  // Summary
  weightsTitle: "Bobot iBangga",
  weightsHelp:
    "Bobot dimensi Ketenteraman, Kemandirian, dan Kebahagiaan untuk komposit iBangga. Kedua komposit baku selalu ditulis; pilihan ini menentukan kategori dan urutan.",
  weightsSetara: "Setara (1/3 masing-masing)",
  weightsSentral: "Kemandirian-sentral (35 / 40 / 25)",
  weightsCustom: "Bobot sendiri",
  weightsShares: (list: string) => `Porsi: ${list}`,
  weightProblems: {
    "not-a-number": "Setiap bobot harus berupa angka, misalnya 35 atau 0,35.",
    negative: "Bobot tidak boleh negatif.",
    "zero-sum": "Jumlah ketiga bobot harus lebih dari 0.",
    "wrong-count": "Isi tiga bobot.",
    "unknown-preset": "Bobot tidak dikenal.",
  },
  weightEmpty: "Isi bobot ini.",
  optionsTitle: "Pilihan",
  sheetLanguage: "Bahasa lembar ringkasan",
  includeCopies: "Sertakan salinan lembar data di file hasil",
  periode: "Periode yang diringkas",
  periodeHelp:
    "Data berisi beberapa periode penilaian. Perubahan antarperiode ada di lembar KKB Tren.",
  periodeOption: (label: string, count: string, latest: boolean) =>
    `${label} (${count} kampung${latest ? ", terakhir" : ""})`,
  profilPrint: "Juga tulis KKB Profil Cetak: satu halaman cetak per kampung",
  profilRegion: "Wilayah (kosong: semua kampung; paling banyak 200)",
  profilRegionHelp: "Nama desa, kecamatan, kabupaten/kota atau provinsi seperti tertulis di data.",
  generateExcel: "Buat ringkasan",
  generateFile: "Buat file ringkasan",
  generateHelpExcel:
    "Menulis lembar 'KKB Ringkasan', 'KKB Domain', 'KKB iBangga', 'KKB Wilayah', dan 'KKB Validasi'. Lembar lain tidak diubah; lembar KKB yang lama ditulis ulang.",
  generateHelpFile:
    "Membuat buku kerja baru berisi lembar ringkasan KKB (dan salinan data), lalu menyediakan tautan unduhan.",
  progressLabel: "Kemajuan",
  progressRead: "Membaca data",
  progressScore: "Menghitung skor",
  progressSheet: (name: string) => `Menyiapkan lembar "${name}"`,
  progressZip: "Menyusun file .xlsx",
  progressDone: "Selesai",
  summaryStale:
    "Lembar ringkasan sudah ditulis dengan pengaturan saat tombol ditekan; pengaturan berubah sejak itu. Buat lagi untuk pengaturan sekarang.",
  summaryWaiting: "Menunggu ringkasan sebelumnya selesai (hasilnya tidak dipakai)",
  summaryWaitingDropped:
    "Ringkasan yang menunggu dibatalkan karena data atau pengaturan berubah. Tekan tombol lagi untuk membuatnya.",
  readWaiting: "Menunggu ringkasan yang sedang dibuat selesai, lalu membaca data...",
  insertWaiting: "Menunggu ringkasan yang sedang dibuat selesai, lalu menyisipkan templat...",
  hiddenSheet: "(tersembunyi)",
  sheetsWritten: "Lembar yang ditulis",
  openSheet: (name: string) => `Buka lembar ${name}`,
  download: (name: string) => `Unduh ${name}`,
  fileReady: (n: number, errors: number, warnings: number) =>
    `Ringkasan siap: ${formatNumber(n, "id")} kampung, ${counted(errors, "id", ERROR_ID)}, ${counted(warnings, "id", WARNING_ID)}.`,
  failed: (detail: string) => `Gagal: ${detail}`,
  ribbonResult: "Hasil tombol Ringkas di pita",
  // Method
  methodTitle: "Tentang metode",
  methodIntro:
    "Metode ini dari studi lapangan di empat Kampung KB di Jawa Tengah (Salus Cultura 5(2), 2025). Ia menilai seberapa menyatu layanan lintas sektor di tingkat desa/kelurahan.",
  methodRubricTitle: "Skor tiap sub-indikator (0 sampai 2)",
  methodRubricNote:
    "0,5 juga sah. Nilai lain di antara 0 dan 2 (misalnya 0,7 sebagai rata-rata beberapa butir) diterima dengan peringatan. Bukti paling lama 3 bulan sebelum tanggal penilaian.",
  methodDomainsTitle: "Lima domain, masing-masing tiga sub-indikator",
  methodScoresTitle: "Cara skor dihitung",
  methodDomainScore:
    "Skor domain = rata-rata tiga sub-indikatornya, dibulatkan 1 desimal (seperti ROUND di Excel).",
  methodComposite:
    "Skor komposit = rata-rata lima skor domain yang sudah dibulatkan, dibulatkan 2 desimal. Contoh: Sumurboto mendapat 1,48.",
  methodMissing:
    "Bila satu sub-indikator kosong, skor domainnya dan skor komposit tidak dihitung: dua nilai yang ada tidak dirata-ratakan.",
  methodIbanggaTitle: "iBangga (hasil bagi keluarga)",
  methodIbangga:
    "Tiga dimensi, masing-masing 0 sampai 100: Ketenteraman, Kemandirian, Kebahagiaan. Komposit setara memakai sepertiga masing-masing; kemandirian-sentral memakai 35 / 40 / 25.",
  methodBands: (low: string, high: string) =>
    `Kategori: di bawah ${low} rentan, ${low} sampai ${high} berkembang, di atas ${high} tangguh.`,
  methodReading:
    "Bacaan studi: kampung berkelanjutan unggul di koordinasi; interoperabilitas data dan umpan balik membedakan yang matang dari yang berkembang; dokumen rujukan ada di mana-mana, tetapi rujukan tertutup belum.",
  score: "Skor",
  meaning: "Arti",
  // Errors
  notExcelFile: "File ini tidak dapat dibaca.",
  unexpected: (detail: string) => `Terjadi kesalahan: ${detail}`,
  // What-if domain weights (issue 16)
  whatIfTitle: "Bagaimana jika: bobot domain sendiri",
  whatIfNotMethod:
    "Bukan metode studi. Metode memberi bobot sama pada kelima domain; di sini Anda mencoba bobot lain untuk melihat seberapa besar pengaruhnya. Ringkasan tetap memakai metode.",
  whatIfProblem: "Bobot: angka 0 atau lebih, jumlahnya lebih dari 0.",
  whatIfMethod: "Metode",
  whatIfOwn: "Bobot sendiri (bukan metode)",
  whatIfRank: "Peringkat",
  whatIfOwnShort: "Bobot sendiri",
  whatIfCells: (composite: string) =>
    `${composite} (peringkat). Kolom "Bobot sendiri" bukan metode studi.`,
  whatIfNone:
    "Belum ada kampung dengan skor komposit untuk dibandingkan: perbaiki galat di atas dulu.",
  whatIfChanged: (changed: number, ranked: number) =>
    `${changed} dari ${ranked} kampung berganti peringkat dengan bobot ini.`,
};

export type Strings = typeof id;

const en: Strings = {
  appTitle: "Kampung KB",
  appSubtitle: "Convergence scores of family services",
  language: "Language",
  languageId: "Indonesia",
  languageEn: "English",
  hostLoading: "Connecting to Excel...",
  hostExcel: "Connected to Excel. Data is read from the open workbook.",
  hostOther: (host: string) =>
    `Running in ${host}, not Excel. You can still open an .xlsx file below.`,
  hostNone:
    "Running outside Excel (in a browser). Open an .xlsx file from your computer, check it, then download its summary workbook. No data is sent anywhere.",
  stepsLabel: "Steps",
  stepData: "Data",
  stepCheck: "Check",
  stepSummary: "Summary",
  stepOf: (n: number) => `Step ${n} of 3`,
  next: (step: string) => `Continue to ${step}`,
  back: (step: string) => `Back to ${step}`,
  dataIntro:
    "One row per kampung: 15 sub-indicators (scored 0 to 2) and, if you have them, the three iBangga dimensions (0 to 100).",
  insertTemplate: "Insert the template",
  insertTemplateHelp:
    "Adds the sheets 'KKB Input' and 'KKB Bukti', ready to fill in. Sheets that exist are left as they are.",
  findData: "Find the data in the workbook",
  findDataHelp: "KKB looks for a row of column headers on every sheet and takes the best match.",
  useSelection: "Use the selected cells",
  useSelectionHelp:
    "First select the header row and the kampung rows on the sheet, then press this.",
  openFile: "Open an .xlsx or CSV file…",
  openFileHelp: "Choose an Excel workbook (.xlsx) or a CSV file with the kampung data.",
  visibleOnly: "Visible rows only",
  visibleOnlyHelp:
    "Rows hidden by hand or by a filter are normally counted, as Excel's AVERAGE does. Tick to leave them out.",
  downloadTemplate: "Download a blank template",
  downloadTemplateHelp:
    "Downloads a template workbook (sheets 'KKB Input' and 'KKB Bukti') to fill in in Excel, then open here.",
  roundSheets: "Rounds on several sheets",
  roundSheetsHelp:
    "Several sheets hold KKB data. The ticked sheets are read together, each as one assessment round (sheets named for rounds are ticked for you); change the ticks and read again.",
  roundFromColumn: "rounds from its Periode column",
  roundFromName: (label: string) => `round ${label}`,
  roundNeeded: "its name names no round",
  roundTyped: (sheet: string) => `Round of sheet ${sheet}`,
  roundTypedHelp: "For example 2024-T1, 2024 Semester 2, May 2024 or 2025.",
  roundTypedInvalid: "Write a round that names a time, e.g. 2024-T1.",
  readRoundSheets: (n: number) => (n > 1 ? `Read ${n} sheets as rounds` : "Read the ticked sheet"),
  openedFile: (name: string) => `Opened file: ${name}`,
  fileLocked: "Wait until the summary file is made before opening another file.",
  reading: "Reading the data...",
  readingFile: (name: string) => `Reading ${name}...`,
  loadingEngine: "Preparing the file reader...",
  noData: "No data yet. Insert the template, find the data, or use the selected cells.",
  noDataFile: "No file opened yet.",
  foundTitle: "What was found",
  foundRows: (n: string, sheet: string) => `${n} kampung on sheet "${sheet}"`,
  otherInputSheets: (list: string, sheet: string) =>
    `Other sheets also look like assessment data: ${list}. Only sheet "${sheet}" was read; tick them under "Rounds on several sheets" to read them too.`,
  foundRowsSheets: (count: string, sheets: number) => `${count} kampung on ${sheets} sheets`,
  foundRoundRows: (n: string, rounds: number, sheet: string) =>
    `${n} kampung rows in ${rounds} rounds on sheet "${sheet}"`,
  foundRoundRowsSheets: (n: string, rounds: number, sheets: number) =>
    `${n} kampung rows in ${rounds} rounds on ${sheets} sheets`,
  foundRange: (range: string) => `Range: ${range}`,
  foundFile: (name: string) => `File: ${name}`,
  subFound: (n: string, total: string) => `${n} of ${total} sub-indicators recognised`,
  subAllFound: "All 15 sub-indicators recognised.",
  subMissingTitle: "Columns not found",
  subMissingHelp:
    "Add these columns, or if a column is there under another heading, rename it: the domain and sub-indicator name, e.g. 'Coordination Regulation' (the Check step names the headings not recognised). Without them the domain score and the composite are not computed.",
  found: "recognised",
  missing: "missing",
  ibanggaDimensions: "iBangga: the three dimension columns were recognised.",
  ibanggaSubs: "iBangga: computed from each dimension's sub-indicator columns.",
  ibanggaMixed: "iBangga: partly from dimension columns, partly from sub-indicator columns.",
  ibanggaNone:
    "iBangga: no iBangga columns. The summary is made without its iBangga part (that is fine).",
  ibanggaMissing: (list: string) => `iBangga dimensions missing: ${list}.`,
  ibanggaSubCount: (dimension: string, n: string) => `${dimension}: ${n} columns`,
  fatal: "The data could not be read.",
  fellBack: "The saved data location is gone; the data was looked for again.",
  checkIntro:
    "Errors must be fixed: the scores they touch are not computed. Warnings are worth a look, but the scores are still computed.",
  checkIntroExcel: "Choose an item to open its cell on the sheet.",
  recheck: "Check again",
  noIssues: "No errors or warnings. The data is ready to summarise.",
  errors: "Errors",
  warnings: "Warnings",
  byKind: "By kind",
  issueCount: (errors: number, warnings: number) =>
    `${counted(errors, "en", ERROR_EN)}, ${counted(warnings, "en", WARNING_EN)}`,
  errorNoun: ERROR_EN,
  warningNoun: WARNING_EN,
  wholeSheet: "Whole sheet",
  kampung: "Kampung",
  field: "Field",
  cell: "Cell",
  openCell: (where: string) => `Open cell ${where}`,
  showMore: (n: string) => `Show ${n} more`,
  previewTitle: "Composite scores, preview",
  previewNone: "Not computed",
  previewMore: (n: string) => `and ${n} more kampung`,
  needData: "Open or find the data first, in the Data step.",
  noKampungRows:
    "The data was opened, but there are no kampung rows under its header row. Fill in one row per kampung under the headers, then open or find the data again in the Data step.",
  weightsTitle: "iBangga weights",
  weightsHelp:
    "Weights of Tranquillity, Self-reliance and Happiness in the iBangga composite. Both standard composites are always written; this choice sets the band and the ranking.",
  weightsSetara: "Equal (1/3 each)",
  weightsSentral: "Self-reliance-centred (35 / 40 / 25)",
  weightsCustom: "Own weights",
  weightsShares: (list: string) => `Shares: ${list}`,
  weightProblems: {
    "not-a-number": "Each weight must be a number, e.g. 35 or 0.35.",
    negative: "Weights must not be negative.",
    "zero-sum": "The three weights must add up to more than 0.",
    "wrong-count": "Fill in three weights.",
    "unknown-preset": "Unknown weights.",
  },
  weightEmpty: "Fill in this weight.",
  optionsTitle: "Options",
  sheetLanguage: "Language of the summary sheets",
  includeCopies: "Include a copy of the data sheets in the file",
  periode: "Round to summarise",
  periodeHelp:
    "The data holds several assessment rounds. Changes across rounds are in the KKB Tren sheet.",
  periodeOption: (label: string, count: string, latest: boolean) =>
    `${label} (${count} kampung${latest ? ", latest" : ""})`,
  profilPrint: "Also write KKB Profil Cetak: one printed page per kampung",
  profilRegion: "Region (empty: every kampung; at most 200)",
  profilRegionHelp: "A desa, kecamatan, regency/city or province name as written in the data.",
  generateExcel: "Make the summary",
  generateFile: "Make the summary file",
  generateHelpExcel:
    "Writes the sheets 'KKB Ringkasan', 'KKB Domain', 'KKB iBangga', 'KKB Wilayah' and 'KKB Validasi'. Other sheets are not touched; earlier KKB sheets are rewritten.",
  generateHelpFile:
    "Builds a new workbook with the KKB summary sheets (and a copy of the data), then offers it for download.",
  progressLabel: "Progress",
  progressRead: "Reading the data",
  progressScore: "Computing the scores",
  progressSheet: (name: string) => `Preparing sheet "${name}"`,
  progressZip: "Packing the .xlsx file",
  progressDone: "Done",
  summaryStale:
    "The summary sheets were written with the settings at the time you clicked; the settings have changed since. Make it again for the current settings.",
  summaryWaiting: "Waiting for the previous summary to finish (its result is not used)",
  summaryWaitingDropped:
    "The waiting summary was cancelled because the data or the settings changed. Press the button again to make it.",
  readWaiting: "Waiting for the summary being made to finish, then reading the data...",
  insertWaiting: "Waiting for the summary being made to finish, then inserting the template...",
  hiddenSheet: "(hidden)",
  sheetsWritten: "Sheets written",
  openSheet: (name: string) => `Open sheet ${name}`,
  download: (name: string) => `Download ${name}`,
  fileReady: (n: number, errors: number, warnings: number) =>
    `Summary ready: ${formatNumber(n, "en")} kampung, ${counted(errors, "en", ERROR_EN)}, ${counted(warnings, "en", WARNING_EN)}.`,
  failed: (detail: string) => `Failed: ${detail}`,
  ribbonResult: "Result of the ribbon's Summarise button",
  methodTitle: "About the method",
  methodIntro:
    "The method comes from a field study of four Kampung KB in Central Java (Salus Cultura 5(2), 2025). It scores how well services of different sectors work together at village or ward level.",
  methodRubricTitle: "Score of each sub-indicator (0 to 2)",
  methodRubricNote:
    "0.5 is valid too. Other values between 0 and 2 (e.g. 0.7 as a mean of several items) are accepted with a warning. Evidence at most 3 months before the assessment date.",
  methodDomainsTitle: "Five domains, three sub-indicators each",
  methodScoresTitle: "How the scores are computed",
  methodDomainScore:
    "Domain score = the mean of its three sub-indicators, rounded to 1 decimal (like Excel's ROUND).",
  methodComposite:
    "Composite score = the mean of the five rounded domain scores, rounded to 2 decimals. Example: Sumurboto gets 1.48.",
  methodMissing:
    "When a sub-indicator is blank, its domain score and the composite are not computed: the two values present are not averaged.",
  methodIbanggaTitle: "iBangga (family outcomes)",
  methodIbangga:
    "Three dimensions, each 0 to 100: Tranquillity, Self-reliance, Happiness. The equal composite weighs a third each; self-reliance-centred weighs 35 / 40 / 25.",
  methodBands: (low: string, high: string) =>
    `Bands: below ${low} vulnerable, ${low} to ${high} developing, above ${high} resilient.`,
  methodReading:
    "The study's reading: sustainable kampung score higher on coordination; data interoperability and feedback separate the mature from the developing; referral documents exist everywhere, but the closed loop does not yet.",
  score: "Score",
  meaning: "Meaning",
  notExcelFile: "This file cannot be read.",
  unexpected: (detail: string) => `Something went wrong: ${detail}`,
  whatIfTitle: "What if: your own domain weights",
  whatIfNotMethod:
    "Not the study's method. The method weights the five domains equally; here you try other weights to see how much they matter. The summary still uses the method.",
  whatIfProblem: "Weights: numbers of 0 or more, with a sum above 0.",
  whatIfMethod: "Method",
  whatIfOwn: "Own weights (not the method)",
  whatIfRank: "Rank",
  whatIfOwnShort: "Own weights",
  whatIfCells: (composite: string) =>
    `${composite} (rank). The "Own weights" column is not the study's method.`,
  whatIfNone: "No kampung has a composite to compare yet: fix the errors above first.",
  whatIfChanged: (changed: number, ranked: number) =>
    `${changed} of ${ranked} kampung change rank with these weights.`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { id, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
