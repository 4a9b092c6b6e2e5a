/**
 * Issues found in the input: what is wrong, where, and a message in the UI language.
 * Codes are stable (tests, JSON consumers and the pane key on them); messages are not.
 */
import { Lang } from "./framework";
import { excelNumberText, scoreText } from "./number-text";

export type Severity = "error" | "warning";

export interface Issue {
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell, or of the header cell / first cell for sheet-wide issues. */
  readonly cell: string;
  /** The kampung the issue is about, or "" for sheet-wide issues. */
  readonly kampung: string;
  /** The field (`koordinasi.regulasi`, `ibangga.ketenteraman`, `kampung`, ...), or "". */
  readonly field: string;
  readonly code: IssueCode;
  readonly message: string;
}

/** Values a message may mention. */
export interface MessageParams {
  /** The cell's value as the user typed it. */
  readonly value?: string;
  /** The field's label in the UI language. */
  readonly label?: string;
  readonly min?: number;
  readonly max?: number;
  readonly count?: number;
  readonly list?: string;
  readonly other?: string;
  /** A score the message quotes (written with a decimal comma in Indonesian). */
  readonly score?: number;
  /** The value the score was compared with (a median, a limit). */
  readonly reference?: number;
  /** For STATUS_INCONSISTENT: the scores sit above or below the declared level. */
  readonly direction?: "above" | "below";
  /** A blank cell under a merged range's top-left cell (the only one holding its value). */
  readonly merge?: MergedCell;
  /** For TEXT_CESU8: lone surrogates read as U+FFFD. */
  readonly replaced?: number;
  /** For IBANGGA_MISSING: no dimension of the kampung has a value (nothing to renormalise to). */
  readonly noneLeft?: boolean;
  /** For PERIODE_DATES: what a date in the Periode column is read as. */
  readonly unit?: "month" | "quarter";
  /** For DATE_WEEKDAY: the weekday as written, and the date's own (Sunday 0). */
  readonly weekday?: { readonly written: string; readonly actual: number };
}

/** A cell inside a merged range, and the range, as A1 texts: `F6`, `F5:F7`, `F5`. */
export interface MergedCell {
  readonly cell: string;
  readonly range: string;
  /** The range's top-left cell: the only one whose value the file holds. */
  readonly first: string;
  /**
   * The merge begins above the rows the message is about, in the header row (for a kampung
   * cell) or above the header row (for the header): its top-left cell holds a heading, not
   * this cell's value (G3).
   */
  readonly fromAbove?: boolean;
}

type Template = (p: MessageParams) => string;

interface MessageDef {
  readonly severity: Severity;
  readonly id: Template;
  readonly en: Template;
}

/** HEADER_NOT_FOUND's closest row holds nothing at all: the sheet is empty there. */
const isEmptyRow = (p: MessageParams) => (p.value ?? "-") === "-" && (p.label ?? "-") === "-";

/** Why a cell that shows a value reads as blank: it lies in a merge (see merged-cells.ts). */
const mergeId = (m: MergedCell, what: "nilai" | "nama") =>
  m.fromAbove
    ? `${m.cell} berada dalam sel gabungan ${m.range} yang dimulai di baris judul kolom (${m.first}), jadi sel ini kosong. Pisahkan sel gabungan dan isi ${what} tiap kampung.`
    : `${m.cell} berada dalam sel gabungan ${m.range}; hanya ${m.first} berisi ${what === "nama" ? "nama kampung" : what}. Pisahkan sel gabungan dan isi ${what} tiap kampung.`;
const mergeEn = (m: MergedCell, what: "value" | "name") =>
  m.fromAbove
    ? `${m.cell} lies in the merged cell ${m.range}, which begins in the header row (${m.first}), so this cell is blank. Unmerge the cells and enter each kampung's ${what}.`
    : `${m.cell} lies in the merged cell ${m.range}; only ${m.first} holds ${what === "name" ? "a kampung name" : "a value"}. Unmerge the cells and enter each kampung's ${what}.`;
/** A merge across the header row and another row hides headings (merged-cells.ts, G3). */
const headerMergeId = (p: MessageParams) =>
  p.merge
    ? ` Sel gabungan ${p.merge.range} melintasi baris judul kolom dan baris lain: hanya ${p.merge.first} berisi teks, sel lain di dalamnya kosong. Pisahkan sel gabungan itu dan tulis judul kolomnya.`
    : "";
const headerMergeEn = (p: MessageParams) =>
  p.merge
    ? ` The merged cell ${p.merge.range} spans the header row and another row: only ${p.merge.first} holds text, its other cells are blank. Unmerge it and write the column headers.`
    : "";

/**
 * The one place messages show a value: a number the engine read (a value that is exactly
 * JavaScript's text of a number, `String(0.9109999999999999)`) as Excel shows the cell, at most
 * 15 significant digits in the message's locale (0,911; 0,666666666666667); any other text as
 * it is (a cell's own text, "00123", "1,0").
 */
