/**
 * One page per kampung (issue 15): `KKB Profil`, a printable A4 page for the kampung chosen in
 * a cell (a dropdown of the kampung), filled by ordinary formulas (`INDEX`/`MATCH` over the
 * profile's results table beside the page, which work in Excel 2016+, LibreOffice and WPS), and
 * `KKB Profil Cetak`, the same page as plain values once per kampung with page breaks, for a
 * forum or a selection file. Pure: results and analysis in, sheet specs out.
 *
 * The page: identity and status; the five domains with their three sub-indicators, each value
 * with its rubric meaning (METHOD.md "The rubric"); the composite and its rank in the file, the
 * kecamatan and the kabupaten/kota; iBangga with its band and the national reference
 * (METHOD.md "Family outcomes: iBangga"); a radar of the kampung against the median of its
 * kabupaten/kota and of its status level; strengths, the weakest domain(s) with the study's next
 * step (METHOD.md "What the study recommends"); evidence coverage and the sub-indicators
 * without valid evidence; the method stamp.
 */
import { AnalysisResult } from "../engine/analysis";
import { Results } from "../engine/assessment";
import { Bilingual, DOMAINS, IBANGGA_NATIONAL_REFERENCE, Lang } from "../engine/framework";
import { nameKey } from "../engine/group-stats";
import { absoluteRange, address } from "./a1";
import { label, SHEET_NAMES } from "./labels";
import { textWidth } from "./text-width";
import { Change } from "../engine/trend";
import { decimal, FieldKey, meaningFormula, profileFields, rubricMeaning } from "./profil-data";
import {
  Block,
  ChartSpec,
  FORMATS,
  linesHeight,
  SheetSpec,
  SpecFormula,
  SpecValue,
  TableBlock,
  wrappedLines,
} from "./sheet-spec";

export { choiceLabels, rubricMeaning } from "./profil-data";

/** Above this many kampung, `KKB Profil Cetak` asks for a region. */
export const MAX_PROFIL_PRINT = 200;
/**
 * Above this many kampung (a whole country's file), `KKB Profil` is not written: a dropdown of
 * tens of thousands of names helps no forum, and its data table would double the summary's
 * writing; the Ringkasan says to summarise one region for it.
 */
export const MAX_PROFIL_CHOICES = 10_000;

/** The page's columns (A-L) and the profile data table's first column (N). */
const PAGE_COLS = 12;
const DATA_COL = 13;
/**
 * The page's column widths, A-L: domain, sub-indicator, value, meaning, score; gap; right side,
 * where H-L head the radar's numbers with the domains' short names: each column at least as
 * wide as its name's widest word in bold in either language (a word wider than its column is
 * broken across lines: "Interopera/bilitas"). The meanings' column (D) gave up what they take,
 * 9, so that the page prints on one sheet at the same scale; its longer meanings wrap as before.
 */
const PAGE_WIDTHS = [28, 25, 7, 35, 9.5, 2, 27, ...DOMAINS.map((d) => radarColumnWidth(d.short))];

/** The widest word of a name in bold, in either language, with the cell's margins; 10 at least. */
function radarColumnWidth(name: Bilingual): number {
  const words = [...name.id.split(" "), ...name.en.split(" ")];
  return Math.max(10, Math.ceil(Math.max(...words.map((w) => textWidth(w, true))) + 1.5));
}
const DATA_WIDTH = 12;
/** Rows from one page of KKB Profil Cetak to the next. */
const PAGE_ROWS = 40;
/** The profile data table's header row and the cell holding the chosen row's number. */
const DATA_HEADER_ROW = 7;
const CHOSEN_ROW_CELL = { row: 1, col: DATA_COL };

/** How a page gets its values: formulas over the data table, or one kampung's values. */
interface PageSource {
  /** The cell of a field. */
  readonly get: (key: FieldKey) => SpecValue;
  /** Whether the data has the field (the change since the previous round: several rounds). */
  readonly has: (key: FieldKey) => boolean;
  /** A radar value: like `get`, but missing is #N/A (a gap in the chart, not 0). */
  readonly chart: (key: FieldKey) => SpecValue;
  /** The rubric meaning of the sub-indicator value in `ref` (a cell of the page). */
  readonly meaning: (key: FieldKey, ref: string) => SpecValue;
  /** The identity table's first row: the choice cell, or the kampung's name, and its label. */
  readonly choice: SpecValue;
  readonly choiceLabel: string;
  readonly title: string;
}

