/**
 * Results to sheet specs: the summary sheets KKB writes (`KKB Ringkasan`, `KKB Domain`,
 * `KKB iBangga`, `KKB Wilayah`, `KKB Validasi`), each with the stamp. Pure: no Excel, no files.
 */
import {
  AnalysisResult,
  buildAnalysis,
  GroupStats,
  RegionGroup,
  WeakestDomains,
} from "../engine/analysis";
import { KampungResult, Results, scoreAll } from "../engine/assessment";
import { excelRound } from "../engine/decimal";
import {
  BandKey,
  DIMENSIONS,
  DomainKey,
  DOMAINS,
  IBANGGA_BANDS,
  IBANGGA_NATIONAL_REFERENCE,
  Lang,
  METHOD_VERSION,
  STATUS_LEVELS,
} from "../engine/framework";
import { normalisedWeights, Weights } from "../engine/ibangga";
import { Association, associationWithIbangga, ibanggaValue } from "../engine/association";
import {
  rankUncertainty,
  UncertaintyOptions,
  UncertaintyResult,
  UncertaintyRunner,
} from "../engine/uncertainty";
import { uncertaintySheet } from "./uncertainty-sheet";
import { issueKindCounts, issueKindTitle } from "../engine/issue-kinds";
import { Issue } from "../engine/issues";
import { buildTrend, Change, mostChanged, Trend } from "../engine/trend";
import { latestDated } from "../engine/rounds";
import { sheetAddress } from "./a1";
import { currentRound, roundRead } from "./round-read";
import { CutSheet, fitSheetsToGrid } from "./sheet-rows";
import { trendSheet } from "./trend-sheet";
import { fieldAddress, InputRead } from "./input";
import { fieldLabel } from "./field-label";
import { label, LabelKey, SHEET_NAMES } from "./labels";
import { escapeControls } from "./control-text";
import {
  rankLevelsShown,
  regionRankCells,
  regionRankHeaders,
  regionRanksTable,
} from "./region-ranks-table";
import {
  MAX_PROFIL_CHOICES,
  profilCetakSheet,
  ProfilSelectionError,
  profilSheet,
  selectProfil,
} from "./profil";
import { Grid } from "./grid";
import {
  Block,
  ChartSpec,
  FORMATS,
  fitScale,
  LINE_HEIGHT,
  NotesBlock,
  linesHeight,
  MIN_FIT_SCALE,
  pageRowsHeight,
  SheetRole,
  SheetSpec,
  SpecValue,
  TableBlock,
  wrappedLines,
  LINE_MARGIN,
  LEGEND_BELOW_MAX,
  SpecRows,
  madeRows,
  tableHeight,
} from "./sheet-spec";
import { withRepeatedHeaders } from "./print-headers";
import { withNumberWidths } from "./number-widths";
import { WIDEST_CHAR } from "./text-width";
import { countText, issueCountsText } from "./counts";

export interface SummaryOptions {
  readonly lang: Lang;
  readonly weights: Weights;
  /** Where the input came from: a file name or a workbook. */
  readonly source: string;
  readonly now: Date;
  /** The round to summarise (its label or key); the latest when not given. */
  readonly periode?: string;
  /**
   * Issue 15: also write `KKB Profil Cetak` (one printed page per kampung) for the kampung of
   * this region (null: all); more than MAX_PROFIL_PRINT throws ProfilSelectionError.
   */
  readonly profil?: { readonly region: string | null };
  /**
   * Whether to run the rank uncertainty and the association with iBangga (`KKB
   * Ketidakpastian`): by default for files of at most UNCERTAINTY_AUTO_MAX_KAMPUNG kampung
   * (the national workbook takes some 15 s more), always with true, never with false.
   */
  readonly ketidakpastian?: boolean;
  /** Monte Carlo settings of `KKB Ketidakpastian` (runs, seed, ...); defaults when absent. */
  readonly uncertainty?: Partial<UncertaintyOptions>;
  /** How its runs are computed (the CLI: on two threads); in this thread when absent. */
  readonly uncertaintyRunner?: UncertaintyRunner;
}

export interface Summary {
  readonly results: Results;
  readonly analysis: AnalysisResult;
  readonly sheets: SheetSpec[];
  /** The rounds and each kampung's history; null for a file of one round. */
  readonly trend: Trend | null;
  /** Sheets cut at Excel's last row (their whole detail is in the JSON); usually none. */
  readonly cut: readonly CutSheet[];
  /** Rank intervals and sensitivity (`KKB Ketidakpastian`). */
  readonly uncertainty?: UncertaintyResult;
  /** What goes with iBangga (`KKB Ketidakpastian`). */
  readonly association?: Association;
}

/** Radar per kampung up to this many kampung; beyond it, of the status-group means. */
export const MAX_KAMPUNG_CHARTED = 12;
/** Above this many kampung, KKB Ketidakpastian is written only when asked for (--ketidakpastian). */
export const UNCERTAINTY_AUTO_MAX_KAMPUNG = 10_000;
/** Content starts under the title, the five stamp lines and a blank row. */
export const CONTENT_ROW = 7;
/** Charts stand under the table they explain, from column B, about 460 px by 280 px. */
export const CHART_SIZE = { rows: 14, cols: 5 };
export const CHART_COL = 1;
/** The radar of 5 to 12 kampung, its legend at its right (charts.ts). */
export const LARGE_RADAR_SIZE = { rows: 22, cols: 7 };

/** Scores and analysis of what the reader found; all issues (reader's and analysis') together. */
export function analyseRead(
  read: InputRead,
  weights: Weights,
  lang: Lang
): { results: Results; analysis: AnalysisResult } {
  const scored = scoreAll(read.assessments, weights, read.issues);
  const analysis = buildAnalysis(scored, read.assessments, read.evidence, {
    lang,
    sheet: read.sheet,
    cellOf: (row, field) => fieldAddress(read, row, field),
    evidenceCellOf: read.evidenceCellOf,
  });
  // Errors first, then warnings, each in the order found: the CLI, the pane, KKB Validasi and
  // the JSON all list them so (no spread: lists can be huge).
  const issues: Issue[] = [];
  for (const severity of ["error", "warning"] as const) {
    for (const issue of read.issues) if (issue.severity === severity) issues.push(issue);
    for (const issue of analysis.issues) if (issue.severity === severity) issues.push(issue);
  }
  return { results: { ...scored, issues }, analysis };
}

