/**
 * Results to sheet specs: the summary sheets KKB writes (`KKB Ringkasan`, `KKB Domain`,
 * `KKB iBangga`, `KKB Validasi`), each with the stamp. Pure: no Excel, no files.
 */
import { KampungResult, Results, scoreAll } from "../engine/assessment";
import { DIMENSIONS, DOMAINS, Lang, METHOD_VERSION } from "../engine/framework";
import { normalisedWeights, Weights } from "../engine/ibangga";
import { Issue } from "../engine/issues";
import { excelRound } from "../engine/decimal";
import { sheetAddress } from "./a1";
import { InputRead } from "./input";
import { label, SHEET_NAMES } from "./labels";
import { Block, FORMATS, SheetSpec, SpecValue, TableBlock } from "./sheet-spec";

export interface SummaryOptions {
  readonly lang: Lang;
  readonly weights: Weights;
  /** Where the input came from: a file name or a workbook. */
  readonly source: string;
  readonly now: Date;
}

export interface Summary {
  readonly results: Results;
  readonly sheets: SheetSpec[];
}

/** First data row of every summary table sits under the title, the stamp and a blank row. */
const STAMP_LINES = 5;
const TABLE_ROW = 1 + STAMP_LINES + 1;

export function buildSummary(read: InputRead, options: SummaryOptions): Summary {
  const results = scoreAll(read.assessments, options.weights, read.issues);
  const stamp = stampLines(read, results, options);
  const sheets = [
    ringkasanSheet(results, stamp, options.lang),
    domainSheet(results, stamp, options.lang),
    ...(read.hasIbangga ? [ibanggaSheet(results, stamp, options)] : []),
    validasiSheet(read.issues, stamp, options.lang),
  ];
  return { results, sheets };
}

/** A number as text in the UI language's decimal mark (stamp lines are text, not cells). */
export function decimalText(value: number, lang: Lang): string {
  const text = String(value);
  return lang === "id" ? text.replace(".", ",") : text;
}

export function weightsText(weights: Weights, lang: Lang): string {
  const shares = normalisedWeights(weights)
    .map((w) => decimalText(excelRound(w * 100, 1), lang))
    .join(" / ");
  const name =
    weights.name === "custom" ? (lang === "id" ? "bobot sendiri" : "own weights") : weights.name;
  return `${name} (${shares} %)`;
}

function stampLines(read: InputRead, results: Results, options: SummaryOptions): string[] {
  const { lang } = options;
  const errors = results.issues.filter((i) => i.severity === "error").length;
  const warnings = results.issues.length - errors;
  const time = formatTime(options.now);
  const source = read.sourceRange ? `${options.source}, ${read.sourceRange}` : options.source;
  return lang === "id"
    ? [
        `Metode: ${METHOD_VERSION}`,
        `Bobot iBangga: ${weightsText(options.weights, lang)}`,
        `Sumber: ${source}`,
        `Dibuat: ${time}`,
        `Jumlah: ${results.kampung.length} kampung, ${errors} galat, ${warnings} peringatan`,
      ]
    : [
        `Method: ${METHOD_VERSION}`,
        `iBangga weights: ${weightsText(options.weights, lang)}`,
        `Source: ${source}`,
        `Written: ${time}`,
        `Counts: ${results.kampung.length} kampung, ${errors} errors, ${warnings} warnings`,
      ];
}

function formatTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function header(title: string, stamp: readonly string[]): Block[] {
  return [
    { kind: "title", row: 0, col: 0, text: title },
    { kind: "notes", row: 1, col: 0, lines: stamp },
  ];
}

function table(
  name: string,
  row: number,
  headerRow: string[],
  rows: SpecValue[][],
  formats: (string | null)[],
  scoreColumns: number[] = [],
  max = 2
): TableBlock {
  return {
    kind: "table",
    name,
    row,
    col: 0,
    header: headerRow,
    rows,
    formats,
    asExcelTable: true,
    colorScales: scoreColumns.length ? [{ columns: scoreColumns, min: 0, max }] : [],
  };
}

function identityCells(k: KampungResult): SpecValue[] {
  return [k.name, k.region.desa, k.region.kabupaten, k.status];
}

const identityFormats = [FORMATS.text, FORMATS.text, FORMATS.text, FORMATS.text];

function identityHeader(lang: Lang): string[] {
  return [
    label("kampung", lang),
    label("desa", lang),
    label("kabupaten", lang),
    label("status", lang),
  ];
}