function header(cells: readonly string[], widths: readonly number[]): number | null {
  let most = 1;
  cells.forEach((c, i) => (most = Math.max(most, wrappedLines(c, widths[i] ?? DATA_WIDTH, true))));
  return linesHeight(most);
}

function pageTable(
  name: string,
  row: number,
  col: number,
  headerCells: readonly string[],
  rows: SpecValue[][],
  formats: readonly (string | null)[]
): TableBlock {
  return {
    kind: "table",
    name,
    row,
    col,
    header: headerCells,
    rows,
    formats,
    asExcelTable: false,
    colorScales: [],
    heights: {
      header: header(headerCells, PAGE_WIDTHS.slice(col)),
      row: () => null,
    },
  };
}

/** `cell` with MATCH's wildcard characters escaped by `~` (Excel, LibreOffice and WPS alike). */
function escapedWildcards(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}

/** The first content row under the title and the stamp; the domain table's header row. */
const CONTENT = 6;
const DOMAIN_HEADER = 14;
/** Rows of one page (the print area of KKB Profil). */
const PAGE_USED = 39;

/**
 * The blocks of one page from `base` (0-based row), and its radar. Left: identity, the
 * domains, the reading; right: composite and ranks, iBangga, the radar's numbers (beside the
 * domain table's header) and the chart, the national iBangga reference under it.
 */