/**
 * Scores and analysis of the current round (the one named, or the latest; the whole read
 * without rounds), as the summary computes them. Throws PeriodeNotFoundError as buildSummary.
 */
export function analyseCurrent(
  read: InputRead,
  weights: Weights,
  lang: Lang,
  periode?: string
): { results: Results; analysis: AnalysisResult } {
  const current = currentRound(read.rounds, periode);
  return analyseRead(current === null ? read : roundRead(read, current), weights, lang);
}

/**
 * The summary sheets of a read. With several rounds, the summary is that of the current round
 * (the latest, or `options.periode`), computed on its rows alone, plus `KKB Tren`. Throws
 * PeriodeNotFoundError when `options.periode` names no round of the file.
 */
export function buildSummary(read: InputRead, options: SummaryOptions): Summary {
  const current = currentRound(read.rounds, options.periode);
  const rounds = read.rounds;
  const { results, analysis } = analyseRead(
    current === null ? read : roundRead(read, current),
    options.weights,
    options.lang
  );
  const trend =
    rounds && current !== null && rounds.list.length > 1
      ? buildTrend(read.assessments, rounds, current, options.weights, results.kampung, analysis)
      : null;
  const stamp = stampLines(read, results, options, current);
  const { lang } = options;
  const hasRegions =
    analysis.regions.provinsi.length +
      analysis.regions.kabupaten.length +
      analysis.regions.kecamatan.length >
    0;
  const sheets = [
    ringkasanSheet(results, analysis, stamp, lang, trend),
    domainSheet(results, stamp, lang),
    ...(read.hasIbangga ? [ibanggaSheet(results, analysis, stamp, options)] : []),
    ...(hasRegions ? [wilayahSheet(analysis, stamp, lang, read.hasIbangga, results)] : []),
    ...(trend && rounds
      ? [
          trendSheet(trend, stamp, {
            lang,
            withIbangga: read.hasIbangga,
            weightsName: options.weights.name,
            source: rounds.source,
          }),
        ]
      : []),
    validasiSheet(results.issues, stamp, lang),
    ...profilSheets(
      results,
      analysis,
      stamp,
      options,
      trend ? currentChanges(results, trend) : null
    ),
  ];
  // Issue 16: KKB Ketidakpastian before KKB Validasi; on a large file only when asked for.
  const wanted = options.ketidakpastian ?? results.kampung.length <= UNCERTAINTY_AUTO_MAX_KAMPUNG;
  const uncertain = wanted ? uncertaintyPart(results, stamp, options) : null;
  if (uncertain) {
    sheets.splice(
      sheets.findIndex((s) => s.role === "validasi"),
      0,
      uncertain.sheet
    );
  }
  // Printed, every table's header heads each page it spans (print-headers.ts), and no number
  // shows as ### (number-widths.ts).
  const fitted = fitSheetsToGrid(
    sheets.map((s) =>
      PAGED_ROLES.has(s.role)
        ? withRepeatedHeaders(withNumberWidths(s, results.kampung.length, sizedBlocks))
        : s
    ),
    lang
  );
  return {
    results,
    analysis,
    sheets: fitted.sheets,
    trend,
    cut: fitted.cut,
    ...(uncertain
      ? { uncertainty: uncertain.uncertainty, association: uncertain.association }
      : {}),
  };
}

/** Sheets whose tables print with their headers on every page (KKB Profil has its own pages). */
const PAGED_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>([
  "ringkasan",
  "domain",
  "ibangga",
  "wilayah",
  "tren",
  "validasi",
  "ketidakpastian",
]);

/** Issue 15: `KKB Profil` (when there are kampung) and, when asked for, `KKB Profil Cetak`. */
function profilSheets(
  results: Results,
  analysis: AnalysisResult,
  stamp: readonly string[],
  options: SummaryOptions,
  changes: readonly (Change | null)[] | null
): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  const page = profilSheet(results, analysis, stamp, options.lang, changes);
  if (page) sheets.push(page);
  if (options.profil) {
    const region = options.profil.region;
    const selection = selectProfil(results, region);
    if (!selection.ok)
      throw new ProfilSelectionError(
        selection.problem,
        selection.count,
        region,
        options.lang,
        selection.candidates
      );
    sheets.push(
      profilCetakSheet(results, analysis, stamp, options.lang, selection.indexes, changes)
    );
  }
  return sheets;
}

const SUMMARY_SHEETS: readonly (readonly [SheetRole, string, LabelKey])[] = [
  ["ringkasan", SHEET_NAMES.ringkasan, "titleRingkasan"],
  ["domain", SHEET_NAMES.domain, "titleDomain"],
  ["ibangga", SHEET_NAMES.ibangga, "titleIbangga"],
  ["wilayah", SHEET_NAMES.wilayah, "titleWilayah"],
  ["tren", SHEET_NAMES.tren, "titleTren"],
  ["validasi", SHEET_NAMES.validasi, "titleValidasi"],
  ["profil", SHEET_NAMES.profil, "titleProfil"],
  ["ketidakpastian", SHEET_NAMES.ketidakpastian, "titleKetidakpastian"],
];

/**
 * The role of a summary sheet KKB wrote earlier (a summary workbook summarised again), or null
 * for any other sheet. A file carries no ownership marks the reader keeps, so a sheet is KKB's
 * when its name, title and stamp all are: a name of the summary (`KKB Ringkasan`, or
 * `KKB Ringkasan (2)` as numbered beside a user's sheet), the title of that sheet in A1 and the
 * stamp's first line in A2. A user's own sheet that is only called `KKB Ringkasan` is not.
 */
