/**
 * `KKB Tren`: what changed across assessment rounds (engine/trend.ts). From the top: how the
 * rounds were found, the composite per round with its line chart (each kampung when there are
 * at most MAX_KAMPUNG_CHARTED, else the status-group means), the means by status and by region
 * in each round, then every kampung's history with the change since its previous assessment.
 * Pure: no Excel, no files.
 */
import { DOMAINS, DomainKey, Lang } from "../engine/framework";
import { GroupStats } from "../engine/group-stats";
import { nameKey } from "../engine/group-stats";
import { RegionGroup, RegionLevel } from "../engine/regions";
import { normaliseStatus } from "../engine/status";
import { HistoryEntry, KampungTrend, Trend } from "../engine/trend";
import { RoundSource } from "../engine/rounds";
import { label, LabelKey, SHEET_NAMES } from "./labels";
import {
  Block,
  ChartSpec,
  FORMATS,
  SheetSpec,
  SpecValue,
  TableBlock,
  madeRows,
} from "./sheet-spec";
import {
  CHART_COL,
  CHART_SIZE,
  Column,
  CONTENT_ROW,
  decimalText,
  domainColumns,
  domainWidths,
  heading,
  levelLabel,
  MAX_KAMPUNG_CHARTED,
  sizedBlocks,
  statsCells,
  statsColumns,
  table,
  text,
  wrapped,
} from "./summary";

const IBANGGA_LABEL: Readonly<Record<string, LabelKey>> = {
  setara: "setara",
  "kemandirian-sentral": "kemandirianSentral",
  custom: "custom",
};

const LEVEL_TITLES: Readonly<Record<RegionLevel, LabelKey>> = {
  provinsi: "provinsi",
  kabupaten: "kabupaten",
  kecamatan: "kecamatan",
};

const change = (header: string): Column => ({ header, format: FORMATS.change });

function domainName(key: DomainKey, lang: Lang): string {
  return DOMAINS.find((d) => d.key === key)!.short[lang];
}

/** `Dasar -> Berkembang`: the status before and now, as the level's name or the text written. */
function statusChangeText(entry: HistoryEntry, lang: Lang): string | null {
  if (entry.statusFrom === null) return null;
  const name = (s: string | null) => {
    const status = normaliseStatus(s);
    if (status.text === null) return "-";
    return status.level ? levelLabel(status.level, lang) : status.text;
  };
  return `${name(entry.statusFrom)} \u2192 ${name(entry.status)}`;
}

/** `Rujukan -0,6; Kader -0,5`: the domains that fell by half a step or more, with the fall. */
function fellText(entry: HistoryEntry, lang: Lang): string | null {
  if (entry.fell.length === 0 || !entry.change) return null;
  const deltas = entry.change.domains;
  return entry.fell
    .map((d) => `${domainName(d, lang)} ${decimalText(deltas[d]!, lang)}`)
    .join("; ");
}

/** The notes under the stamp: the rounds with their counts, how they were found, the flags. */
function roundNotes(trend: Trend, source: RoundSource, lang: Lang): string[] {
  const rounds = trend.rounds.map((r) => `${r.label} (${r.count})`).join(", ");
  const current = trend.rounds[trend.current].label;
  let fell = 0;
  let changed = 0;
  for (const k of trend.kampung) {
    // The current round need not be the kampung's last: --periode can pick an earlier one.
    const at = k.roundIndexes.indexOf(trend.current);
    if (at < 0) continue;
    const now = k.historyAt(at);
    if (now.fell.length > 0) fell++;
    if (now.statusFrom !== null) changed++;
  }
  return lang === "id"
    ? [
        `Periode (jumlah baris kampung): ${rounds}. Periode sekarang: ${current}.`,
        source === "periode"
          ? "Periode dibaca dari kolom Periode."
          : source === "lembar"
            ? "Periode dibaca dari nama lembar yang dipilih (atau kolom Periode lembar itu)."
            : "Tanpa kolom Periode: periode adalah triwulan Tanggal penilaian (T1 = Januari-Maret). Tambahkan kolom Periode untuk menentukannya sendiri.",
        `Perubahan dihitung terhadap penilaian sebelumnya kampung itu. Dalam periode ${current}: ${fell} kampung dengan domain turun 0,5 atau lebih, ${changed} kampung berubah status.`,
      ]
    : [
        `Rounds (kampung rows): ${rounds}. Current round: ${current}.`,
        source === "periode"
          ? "Rounds are read from the Periode column."
          : source === "lembar"
            ? "Rounds are read from the names of the sheets picked (or a sheet's own Periode column)."
            : "No Periode column: a round is the quarter of the assessment date (T1 = January-March). Add a Periode column to set rounds yourself.",
        `Changes are against the kampung's previous assessment. In round ${current}: ${fell} kampung with a domain down 0.5 or more, ${changed} kampung changed status.`,
      ];
}