function pageBlocks(
  base: number,
  src: PageSource,
  stamp: readonly string[],
  lang: Lang,
  ibangga: { readonly with: boolean; readonly chosen: string },
  suffix: string
): { blocks: Block[]; radar: ChartSpec } {
  const blocks: Block[] = [
    { kind: "title", row: base, col: 0, text: src.title },
    { kind: "notes", row: base + 1, col: 0, lines: stamp },
  ];
  let row = base + CONTENT;
  const identity: SpecValue[][] = [
    [src.choiceLabel, src.choice],
    [label("desa", lang), src.get("desa")],
    [label("kecamatan", lang), src.get("kecamatan")],
    [label("kabupaten", lang), src.get("kabupaten")],
    [label("provinsi", lang), src.get("provinsi")],
    [label("status", lang), src.get("status")],
  ];
  blocks.push(
    pageTable(`KKB_Profil_Identitas${suffix}`, row, 0, [label("identity", lang), ""], identity, [
      FORMATS.text,
      null,
    ])
  );
  row = base + DOMAIN_HEADER;
  const domainRows: SpecValue[][] = [];
  DOMAINS.forEach((d) => {
    d.subIndicators.forEach((s, j) => {
      const key = `sub:${d.key}.${s.key}`;
      const valueRef = address(row + 1 + domainRows.length, 2);
      domainRows.push([
        j === 0 ? d.short[lang] : null,
        s.label[lang],
        src.get(key),
        src.meaning(key, valueRef),
        j === 0 ? src.get(`domain:${d.key}`) : null,
      ]);
    });
  });
  blocks.push(
    pageTable(
      `KKB_Profil_Domain${suffix}`,
      row,
      0,
      [
        label("domain", lang),
        label("subIndicator", lang),
        label("value", lang),
        label("rubricMeaning", lang),
        label("domainScore", lang),
      ],
      domainRows,
      [FORMATS.text, FORMATS.text, FORMATS.score, null, FORMATS.score]
    )
  );
  row += domainRows.length + 2;
  const reading: SpecValue[][] = [
    [label("strengths", lang), src.get("strengths")],
    [label("weakest", lang), src.get("weakest")],
    [label("nextStep", lang), src.get("next:0")],
    [null, src.get("next:1")],
    [label("evidence", lang), src.get("evidence")],
    [label("uncovered", lang), src.get("uncovered")],
    ...(src.has("change") ? [[label("changeSince", lang), src.get("change")]] : []),
  ];
  blocks.push(
    pageTable(`KKB_Profil_Bacaan${suffix}`, row, 0, [label("reading", lang), ""], reading, [
      FORMATS.text,
      null,
    ])
  );

  const right = 6;
  row = base + CONTENT;
  const ranks: SpecValue[][] = [
    [label("composite", lang), src.get("composite"), null, null],
    [label("rankFile", lang), null, src.get("rank:file"), src.get("count:file")],
    [label("rankKecamatan", lang), null, src.get("rank:kecamatan"), src.get("count:kecamatan")],
    [label("rankKabupaten", lang), null, src.get("rank:kabupaten"), src.get("count:kabupaten")],
  ];
  blocks.push(
    pageTable(
      `KKB_Profil_Peringkat${suffix}`,
      row,
      right,
      [
        label("scoresRanks", lang),
        label("value", lang),
        label("rank", lang),
        label("ofKampung", lang),
      ],
      ranks,
      [FORMATS.text, FORMATS.composite, FORMATS.integer, FORMATS.integer]
    )
  );
  row += ranks.length + 1;
  if (ibangga.with) {
    // The band belongs to the composite under the chosen weights.
    const band = (name: string) => (ibangga.chosen === name ? src.get("ib:band") : null);
    const ib: SpecValue[][] = [
      [label("setara", lang), src.get("ib:setara"), band("setara")],
      [label("kemandirianSentral", lang), src.get("ib:sentral"), band("kemandirian-sentral")],
      ...(ibangga.chosen === "custom"
        ? [[label("custom", lang), src.get("ib:custom"), band("custom")]]
        : []),
    ];
    blocks.push(
      pageTable(
        `KKB_Profil_iBangga${suffix}`,
        row,
        right,
        ["iBangga", label("value", lang), label("band", lang)],
        ib,
        [FORMATS.text, FORMATS.ibangga, FORMATS.text]
      )
    );
    row += ib.length + 1;
  }
  row = Math.max(row, base + DOMAIN_HEADER);
  const radarRows: SpecValue[][] = [
    [src.get("name"), ...DOMAINS.map((d) => src.chart(`domain:${d.key}`))],
    [label("medianKabupaten", lang), ...DOMAINS.map((d) => src.chart(`medKab:${d.key}`))],
    [label("medianStatus", lang), ...DOMAINS.map((d) => src.chart(`medStatus:${d.key}`))],
  ];
  const radarTable = pageTable(
    `KKB_Profil_Radar${suffix}`,
    row,
    right,
    [label("domain", lang), ...DOMAINS.map((d) => d.short[lang])],
    radarRows,
    [FORMATS.text, ...DOMAINS.map(() => FORMATS.score)]
  );
  blocks.push(radarTable);
  row += radarRows.length + 1;
  const chartRows = base + DOMAIN_HEADER + 16 - row;
  const radar: ChartSpec = {
    kind: "radar",
    title: label("chartDomains", lang),
    source: {
      row: radarTable.row,
      col: right,
      rows: radarRows.length + 1,
      cols: 1 + DOMAINS.length,
    },
    seriesBy: "rows",
    anchor: { row, col: right },
    size: { rows: chartRows, cols: 1 + DOMAINS.length },
  };
  row += chartRows;
  if (ibangga.with) {
    const national = IBANGGA_NATIONAL_REFERENCE.map(
      (r) => `${r.year}: ${decimal(r.value, lang)}`
    ).join(", ");
    blocks.push({
      kind: "notes",
      row,
      col: right,
      lines: [
        lang === "id"
          ? `Rujukan nasional iBangga: ${national}.`
          : `National iBangga reference: ${national}.`,
      ],
    });
  }
  return { blocks, radar };
}

/**
 * `KKB Profil`: the page for the kampung chosen in B9 (a dropdown of the data table's first
 * column), every value a formula over the profile data table from column N (rows in the order
 * of the results); only the page (A-L) prints. The first kampung is chosen when written, and
 * the formulas carry its values as their cached values. Null for a file with no kampung.
 */