export function summaryRoleOf(grid: Grid): SheetRole | null {
  const at = (row: number) => grid.rows[row - grid.originRow]?.[0 - grid.originCol];
  const stamp = at(1);
  if (typeof stamp !== "string" || !/^(Metode|Method): /.test(stamp)) return null;
  const name = grid.sheet.toLocaleLowerCase().replace(/ \(\d+\)$/, "");
  const title = at(0);
  // KKB Profil Cetak: its first page's title names the kampung (`Profil Kampung KB: ...`).
  if (name === SHEET_NAMES.profilCetak.toLocaleLowerCase() && typeof title === "string") {
    const prefixes = (["id", "en"] as const).map((l) => `${label("titleProfil", l)}: `);
    return prefixes.some((p) => title.startsWith(p)) ? "profilCetak" : null;
  }
  for (const [role, sheetName, titleKey] of SUMMARY_SHEETS) {
    if (name !== sheetName.toLocaleLowerCase()) continue;
    return title === label(titleKey, "id") || title === label(titleKey, "en") ? role : null;
  }
  return null;
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
  // The presets named as `--print` and the pane name them (equal, self-reliance-centred).
  const name =
    weights.name === "custom"
      ? lang === "id"
        ? "bobot sendiri"
        : "own weights"
      : weights.name === "setara"
        ? label("presetSetara", lang)
        : weights.name === "kemandirian-sentral"
          ? label("presetKemandirianSentral", lang)
          : weights.name;
  return `${name} (${shares} %)`;
}

function stampLines(
  read: InputRead,
  results: Results,
  options: SummaryOptions,
  current: number | null
): string[] {
  const { lang } = options;
  let errors = 0;
  for (const issue of results.issues) if (issue.severity === "error") errors++;
  const warnings = results.issues.length - errors;
  const time = formatTime(options.now);
  let source = read.sourceRange ? `${options.source}, ${read.sourceRange}` : options.source;
  // With rounds the kampung are the current round's, the errors and warnings every round's rows'.
  let counted = "";
  if (read.rounds && current !== null) {
    counted =
      lang === "id"
        ? " (galat dan peringatan: semua periode)"
        : " (errors and warnings: all rounds)";
    const n = read.rounds.list.length;
    const name = read.rounds.list[current].label;
    const latest = current === latestDated(read.rounds.list);
    source +=
      lang === "id"
        ? `; periode ${name} (${latest ? "terakhir" : "dipilih"} dari ${n} periode)`
        : `; round ${name} (${latest ? "latest" : "chosen"} of ${n})`;
  }
  return lang === "id"
    ? [
        `Metode: ${METHOD_VERSION}`,
        `Bobot iBangga: ${weightsText(options.weights, lang)}`,
        `Sumber: ${source}`,
        `Dibuat: ${time}`,
        `Jumlah: ${issueCountsText(results.kampung.length, errors, warnings, lang)}${counted}`,
      ]
    : [
        `Method: ${METHOD_VERSION}`,
        `iBangga weights: ${weightsText(options.weights, lang)}`,
        `Source: ${source}`,
        `Written: ${time}`,
        `Counts: ${issueCountsText(results.kampung.length, errors, warnings, lang)}${counted}`,
      ];
}

function formatTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function heading(title: string, stamp: readonly string[]): Block[] {
  return [
    { kind: "title", row: 0, col: 0, text: title },
    { kind: "notes", row: 1, col: 0, lines: stamp },
  ];
}

export interface Column {
  readonly header: string;
  readonly format: string | null;
  /** Upper end of a colour scale on this column (0 at the other end), if any. */
  readonly scale?: number;
  /** Whether the column's text wraps (long names and sentences). */
  readonly wrap?: boolean;
}

export function table(
  name: string,
  row: number,
  columns: readonly Column[],
  rows: SpecRows
): TableBlock {
  const scaled = new Map<number, number[]>();
  columns.forEach((c, i) => {
    if (c.scale !== undefined) scaled.set(c.scale, [...(scaled.get(c.scale) ?? []), i]);
  });
  return {
    kind: "table",
    name,
    row,
    col: 0,
    header: columns.map((c) => c.header),
    rows,
    formats: columns.map((c) => c.format),
    asExcelTable: true,
    colorScales: [...scaled].map(([max, cols]) => ({ columns: cols, min: 0, max })),
    wrap: columns.flatMap((c, i) => (c.wrap ? [i] : [])),
  };
}

/**
 * The table with the row heights its wrapped header and cells need in the sheet's columns:
 * headers always wrap; data cells in the table's `wrap` columns. Heights are estimated from the
 * text (wrappedLines), once per distinct text and width.
 */
function sized(block: TableBlock, columnWidths: readonly number[]): TableBlock {
  const width = (c: number) => columnWidths[block.col + c] ?? 8.43;
  let header = 1;
  block.header.forEach((h, c) => {
    header = Math.max(header, wrappedLines(h, width(c), true));
  });
  const wrap = block.wrap ?? [];
  // A text too short to fill a line even of its widest letters is one line; long ones repeat (the next steps), so their
  // counts are kept, up to a bound (messages in KKB Validasi are mostly distinct).
  const short = wrap.map((c) => Math.floor((width(c) - LINE_MARGIN) / WIDEST_CHAR));
  // One memo per wrapped column: no key text made per row.
  const memos = wrap.map(() => new Map<string, number>());
  const lines = (text: string, i: number) => {
    if (text.length < short[i] && !text.includes("\n")) return 1;
    // A name is measured again: one pass over it costs less than looking up a text seen once.
    if (text.length <= MEMO_MIN_LENGTH) return wrappedLines(text, width(wrap[i]));
    const memo = memos[i];
    let n = memo.get(text);
    if (n === undefined) {
      n = wrappedLines(text, width(wrap[i]));
      if (memo.size < MEMO_MAX) memo.set(text, n);
    }
    return n;
  };
  // A row's height from its wrapped cells, asked as the row is written.
  const row = (cells: readonly SpecValue[]): number | null => {
    let most = 1;
    for (let i = 0; i < wrap.length; i++) {
      const value = cells[wrap[i]];
      if (typeof value === "string") most = Math.max(most, lines(value, i));
    }
    return linesHeight(most);
  };
  return { ...block, heights: { header: linesHeight(header), row } };
}

/** Distinct long texts whose line counts sizing keeps, per wrapped column. */
const MEMO_MAX = 10_000;
/**
 * Texts up to this long are measured each time, not kept: the national summary's names (some
 * 84,276 distinct, five sheets) took 300 of the 480 ms sizing rows in lookups that missed.
 */