function shown(value: string | undefined, locale: "id" | "en"): string {
  const text = value ?? "";
  const n = text.trim() === "" ? NaN : Number(text);
  if (Number.isFinite(n) && String(n) === text) return excelNumberText(n, locale);
  return locale === "id" ? text.replace(/^(-?\d+)\.(\d+)$/, "$1,$2") : text;
}
const v = (p: MessageParams) => `"${shown(p.value, "en")}"`;
/** A value the engine read, numbers with the Indonesian decimal comma. */
const vId = (p: MessageParams) => `"${shown(p.value, "id")}"`;
/** A number as Indonesian text (decimal comma) or English text, as Excel shows it. */
const numId = (x: number | undefined) => (x === undefined ? "" : excelNumberText(x, "id"));
const numEn = (x: number | undefined) => (x === undefined ? "" : excelNumberText(x, "en"));
/** Characters of a cell's own text a message quotes. */
const TYPED_MAX = 60;
/** A cell's text as typed, never reformatted ("1.5" stays "1.5" in Indonesian), at most TYPED_MAX. */
const typed = (p: MessageParams) => {
  const text = p.value ?? "";
  return `"${text.length > TYPED_MAX ? `${text.slice(0, TYPED_MAX - 1)}…` : text}"`;
};
/** A number typed as text (SCORE_TEXT, IBANGGA_TEXT): the text as typed, the number read (`other`). */
const TEXT_NUMBER = {
  id: (p: MessageParams) =>
    `${p.label}: ${typed(p)} tersimpan sebagai teks; dibaca sebagai angka${p.other === undefined ? "" : ` ${numId(Number(p.other))}`}.`,
  en: (p: MessageParams) =>
    `${p.label}: ${typed(p)} is stored as text; read as ${p.other === undefined ? "a number" : numEn(Number(p.other))}.`,
};

/** Weekdays, Sunday first (Date's getUTCDay). */
const WEEKDAYS = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;

