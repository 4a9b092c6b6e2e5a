/**
 * The input template as sheet specs: `KKB Input` (one row per kampung) and `KKB Bukti`
 * (the audit notes). Headers come from the framework, so the reader always recognises them.
 */
import { DIMENSIONS, Lang, RUBRIC, STATUS_LEVELS, SUB_INDICATORS } from "../engine/framework";
import { IDENTITY_KEYS } from "./headers";
import { subIndicatorLabel } from "./input";
import { label, SHEET_NAMES } from "./labels";
import { petunjukSheet } from "./petunjuk";
import { FORMATS, SheetSpec, ValidationSpec } from "./sheet-spec";

/** Rows prepared with validation rules. */
export const TEMPLATE_ROWS = 1000;

const IDENTITY = IDENTITY_KEYS;

export function templateHeaders(lang: Lang): string[] {
  return [
    ...IDENTITY.map((k) => label(k, lang)),
    ...SUB_INDICATORS.map((s) => subIndicatorLabel(s.index, lang)),
    ...DIMENSIONS.map((d) => `iBangga ${d.label[lang]}`),
  ];
}

function rubricPrompt(lang: Lang): string {
  const steps = RUBRIC.map(
    (r) => `${String(r.value).replace(".", lang === "id" ? "," : ".")} = ${r.meaning[lang]}`
  ).join("; ");
  // 0.5 is a step of the rubric without a description of its own (METHOD.md, "Rubric").
  return `${steps}; ${lang === "id" ? "0,5 juga sah." : "0.5 is valid too."}`;
}