const MEMO_MIN_LENGTH = 64;

/** Every table of the blocks sized for the sheet's columns. */
export function sizedBlocks(blocks: readonly Block[], columnWidths: readonly number[]): Block[] {
  return blocks.map((b) => (b.kind === "table" ? sized(b, columnWidths) : b));
}

export const text = (header: string): Column => ({ header, format: FORMATS.text });
export const wrapped = (header: string): Column => ({ header, format: FORMATS.text, wrap: true });
export const score = (header: string): Column => ({ header, format: FORMATS.score, scale: 2 });
export const ibangga = (header: string): Column => ({
  header,
  format: FORMATS.ibangga,
  scale: 100,
});
export const integer = (header: string): Column => ({ header, format: FORMATS.integer });

export function domainColumns(lang: Lang): Column[] {
  return [
    ...DOMAINS.map((d) => score(d.short[lang])),
    { header: label("composite", lang), format: FORMATS.composite, scale: 2 },
  ];
}

function statusText(k: KampungResult): string | null {
  return k.status;
}

export function levelLabel(level: string, lang: Lang): string {
  return STATUS_LEVELS.find((s) => s.key === level)?.label[lang] ?? level;
}

/** Domain means, composite mean, count, then iBangga means: domains first, so charts can take them. */
export function statsCells(stats: GroupStats, withIbangga: boolean): SpecValue[] {
  return [
    ...DOMAINS.map((d) => stats.domains[d.key].mean),
    stats.composite.mean,
    stats.count,
    ...(withIbangga
      ? [stats.ibangga?.setara.mean ?? null, stats.ibangga?.kemandirianSentral.mean ?? null]
      : []),
  ];
}

export function statsColumns(lang: Lang, withIbangga: boolean): Column[] {
  return [
    ...domainColumns(lang),
    integer(label("count", lang)),
    ...(withIbangga
      ? [ibangga(label("setara", lang)), ibangga(label("kemandirianSentral", lang))]
      : []),
  ];
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[\s-]+/).map((w) => w.length));
}

/** Widths of the domain columns: each fits its short name in bold (Interoperabilitas is long). */
export function domainWidths(lang: Lang): number[] {
  return DOMAINS.map((d) => Math.max(8, Math.min(18, d.short[lang].length + 1)));
}