export const MESSAGES = {
  SCORE_MISSING: {
    severity: "error",
    id: (p) =>
      `${p.label}: ${p.merge ? mergeId(p.merge, "nilai") : "nilai kosong."} Skor domain ini dan skor komposit tidak dihitung.`,
    en: (p) =>
      `${p.label}: ${p.merge ? mergeEn(p.merge, "value") : "no value."} This domain score and the composite are not computed.`,
  },
  SCORES_NOT_ENTERED: {
    severity: "error",
    id: (p) =>
      `Baris ${p.other}: semua ${p.count} nilai sub-indikator kosong; kampung ini belum dinilai. Skor domain dan skor komposit tidak dihitung.`,
    en: (p) =>
      `Row ${p.other}: all ${p.count} sub-indicator values are blank; this kampung is not scored yet. Its domain scores and composite are not computed.`,
  },
  SCORE_NOT_NUMBER: {
    severity: "error",
    id: (p) => `${p.label}: ${v(p)} bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.`,
    en: (p) => `${p.label}: ${v(p)} is not a number. Enter 0, 0.5, 1, 1.5 or 2.`,
  },
  SCORE_CELL_ERROR: {
    severity: "error",
    id: (p) => `${p.label}: sel berisi galat Excel ${p.value}. Perbaiki rumus atau isi nilainya.`,
    en: (p) =>
      `${p.label}: the cell holds the Excel error ${p.value}. Fix the formula or enter the value.`,
  },
  SCORE_OUT_OF_RANGE: {
    severity: "error",
    id: (p) => `${p.label}: ${vId(p)} di luar skala ${p.min}-${p.max}.`,
    en: (p) => `${p.label}: ${v(p)} is outside the ${p.min}-${p.max} scale.`,
  },
  SCORE_TEXT: {
    severity: "warning",
    ...TEXT_NUMBER,
  },
  SCORE_OFF_RUBRIC: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${vId(p)} bukan nilai rubrik (0; 0,5; 1; 1,5; 2); dipakai apa adanya, periksa apakah ini rata-rata butir.`,
    en: (p) =>
      `${p.label}: ${v(p)} is not a rubric value (0, 0.5, 1, 1.5, 2); used as given, check that it is a mean of items.`,
  },
  IBANGGA_MISSING: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${p.merge ? mergeId(p.merge, "nilai") : "nilai kosong."} ${p.noneLeft ? "Ketiga dimensi kosong: iBangga kampung ini tidak dihitung." : "Dimensi ini tidak dihitung; bobot dimensi lain dinormalkan ulang."}`,
    en: (p) =>
      `${p.label}: ${p.merge ? mergeEn(p.merge, "value") : "no value."} ${p.noneLeft ? "All three dimensions are blank: this kampung's iBangga is not computed." : "This dimension is not computed; the other dimensions' weights are renormalised."}`,
  },
  IBANGGA_NOT_NUMBER: {
    severity: "error",
    id: (p) => `${p.label}: ${v(p)} bukan angka 0-100.`,
    en: (p) => `${p.label}: ${v(p)} is not a number from 0 to 100.`,
  },
  IBANGGA_CELL_ERROR: {
    severity: "error",
    id: (p) => `${p.label}: sel berisi galat Excel ${p.value}.`,
    en: (p) => `${p.label}: the cell holds the Excel error ${p.value}.`,
  },
  IBANGGA_OUT_OF_RANGE: {
    severity: "error",
    id: (p) => `${p.label}: ${vId(p)} di luar skala 0-100.`,
    en: (p) => `${p.label}: ${v(p)} is outside the 0-100 scale.`,
  },
  IBANGGA_FRACTION: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${vId(p)} sangat kecil untuk skala 0-100: tampaknya persen yang tersimpan sebagai pecahan (${numId(Number(p.other))} % tampil sebagai ${vId(p)}). Dipakai apa adanya; jika maksudnya ${numId(Number(p.other))}, ketik ${numId(Number(p.other))} di sel berformat Angka.`,
    en: (p) =>
      `${p.label}: ${v(p)} is very small for the 0-100 scale: it looks like a percentage stored as a fraction (${numEn(Number(p.other))} % shows as ${v(p)}). Used as given; if ${numEn(Number(p.other))} is meant, type ${numEn(Number(p.other))} in a cell formatted as Number.`,
  },
  IBANGGA_TEXT: {
    severity: "warning",
    ...TEXT_NUMBER,
  },
  MERGE_FILLED: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${p.count} rentang sel gabungan di baris kampung (${p.list}); nilai sel kiri atasnya dipakai untuk setiap baris yang digabung.`,
    en: (p) =>
      `${p.label}: ${p.count} merged ${p.count === 1 ? "range" : "ranges"} across kampung rows (${p.list}); each one's top-left value counts for every row it merges.`,
  },
  KAMPUNG_MISSING: {
    severity: "error",
    id: (p) =>
      p.merge
        ? `Baris berisi nilai tetapi tanpa nama kampung: ${mergeId(p.merge, "nama")}`
        : `Baris berisi nilai tetapi nama kampung kosong.`,
    en: (p) =>
      p.merge
        ? `The row has values but no kampung name: ${mergeEn(p.merge, "name")}`
        : `The row has values but no kampung name.`,
  },
  KAMPUNG_CELL_ERROR: {
    severity: "error",
    id: (p) =>
      `${p.label}: sel berisi galat Excel ${p.value}, jadi nama kampung tidak terbaca. Perbaiki rumusnya (misalnya VLOOKUP yang tidak menemukan nama) atau ketik namanya.`,
    en: (p) =>
      `${p.label}: the cell holds the Excel error ${p.value}, so the kampung name cannot be read. Fix the formula (e.g. a VLOOKUP that found no name) or type the name.`,
  },
  IDENTITY_CELL_ERROR: {
    severity: "warning",
    id: (p) =>
      `${p.label}: sel berisi galat Excel ${p.value}; dibaca sebagai kosong. Perbaiki rumusnya (misalnya VLOOKUP yang tidak menemukan nilai) atau ketik nilainya.`,
    en: (p) =>
      `${p.label}: the cell holds the Excel error ${p.value}; read as blank. Fix the formula (e.g. a VLOOKUP that found no value) or type the value.`,
  },
  KAMPUNG_DUPLICATE: {
    severity: "warning",
    id: (p) =>
      p.label === undefined
        ? `Kampung ${v(p)} muncul lebih dari sekali (juga di ${p.other}).`
        : `Kampung ${v(p)} muncul lebih dari sekali dalam periode ${p.label} (juga di ${p.other}).`,
    en: (p) =>
      p.label === undefined
        ? `Kampung ${v(p)} appears more than once (also at ${p.other}).`
        : `Kampung ${v(p)} appears more than once in round ${p.label} (also at ${p.other}).`,
  },
  PERIODE_UNREADABLE: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${v(p)} tidak menunjukkan waktu, jadi tidak dapat diurutkan; tulis misalnya 2025, 2024-T1, 2024 Semester 2, Mei 2024 atau sebuah tanggal. Baris ini tetap dihitung dalam periode ${v(p)}.`,
    en: (p) =>
      `${p.label}: ${v(p)} names no time, so it cannot be put in order; write e.g. 2025, 2024-T1, 2024 Semester 2, May 2024 or a date. The row still counts in round ${v(p)}.`,
  },
  PERIODE_MISSING: {
    severity: "warning",
    id: (p) =>
      `${p.count} baris kampung tanpa periode dihitung dalam periode terakhir (${p.other}): baris ${p.list}.`,
    en: (p) =>
      `${p.count} kampung ${p.count === 1 ? "row" : "rows"} without a round ${p.count === 1 ? "is" : "are"} counted in the latest round (${p.other}): ${p.count === 1 ? "row" : "rows"} ${p.list}.`,
  },
  PERIODE_FROM_DATE: {
    severity: "warning",
    id: (p) =>
      `${p.count} baris kampung tanpa periode dihitung dalam periode yang memuat Tanggal penilaiannya: baris ${p.list}.`,
    en: (p) =>
      `${p.count} kampung ${p.count === 1 ? "row" : "rows"} without a round ${p.count === 1 ? "is" : "are"} counted in the round that holds ${p.count === 1 ? "its" : "their"} assessment date: ${p.count === 1 ? "row" : "rows"} ${p.list}.`,
  },
  PERIODE_DATES: {
    severity: "warning",
    id: (p) =>
      `Kolom Periode berisi tanggal: tiap tanggal dibaca sebagai ${p.unit === "month" ? "bulannya" : "triwulannya"} (${v(p)} menjadi ${p.other}), bukan sebagai periode satu hari. Tulis periodenya (misalnya 2024-T1 atau Mei 2024) untuk menentukannya sendiri.`,
    en: (p) =>
      `The Periode column holds dates: each is read as its ${p.unit === "month" ? "month" : "quarter"} (${v(p)} becomes ${p.other}), not as a round of one day. Write the round (e.g. 2024-T1 or May 2024) to set it yourself.`,
  },
  PERIODE_DATE_CONFLICT: {
    severity: "warning",
    id: (p) =>
      `${p.count} baris kampung dengan Tanggal penilaian di luar periodenya (sebelum periode mulai, atau lebih dari 3 bulan setelah periode berakhir), misalnya ${p.value} dalam periode ${p.other}: baris ${p.list}. Periksa Periode atau tanggalnya; baris itu tetap dihitung dalam periode yang tertulis.`,
    en: (p) =>
      `${p.count} kampung ${p.count === 1 ? "row" : "rows"} with an assessment date outside ${p.count === 1 ? "its" : "their"} round (before it begins, or more than 3 months after it ends), e.g. ${p.value} in round ${p.other}: ${p.count === 1 ? "row" : "rows"} ${p.list}. Check the round or the date; ${p.count === 1 ? "the row still counts" : "the rows still count"} in the round written.`,
  },
  ROUND_NESTED: {
    severity: "warning",
    id: (p) =>
      `Periode ${v(p)} berada di dalam periode "${p.other}": keduanya dihitung sebagai periode terpisah. Jika itu satu periode, tulis periodenya dengan cara yang sama.`,
    en: (p) =>
      `Round ${v(p)} lies within round "${p.other}": they count as separate rounds. If they are one round, write it the same way.`,
  },
  ROUND_CURRENT_SMALL: {
    severity: "warning",
    id: (p) =>
      `Periode terakhir, ${v(p)}, hanya berisi ${p.count} baris kampung, sedangkan periode sebelumnya ("${p.other}") berisi ${p.reference}. Yang diringkas adalah periode terakhir kecuali periode lain dipilih; periksa Periode atau Tanggal penilaiannya.`,
    en: (p) =>
      `The latest round, ${v(p)}, holds only ${p.count} kampung ${p.count === 1 ? "row" : "rows"}, while the round before it ("${p.other}") holds ${p.reference}. The latest round is summarised unless another is picked; check the rounds or assessment dates.`,
  },
  HEADER_NOT_FOUND: {
    severity: "error",
    // Said the same way in Excel, the browser and the CLI: each has its own way to the template.
    id: (p) =>
      (isEmptyRow(p)
        ? `Lembar ini kosong di ${p.count ?? 20} baris pertama: tidak ada baris judul kolom.`
        : `Baris judul kolom tidak ditemukan di ${p.count ?? 20} baris pertama. Yang paling mendekati: baris ${p.other ?? "1"} (dikenali: ${p.value ?? "-"}; tidak dikenali: ${p.label ?? "-"}).`) +
      headerMergeId(p) +
      ` Yang dicari: ${p.list}. Contoh susunannya ada di templat KKB (tombol templat di panel KKB, atau perintah kkb templat).`,
    en: (p) =>
      (isEmptyRow(p)
        ? `This sheet is empty in its first ${p.count ?? 20} rows: there is no header row.`
        : `No header row found in the first ${p.count ?? 20} rows. The closest: row ${p.other ?? "1"} (recognised: ${p.value ?? "-"}; not recognised: ${p.label ?? "-"}).`) +
      headerMergeEn(p) +
      ` Expected: ${p.list}. The KKB template shows the layout (the template button in the KKB pane, or the command kkb template).`,
  },
  COLUMN_MISSING: {
    severity: "error",
    id: (p) =>
      `Kolom ${p.label} tidak ada. Skor domainnya tidak dihitung untuk semua kampung.${p.other ? ` Judul ${p.other} ${v(p)} tidak dikenali: bila itu kolom ini, ubah judulnya menjadi "${p.label}".` : ""}${headerMergeId(p)}`,
    en: (p) =>
      `There is no ${p.label} column. Its domain score is not computed for any kampung.${p.other ? ` The heading ${p.other} ${v(p)} is not recognised: if it is this column, rename it "${p.label}".` : ""}${headerMergeEn(p)}`,
  },
  KAMPUNG_COLUMN_MISSING: {
    severity: "error",
    id: (p) => `Kolom Kampung tidak ada; baris dinamai menurut nomornya.${headerMergeId(p)}`,
    en: (p) => `There is no Kampung column; rows are named by their number.${headerMergeEn(p)}`,
  },
  COLUMN_DUPLICATE: {
    severity: "warning",
    id: (p) => `Kolom ${p.label} muncul dua kali; yang dipakai kolom ${p.other}.`,
    en: (p) => `The ${p.label} column appears twice; column ${p.other} is used.`,
  },
  HEADER_INCOMPLETE: {
    severity: "error",
    id: (p) =>
      `Baris judul kolom yang paling mendekati (baris ${p.other}) tidak memuat satu pun kolom sub-indikator. Dikenali: ${p.value}. Tidak dikenali: ${p.list}. Contoh judul yang dikenali: "Koordinasi - Regulasi", atau nama domain di baris atas dan "Regulasi" di bawahnya.${headerMergeId(p)}`,
    en: (p) =>
      `The closest header row (row ${p.other}) holds no sub-indicator column. Recognised: ${p.value}. Not recognised: ${p.list}. Headers that work: "Cross-sector coordination - Regulation", or the domain name in the row above and "Regulation" under it.${headerMergeEn(p)}`,
  },
  TABLE_TOTALS_SKIPPED: {
    severity: "warning",
    id: (p) =>
      `Baris total tabel ${v(p)} (baris ${p.other}) bukan kampung: tidak dinilai, tidak diberi peringkat, tidak dihitung.`,
    en: (p) =>
      `The Total Row of table ${v(p)} (row ${p.other}) is not a kampung: it is not scored, ranked or counted.`,
  },
  SUMMARY_ROW_SKIPPED: {
    severity: "warning",
    id: (p) =>
      `Baris ${p.list} (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}) dibaca sebagai baris ringkasan (jumlah atau rata-rata), bukan kampung: tidak dinilai, tidak diberi peringkat, tidak dihitung.`,
    en: (p) =>
      `${(p.count ?? 1) > 1 ? "Rows" : "Row"} ${p.list} (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}) ${(p.count ?? 1) > 1 ? "are" : "is"} read as a summary row (a total or mean), not as a kampung: not scored, ranked or counted.`,
  },
  ROWS_HIDDEN: {
    severity: "warning",
    id: (p) =>
      `${p.count} baris kampung tersembunyi ikut dihitung, seperti AVERAGE di Excel: baris ${p.list}. Untuk melewatinya pakai --visible-only (atau centang "Hanya baris yang terlihat" di panel).`,
    en: (p) =>
      `${p.count} hidden kampung rows are counted in, as Excel's AVERAGE does: rows ${p.list}. To leave them out use --visible-only (or tick "Visible rows only" in the pane).`,
  },
  ROWS_HIDDEN_SKIPPED: {
    severity: "warning",
    id: (p) =>
      `${p.count} baris kampung tersembunyi dilewati (hanya baris yang terlihat): baris ${p.list}.`,
    en: (p) => `${p.count} hidden kampung rows are left out (visible rows only): rows ${p.list}.`,
  },
  FORMULA_NOT_CALCULATED: {
    severity: "error",
    id: (p) =>
      `${p.label}: sel berisi rumus yang belum pernah dihitung (${p.value}), jadi nilainya tidak tersimpan di file. Buka file di Excel atau LibreOffice, simpan, lalu coba lagi.`,
    en: (p) =>
      `${p.label}: the cell holds a formula that has never been calculated (${p.value}), so the file holds no value for it. Open the file in Excel or LibreOffice, save it, and try again.`,
  },
  STATUS_UNKNOWN: {
    severity: "warning",
    id: (p) =>
      `Status ${v(p)} bukan salah satu dari dasar, berkembang, mandiri, berkelanjutan; disimpan apa adanya.`,
    en: (p) =>
      `Status ${v(p)} is not one of dasar, berkembang, mandiri, berkelanjutan; kept as given.`,
  },
  DATE_INVALID: {
    severity: "warning",
    id: (p) => `${p.label}: ${v(p)} bukan tanggal yang dapat dibaca.`,
    en: (p) => `${p.label}: ${v(p)} is not a date that can be read.`,
  },
  DATE_TEXT: {
    severity: "warning",
    id: (p) => `${p.label}: tanggal ${v(p)} tersimpan sebagai teks; dibaca sebagai ${p.other}.`,
    en: (p) => `${p.label}: the date ${v(p)} is stored as text; read as ${p.other}.`,
  },
  DATE_WEEKDAY: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${v(p)}: ${p.other} jatuh pada hari ${WEEKDAYS.id[p.weekday?.actual ?? 0]}, bukan ${p.weekday?.written}. Tanggal dibaca ${p.other}; periksa tanggal atau harinya.`,
    en: (p) =>
      `${p.label}: ${v(p)}: ${p.other} is a ${WEEKDAYS.en[p.weekday?.actual ?? 0]}, not a ${p.weekday?.written}. Read as ${p.other}; check the date or the weekday.`,
  },
  DATE_MONTH_FIRST: {
    severity: "warning",
    id: (p) =>
      `${p.label}: tanggal teks di kolom ini ditulis bulan dulu (${v(p)} di ${p.other} tidak dapat dibaca hari dulu), jadi semua tanggal teks kolom ini dibaca sebagai bulan/hari/tahun.`,
    en: (p) =>
      `${p.label}: the text dates in this column are written month first (${v(p)} at ${p.other} cannot be day first), so all its text dates are read as month/day/year.`,
  },
  DATE_ORDER_CONFLICT: {
    severity: "warning",
    id: (p) =>
      `${p.label}: ${v(p)} hanya dapat dibaca bulan dulu (bulan/hari/tahun), tetapi ${p.other} di kolom yang sama hanya dapat dibaca hari dulu; kolom dibaca hari dulu, jadi tanggal ini tidak dibaca. Tulis tanggal seperti 2024-08-14.`,
    en: (p) =>
      `${p.label}: ${v(p)} can only be month first (month/day/year), but ${p.other} in the same column can only be day first; the column is read day first, so this date is not read. Write dates like 2024-08-14.`,
  },
  NO_ROWS: {
    severity: "error",
    id: () => `Tidak ada baris kampung di bawah baris judul kolom.`,
    en: () => `There are no kampung rows under the header row.`,
  },
  SHEET_NOT_FOUND: {
    severity: "error",
    id: (p) => `Lembar ${v(p)} tidak ada. Lembar yang ada: ${p.list}.`,
    en: (p) => `There is no sheet ${v(p)}. Sheets: ${p.list}.`,
  },
  SHEET_ROUND_MISSING: {
    severity: "error",
    id: (p) =>
      p.label === undefined
        ? `Lembar ${v(p)} tidak punya kolom Periode dan namanya tidak menyebut periode: tuliskan periodenya (mis. 2024-T1) atau beri nama lembar seperti "Penilaian 2024-T1".`
        : `Periode ${p.label} untuk lembar ${v(p)} tidak menunjukkan waktu: tulis misalnya 2025, 2024-T1, 2024 Semester 2, Mei 2024 atau sebuah tanggal.`,
    en: (p) =>
      p.label === undefined
        ? `Sheet ${v(p)} has no Periode column and its name names no round: type its round (e.g. 2024-T1) or name the sheet like "Penilaian 2024-T1".`
        : `Round ${p.label} given for sheet ${v(p)} names no time: write e.g. 2025, 2024-T1, 2024 Semester 2, May 2024 or a date.`,
  },
  SHEET_HIDDEN: {
    severity: "warning",
    id: (p) =>
      `Lembar ${v(p)} tersembunyi di buku kerja, tetapi datanya yang dibaca. Pastikan ini lembar yang dimaksud (atau pilih dengan --sheet).`,
    en: (p) =>
      `Sheet ${v(p)} is hidden in the workbook, but its data is what was read. Make sure it is the sheet you mean (or choose one with --sheet).`,
  },
  SHEET_OTHER_INPUTS: {
    severity: "warning",
    id: (p) =>
      `Lembar lain juga tampak seperti data penilaian: ${p.list}. ${(p.count ?? 1) > 1 ? `Yang dibaca hanya ${p.count} lembar berskor yang terlihat, sebagai periode` : `Yang dibaca hanya lembar ${v(p)}`}. Pilih lembar lain dengan --sheet NAMA, atau baca beberapa lembar sebagai periode: ${p.other}${p.label ? `; atau sebagai satu daftar kampung (lembar per kecamatan, misalnya), dengan periode yang sama untuk tiap lembar: ${p.label}` : ""}.`,
    en: (p) =>
      `Other sheets also look like assessment data: ${p.list}. ${(p.count ?? 1) > 1 ? `Only the ${p.count} visible sheets with scores were read, as rounds` : `Only sheet ${v(p)} was read`}. Choose another with --sheet NAME, or read several sheets as rounds: ${p.other}${p.label ? `; or as one list of kampung (a sheet per kecamatan, say), the same round for each sheet: ${p.label}` : ""}.`,
  },
  STATUS_INCONSISTENT: {
    severity: "warning",
    id: (p) =>
      p.direction === "below"
        ? `Status ${v(p)}, tetapi skor komposit ${scoreText(p.score ?? 0, "id")} sama dengan atau di bawah median (${scoreText(p.reference ?? 0, "id")}) kampung berstatus ${p.other}. Periksa status atau skornya; ini peringatan, bukan putusan.`
        : `Status ${v(p)}, tetapi skor komposit ${scoreText(p.score ?? 0, "id")} sama dengan atau di atas median (${scoreText(p.reference ?? 0, "id")}) kampung berstatus ${p.other}. Periksa status atau skornya; ini peringatan, bukan putusan.`,
    en: (p) =>
      p.direction === "below"
        ? `Status ${v(p)}, but the composite ${scoreText(p.score ?? 0, "en")} is at or below the median (${scoreText(p.reference ?? 0, "en")}) of the ${p.other} kampung. Check the status or the scores; this is a warning, not a verdict.`
        : `Status ${v(p)}, but the composite ${scoreText(p.score ?? 0, "en")} is at or above the median (${scoreText(p.reference ?? 0, "en")}) of the ${p.other} kampung. Check the status or the scores; this is a warning, not a verdict.`,
  },
  EVIDENCE_NONE: {
    severity: "warning",
    id: () =>
      `Tidak ada bukti: lembar KKB Bukti (atau Bukti, Evidence) tidak ada atau kosong, jadi skor tidak dapat ditelusuri ke bukti (tanggal, sumber, kutipan/halaman).`,
    en: () =>
      `No evidence given: there is no KKB Bukti sheet (or Bukti, Evidence), or it is empty, so the scores cannot be traced to evidence (date, source, quote/page).`,
  },
  EVIDENCE_MISSING: {
    severity: "warning",
    id: (p) =>
      p.count === 1
        ? `${p.label}: skor diisi tetapi tidak ada baris bukti.`
        : `${p.count} sub-indikator diisi tanpa baris bukti: ${p.list}.`,
    en: (p) =>
      p.count === 1
        ? `${p.label}: scored, but there is no evidence row.`
        : `${p.count} sub-indicators are scored without an evidence row: ${p.list}.`,
  },
  EVIDENCE_STALE: {
    severity: "warning",
    id: (p) =>
      `${p.label}: bukti bertanggal ${p.value}, lebih dari 3 bulan sebelum tanggal penilaian (paling awal ${p.other}).`,
    en: (p) =>
      `${p.label}: the evidence is dated ${p.value}, more than 3 months before the assessment date (earliest ${p.other}).`,
  },
  EVIDENCE_AFTER: {
    severity: "warning",
    id: (p) => `${p.label}: bukti bertanggal ${p.value}, sesudah tanggal penilaian ${p.other}.`,
    en: (p) =>
      `${p.label}: the evidence is dated ${p.value}, after the assessment date ${p.other}.`,
  },
  EVIDENCE_NO_SOURCE: {
    severity: "warning",
    id: (p) => `${p.label}: bukti tanpa sumber.`,
    en: (p) => `${p.label}: the evidence has no source.`,
  },
  EVIDENCE_NO_DATE: {
    severity: "warning",
    id: (p) => `${p.label}: bukti tanpa tanggal; batas 3 bulan tidak dapat diperiksa.`,
    en: (p) => `${p.label}: the evidence has no date; the 3-month horizon cannot be checked.`,
  },
  EVIDENCE_KAMPUNG_UNKNOWN: {
    severity: "warning",
    id: (p) =>
      `Bukti untuk kampung ${v(p)}, yang tidak ada di lembar data${(p.count ?? 1) > 1 ? ` (${p.count} baris bukti)` : ""}.`,
    en: (p) =>
      `Evidence for kampung ${v(p)}, which is not on the data sheet${(p.count ?? 1) > 1 ? ` (${p.count} evidence rows)` : ""}.`,
  },
  EVIDENCE_FIELD_UNKNOWN: {
    severity: "warning",
    id: (p) =>
      `Sub-indikator bukti ${v(p)} tidak dikenali. Tulis domain dan sub-indikatornya, misalnya "Koordinasi - Regulasi" (daftarnya ada di lembar KKB Petunjuk templat).`,
    en: (p) =>
      `The evidence's sub-indicator ${v(p)} is not recognised. Write its domain and sub-indicator, e.g. "Koordinasi - Regulasi" (the list is on the template's KKB Petunjuk sheet).`,
  },
  EVIDENCE_DATES_UNCHECKED: {
    severity: "warning",
    id: (p) => `${p.count} kampung tanpa tanggal penilaian: tanggal buktinya tidak diperiksa.`,
    en: (p) => `${p.count} kampung have no assessment date: their evidence dates are not checked.`,
  },
  MERGE_OVERLAP: {
    severity: "warning",
    id: (p) =>
      `Sel gabungan yang bertumpuk (Excel menyebut file ini rusak dan memperbaikinya): ${p.list}. Yang tercantum lebih dulu di file yang dipakai; yang lain diabaikan dan sel-selnya dibaca masing-masing.`,
    en: (p) =>
      `Merged cells that overlap (Excel calls this file damaged and repairs it): ${p.list}. The one the file lists first is used; the other is ignored and its cells are read one by one.`,
  },
  TEXT_LONE_SURROGATE: {
    severity: "warning",
    id: (p) =>
      `Sel ${p.list} berisi karakter yang tidak sah (separuh pasangan surrogate UTF-16, di file tertulis seperti _xD800_). Buku kerja menyimpan teksnya apa adanya; JSON (--json) menulis karakter itu sebagai U+FFFD (\ufffd) karena banyak pembaca JSON, seperti jq, menolaknya.`,
    en: (p) =>
      `${p.count === 1 ? "Cell" : "Cells"} ${p.list} ${p.count === 1 ? "holds" : "hold"} an invalid character (half of a UTF-16 surrogate pair, written in the file like _xD800_). The workbook keeps the text as it is; the JSON (--json) writes the character as U+FFFD (\ufffd), since many JSON readers, such as jq, refuse it.`,
  },
  NOTES_BELOW_TABLE: {
    severity: "warning",
    id: (p) =>
      p.other === "evidence"
        ? `Baris ${p.list} di bawah tabel bukti dibaca sebagai catatan, bukan baris bukti (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}).`
        : `Baris ${p.list} di bawah tabel dibaca sebagai catatan, bukan kampung (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}): tidak dinilai, tidak diberi peringkat, tidak dihitung. Jika baris itu kampung, isi juga wilayah atau nilainya.`,
    en: (p) =>
      p.other === "evidence"
        ? `${(p.count ?? 1) > 1 ? "Rows" : "Row"} ${p.list} under the evidence table ${(p.count ?? 1) > 1 ? "are" : "is"} read as a note, not as evidence (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}).`
        : `${(p.count ?? 1) > 1 ? "Rows" : "Row"} ${p.list} under the table ${(p.count ?? 1) > 1 ? "are" : "is"} read as a note, not as kampung (${v(p)}${(p.count ?? 1) > 1 ? ", ..." : ""}): not scored, ranked or counted. If a row is a kampung, fill in its region or its scores too.`,
  },
  TEXT_CESU8: {
    severity: "warning",
    id: (p) =>
      `File CSV ini ditulis sebagai CESU-8 (seperti ekspor Java atau Oracle): karakter di luar BMP, mis. emoji, tertulis sebagai dua separuh pasangan surrogate, bukan UTF-8 yang sah. File dibaca sebagai UTF-8: ${p.count ?? 0} karakter dibaca utuh${p.replaced ? `; ${p.replaced} separuh pasangan tanpa pasangannya diganti U+FFFD (\ufffd)` : ""}. Program lain dapat menampilkan teks ini rusak; simpan ulang sebagai UTF-8 bila bisa.`,
    en: (p) =>
      `This CSV file is written as CESU-8 (as Java and Oracle exports write it): characters outside the BMP, such as emoji, are written as two surrogate halves, which is not valid UTF-8. The file was read as UTF-8: ${p.count ?? 0} ${p.count === 1 ? "character" : "characters"} read whole${p.replaced ? `; ${p.replaced} ${p.replaced === 1 ? "half" : "halves"} without the other half replaced by U+FFFD (\ufffd)` : ""}. Other programs may show this text garbled; save it again as UTF-8 if you can.`,
  },
} satisfies Record<string, MessageDef>;

export type IssueCode = keyof typeof MESSAGES;

export interface IssueAt {
  readonly sheet: string;
  readonly cell: string;
  readonly kampung?: string;
  readonly field?: string;
}

/**
 * Builds an issue with its severity and message from the catalogue. The message is made from
 * `params` each time it is read (CatalogueIssue): `params` must not be changed afterwards.
 */
export function makeIssue(code: IssueCode, at: IssueAt, params: MessageParams, lang: Lang): Issue {
  return new CatalogueIssue(code, at, params, lang);
}

/**
 * An issue of the catalogue whose message is made when read. Held as text, the messages of a
 * national file's 35,000 status warnings were 9 MB of its summary's heap (33 MB for 300,000
 * kampung), most of them never read when only the workbook is written. The message is not an
 * own property: data for another thread goes through `plainIssue` (a structured clone keeps
 * own properties only); `JSON.stringify` writes it whole (toJSON).
 */
class CatalogueIssue implements Issue {
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly kampung: string;
  readonly field: string;
  readonly code: IssueCode;
  readonly #params: MessageParams;
  readonly #lang: Lang;

  constructor(code: IssueCode, at: IssueAt, params: MessageParams, lang: Lang) {
    const def: MessageDef = MESSAGES[code];
    this.severity = def.severity;
    this.sheet = at.sheet;
    this.cell = at.cell;
    this.kampung = at.kampung ?? "";
    this.field = at.field ?? "";
    this.code = code;
    this.#params = params;
    this.#lang = lang;
  }

  get message(): string {
    const def: MessageDef = MESSAGES[this.code];
    return def[this.#lang](this.#params);
  }

  toJSON(): Issue {
    return plainIssue(this);
  }
}

/** The issue as plain data, its message included: for a structured clone (postMessage). */
export function plainIssue(issue: Issue): Issue {
  return {
    severity: issue.severity,
    sheet: issue.sheet,
    cell: issue.cell,
    kampung: issue.kampung,
    field: issue.field,
    code: issue.code,
    message: issue.message,
  };
}