export function profilSheet(
  results: Results,
  analysis: AnalysisResult,
  stamp: readonly string[],
  lang: Lang,
  changes: readonly (Change | null)[] | null = null
): SheetSpec | null {
  const n = results.kampung.length;
  if (n === 0 || n > MAX_PROFIL_CHOICES) return null;
  const fields = profileFields(results, analysis, lang, changes);
  const keys = [...fields.keys()];
  const colOf = new Map(keys.map((k, j) => [k, DATA_COL + j]));
  const firstDataRow = DATA_HEADER_ROW + 1;
  const chosen = absoluteRange(CHOSEN_ROW_CELL.row, CHOSEN_ROW_CELL.col, 1, 1).split(":")[0];
  const range = (key: FieldKey) => absoluteRange(firstDataRow, colOf.get(key)!, n, 1);
  const cachedOf = (key: FieldKey): number | string => {
    const v = fields.get(key)!.value(0);
    return typeof v === "number" || typeof v === "string" ? v : "";
  };
  const pick = (key: FieldKey) => `INDEX(${range(key)},${chosen})`;
  const get = (key: FieldKey): SpecFormula => ({
    formula: `IF(${chosen}="","",IF(${pick(key)}="","",${pick(key)}))`,
    cached: cachedOf(key),
  });
  const choiceCell = { row: CONTENT + 1, col: 1 };
  const labels = fields.get("label")!;
  const src: PageSource = {
    get,
    has: (key) => fields.has(key),
    chart: (key) => ({
      formula: `IF(${chosen}="",NA(),IF(${pick(key)}="",NA(),${pick(key)}))`,
      cached: typeof cachedOf(key) === "number" ? cachedOf(key) : null,
    }),
    meaning: (key, ref) => {
      const v = fields.get(key)!.value(0);
      return {
        formula: meaningFormula(ref, lang),
        cached: rubricMeaning(typeof v === "number" ? v : null, lang),
      };
    },
    choice: labels.value(0),
    choiceLabel: label("chooseKampung", lang),
    title: label("titleProfil", lang),
  };
  const withIbangga = fields.has("ib:setara");
  const { blocks, radar } = pageBlocks(
    0,
    src,
    stamp,
    lang,
    { with: withIbangga, chosen: results.weights.name },
    ""
  );
  // The chosen row: MATCH of the choice in the data table's first column.
  blocks.push({
    ...pageTable(
      "KKB_Profil_Pilihan",
      CHOSEN_ROW_CELL.row - 1,
      CHOSEN_ROW_CELL.col,
      [label("chosenRow", lang)],
      [
        [
          {
            // MATCH reads * ? ~ in the looked-up text as wildcards: escaped, a name such
            // as "Mekar*" finds itself, not the first name starting with Mekar.
            formula: `IFERROR(MATCH(${escapedWildcards(absoluteRange(choiceCell.row, choiceCell.col, 1, 1).split(":")[0])},${range("label")},0),"")`,
            cached: 1,
          },
        ],
      ],
      [FORMATS.integer]
    ),
    heights: { header: null, row: () => null },
  });
  blocks.push({
    kind: "notes",
    row: DATA_HEADER_ROW - 1,
    col: DATA_COL,
    lines: [label("profilData", lang)],
  });
  const data: TableBlock = {
    kind: "table",
    name: "KKB_Profil_Data",
    row: DATA_HEADER_ROW,
    col: DATA_COL,
    header: keys.map((k) => fields.get(k)!.header),
    rows: results.kampung.map((_, i) => keys.map((k) => fields.get(k)!.value(i))),
    formats: keys.map((k) => fields.get(k)!.format),
    asExcelTable: false,
    colorScales: [],
  };
  blocks.push(data);
  return {
    name: SHEET_NAMES.profil,
    role: "profil",
    columnWidths: [...PAGE_WIDTHS, 3, 24, ...keys.slice(1).map(() => DATA_WIDTH)],
    blocks,
    charts: [radar],
    validations: [
      {
        ...choiceCell,
        rows: 1,
        cols: 1,
        rule: { type: "listRange", row: firstDataRow, col: DATA_COL, rows: n },
        prompt: { title: label("kampung", lang), text: label("choosePrompt", lang) },
        error: { title: label("kampung", lang), text: label("chooseError", lang) },
        strict: true,
      },
    ],
    print: { area: { row: 0, col: 0, rows: PAGE_USED, cols: PAGE_COLS } },
  };
}