function ringkasanSheet(
  results: Results,
  analysis: AnalysisResult,
  stamp: readonly string[],
  lang: Lang,
  trend: Trend | null
): SheetSpec {
  const changes = trend ? currentChanges(results, trend) : null;
  const blocks: Block[] = heading(label("titleRingkasan", lang), stamp);
  const withIbangga = results.kampung.some((k) => k.ibangga !== null);

  // The kampung table first, right under the stamp: name and scores first (the chart's
  // source), then context, the weakest domain and its next step last (the widest, wrapped).
  const withEvidence = analysis.evidence.given;
  // The kabupaten/kota only when the file holds more than one (a district's own file does not).
  const kabupaten = new Set(results.kampung.map((k) => k.region.kabupaten));
  const withKabupaten = kabupaten.size > 1;
  const rankLevels = rankLevelsShown(analysis);
  const columns: Column[] = [
    integer(label("no", lang)),
    wrapped(label("kampung", lang)),
    ...domainColumns(lang),
    ...(changes
      ? [{ header: label("changeComposite", lang), format: FORMATS.changeComposite }]
      : []),
    integer(label("rank", lang)),
    ...regionRankHeaders(rankLevels, lang).map((h) => integer(h)),
    text(label("status", lang)),
    ...(withKabupaten ? [wrapped(label("kabupaten", lang))] : []),
    ...(withEvidence ? [{ header: label("evidence", lang), format: "0%" }] : []),
    ...(changes ? [wrapped(label("mostChanged", lang))] : []),
    wrapped(label("weakest", lang)),
    wrapped(label("nextStep", lang)),
  ];
  // The weakest domains and their next steps as text, made once per distinct set (the analysis
  // shares one WeakestDomains per set): the same text each time, hashed once by the writer's
  // shared-string table.
  const weakestTextOf = new Map<WeakestDomains, readonly [string | null, string | null]>();
  const weakestTexts = (w: WeakestDomains): readonly [string | null, string | null] => {
    let texts = weakestTextOf.get(w);
    if (!texts) {
      texts = [
        w.domains.map((key) => DOMAINS.find((d) => d.key === key)!.short[lang]).join(", ") || null,
        w.nextSteps.map((s) => s[lang]).join(" | ") || null,
      ];
      weakestTextOf.set(w, texts);
    }
    return texts;
  };
  // Rows built as the writer asks for them (84,276 in a national file).
  const rows = madeRows(results.kampung.length, (i) => {
    const k = results.kampung[i];
    const a = analysis.kampung[i];
    return [
      i + 1,
      k.name,
      ...DOMAINS.map((d) => k.domains[d.key]),
      k.composite,
      ...(changes ? [changes[i]?.composite ?? null] : []),
      a.ranks.composite,
      ...regionRankCells(analysis, i, rankLevels),
      statusText(k),
      ...(withKabupaten ? [k.region.kabupaten] : []),
      ...(withEvidence ? [a.evidence?.share ?? null] : []),
      ...(changes ? [mostChangedText(changes[i], lang)] : []),
      ...weakestTexts(a.weakest),
    ];
  });
  // About 170 characters: A4 landscape at about 80 %, so 11 pt prints at about 9 pt. Each
  // column's width, and the narrowest it may be made (its text wraps) for the page.
  const widths: (readonly [number, number])[] = [
    [4, 4],
    [17, 12],
    ...domainWidths(lang).map((w) => [w, w] as const),
    // (Not 9: ExcelJS, the pane's writer, takes a width of 9 for its default and drops it.)
    [9.5, 9.5],
    ...(changes ? [[10, 9.5] as const] : []),
    [9.5, 9.5],
    ...rankLevels.map(() => [10.5, 9.5] as const),
    // The status is not wrapped: berkelanjutan needs its 13.
    [13, 13],
    ...(withKabupaten ? [[12, 10] as const] : []),
    ...(withEvidence ? [[8, 8] as const] : []),
    // Domain names: not under 15, where Interoperabilitas would break inside the word.
    ...(changes ? [[15, 15] as const] : []),
    [16, 15],
    [32, 17],
  ];
  const columnWidths = widths.map(([w]) => w);
  // A wider table (rounds, several kabupaten/kota, evidence, ranks within regions) narrows its
  // text columns, the one with the most room first, rather than print across two pages.
  for (;;) {
    if (fitScale(columnWidths) >= MIN_FIT_SCALE) break;
    let widest = -1;
    let room = 0;
    columnWidths.forEach((w, i) => {
      if (w - widths[i][1] > room) [widest, room] = [i, w - widths[i][1]];
    });
    if (widest < 0) break;
    columnWidths[widest] = Math.max(widths[widest][1], columnWidths[widest] - 1);
  }
  const main = table("KKB_Ringkasan", CONTENT_ROW, columns, rows);
  blocks.push(main);
  let row = main.row + 1 + rows.length + 1;

  const flagged = analysis.kampung.filter((k) => k.statusCheck.length > 0).length;
  const notes = [
    lang === "id"
      ? `Pemeriksaan status: ${flagged} kampung skornya tidak sejalan dengan status yang tercatat (lihat ${SHEET_NAMES.validasi}; ini bahan telaah, bukan putusan).`
      : `Status check: ${flagged} kampung score unlike their declared status (see ${SHEET_NAMES.validasi}; something to look at, not a verdict).`,
  ];
  // Blank score cells in the table, said under it: a printed page shows no KKB Validasi.
  const uncomputed = results.kampung.filter((k) => k.composite === null).length;
  if (uncomputed > 0) {
    notes.push(
      lang === "id"
        ? `Sel kosong: ${uncomputed} kampung tanpa skor komposit (dan tanpa peringkat), karena ada nilai sub-indikator yang kosong atau salah; lihat ${SHEET_NAMES.validasi}. Sel kosong tidak berarti 0.`
        : `Blank cells: ${uncomputed} kampung without a composite (nor a rank), as a sub-indicator value is blank or wrong; see ${SHEET_NAMES.validasi}. A blank cell never means 0.`
    );
  }
  const evidence = analysis.evidence.total;
  if (evidence && evidence.share !== null) {
    const pct = decimalText(excelRound(evidence.share * 100, 1), lang);
    notes.push(
      lang === "id"
        ? `Cakupan bukti: ${evidence.covered} dari ${evidence.scored} skor sub-indikator didukung bukti yang sah (${pct} %).`
        : `Evidence coverage: ${evidence.covered} of ${evidence.scored} sub-indicator scores have valid evidence (${pct} %).`
    );
  } else if (!analysis.evidence.given) {
    notes.push(
      lang === "id"
        ? "Tidak ada bukti (lembar KKB Bukti, Bukti atau Evidence kosong atau tidak ada): skor belum dapat ditelusuri ke buktinya."
        : "No evidence (the KKB Bukti, Bukti or Evidence sheet is empty or missing): the scores cannot be traced to their evidence."
    );
  }
  if (results.kampung.length > MAX_PROFIL_CHOICES) {
    notes.push(
      lang === "id"
        ? `KKB Profil tidak ditulis untuk lebih dari ${MAX_PROFIL_CHOICES} kampung: ringkas satu kabupaten/kota atau provinsi untuk profil per kampung.`
        : `KKB Profil is not written for more than ${MAX_PROFIL_CHOICES} kampung: summarise one regency/city or province for the per-kampung profile.`
    );
  }
  blocks.push({ kind: "notes", row, col: 0, lines: notes });
  row += notes.length + 1;

  const charts: ChartSpec[] = [];
  const perKampung = results.kampung.length > 0 && results.kampung.length <= MAX_KAMPUNG_CHARTED;
  const breaks: number[] = [];
  // More than LEGEND_BELOW_MAX kampung: the legend at the radar's right, the chart larger.
  const radarSize = results.kampung.length > LEGEND_BELOW_MAX ? LARGE_RADAR_SIZE : CHART_SIZE;
  if (perKampung) {
    // The radar explains the kampung table: right under it, on screen with it; on the next
    // printed page when the rest of the first would cut it.
    // Rows taller than one line push the chart down (a short table: its rows made to size them).
    const used =
      (row + 1) * LINE_HEIGHT +
      tableHeight(sized(main, columnWidths)) -
      (rows.length + 1) * LINE_HEIGHT;
    if (used + radarSize.rows * LINE_HEIGHT > pageRowsHeight(columnWidths)) {
      // The page starts with the repeated header; the chart a row under it.
      breaks.push(row);
      row++;
    }
    charts.push({
      kind: "radar",
      title: label("chartDomains", lang),
      source: { row: main.row, col: 1, rows: rows.length + 1, cols: 1 + DOMAINS.length },
      seriesBy: "rows",
      anchor: { row, col: CHART_COL },
      size: radarSize,
    });
    row += radarSize.rows + 1;
  }

  // Status-group means, with the spread between the highest and lowest level; from column B,
  // so that the domain means stand under the kampung's domain scores.
  const groups = analysis.statusGroups.groups;
  if (groups.length > 0) {
    // A long kampung table: the means and their chart on a page of their own, not split.
    if (!perKampung) breaks.push(row);
    blocks.push({ kind: "title", row, col: 0, text: label("titleGroups", lang) });
    row++;
    const groupRows: SpecValue[][] = groups.map((g) => [
      g.level ? levelLabel(g.level, lang) : g.text,
      ...statsCells(g, withIbangga),
    ]);
    const spread = analysis.statusGroups.spread;
    if (spread) {
      groupRows.push([
        `${label("spread", lang)}: ${levelLabel(spread.highest, lang)} - ${levelLabel(spread.lowest, lang)}`,
        ...DOMAINS.map((d) => spread.domains[d.key]),
        spread.composite,
        null,
        ...(withIbangga
          ? [spread.ibangga?.setara ?? null, spread.ibangga?.kemandirianSentral ?? null]
          : []),
      ]);
    }
    const groupTable: TableBlock = {
      ...table(
        "KKB_Status",
        row,
        [wrapped(label("status", lang)), ...statsColumns(lang, withIbangga)],
        groupRows
      ),
      col: 1,
      colorScales: [],
    };
    blocks.push(groupTable);
    const partial = groups.some(
      (g) => g.composite.n < g.count || DOMAINS.some((d) => g.domains[d.key].n < g.count)
    );
    if (partial) blocks.push(partialMeansNote(groupTable, groupRows.length, "scores", lang));
    row += groupRows.length + 2;
    if (!perKampung) {
      // The status names and the five domain means, under their table.
      charts.push({
        kind: "radar",
        title: label("chartGroups", lang),
        source: {
          row: groupTable.row,
          col: groupTable.col,
          rows: groups.length + 1,
          cols: 1 + DOMAINS.length,
        },
        seriesBy: "rows",
        anchor: { row, col: CHART_COL },
        size: CHART_SIZE,
      });
    }
  }

  return {
    name: SHEET_NAMES.ringkasan,
    role: "ringkasan",
    columnWidths,
    // The title, the stamp and the kampung table's header stay; so do No and Kampung.
    freeze: { rows: main.row + 1, columns: 2 },
    blocks: sizedBlocks(blocks, columnWidths),
    charts,
    validations: [],
    print: {
      repeatRows: { first: main.row, last: main.row },
      ...(breaks.length > 0 ? { breaksBefore: breaks } : {}),
    },
  };
}