function ringkasanSheet(results: Results, stamp: readonly string[], lang: Lang): SheetSpec {
  const domainHeads = DOMAINS.map((d) => d.short[lang]);
  const headerRow = [
    label("no", lang),
    ...identityHeader(lang),
    ...domainHeads,
    label("composite", lang),
  ];
  const rows = results.kampung.map((k, i) => [
    i + 1,
    ...identityCells(k),
    ...DOMAINS.map((d) => k.domains[d.key]),
    k.composite,
  ]);
  const formats = [
    FORMATS.integer,
    ...identityFormats,
    ...DOMAINS.map(() => FORMATS.score),
    FORMATS.composite,
  ];
  const firstDomain = 5;
  const main = table("KKB_Ringkasan", TABLE_ROW, headerRow, rows, formats, [
    ...DOMAINS.map((_, d) => firstDomain + d),
    firstDomain + DOMAINS.length,
  ]);
  return {
    name: SHEET_NAMES.ringkasan,
    role: "ringkasan",
    columnWidths: [5, 24, 24, 22, 14, ...DOMAINS.map(() => 13), 11],
    freeze: { rows: TABLE_ROW + 1, columns: 2 },
    blocks: [...header(label("titleRingkasan", lang), stamp), main],
    charts: [],
    validations: [],
  };
}

function domainSheet(results: Results, stamp: readonly string[], lang: Lang): SheetSpec {
  const headerRow = [label("kampung", lang)];
  const formats: (string | null)[] = [FORMATS.text];
  const scoreCols: number[] = [];
  for (const d of DOMAINS) {
    for (const s of d.subIndicators) {
      headerRow.push(`${d.short[lang]}: ${s.label[lang]}`);
      formats.push(FORMATS.score);
      scoreCols.push(headerRow.length - 1);
    }
    headerRow.push(`${d.short[lang]}: ${label("domainScore", lang)}`);
    formats.push(FORMATS.score);
    scoreCols.push(headerRow.length - 1);
  }
  const rows = results.kampung.map((k) => {
    const cells: SpecValue[] = [k.name];
    for (const d of DOMAINS) {
      for (const s of d.subIndicators) cells.push(k.subscores[d.key][s.key]);
      cells.push(k.domains[d.key]);
    }
    return cells;
  });
  return {
    name: SHEET_NAMES.domain,
    role: "domain",
    columnWidths: [24, ...headerRow.slice(1).map(() => 14)],
    freeze: { rows: TABLE_ROW + 1, columns: 1 },
    blocks: [
      ...header(label("titleDomain", lang), stamp),
      table("KKB_Domain", TABLE_ROW, headerRow, rows, formats, scoreCols),
    ],
    charts: [],
    validations: [],
  };
}

function ibanggaSheet(
  results: Results,
  stamp: readonly string[],
  options: SummaryOptions
): SheetSpec {
  const { lang } = options;
  const custom = options.weights.name === "custom";
  const headerRow = [
    ...identityHeader(lang),
    ...DIMENSIONS.map((d) => d.label[lang]),
    label("setara", lang),
    label("kemandirianSentral", lang),
    ...(custom ? [label("custom", lang)] : []),
    label("band", lang),
  ];
  const rows = results.kampung.map((k) => {
    const ib = k.ibangga;
    return [
      ...identityCells(k),
      ib?.ketenteraman ?? null,
      ib?.kemandirian ?? null,
      ib?.kebahagiaan ?? null,
      ib?.setara ?? null,
      ib?.kemandirianSentral ?? null,
      ...(custom ? [ib?.custom ?? null] : []),
      ib?.band ?? null,
    ];
  });
  const numberCols = 3 + 2 + (custom ? 1 : 0);
  const formats = [...identityFormats, ...Array(numberCols).fill(FORMATS.ibangga), FORMATS.text];
  const scoreCols = Array.from({ length: numberCols }, (_, i) => 4 + i);
  return {
    name: SHEET_NAMES.ibangga,
    role: "ibangga",
    columnWidths: [24, 24, 22, 14, ...Array(numberCols).fill(14), 12],
    freeze: { rows: TABLE_ROW + 1, columns: 1 },
    blocks: [
      ...header(label("titleIbangga", lang), stamp),
      table("KKB_iBangga", TABLE_ROW, headerRow, rows, formats, scoreCols, 100),
    ],
    charts: [],
    validations: [],
  };
}

function validasiSheet(issues: readonly Issue[], stamp: readonly string[], lang: Lang): SheetSpec {
  const headerRow = ["severity", "sheet", "cell", "kampung", "field", "code", "message"].map((k) =>
    label(k as "severity", lang)
  );
  const rows = issues.map((i) => [
    label(i.severity, lang),
    i.sheet,
    i.cell,
    i.kampung,
    i.field,
    i.code,
    i.message,
  ]);
  const blocks: Block[] = [...header(label("titleValidasi", lang), stamp)];
  if (rows.length === 0) {
    blocks.push({ kind: "notes", row: TABLE_ROW, col: 0, lines: [label("noIssues", lang)] });
  } else {
    blocks.push({
      ...table(
        "KKB_Validasi",
        TABLE_ROW,
        headerRow,
        rows,
        headerRow.map(() => FORMATS.text)
      ),
      links: {
        column: 2,
        targets: issues.map((i) => (i.sheet && i.cell ? sheetAddress(i.sheet, i.cell) : null)),
      },
    });
  }
  return {
    name: SHEET_NAMES.validasi,
    role: "validasi",
    columnWidths: [12, 16, 8, 24, 26, 22, 90],
    freeze: { rows: TABLE_ROW + 1, columns: 0 },
    blocks,
    charts: [],
    validations: [],
  };
}