/** Series of the line chart: each kampung, or the status groups (and all kampung) by round. */
function compositeRows(trend: Trend, lang: Lang): SpecValue[][] {
  const rounds = trend.rounds.length;
  if (trend.kampung.length <= MAX_KAMPUNG_CHARTED) {
    return trend.kampung.map((k) => {
      const row: SpecValue[] = [k.name, ...new Array<SpecValue>(rounds).fill(null)];
      for (const h of k.history) row[1 + h.roundIndex] = h.composite;
      return row;
    });
  }
  // The status groups of any round, in the order they first appear (levels in BKKBN order).
  const keys: { key: string; text: string; level: boolean }[] = [];
  for (const r of trend.perRound) {
    for (const g of r.statusGroups.groups) {
      if (!keys.some((k) => k.key === g.key)) {
        keys.push({ key: g.key, text: g.text, level: g.level !== null });
      }
    }
  }
  const rows = keys.map((k) => [
    k.level ? levelLabel(k.text, lang) : k.text,
    ...trend.perRound.map(
      (r) => r.statusGroups.groups.find((g) => g.key === k.key)?.composite.mean ?? null
    ),
  ]);
  rows.push([label("allKampung", lang), ...trend.perRound.map((r) => r.all.composite.mean)]);
  return rows;
}

/** Region levels shown: the two coarsest with more than one region in some round. */
function shownLevels(trend: Trend): RegionLevel[] {
  const levels: RegionLevel[] = ["provinsi", "kabupaten", "kecamatan"];
  return levels
    .filter((level) => trend.perRound.some((r) => r.regions[level].length > 1))
    .slice(0, 2);
}

function regionName(g: RegionGroup, lang: Lang): string {
  return g.name ?? label("blankRegion", lang);
}

/** The enclosing region of a group: the kecamatan's kabupaten/kota, the kabupaten's provinsi. */
function parentOf(g: RegionGroup): string | null {
  return g.kabupaten ?? g.provinsi ?? null;
}

/** Names of a level that stand for regions in different parents (Kec Kota in two kabupaten). */
function ambiguousNames(trend: Trend, level: RegionLevel): ReadonlySet<string> {
  const parents = new Map<string, string | null>();
  const ambiguous = new Set<string>();
  for (const r of trend.perRound)
    for (const g of r.regions[level]) {
      if (g.name === null) continue;
      const key = nameKey(g.name);
      const up = parentOf(g);
      const parent = up === null ? null : nameKey(up);
      if (!parents.has(key)) parents.set(key, parent);
      else if (parents.get(key) !== parent) ambiguous.add(key);
    }
  return ambiguous;
}

/** A region's name, with its parent where the name alone is ambiguous: `Kec Kab (Kab. Kendal)`. */
function qualifiedRegionName(g: RegionGroup, ambiguous: ReadonlySet<string>, lang: Lang): string {
  const name = regionName(g, lang);
  const parent = parentOf(g);
  return g.name !== null && parent && ambiguous.has(nameKey(g.name)) ? `${name} (${parent})` : name;
}