/** The band in the sheet's language: BKKBN's word in Indonesian, its translation in English. */
function bandText(band: BandKey | null, lang: Lang): string | null {
  if (band === null || lang === "id") return band;
  return IBANGGA_BANDS.find((b) => b.key === band)?.label.en ?? band;
}

/** `↑ Koordinasi; ↓ Kader`: the domain(s) that rose most and fell most, or null when none moved. */
function mostChangedText(change: Change | null, lang: Lang): string | null {
  const { up, down } = mostChanged(change);
  const names = (keys: readonly DomainKey[]) =>
    keys.map((key) => DOMAINS.find((d) => d.key === key)!.short[lang]).join(", ");
  const parts = [
    ...(up.length > 0 ? [`\u2191 ${names(up)}`] : []),
    ...(down.length > 0 ? [`\u2193 ${names(down)}`] : []),
  ];
  return parts.length > 0 ? parts.join("; ") : null;
}

/**
 * Per kampung of the current round (same order as `results.kampung`), its change since its
 * previous assessment; null for a kampung assessed for the first time.
 */
function currentChanges(results: Results, trend: Trend): (Change | null)[] {
  const byRow = new Map<number, Change | null>();
  for (const k of trend.kampung) {
    const j = k.roundIndexes.indexOf(trend.current);
    if (j < 0) continue;
    const h = k.historyAt(j);
    byRow.set(h.row, h.change);
  }
  return results.kampung.map((k) => byRow.get(k.row) ?? null);
}

/**
 * The line in the blank row under a table of means by status (`rows` data rows) when a mean is
 * of fewer kampung than its Jumlah counts (some `of` values not computed): printed,
 * "Berkembang 1,08, Jumlah 2" reads as the mean of two.
 */
function partialMeansNote(
  table: TableBlock,
  rows: number,
  of: "scores" | "ibangga",
  lang: Lang
): NotesBlock {
  const what =
    lang === "id"
      ? of === "scores"
        ? "skornya"
        : "nilai iBangga-nya"
      : of === "scores"
        ? "scores are"
        : "iBangga is";
  return {
    kind: "notes",
    row: table.row + 1 + rows,
    col: table.col,
    lines: [
      lang === "id"
        ? `Rata-rata dari kampung yang ${what} dihitung; Jumlah menghitung semua kampung berstatus itu (lihat ${SHEET_NAMES.validasi}).`
        : `Means are of the kampung whose ${what} computed; Jumlah counts every kampung of that status (see ${SHEET_NAMES.validasi}).`,
    ],
  };
}
/**
 * The study's per-domain tables (Tabel 2-6): for each domain, each kampung's three
 * sub-indicator values and the domain score, one table under the other.
 */
function domainSheet(results: Results, stamp: readonly string[], lang: Lang): SheetSpec {
  const columnWidths = [28, 16, 16, 16, 14];
  const blocks: Block[] = heading(label("titleDomain", lang), stamp);
  const breaks: number[] = [];
  // Printed pages: a table starts a new page when the rest of the page cannot hold it whole
  // (its title, header and rows), so that its header prints with its rows.
  const page = pageRowsHeight(columnWidths);
  let used = CONTENT_ROW * LINE_HEIGHT;
  let row = CONTENT_ROW;
  DOMAINS.forEach((d, i) => {
    const columns: Column[] = [
      wrapped(label("kampung", lang)),
      ...d.subIndicators.map((s) => score(s.label[lang])),
      score(label("domainScore", lang)),
    ];
    const rows = madeRows(results.kampung.length, (i) => {
      const k = results.kampung[i];
      return [k.name, ...d.subIndicators.map((s) => k.subscores[d.key][s.key]), k.domains[d.key]];
    });
    const block = sized(table(`KKB_Domain_${i + 1}`, row + 1, columns, rows), columnWidths);
    // Its title and the blank row after it, and the table, counted until it passes a page.
    const height = 2 * LINE_HEIGHT + tableHeight(block, page);
    if (used > 0 && used + height > page) {
      breaks.push(row);
      used = 0;
    }
    used += height;
    blocks.push({
      kind: "title",
      row,
      col: 0,
      text: `${lang === "id" ? "Tabel" : "Table"} ${i + 2}. ${d.label[lang]}`,
    });
    blocks.push(block);
    row += rows.length + 3;
  });
  return {
    name: SHEET_NAMES.domain,
    role: "domain",
    columnWidths,
    blocks,
    charts: [],
    validations: [],
    print: breaks.length > 0 ? { breaksBefore: breaks } : undefined,
  };
}