export function templateSheets(lang: Lang): SheetSpec[] {
  const headers = templateHeaders(lang);
  const firstScore = IDENTITY.length;
  const firstDimension = firstScore + SUB_INDICATORS.length;
  const statusCol = IDENTITY.indexOf("status");
  const dateCol = IDENTITY.indexOf("tanggal");
  const validations: ValidationSpec[] = [
    {
      row: 1,
      col: firstScore,
      rows: TEMPLATE_ROWS,
      cols: SUB_INDICATORS.length,
      rule: { type: "decimal", min: 0, max: 2 },
      prompt: {
        title: lang === "id" ? "Skor rubrik 0-2" : "Rubric score 0-2",
        text: rubricPrompt(lang),
      },
      error: {
        title: lang === "id" ? "Di luar skala" : "Out of scale",
        text: lang === "id" ? "Skor harus antara 0 dan 2." : "A score must be between 0 and 2.",
      },
      strict: true,
    },
    {
      row: 1,
      col: firstDimension,
      rows: TEMPLATE_ROWS,
      cols: DIMENSIONS.length,
      rule: { type: "decimal", min: 0, max: 100 },
      prompt: {
        title: "iBangga 0-100",
        text:
          lang === "id"
            ? "Nilai dimensi iBangga, 0 sampai 100 (persentase keluarga yang memenuhi). Ketik 97,8, bukan 97,8%."
            : "iBangga dimension value, 0 to 100 (share of families that meet it). Type 97.8, not 97.8%.",
      },
      error: {
        title: lang === "id" ? "Di luar skala" : "Out of scale",
        text:
          lang === "id" ? "Nilai harus antara 0 dan 100." : "The value must be between 0 and 100.",
      },
      strict: true,
    },
    {
      row: 1,
      col: statusCol,
      rows: TEMPLATE_ROWS,
      cols: 1,
      rule: { type: "list", values: STATUS_LEVELS.map((s) => s.key) },
      prompt: {
        title: label("status", lang),
        text:
          lang === "id"
            ? "Tingkat Kampung KB menurut BKKBN."
            : "The Kampung KB level set by BKKBN.",
      },
      error: {
        title: label("status", lang),
        text: STATUS_LEVELS.map((s) => s.key).join(", "),
      },
      strict: false,
    },
    {
      row: 1,
      col: dateCol,
      rows: TEMPLATE_ROWS,
      cols: 1,
      rule: { type: "date" },
      prompt: {
        title: label("tanggal", lang),
        text:
          lang === "id"
            ? "Tanggal penilaian, misalnya 2024-05-31."
            : "Assessment date, e.g. 2024-05-31.",
      },
      error: {
        title: label("tanggal", lang),
        text: lang === "id" ? "Isi tanggal yang sah." : "Enter a valid date.",
      },
      strict: false,
    },
  ];
  const formats = headers.map((_, c) =>
    c < firstScore
      ? c === dateCol
        ? FORMATS.date
        : FORMATS.text
      : c < firstDimension
        ? FORMATS.score
        : FORMATS.ibangga
  );
  const input: SheetSpec = {
    name: SHEET_NAMES.input,
    role: "input",
    columnWidths: headers.map((h, c) =>
      c < firstScore ? (c === statusCol ? 14 : 20) : Math.max(12, Math.min(h.length + 2, 28))
    ),
    freeze: { rows: 1, columns: 1 },
    blocks: [
      {
        kind: "table",
        name: "KKB_Input",
        row: 0,
        col: 0,
        header: headers,
        rows: [],
        formats,
        asExcelTable: false,
        colorScales: [],
      },
    ],
    charts: [],
    validations,
    print: { repeatRows: { first: 0, last: 0 } },
  };
  const petunjuk = petunjukSheet(lang);
  const buktiHeaders =
    lang === "id"
      ? ["Kampung", "Sub-indikator", "Tanggal", "Sumber", "Kutipan/Halaman"]
      : ["Kampung", "Sub-indicator", "Date", "Source", "Quote/Page"];
  const bukti: SheetSpec = {
    name: SHEET_NAMES.bukti,
    role: "bukti",
    columnWidths: [24, 32, 14, 32, 40],
    freeze: { rows: 1, columns: 0 },
    blocks: [
      {
        kind: "table",
        name: "KKB_Bukti",
        row: 0,
        col: 0,
        header: buktiHeaders,
        rows: [],
        formats: [FORMATS.text, FORMATS.text, FORMATS.date, FORMATS.text, FORMATS.text],
        asExcelTable: false,
        colorScales: [],
      },
    ],
    charts: [],
    validations: [
      {
        row: 1,
        col: 0,
        rows: TEMPLATE_ROWS,
        cols: 1,
        rule: { type: "listRange", sheet: SHEET_NAMES.input, row: 1, col: 0, rows: TEMPLATE_ROWS },
        prompt: {
          title: buktiHeaders[0],
          text:
            lang === "id"
              ? `Pilih kampung dari lembar ${SHEET_NAMES.input} (atau ketik namanya).`
              : `Choose a kampung of the ${SHEET_NAMES.input} sheet (or type its name).`,
        },
        error: {
          title: buktiHeaders[0],
          text:
            lang === "id"
              ? `Nama ini tidak ada di lembar ${SHEET_NAMES.input}.`
              : `This name is not on the ${SHEET_NAMES.input} sheet.`,
        },
        strict: false,
      },
      {
        row: 1,
        col: 1,
        rows: TEMPLATE_ROWS,
        cols: 1,
        rule: {
          type: "listRange",
          sheet: SHEET_NAMES.petunjuk,
          row: petunjuk.subIndicators.row,
          col: 0,
          rows: petunjuk.subIndicators.rows,
        },
        prompt: {
          title: buktiHeaders[1],
          text:
            lang === "id"
              ? "Pilih sub-indikator dari daftar (daftarnya di lembar KKB Petunjuk)."
              : "Choose the sub-indicator from the list (listed on the KKB Petunjuk sheet).",
        },
        error: {
          title: buktiHeaders[1],
          text:
            lang === "id"
              ? "Sub-indikator ini tidak ada di daftar; KKB mungkin tidak mengenalinya."
              : "This sub-indicator is not in the list; KKB may not recognise it.",
        },
        strict: false,
      },
      {
        row: 1,
        col: 2,
        rows: TEMPLATE_ROWS,
        cols: 1,
        rule: { type: "date" },
        prompt: {
          title: buktiHeaders[2],
          text:
            lang === "id"
              ? "Tanggal bukti: paling lama 3 bulan sebelum tanggal penilaian."
              : "Evidence date: at most 3 months before the assessment date.",
        },
        error: {
          title: buktiHeaders[2],
          text: lang === "id" ? "Isi tanggal yang sah." : "Enter a valid date.",
        },
        strict: false,
      },
    ],
    print: { repeatRows: { first: 0, last: 0 } },
  };
  // The instructions before the evidence sheet: its sub-indicator dropdown lists their names
  // (Excel takes a list from a sheet that exists).
  return [input, petunjuk.spec, bukti];
}