/** The `KKB Tren` sheet. `withIbangga`: the file has an iBangga part. */
export function trendSheet(
  trend: Trend,
  stamp: readonly string[],
  options: {
    readonly lang: Lang;
    readonly withIbangga: boolean;
    readonly weightsName: string;
    readonly source: RoundSource;
  }
): SheetSpec {
  const { lang, withIbangga, weightsName } = options;
  // The kampung table's domain columns (after Kampung, the kabupaten/kota when there are
  // several, Periode and Status): the means tables above put theirs in the same columns.
  const withKabupaten = new Set(trend.kampung.map((k) => k.region.kabupaten)).size > 1;
  const domainCol = withKabupaten ? 4 : 3;
  const blocks: Block[] = heading(label("titleTren", lang), stamp);
  const notes = roundNotes(trend, options.source, lang);
  let row = CONTENT_ROW;
  blocks.push({ kind: "notes", row, col: 0, lines: notes });
  row += notes.length + 1;

  // The composite per round and its chart.
  const perKampung = trend.kampung.length <= MAX_KAMPUNG_CHARTED;
  blocks.push({ kind: "title", row, col: 0, text: label("titleTrenKomposit", lang) });
  row++;
  const seriesRows = compositeRows(trend, lang);
  const compositeTable: TableBlock = {
    ...table(
      "KKB_TrenKomposit",
      row,
      [
        wrapped(label(perKampung ? "kampung" : "status", lang)),
        ...trend.rounds.map((r) => ({
          header: r.label,
          format: FORMATS.composite,
          scale: 2,
        })),
      ],
      seriesRows
    ),
    col: 1,
  };
  blocks.push(compositeTable);
  const charts: ChartSpec[] = [
    {
      kind: "line",
      title: label("chartTrend", lang),
      source: {
        row: compositeTable.row,
        col: compositeTable.col,
        rows: seriesRows.length + 1,
        cols: 1 + trend.rounds.length,
      },
      seriesBy: "rows",
      anchor: { row: row + seriesRows.length + 2, col: CHART_COL },
      size: CHART_SIZE,
    },
  ];
  row += seriesRows.length + 2 + CHART_SIZE.rows + 1;

  // Means by status in each round (all kampung last).
  blocks.push({ kind: "title", row, col: 0, text: label("titleTrenGroups", lang) });
  row++;
  const groupRows: SpecValue[][] = [];
  for (const r of trend.perRound) {
    for (const g of r.statusGroups.groups) {
      groupRows.push([
        r.round,
        g.level ? levelLabel(g.level, lang) : g.text,
        ...statsCells(g, withIbangga),
      ]);
    }
    groupRows.push([r.round, label("allKampung", lang), ...statsCells(r.all, withIbangga)]);
  }
  const groupTable: TableBlock = {
    ...table(
      "KKB_TrenStatus",
      row,
      [
        text(label("periode", lang)),
        wrapped(label("status", lang)),
        ...statsColumns(lang, withIbangga),
      ],
      groupRows
    ),
    col: domainCol - 2,
    colorScales: [],
  };
  blocks.push(groupTable);
  row += groupRows.length + 2;

  // Means by region in each round.
  const levels = shownLevels(trend);
  if (levels.length > 0) {
    blocks.push({ kind: "title", row, col: 0, text: label("titleTrenRegions", lang) });
    row++;
    const regionRows: SpecValue[][] = [];
    for (const level of levels) {
      const ambiguous = ambiguousNames(trend, level);
      for (const r of trend.perRound) {
        for (const g of r.regions[level]) {
          regionRows.push([
            r.round,
            label(LEVEL_TITLES[level], lang),
            qualifiedRegionName(g, ambiguous, lang),
            ...statsCells(g as GroupStats, withIbangga),
          ]);
        }
      }
    }
    blocks.push({
      ...table(
        "KKB_TrenWilayah",
        row,
        [
          text(label("periode", lang)),
          text(label("regionLevel", lang)),
          wrapped(label("region", lang)),
          ...statsColumns(lang, withIbangga),
        ],
        regionRows
      ),
      col: domainCol - 3,
      colorScales: [],
    });
    row += regionRows.length + 2;
  }

  // Every kampung's history, its current round's kampung first.
  blocks.push({ kind: "title", row, col: 0, text: label("titleTrenKampung", lang) });
  row++;
  const ibanggaHeader = label(IBANGGA_LABEL[weightsName] ?? "setara", lang);
  const columns: Column[] = [
    wrapped(label("kampung", lang)),
    ...(withKabupaten ? [wrapped(label("kabupaten", lang))] : []),
    text(label("periode", lang)),
    text(label("status", lang)),
    ...domainColumns(lang),
    { header: label("changeComposite", lang), format: FORMATS.changeComposite },
    ...(withIbangga
      ? [
          { header: ibanggaHeader, format: FORMATS.ibangga, scale: 100 },
          change(label("changeIbangga", lang)),
        ]
      : []),
    wrapped(label("statusChanged", lang)),
    wrapped(label("domainFell", lang)),
  ];
  // One row per kampung and round (337,104 for four national rounds), built as it is written.
  const kampungOf: number[] = [];
  const entryOf: number[] = [];
  trend.kampung.forEach((k, i) =>
    k.roundIndexes.forEach((_, j) => {
      kampungOf.push(i);
      entryOf.push(j);
    })
  );
  // A kampung's rows come one after the other: its history (made when read) is made once for them.
  let made: { readonly i: number; readonly history: readonly HistoryEntry[] } | null = null;
  const rows = madeRows(kampungOf.length, (n) => {
    const i = kampungOf[n];
    if (made?.i !== i) made = { i, history: trend.kampung[i].history };
    return historyRow(trend.kampung[i], made.history[entryOf[n]]);
  });
  // Pushed, not spread: the 337,104 rows of four national rounds are made in some 0.5 s less.
  function historyRow(k: KampungTrend, h: HistoryEntry): SpecValue[] {
    const row: SpecValue[] = [k.name];
    if (withKabupaten) row.push(k.region.kabupaten);
    row.push(h.round, h.status);
    for (const d of DOMAINS) row.push(h.domains[d.key]);
    row.push(h.composite, h.change?.composite ?? null);
    if (withIbangga) row.push(h.ibangga, h.change?.ibangga ?? null);
    row.push(statusChangeText(h, lang), fellText(h, lang));
    return row;
  }
  blocks.push(table("KKB_Tren", row, columns, rows));

  const columnWidths = [
    17,
    ...(withKabupaten ? [12] : []),
    11,
    12,
    ...domainWidths(lang),
    9.5,
    11,
    ...(withIbangga ? [10, 10] : []),
    16,
    20,
  ];
  return {
    name: SHEET_NAMES.tren,
    role: "tren",
    columnWidths,
    blocks: sizedBlocks(blocks, columnWidths),
    charts,
    validations: [],
  };
}