function ibanggaSheet(
  results: Results,
  analysis: AnalysisResult,
  stamp: readonly string[],
  options: SummaryOptions
): SheetSpec {
  const { lang } = options;
  const custom = options.weights.name === "custom";
  const blocks: Block[] = heading(label("titleIbangga", lang), stamp);
  const national = IBANGGA_NATIONAL_REFERENCE.map(
    (r) => `${r.year}: ${decimalText(r.value, lang)}`
  ).join(", ");
  const sensitivity = analysis.sensitivity?.kemandirianSentral;
  const notes = [
    lang === "id"
      ? "Kategori BKKBN: di bawah 40 rentan, 40 sampai 70 berkembang, di atas 70 tangguh."
      : "BKKBN bands: below 40 Vulnerable (rentan), 40 to 70 Developing (berkembang), above 70 Resilient (tangguh).",
    lang === "id"
      ? `Rujukan nasional iBangga: ${national}.`
      : `National iBangga reference: ${national}.`,
    ...(sensitivity
      ? [
          lang === "id"
            ? `Kepekaan bobot: peringkat ${sensitivity.changed} dari ${sensitivity.compared} kampung berubah antara bobot setara dan kemandirian-sentral; pergeseran terbesar ${sensitivity.maxAbsShift ?? 0} tempat.`
            : `Weight sensitivity: ${sensitivity.changed} of ${sensitivity.compared} kampung change rank between equal and self-reliance-centred weights; the largest move is ${countText(sensitivity.maxAbsShift ?? 0, "place", "en")}.`,
        ]
      : []),
  ];
  blocks.push({ kind: "notes", row: CONTENT_ROW, col: 0, lines: notes });
  let row = CONTENT_ROW + notes.length + 1;

  const columns: Column[] = [
    wrapped(label("kampung", lang)),
    ...DIMENSIONS.map((d) => ibangga(d.label[lang])),
    ibangga(label("setara", lang)),
    ibangga(label("kemandirianSentral", lang)),
    ...(custom ? [ibangga(label("custom", lang))] : []),
    text(label("band", lang)),
    integer(label("rankSetara", lang)),
    integer(label("rankSentral", lang)),
    { header: label("shift", lang), format: "+0;-0;0" },
    ...(custom
      ? [
          integer(label("rankCustom", lang)),
          { header: label("shiftCustom", lang), format: "+0;-0;0" },
        ]
      : []),
    text(label("status", lang)),
    wrapped(label("desa", lang)),
    wrapped(label("kabupaten", lang)),
  ];
  const rows = madeRows(results.kampung.length, (i) => {
    const k = results.kampung[i];
    const ib = k.ibangga;
    const r = analysis.kampung[i].ranks.ibangga;
    return [
      k.name,
      ib?.ketenteraman ?? null,
      ib?.kemandirian ?? null,
      ib?.kebahagiaan ?? null,
      ib?.setara ?? null,
      ib?.kemandirianSentral ?? null,
      ...(custom ? [ib?.custom ?? null] : []),
      bandText(ib?.band ?? null, lang),
      r?.setara ?? null,
      r?.kemandirianSentral ?? null,
      r?.shift ?? null,
      ...(custom ? [r?.custom ?? null, r?.customShift ?? null] : []),
      k.status,
      k.region.desa,
      k.region.kabupaten,
    ];
  });
  // The kampung table first, under the notes; group means and the chart under it.
  const main = table("KKB_iBangga", row, columns, rows);
  blocks.push(main);
  row += rows.length + 2;

  const groups = analysis.statusGroups.groups.filter((g) => g.ibangga !== null);
  const breaks: number[] = [];
  const charted = results.kampung.length > 0 && results.kampung.length <= MAX_KAMPUNG_CHARTED;
  const charts: ChartSpec[] = [];
  if (charted) {
    charts.push({
      kind: "bar",
      title: label("chartIbangga", lang),
      source: { row: main.row, col: 0, rows: rows.length + 1, cols: 1 + DIMENSIONS.length },
      seriesBy: "columns",
      anchor: { row, col: CHART_COL },
      size: CHART_SIZE,
    });
  } else if (groups.length > 0) {
    // On a page of its own, with its chart, after the long kampung table.
    breaks.push(row);
    blocks.push({ kind: "title", row, col: 0, text: label("titleGroups", lang) });
    row++;
    const groupTable = table(
      "KKB_iBangga_Status",
      row,
      [
        wrapped(label("status", lang)),
        ibangga(label("setara", lang)),
        ibangga(label("kemandirianSentral", lang)),
        integer(label("count", lang)),
      ],
      groups.map((g) => [
        g.level ? levelLabel(g.level, lang) : g.text,
        g.ibangga?.setara.mean ?? null,
        g.ibangga?.kemandirianSentral.mean ?? null,
        g.count,
      ])
    );
    blocks.push(groupTable);
    const partial = groups.some(
      (g) =>
        (g.ibangga?.setara.n ?? 0) < g.count || (g.ibangga?.kemandirianSentral.n ?? 0) < g.count
    );
    if (partial) blocks.push(partialMeansNote(groupTable, groups.length, "ibangga", lang));
    row += groups.length + 2;
    charts.push({
      kind: "bar",
      title: label("chartIbanggaGroups", lang),
      source: { row: groupTable.row, col: 0, rows: groups.length + 1, cols: 3 },
      seriesBy: "columns",
      anchor: { row, col: CHART_COL },
      size: CHART_SIZE,
    });
  }
  // Wide enough for the longest word of the header in bold (Ketenteraman, kemandirian), and
  // the status for its longest level (berkelanjutan).
  const statusHeader = label("status", lang);
  const columnWidths = [
    18,
    ...columns
      .slice(1)
      .map((c) =>
        c.header === statusHeader
          ? 13
          : Math.max(c.wrap ? 14 : 11, Math.min(16, longestWord(c.header) + 2))
      ),
  ];
  return {
    name: SHEET_NAMES.ibangga,
    role: "ibangga",
    columnWidths,
    freeze: { rows: main.row + 1, columns: 1 },
    blocks: sizedBlocks(blocks, columnWidths),
    charts,
    validations: [],
    print: {
      repeatRows: { first: main.row, last: main.row },
      ...(breaks.length > 0 ? { breaksBefore: breaks } : {}),
    },
  };
}

