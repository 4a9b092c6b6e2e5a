/** Texts of the sheets KKB writes, in Indonesian and English. */
import { Bilingual, Lang } from "../engine/framework";

export const SHEET_NAMES = {
  ringkasan: "KKB Ringkasan",
  domain: "KKB Domain",
  ibangga: "KKB iBangga",
  wilayah: "KKB Wilayah",
  validasi: "KKB Validasi",
  input: "KKB Input",
  bukti: "KKB Bukti",
  ketidakpastian: "KKB Ketidakpastian",
} as const;

const L = {
  no: { id: "No", en: "No" },
  kampung: { id: "Kampung", en: "Kampung" },
  desa: { id: "Desa/Kelurahan", en: "Village/Ward" },
  kecamatan: { id: "Kecamatan", en: "Subdistrict" },
  kabupaten: { id: "Kabupaten/Kota", en: "Regency/City" },
  provinsi: { id: "Provinsi", en: "Province" },
  status: { id: "Status", en: "Status" },
  tanggal: { id: "Tanggal penilaian", en: "Assessment date" },
  composite: { id: "Komposit", en: "Composite" },
  domainScore: { id: "Skor domain", en: "Domain score" },
  rank: { id: "Peringkat", en: "Rank" },
  row: { id: "Baris", en: "Row" },
  severity: { id: "Tingkat", en: "Severity" },
  sheet: { id: "Lembar", en: "Sheet" },
  cell: { id: "Sel", en: "Cell" },
  field: { id: "Kolom", en: "Field" },
  code: { id: "Kode", en: "Code" },
  message: { id: "Pesan", en: "Message" },
  error: { id: "Galat", en: "Error" },
  warning: { id: "Peringatan", en: "Warning" },
  setara: { id: "iBangga setara", en: "iBangga equal" },
  kemandirianSentral: { id: "iBangga kemandirian-sentral", en: "iBangga self-reliance-centred" },
  custom: { id: "iBangga bobot sendiri", en: "iBangga own weights" },
  band: { id: "Kategori", en: "Band" },
  titleRingkasan: { id: "Ringkasan konvergensi Kampung KB", en: "Kampung KB convergence summary" },
  titleDomain: { id: "Skor sub-indikator dan domain", en: "Sub-indicator and domain scores" },
  titleIbangga: {
    id: "iBangga: dimensi, komposit, dan kategori",
    en: "iBangga: dimensions, composites and bands",
  },
  titleValidasi: { id: "Hasil pemeriksaan data", en: "Data check results" },
  noIssues: { id: "Tidak ada galat atau peringatan.", en: "No errors or warnings." },
  weakest: { id: "Domain terlemah", en: "Weakest domain" },
  nextStep: { id: "Langkah berikutnya", en: "Next step" },
  evidence: { id: "Cakupan bukti", en: "Evidence coverage" },
  count: { id: "Jumlah", en: "Count" },
  rankSetara: { id: "Peringkat setara", en: "Rank, equal" },
  rankSentral: { id: "Peringkat kemandirian-sentral", en: "Rank, self-reliance-centred" },
  rankCustom: { id: "Peringkat bobot sendiri", en: "Rank, own weights" },
  shift: { id: "Pergeseran peringkat", en: "Rank shift" },
  shiftCustom: { id: "Pergeseran (bobot sendiri)", en: "Shift (own weights)" },
  titleGroups: { id: "Rata-rata menurut status", en: "Means by status" },
  spread: { id: "Selisih", en: "Difference" },
  titleWilayah: { id: "Rata-rata menurut wilayah", en: "Means by region" },
  titleProvinsi: { id: "Menurut provinsi", en: "By province" },
  titleKabupaten: { id: "Menurut kabupaten/kota", en: "By regency/city" },
  titleKecamatan: { id: "Menurut kecamatan", en: "By subdistrict" },
  chartDomains: { id: "Profil lima domain", en: "Five-domain profile" },
  chartGroups: { id: "Profil domain menurut status", en: "Domain profile by status" },
  chartIbangga: { id: "Dimensi iBangga", en: "iBangga dimensions" },
  chartIbanggaGroups: { id: "iBangga menurut status", en: "iBangga by status" },
  blankRegion: { id: "(kosong)", en: "(blank)" },
  titleKetidakpastian: {
    id: "Ketidakpastian peringkat dan asosiasi dengan iBangga",
    en: "Rank uncertainty and association with iBangga",
  },
} satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof L;

export function label(key: LabelKey, lang: Lang): string {
  return L[key][lang];
}
