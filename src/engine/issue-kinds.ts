/**
 * Issues counted by kind: what each code means in a few words (Indonesian and English), and
 * how many issues of each code a check found, errors first. The CLI, the pane and KKB Validasi
 * show these counts above the list, so 35,000 warnings of one kind read as one line.
 */
import { Lang } from "./framework";
import { Issue, IssueCode, Severity } from "./issues";

/** Each code's kind in words: the person reads this, the code is for programs. */
export const ISSUE_KINDS: Readonly<
  Record<IssueCode, { readonly id: string; readonly en: string }>
> = {
  SCORE_MISSING: { id: "Nilai sub-indikator kosong", en: "Sub-indicator value missing" },
  SCORES_NOT_ENTERED: { id: "Kampung belum dinilai", en: "Kampung not scored yet" },
  SCORE_NOT_NUMBER: {
    id: "Nilai sub-indikator bukan angka",
    en: "Sub-indicator value not a number",
  },
  SCORE_CELL_ERROR: { id: "Sel nilai berisi galat Excel", en: "Score cell holds an Excel error" },
  SCORE_OUT_OF_RANGE: { id: "Nilai di luar 0-2", en: "Score outside 0-2" },
  SCORE_TEXT: { id: "Nilai ditulis sebagai teks", en: "Score written as text" },
  SCORE_OFF_RUBRIC: { id: "Nilai di luar langkah rubrik", en: "Score between rubric steps" },
  IBANGGA_MISSING: { id: "Nilai iBangga kosong", en: "iBangga value missing" },
  IBANGGA_NOT_NUMBER: { id: "Nilai iBangga bukan angka", en: "iBangga value not a number" },
  IBANGGA_CELL_ERROR: {
    id: "Sel iBangga berisi galat Excel",
    en: "iBangga cell holds an Excel error",
  },
  IBANGGA_OUT_OF_RANGE: { id: "Nilai iBangga di luar 0-100", en: "iBangga value outside 0-100" },
  MERGE_FILLED: {
    id: "Sel gabungan dipakai untuk tiap baris",
    en: "Merged cells count in each row",
  },
  IBANGGA_FRACTION: {
    id: "Nilai iBangga 0-1: persen sebagai pecahan?",
    en: "iBangga value 0-1: a percentage as a fraction?",
  },
  IBANGGA_TEXT: { id: "Nilai iBangga ditulis sebagai teks", en: "iBangga value written as text" },
  KAMPUNG_MISSING: { id: "Nama kampung kosong", en: "Kampung name missing" },
  KAMPUNG_CELL_ERROR: {
    id: "Sel nama kampung berisi galat Excel",
    en: "Kampung name cell holds an Excel error",
  },
  IDENTITY_CELL_ERROR: {
    id: "Sel wilayah, status, tanggal atau periode berisi galat Excel",
    en: "Region, status, date or round cell holds an Excel error",
  },
  KAMPUNG_DUPLICATE: { id: "Kampung tercatat dua kali", en: "Kampung listed twice" },
  PERIODE_UNREADABLE: { id: "Periode tidak terbaca", en: "Round unreadable" },
  PERIODE_MISSING: { id: "Periode kosong", en: "Round missing" },
  PERIODE_FROM_DATE: {
    id: "Periode kosong, dibaca dari tanggal",
    en: "Round missing, read from the date",
  },
  PERIODE_DATES: { id: "Periode ditulis sebagai tanggal", en: "Rounds written as dates" },
  PERIODE_DATE_CONFLICT: {
    id: "Tanggal di luar periodenya",
    en: "Date outside its round",
  },
  ROUND_NESTED: { id: "Periode di dalam periode lain", en: "Round within another round" },
  ROUND_CURRENT_SMALL: { id: "Periode terakhir kecil", en: "Latest round small" },
  HEADER_NOT_FOUND: { id: "Baris judul kolom tidak ditemukan", en: "Header row not found" },
  COLUMN_MISSING: { id: "Kolom tidak ada", en: "Column missing" },
  KAMPUNG_COLUMN_MISSING: { id: "Kolom Kampung tidak ada", en: "Kampung column missing" },
  COLUMN_DUPLICATE: { id: "Kolom tercatat dua kali", en: "Column listed twice" },
  HEADER_INCOMPLETE: { id: "Judul kolom tidak lengkap", en: "Header incomplete" },
  TABLE_TOTALS_SKIPPED: { id: "Baris total tabel dilewati", en: "Table total row skipped" },
  SUMMARY_ROW_SKIPPED: {
    id: "Baris jumlah/rata-rata dilewati",
    en: "Total or mean row skipped",
  },
  ROWS_HIDDEN: { id: "Baris tersembunyi ikut dihitung", en: "Hidden rows counted" },
  ROWS_HIDDEN_SKIPPED: { id: "Baris tersembunyi dilewati", en: "Hidden rows left out" },
  FORMULA_NOT_CALCULATED: { id: "Rumus belum dihitung", en: "Formula not calculated" },
  STATUS_UNKNOWN: { id: "Status tidak dikenali", en: "Status not recognised" },
  DATE_INVALID: { id: "Tanggal tidak sah", en: "Date invalid" },
  DATE_TEXT: { id: "Tanggal ditulis sebagai teks", en: "Date written as text" },
  DATE_WEEKDAY: { id: "Hari tidak sesuai tanggal", en: "Weekday does not match the date" },
  DATE_MONTH_FIRST: { id: "Tanggal dibaca bulan dulu", en: "Dates read month first" },
  DATE_ORDER_CONFLICT: {
    id: "Urutan tanggal bertentangan",
    en: "Date order contradicts the column",
  },
  NO_ROWS: { id: "Tidak ada baris kampung", en: "No kampung rows" },
  SHEET_NOT_FOUND: { id: "Lembar tidak ditemukan", en: "Sheet not found" },
  SHEET_HIDDEN: { id: "Lembar tersembunyi", en: "Sheet hidden" },
  SHEET_ROUND_MISSING: { id: "Periode lembar tidak diketahui", en: "Sheet's round unknown" },
  SHEET_OTHER_INPUTS: {
    id: "Lembar data lain tidak dibaca",
    en: "Other data sheets not read",
  },
  STATUS_INCONSISTENT: { id: "Skor tidak sesuai status", en: "Scores do not match the status" },
  EVIDENCE_NONE: { id: "Tidak ada bukti", en: "No evidence given" },
  EVIDENCE_MISSING: { id: "Sub-indikator tanpa bukti", en: "Sub-indicators without evidence" },
  EVIDENCE_STALE: { id: "Bukti lebih dari 3 bulan", en: "Evidence older than 3 months" },
  EVIDENCE_AFTER: { id: "Bukti sesudah penilaian", en: "Evidence after the assessment" },
  EVIDENCE_NO_SOURCE: { id: "Bukti tanpa sumber", en: "Evidence without a source" },
  EVIDENCE_NO_DATE: { id: "Bukti tanpa tanggal", en: "Evidence without a date" },
  EVIDENCE_KAMPUNG_UNKNOWN: {
    id: "Bukti untuk kampung yang tidak ada",
    en: "Evidence for an unknown kampung",
  },
  EVIDENCE_FIELD_UNKNOWN: {
    id: "Sub-indikator bukti tidak dikenali",
    en: "Evidence sub-indicator not recognised",
  },
  EVIDENCE_DATES_UNCHECKED: {
    id: "Tanggal bukti tidak diperiksa",
    en: "Evidence dates not checked",
  },
  MERGE_OVERLAP: { id: "Sel gabungan bertumpuk", en: "Merged cells overlap" },
  TEXT_LONE_SURROGATE: { id: "Karakter tidak sah dalam teks", en: "Invalid character in text" },
  TEXT_CESU8: { id: "CSV ditulis sebagai CESU-8", en: "CSV written as CESU-8" },
  NOTES_BELOW_TABLE: {
    id: "Catatan di bawah tabel dilewati",
    en: "Note under the table left out",
  },
};

export interface IssueKindCount {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly count: number;
}

/**
 * How many issues of each code, errors first, then the most frequent first (ties in the order
 * found). Shape: one entry per code present.
 */
export function issueKindCounts(issues: readonly Issue[]): IssueKindCount[] {
  const counts = new Map<string, { code: IssueCode; severity: Severity; count: number }>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { code: issue.code, severity: issue.severity, count: 1 });
  }
  const rank = (s: Severity) => (s === "error" ? 0 : 1);
  return [...counts.values()].sort(
    (a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count
  );
}

/** A code's kind in words, in the language. */
export function issueKindTitle(code: IssueCode, lang: Lang): string {
  return ISSUE_KINDS[code][lang];
}