function wilayahSheet(
  analysis: AnalysisResult,
  stamp: readonly string[],
  lang: Lang,
  withIbangga: boolean,
  results: Results
): SheetSpec {
  const blocks: Block[] = heading(label("titleWilayah", lang), stamp);
  let row = CONTENT_ROW;
  const { regions } = analysis;
  const hasProvinsi = regions.provinsi.length > 0;
  const hasKabupaten = regions.kabupaten.length > 0;
  const levels: { key: "provinsi" | "kabupaten" | "kecamatan"; title: LabelKey; name: LabelKey }[] =
    [
      { key: "provinsi", title: "titleProvinsi", name: "provinsi" },
      { key: "kabupaten", title: "titleKabupaten", name: "kabupaten" },
      { key: "kecamatan", title: "titleKecamatan", name: "kecamatan" },
    ];
  const blank = label("blankRegion", lang);
  for (const level of levels) {
    const groups: readonly RegionGroup[] = regions[level.key];
    if (groups.length === 0) continue;
    const parents: LabelKey[] = [];
    if (level.key !== "provinsi" && hasProvinsi) parents.push("provinsi");
    if (level.key === "kecamatan" && hasKabupaten) parents.push("kabupaten");
    blocks.push({ kind: "title", row, col: 0, text: label(level.title, lang) });
    row++;
    const columns = [
      ...parents.map((p) => wrapped(label(p, lang))),
      wrapped(label(level.name, lang)),
      ...statsColumns(lang, withIbangga),
    ];
    const rows = groups.map((g) => [
      ...parents.map((p) => (p === "provinsi" ? g.provinsi : g.kabupaten) ?? blank),
      g.name ?? blank,
      ...statsCells(g, withIbangga),
    ]);
    const name = `KKB_Wilayah_${level.key}`;
    blocks.push(table(name, row, columns, rows));
    row += rows.length + 3;
  }
  // Issue 15: every domain's rank and the composite's within each region.
  const ranks = regionRanksTable(results, analysis, rankLevelsShown(analysis), lang, row + 1);
  // On a page of its own: the means above are one page, the ranks a long list.
  const breaks: number[] = [];
  if (ranks) {
    blocks.push({ kind: "title", row, col: 0, text: label("titleRegionRanks", lang) });
    blocks.push(ranks);
    breaks.push(row);
  }
  const columnWidths = [18, 18, 18, ...DOMAINS.map(() => 15), 9.5, 8, 11, 11];
  return {
    name: SHEET_NAMES.wilayah,
    role: "wilayah",
    columnWidths,
    blocks: sizedBlocks(blocks, columnWidths),
    charts: [],
    validations: [],
    ...(breaks.length > 0 ? { print: { breaksBefore: breaks } } : {}),
  };
}

function validasiSheet(issues: readonly Issue[], stamp: readonly string[], lang: Lang): SheetSpec {
  const keys: LabelKey[] = ["severity", "sheet", "cell", "kampung", "field", "code", "message"];
  const wraps = new Set<LabelKey>(["sheet", "kampung", "field", "message"]);
  const columns = keys.map((k) => (wraps.has(k) ? wrapped(label(k, lang)) : text(label(k, lang))));
  // Text from the file (kampung names, values quoted in messages) with its control
  // characters written out, as in the terminal; the field in words, as the message names it.
  const rows = madeRows(issues.length, (n) => {
    const i = issues[n];
    return [
      label(i.severity, lang),
      i.sheet,
      i.cell,
      escapeControls(i.kampung),
      escapeControls(fieldLabel(i.field, lang)),
      i.code,
      escapeControls(i.message),
    ];
  });
  const blocks: Block[] = heading(label("titleValidasi", lang), stamp);
  let listRow = CONTENT_ROW;
  if (rows.length === 0) {
    blocks.push({ kind: "notes", row: CONTENT_ROW, col: 0, lines: [label("noIssues", lang)] });
  } else {
    // The issues counted by kind first (errors first, then the most frequent), then the list.
    // The kind's words run on over the empty cells to its right (columns C-G), not wrapped in
    // the list's narrow cell column.
    const kinds = issueKindCounts(issues);
    blocks.push({ kind: "title", row: CONTENT_ROW, col: 0, text: label("byKind", lang) });
    blocks.push(
      table(
        "KKB_Validasi_Jenis",
        CONTENT_ROW + 1,
        [
          text(label("severity", lang)),
          integer(label("count", lang)),
          text(label("issueKind", lang)),
        ],
        kinds.map((k) => [label(k.severity, lang), k.count, issueKindTitle(k.code, lang)])
      )
    );
    listRow = CONTENT_ROW + 1 + 1 + kinds.length + 1;
    blocks.push({
      ...table("KKB_Validasi", listRow, columns, rows),
      links: {
        column: 2,
        targets: issues.map((i) => (i.sheet && i.cell ? sheetAddress(i.sheet, i.cell) : null)),
      },
    });
  }
  const columnWidths = [11, 14, 7, 18, 20, 22, 62];
  return {
    name: SHEET_NAMES.validasi,
    role: "validasi",
    columnWidths,
    // No frozen rows: the counts above the list would take half a laptop screen; scrolled into
    // the list, its Excel table header stands in for the column letters. Printed, the list's
    // header repeats on every page.
    blocks: sizedBlocks(blocks, columnWidths),
    charts: [],
    validations: [],
    print: rows.length > 0 ? { repeatRows: { first: listRow, last: listRow } } : undefined,
  };
}

/** The uncertainty analysis and the association with iBangga, and their sheet (issue 16). */
function uncertaintyPart(
  results: Results,
  stamp: readonly string[],
  options: SummaryOptions
): { sheet: SheetSpec; uncertainty: UncertaintyResult; association: Association } {
  const uncertainty = rankUncertainty(
    results.kampung,
    options.weights,
    options.uncertainty,
    options.uncertaintyRunner
  );
  const association = associationWithIbangga(
    results.kampung,
    options.weights.name,
    uncertainty.options.seed
  );
  const sheet = uncertaintySheet({
    kampung: results.kampung,
    uncertainty,
    association,
    ibanggaValues: results.kampung.map((k) => ibanggaValue(k, options.weights.name)),
    stamp,
    lang: options.lang,
  });
  return { sheet, uncertainty, association };
}
