/**
 * `KKB Petunjuk`, the template's instructions: how to fill `KKB Input` and `KKB Bukti`, the
 * rubric, one example row written down (the study's Sumurboto), and the list of sub-indicator
 * names the evidence sheet's dropdown offers. Each row holds one label at most, so the reader
 * never takes this sheet for data. Pure.
 */
import { DIMENSIONS, Lang, RUBRIC, SUB_INDICATORS } from "../engine/framework";
import { IDENTITY_KEYS } from "./headers";
import { subIndicatorLabel } from "./input";
import { label, SHEET_NAMES } from "./labels";
import { Block, FORMATS, SheetSpec, SpecValue, TableBlock } from "./sheet-spec";

/** The study's Sumurboto (Kota Semarang), as one template row would hold it. */
const EXAMPLE: Readonly<Record<string, SpecValue>> = {
  kampung: "Sumurboto",
  desa: "Kelurahan Sumurboto",
  kecamatan: "Banyumanik",
  kabupaten: "Kota Semarang",
  provinsi: "Jawa Tengah",
  status: "berkelanjutan",
  tanggal: "2024-05-31",
  periode: "2024-T2",
};
const EXAMPLE_SUBS = [2, 2, 2, 1, 1, 1, 2, 1.5, 0.7, 1.5, 1, 1.5, 2, 1.5, 1.5];
const EXAMPLE_DIMENSIONS = [97.8, 91.1, 88.3];

const NOTES: Readonly<Record<Lang, readonly string[]>> = {
  id: [
    `Isi satu baris per kampung di lembar ${SHEET_NAMES.input}, mulai baris 2. Kolom Kampung wajib; wilayah, status, tanggal penilaian dan periode membantu pembandingan.`,
    "Skor tiap sub-indikator 0 sampai 2 menurut rubrik di bawah; 0,5 juga sah. Nilai rata-rata butir (mis. 0,7 atau 1,3) diterima dengan peringatan. Sel kosong berarti belum dinilai: skor domainnya tidak dihitung.",
    "iBangga: nilai tiap dimensi 0 sampai 100.",
    "Periode (mis. 2025, 2024-T1, 2024 Semester 2): baris kampung yang sama pada periode berbeda menjadi riwayatnya, dibandingkan di lembar KKB Tren.",
    `Bukti di lembar ${SHEET_NAMES.bukti}: satu baris per dokumen, dengan kampung dan sub-indikator (pilih dari daftar), tanggal (paling lama 3 bulan sebelum tanggal penilaian), sumber, dan kutipan/halaman.`,
  ],
  en: [
    `Fill one row per kampung on the ${SHEET_NAMES.input} sheet, from row 2. Kampung is required; region, status, assessment date and round help comparisons.`,
    "Score each sub-indicator 0 to 2 by the rubric below; 0.5 is valid too. A mean of items (e.g. 0.7 or 1.3) is accepted with a warning. A blank cell means not assessed: its domain score is not computed.",
    "iBangga: each dimension's value, 0 to 100.",
    "Round (e.g. 2025, 2024-T1, 2024 Semester 2): rows of the same kampung in different rounds are its history, compared on the KKB Tren sheet.",
    `Evidence on the ${SHEET_NAMES.bukti} sheet: one row per document, with the kampung and the sub-indicator (choose from the list), the date (at most 3 months before the assessment date), the source and the quote/page.`,
  ],
};

function table(
  name: string,
  row: number,
  header: string[],
  rows: SpecValue[][],
  formats: (string | null)[]
): TableBlock {
  return {
    kind: "table",
    name,
    row,
    col: 0,
    header,
    rows,
    formats,
    asExcelTable: false,
    colorScales: [],
    wrap: [1],
  };
}

/** Where the sub-indicator names stand on the sheet (for the evidence sheet's dropdown). */
export interface PetunjukSheet {
  readonly spec: SheetSpec;
  /** 0-based first row and count of the sub-indicator names, in column A. */
  readonly subIndicators: { readonly row: number; readonly rows: number };
}

export function petunjukSheet(lang: Lang): PetunjukSheet {
  const id = lang === "id";
  const blocks: Block[] = [
    {
      kind: "title",
      row: 0,
      col: 0,
      text: id ? "Petunjuk pengisian templat KKB" : "How to fill the KKB template",
    },
    { kind: "notes", row: 1, col: 0, lines: NOTES[lang] },
  ];
  let row = 1 + NOTES[lang].length + 1;
  const rubric = table(
    "KKB_Rubrik",
    row,
    [id ? "Nilai" : "Value", id ? "Arti (rubrik)" : "Meaning (rubric)"],
    RUBRIC.map((r) => [r.value, r.meaning[lang]]),
    [FORMATS.score, FORMATS.text]
  );
  blocks.push(rubric);
  row += RUBRIC.length + 2;
  const example: SpecValue[][] = [
    ...IDENTITY_KEYS.map((k): SpecValue[] => [label(k, lang), EXAMPLE[k] ?? null]),
    ...SUB_INDICATORS.map((s, i): SpecValue[] => [
      subIndicatorLabel(s.index, lang),
      EXAMPLE_SUBS[i],
    ]),
    ...DIMENSIONS.map((d, i): SpecValue[] => [`iBangga ${d.label[lang]}`, EXAMPLE_DIMENSIONS[i]]),
  ];
  blocks.push(
    table(
      "KKB_Contoh",
      row,
      [
        id ? "Kolom (contoh satu baris: Sumurboto)" : "Column (one row, for example: Sumurboto)",
        id ? "Isi" : "Value",
      ],
      example,
      [FORMATS.text, null]
    )
  );
  row += example.length + 2;
  const names = SUB_INDICATORS.map((s): SpecValue[] => [subIndicatorLabel(s.index, lang)]);
  blocks.push(
    table(
      "KKB_SubIndikator",
      row,
      [
        id
          ? `Sub-indikator (daftar di ${SHEET_NAMES.bukti})`
          : `Sub-indicator (the list on ${SHEET_NAMES.bukti})`,
      ],
      names,
      [FORMATS.text]
    )
  );
  return {
    spec: {
      name: SHEET_NAMES.petunjuk,
      role: "petunjuk",
      columnWidths: [46, 70],
      blocks,
      charts: [],
      validations: [],
    },
    subIndicators: { row: row + 1, rows: names.length },
  };
}