/**
 * `KKB Profil Cetak`: the page of each kampung of `indexes` (places in `results.kampung`), as
 * plain values, one printed page each (a page break before every page but the first), without
 * the radar chart (its numbers stay on the page).
 */
export function profilCetakSheet(
  results: Results,
  analysis: AnalysisResult,
  stamp: readonly string[],
  lang: Lang,
  indexes: readonly number[],
  changes: readonly (Change | null)[] | null = null
): SheetSpec {
  const fields = profileFields(results, analysis, lang, changes);
  const blocks: Block[] = [];
  const breaks: number[] = [];
  indexes.forEach((i, p) => {
    const base = p * PAGE_ROWS;
    if (p > 0) breaks.push(base);
    const value = (key: FieldKey) => fields.get(key)?.value(i) ?? null;
    const src: PageSource = {
      get: value,
      has: (key) => fields.has(key),
      chart: value,
      meaning: (key) => {
        const v = value(key);
        return rubricMeaning(typeof v === "number" ? v : null, lang) || null;
      },
      choice: results.kampung[i].name,
      choiceLabel: label("kampung", lang),
      title: `${label("titleProfil", lang)}: ${results.kampung[i].name}`,
    };
    const page = pageBlocks(
      base,
      src,
      stamp,
      lang,
      { with: fields.has("ib:setara"), chosen: results.weights.name },
      `_${p + 1}`
    );
    blocks.push(...page.blocks);
  });
  return {
    name: SHEET_NAMES.profilCetak,
    role: "profilCetak",
    columnWidths: PAGE_WIDTHS,
    blocks,
    charts: [],
    validations: [],
    print: breaks.length > 0 ? { breaksBefore: breaks } : undefined,
  };
}

/** `KKB Profil Cetak` was asked for but the selection cannot be printed (see ProfilSelection). */
export class ProfilSelectionError extends Error {
  constructor(
    readonly problem: "tooMany" | "noMatch",
    readonly count: number,
    readonly region: string | null,
    lang: Lang = "id",
    /** For noMatch: region names of the file the user may have meant (at most SUGGESTED). */
    readonly candidates: readonly string[] = []
  ) {
    // The message says what to do, in the sheets' language (the pane shows it as it is).
    super(
      label(problem === "tooMany" ? "profilTooMany" : "profilNoRegion", lang)
        .replace("{count}", String(count))
        .replace("{max}", String(MAX_PROFIL_PRINT))
        .replace("{region}", region ?? "") + suggestion(candidates, lang)
    );
    this.name = "ProfilSelectionError";
  }
}

/** Names offered when a region is not found. */
const SUGGESTED = 5;

/** ` Maksudnya: "Kabupaten Wonosobo"?` for the candidates, or nothing. */
export function suggestion(candidates: readonly string[], lang: Lang): string {
  if (candidates.length === 0) return "";
  const names = candidates.map((c) => `"${c}"`).join(", ");
  return lang === "id" ? ` Maksudnya: ${names}?` : ` Did you mean ${names}?`;
}

export type ProfilSelection =
  | { readonly ok: true; readonly indexes: readonly number[] }
  | {
      readonly ok: false;
      readonly problem: "tooMany" | "noMatch";
      readonly count: number;
      readonly candidates?: readonly string[];
    };

type RegionLevel = "kecamatan" | "kabupaten" | "provinsi" | "desa";
const LEVELS: readonly RegionLevel[] = ["kecamatan", "kabupaten", "provinsi", "desa"];

/** An administrative word at a name's start (`Kab.`, `Kota`, `Kecamatan` ...), and its kind. */
const ADMIN_WORD =
  /^(kabupaten|kab|kota|kecamatan|kec|provinsi|propinsi|prov|desa|kelurahan|kel)\b\.?\s*/;
