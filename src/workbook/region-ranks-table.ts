/**
 * Ranks within regions in the sheets (issue 15, Deliver 3): the composite's rank in each
 * kecamatan, kabupaten/kota and provinsi as columns of the kampung table of `KKB Ringkasan`,
 * and every domain's rank too as a long table in `KKB Wilayah` (one row per kampung and region
 * level). A level shows when its column holds more than one region (a district's own file has
 * one kabupaten/kota: its rank there is the rank in the file). Pure.
 */
import { AnalysisResult, RANK_LEVELS, RankLevel } from "../engine/analysis";
import { Results } from "../engine/assessment";
import { DOMAINS, Lang } from "../engine/framework";
import { nameKey } from "../engine/group-stats";
import { label, LabelKey } from "./labels";
import { FORMATS, TableBlock, madeRows } from "./sheet-spec";

const RANK_LABEL: Readonly<Record<RankLevel, LabelKey>> = {
  kecamatan: "rankKecamatan",
  kabupaten: "rankKabupaten",
  provinsi: "rankProvinsi",
};

/** The levels whose ranks the sheets show, innermost first. */
export function rankLevelsShown(analysis: AnalysisResult): RankLevel[] {
  return RANK_LEVELS.filter((level) => {
    const regions = new Set<string>();
    for (const k of analysis.kampung) {
      const r = k.regionRank(level);
      if (r) regions.add(nameKey(r.region));
      if (regions.size > 1) return true;
    }
    return false;
  });
}

/** Headers of the composite's rank columns (`Peringkat di kecamatan`, ...). */
export function regionRankHeaders(levels: readonly RankLevel[], lang: Lang): string[] {
  return levels.map((level) => label(RANK_LABEL[level], lang));
}

/** One kampung's composite ranks in those levels (null where its region cell is blank). */
export function regionRankCells(
  analysis: AnalysisResult,
  i: number,
  levels: readonly RankLevel[]
): (number | null)[] {
  return levels.map((level) => analysis.kampung[i].regionRank(level)?.composite ?? null);
}

/**
 * The long table: kampung, region level and name, each domain's rank and the composite's,
 * and the kampung in the region; rows kampung by kampung, levels innermost first. Null when no
 * level is shown. Columns follow KKB Wilayah's widths (three text columns, then the domains).
 */
export function regionRanksTable(
  results: Results,
  analysis: AnalysisResult,
  levels: readonly RankLevel[],
  lang: Lang,
  row: number
): TableBlock | null {
  if (levels.length === 0) return null;
  // Which kampung and level each row is (a number per row); the rows are built as the writer
  // asks for them (three per kampung: 252,828 in a national file).
  const kampungOf: number[] = [];
  const levelOf: number[] = [];
  results.kampung.forEach((_, i) => {
    levels.forEach((level, l) => {
      if (!analysis.kampung[i].regionRank(level)) return;
      kampungOf.push(i);
      levelOf.push(l);
    });
  });
  const rows = madeRows(kampungOf.length, (n) => {
    const i = kampungOf[n];
    const level = levels[levelOf[n]];
    const r = analysis.kampung[i].regionRank(level)!;
    return [
      results.kampung[i].name,
      label(level, lang),
      r.region,
      ...DOMAINS.map((d) => r.domains[d.key]),
      r.composite,
      r.count,
    ];
  });
  const header = [
    label("kampung", lang),
    label("level", lang),
    label("regionName", lang),
    ...DOMAINS.map((d) => d.short[lang]),
    label("composite", lang),
    label("count", lang),
  ];
  return {
    kind: "table",
    name: "KKB_Peringkat_Wilayah",
    row,
    col: 0,
    header,
    rows,
    formats: [
      FORMATS.text,
      FORMATS.text,
      FORMATS.text,
      ...DOMAINS.map(() => FORMATS.integer),
      FORMATS.integer,
      FORMATS.integer,
    ],
    asExcelTable: true,
    colorScales: [],
    wrap: [0, 1, 2],
  };
}