const WORD_KIND: Readonly<Record<string, string>> = {
  kabupaten: "kabupaten",
  kab: "kabupaten",
  kota: "kota",
  kecamatan: "kecamatan",
  kec: "kecamatan",
  provinsi: "provinsi",
  propinsi: "provinsi",
  prov: "provinsi",
  desa: "desa",
  kelurahan: "kelurahan",
  kel: "kelurahan",
};
/** The column a kind of name belongs to: a kota is at the kabupaten's level, a kelurahan a desa's. */
const KIND_LEVEL: Readonly<Record<string, RegionLevel>> = {
  kabupaten: "kabupaten",
  kota: "kabupaten",
  kecamatan: "kecamatan",
  provinsi: "provinsi",
  desa: "desa",
  kelurahan: "desa",
};

/** A region name's administrative word (its kind) and the rest: `Kab. Wonosobo` -> kabupaten, `wonosobo`. */
function splitRegionName(name: string): { readonly kind: string | null; readonly bare: string } {
  const key = nameKey(name).trim();
  const m = ADMIN_WORD.exec(key);
  return m
    ? { kind: WORD_KIND[m[1]], bare: key.slice(m[0].length).trim() }
    : { kind: null, bare: key };
}

/**
 * The kampung `KKB Profil Cetak` prints: those of the region named `region` (a kecamatan,
 * kabupaten/kota, provinsi or desa, matched case- and space-free), or all of them when null; at
 * most MAX_PROFIL_PRINT. A name the file does not hold as written is matched without its
 * administrative word, when that names one region: `Wonosobo` or `Kab. Wonosobo` finds
 * `Kabupaten Wonosobo`; a word typed keeps its level and kind (`Kota Semarang` never finds
 * `Kabupaten Semarang`). Not found: the names it may have meant.
 */
export function selectProfil(results: Results, region: string | null): ProfilSelection {
  const kampung = results.kampung;
  let indexes = kampung.map((_, i) => i);
  if (region !== null && region.trim() !== "") {
    const want = nameKey(region);
    indexes = indexes.filter((i) => {
      const r = kampung[i].region;
      return LEVELS.some((level) => r[level] !== null && nameKey(r[level]) === want);
    });
    if (indexes.length === 0) {
      const asked = splitRegionName(region);
      const levels = asked.kind === null ? LEVELS : [KIND_LEVEL[asked.kind]];
      const sameKind = (kind: string | null) =>
        asked.kind === null || kind === null || kind === asked.kind;
      const exact = new Map<string, string>(); // nameKey -> the file's name
      const near = new Map<string, string>();
      // Of another kind or level (`Kabupaten Semarang` for `Kota Semarang`): only offered.
      const other = new Map<string, string>();
      for (const k of kampung)
        for (const level of LEVELS) {
          const name = k.region[level];
          if (name === null || asked.bare === "") continue;
          const { kind, bare } = splitRegionName(name);
          if (!levels.includes(level) || !sameKind(kind)) {
            if (bare === asked.bare) other.set(nameKey(name), name);
          } else if (bare === asked.bare) exact.set(nameKey(name), name);
          else if (bare.includes(asked.bare)) near.set(nameKey(name), name);
        }
      if (exact.size === 1) {
        const [key] = [...exact.keys()];
        indexes = kampung
          .map((_, i) => i)
          .filter((i) =>
            levels.some((level) => {
              const name = kampung[i].region[level];
              return name !== null && nameKey(name) === key;
            })
          );
      } else {
        const offered = exact.size > 1 ? exact : near.size > 0 ? near : other;
        const candidates = [...offered.values()]
          .sort((a, b) => a.localeCompare(b, "id"))
          .slice(0, SUGGESTED);
        return { ok: false, problem: "noMatch", count: 0, candidates };
      }
    }
  }
  if (indexes.length > MAX_PROFIL_PRINT)
    return { ok: false, problem: "tooMany", count: indexes.length };
  return { ok: true, indexes };
}
