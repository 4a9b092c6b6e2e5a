/**
 * `KKB Ketidakpastian`: how much to trust a rank (the Monte Carlo of engine/uncertainty.ts),
 * which source moves the ranks most, and what goes with iBangga (engine/association.ts), as a
 * sheet spec. Pure: no Excel, no files.
 */
import { Association, AssociationVariable, Correlation } from "../engine/association";
import { KampungResult } from "../engine/assessment";
import { excelRound } from "../engine/decimal";
import { DOMAINS, Lang } from "../engine/framework";
import { RankInterval, SensitivityShares, UncertaintyResult } from "../engine/uncertainty";
import { label, SHEET_NAMES } from "./labels";
import { Column, decimalText, levelLabel, sizedBlocks, table } from "./summary";
import {
  Block,
  ChartSpec,
  FORMATS,
  LINE_HEIGHT,
  pageRowsHeight,
  SheetSpec,
  SpecValue,
} from "./sheet-spec";

/** The chart shows the intervals of this many kampung, the top of the nominal ranking. */
export const CHART_TOP = 30;
/** Content starts under the title, the five stamp lines and a blank row (as the other sheets). */
const CONTENT_ROW = 7;
const SHARE_FORMAT = "0%";
const TWO_DECIMALS = "0.00";

type Say = (id: string, en: string) => string;

/** Characters per note line: a note spills over the empty cells to its right, within the page. */
const NOTE_CHARACTERS = 150;

/** A sentence broken into lines of at most `width` characters, at spaces (notes are one cell a line). */
export function lineBreaks(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

const COLUMN_WIDTHS = [28, 18, 13, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];

/** The status level's label, or the text as written. */
function variableLabel(v: AssociationVariable, lang: Lang): string {
  if (v === "composite") return label("composite", lang);
  if (v === "ibangga") return "iBangga";
  return DOMAINS.find((d) => d.key === v)?.short[lang] ?? v;
}

function percent(x: number, lang: Lang): string {
  return `${decimalText(excelRound(x * 100, 0), lang)} %`;
}

/** The one sentence of the sensitivity: which source moves the composite's ranks most. */
export function sensitivitySentence(s: SensitivityShares, lang: Lang): string {
  const say: Say = (id, en) => (lang === "id" ? id : en);
  if (s.weights === null || s.rubric === null) {
    return say(
      "Peringkat komposit tidak bergerak di semua putaran: tidak ada sumber yang menggerakkannya.",
      "The composite ranks do not move in any run: no source moves them."
    );
  }
  const rubricFirst = s.rubric >= s.weights;
  const [first, second] = rubricFirst
    ? [
        say("penilaian rubrik (c)", "the rubric scoring (c)"),
        say("bobot domain (a)", "the domain weights (a)"),
      ]
    : [
        say("bobot domain (a)", "the domain weights (a)"),
        say("penilaian rubrik (c)", "the rubric scoring (c)"),
      ];
  const [x, y] = rubricFirst ? [s.rubric, s.weights] : [s.weights, s.rubric];
  return say(
    `Peringkat komposit paling digerakkan oleh ${first} (${percent(x, lang)} varians peringkat, orde pertama), lalu ${second} (${percent(y, lang)}); bobot iBangga (b) tidak menyentuh komposit.`,
    `The composite ranks are moved most by ${first} (${percent(x, lang)} of rank variance, first order), then ${second} (${percent(y, lang)}); the iBangga weights (b) do not touch the composite.`
  );
}

function robustnessLine(u: UncertaintyResult, lang: Lang): string {
  const say: Say = (id, en) => (lang === "id" ? id : en);
  const c = u.composite;
  if (c.ranked === 0)
    return say("Tidak ada kampung dengan skor komposit.", "No kampung has a composite score.");
  return say(
    `Peringkat komposit: ${c.moving} dari ${c.ranked} kampung peringkatnya bergeser di antara putaran; ${c.overlappingPairs} dari ${c.neighbourPairs} pasangan kampung yang berurutan punya interval yang tumpang tindih: urutan pasangan itu TIDAK kokoh (bisa tertukar karena bobot atau setengah poin rubrik). Hanya kampung yang intervalnya tidak bersinggungan dapat dikatakan berbeda.`,
    `Composite rank: ${c.moving} of ${c.ranked} kampung change rank between runs; ${c.overlappingPairs} of ${c.neighbourPairs} neighbouring pairs have overlapping intervals: their order is NOT robust (it can swap with the weights or half a rubric point). Only kampung whose intervals do not touch can be said to differ.`
  );
}

function stampLines(u: UncertaintyResult, lang: Lang): string[] {
  const o = u.options;
  const say: Say = (id, en) => (lang === "id" ? id : en);
  const p = decimalText(o.rubricMoveProbability, lang);
  return [
    say(
      `Monte Carlo: ${o.runs} putaran, seed ${o.seed}, pembangkit acak ${u.generator}.`,
      `Monte Carlo: ${o.runs} runs, seed ${o.seed}, random generator ${u.generator}.`
    ),
    say(
      `(a) Bobot lima domain komposit: Dirichlet(${o.domainConcentration} tiap domain) di sekitar bobot sama (0,2 tiap domain).`,
      `(a) The composite's five domain weights: Dirichlet(${o.domainConcentration} each) around equal weights (0.2 each).`
    ),
    say(
      `(b) Bobot iBangga: campuran acak antara setara dan kemandirian-sentral, lalu Dirichlet (konsentrasi ${o.ibanggaConcentration}) di sekitarnya.`,
      `(b) iBangga weights: a random mix of setara and kemandirian-sentral, then Dirichlet (concentration ${o.ibanggaConcentration}) around it.`
    ),
    say(
      `(c) Rubrik: tiap sub-indikator bernilai 1 atau 1,5 bergeser setengah langkah naik atau turun dengan peluang ${p} (bukti asimetris).`,
      `(c) Rubric: each sub-indicator scored 1 or 1.5 moves half a step up or down with probability ${p} (asymmetric evidence).`
    ),
    say(
      `Interval: persentil ke-5 sampai ke-95 peringkat (tipe 1, peringkat yang teramati). Kepekaan: estimator orde pertama Saltelli dkk. (2010), ${Math.min(o.sensitivityRuns, Math.floor(o.runs / 2))} pasang putaran.`,
      `Interval: 5th to 95th percentile of the rank (type 1, an observed rank). Sensitivity: Saltelli et al. (2010) first-order estimator, ${Math.min(o.sensitivityRuns, Math.floor(o.runs / 2))} pairs of runs.`
    ),
  ];
}

function sensitivityRows(u: UncertaintyResult, lang: Lang): SpecValue[][] {
  const say: Say = (id, en) => (lang === "id" ? id : en);
  const c = u.sensitivity.composite;
  const i = u.sensitivity.ibangga;
  return [
    [say("(a) Bobot domain", "(a) Domain weights"), c.weights, i?.weights ?? null],
    [say("(b) Bobot iBangga", "(b) iBangga weights"), c.ibanggaWeights, i?.ibanggaWeights ?? null],
    [say("(c) Rubrik setengah langkah", "(c) Rubric half step"), c.rubric, i?.rubric ?? null],
  ];
}

function correlationRows(correlations: readonly Correlation[], lang: Lang): SpecValue[][] {
  return correlations.map((c) => [
    variableLabel(c.variable, lang),
    c.n,
    c.rho,
    c.interval?.low ?? null,
    c.interval?.high ?? null,
  ]);
}

/** Rows of the kampung table, by nominal composite rank (unranked last, in sheet order). */
function kampungRows(
  kampung: readonly KampungResult[],
  u: UncertaintyResult,
  ibanggaValues: readonly (number | null)[],
  lang: Lang
): SpecValue[][] {
  const say: Say = (id, en) => (lang === "id" ? id : en);
  const order = kampung.map((_, i) => i);
  const rank = (i: number) => u.composite.kampung[i]?.nominal ?? Number.MAX_SAFE_INTEGER;
  order.sort((a, b) => rank(a) - rank(b) || a - b);
  const interval = (r: RankInterval | null | undefined): SpecValue[] =>
    r ? [r.nominal, r.median, r.p5, r.p95] : [null, null, null, null];
  return order.map((i, at) => {
    const k = kampung[i];
    const here = u.composite.kampung[i];
    const next = order[at + 1] === undefined ? null : u.composite.kampung[order[at + 1]];
    let apart: string | null = null;
    if (here && next) {
      apart =
        next.nominal === here.nominal
          ? say("seri", "tied")
          : next.p5 > here.p95
            ? say("ya", "yes")
            : say("tidak", "no");
    }
    return [
      k.name,
      k.region.kabupaten,
      k.status,
      k.composite,
      ...interval(here),
      apart,
      ...(u.ibangga ? [ibanggaValues[i], ...interval(u.ibangga.kampung[i])] : []),
    ];
  });
}

export interface UncertaintySheetInput {
  readonly kampung: readonly KampungResult[];
  readonly uncertainty: UncertaintyResult;
  readonly association: Association;
  /** The iBangga composite under the chosen weights, per kampung. */
  readonly ibanggaValues: readonly (number | null)[];
  readonly stamp: readonly string[];
  readonly lang: Lang;
}

/** The `KKB Ketidakpastian` sheet spec. */
export function uncertaintySheet(input: UncertaintySheetInput): SheetSpec {
  const { kampung, uncertainty: u, association: a, lang } = input;
  const say: Say = (id, en) => (lang === "id" ? id : en);
  const widths = COLUMN_WIDTHS;
  const blocks: Block[] = [
    { kind: "title", row: 0, col: 0, text: label("titleKetidakpastian", lang) },
    { kind: "notes", row: 1, col: 0, lines: input.stamp },
  ];
  let row = CONTENT_ROW;
  const notes = (texts: string[]) => {
    const lines = texts.flatMap((t) => lineBreaks(t, NOTE_CHARACTERS));
    blocks.push({ kind: "notes", row, col: 0, lines });
    row += lines.length + 1;
  };
  const title = (text: string) => {
    blocks.push({ kind: "title", row, col: 0, text });
    row++;
  };
  notes(stampLines(u, lang));

  // 1. Robustness, in words.
  title(say("Seberapa kokoh peringkat", "How robust the ranks are"));
  notes([robustnessLine(u, lang)]);

  // 2. Sensitivity.
  title(
    say(
      "Kepekaan: sumber yang paling menggerakkan peringkat",
      "Sensitivity: what moves the ranks most"
    )
  );
  const sensitivityColumns: Column[] = [
    { header: say("Sumber ketidakpastian", "Source of uncertainty"), format: FORMATS.text },
    {
      header: say("Bagian varians peringkat komposit", "Share of composite rank variance"),
      format: SHARE_FORMAT,
    },
    {
      header: say("Bagian varians peringkat iBangga", "Share of iBangga rank variance"),
      format: SHARE_FORMAT,
    },
  ];
  const sensitivityData = sensitivityRows(u, lang);
  blocks.push(table("KKB_Kepekaan", row, sensitivityColumns, sensitivityData));
  row += sensitivityData.length + 2;
  notes([sensitivitySentence(u.sensitivity.composite, lang)]);

  // 3. What goes with iBangga.
  title(
    say(
      "Apa yang berjalan bersama iBangga (asosiasi, bukan sebab-akibat)",
      "What goes with iBangga (association, not cause)"
    )
  );
  if (!a.shown) {
    notes([
      say(
        `Tidak ditampilkan: hanya ${a.n} kampung yang punya skor konvergensi dan iBangga; perlu sedikitnya 10 agar korelasi dan intervalnya bermakna.`,
        `Not shown: only ${a.n} kampung have both a convergence score and iBangga; at least 10 are needed for a correlation and its interval to mean anything.`
      ),
    ]);
  } else {
    notes([
      say(
        `Korelasi Spearman tiap domain dan komposit dengan iBangga komposit, n = ${a.n}; interval 95 % bootstrap persentil (${a.resamples} sampel ulang, seed ${a.seed}). Ini asosiasi: tidak menunjukkan bahwa konvergensi menyebabkan iBangga yang lebih baik.`,
        `Spearman correlation of each domain and of the composite with the iBangga composite, n = ${a.n}; 95 % percentile bootstrap interval (${a.resamples} resamples, seed ${a.seed}). This is association: it does not show that convergence causes better iBangga.`
      ),
    ]);
    const correlationColumns: Column[] = [
      { header: say("Variabel", "Variable"), format: FORMATS.text },
      { header: "n", format: FORMATS.integer },
      { header: "rho (Spearman)", format: TWO_DECIMALS },
      { header: say("95 % bawah", "95 % low"), format: TWO_DECIMALS },
      { header: say("95 % atas", "95 % high"), format: TWO_DECIMALS },
    ];
    const correlationData = correlationRows(a.correlations, lang);
    blocks.push(table("KKB_Korelasi", row, correlationColumns, correlationData));
    row += correlationData.length + 2;
    if (a.statusDifferences.length === 0) {
      notes([
        say(
          "Selisih menurut status tidak ditampilkan: tidak ada dua tingkat status dengan sedikitnya 2 kampung masing-masing.",
          "Differences by status are not shown: no two status levels have at least 2 kampung each."
        ),
      ]);
    } else {
      notes([
        say(
          "Selisih rata-rata antara tingkat status yang berurutan (tingkat lebih tinggi dikurangi lebih rendah), interval 95 % bootstrap (tiap kelompok disampel ulang sendiri).",
          "Difference of means between neighbouring status levels (higher minus lower), 95 % bootstrap interval (each group resampled on its own)."
        ),
      ]);
      const differenceColumns: Column[] = [
        { header: say("Variabel", "Variable"), format: FORMATS.text },
        { header: say("Status lebih rendah", "Lower status"), format: FORMATS.text },
        { header: "n", format: FORMATS.integer },
        { header: say("Rata-rata", "Mean"), format: TWO_DECIMALS },
        { header: say("Status lebih tinggi", "Higher status"), format: FORMATS.text },
        { header: "n", format: FORMATS.integer },
        { header: say("Rata-rata", "Mean"), format: TWO_DECIMALS },
        { header: say("Selisih", "Difference"), format: TWO_DECIMALS },
        { header: say("95 % bawah", "95 % low"), format: TWO_DECIMALS },
        { header: say("95 % atas", "95 % high"), format: TWO_DECIMALS },
      ];
      const differenceData: SpecValue[][] = a.statusDifferences.map((d) => [
        variableLabel(d.variable, lang),
        levelLabel(d.lower, lang),
        d.nLower,
        d.meanLower,
        levelLabel(d.higher, lang),
        d.nHigher,
        d.meanHigher,
        d.difference,
        d.interval.low,
        d.interval.high,
      ]);
      blocks.push(table("KKB_Selisih_Status", row, differenceColumns, differenceData));
      row += differenceData.length + 2;
    }
  }

  // 4. The chart of intervals: the top of the ranking.
  const charts: ChartSpec[] = [];
  const ranked = kampung
    .map((k, i) => ({ k, r: u.composite.kampung[i] }))
    .filter((x): x is { k: KampungResult; r: RankInterval } => x.r !== null)
    .sort((x, y) => x.r.nominal - y.r.nominal)
    .slice(0, CHART_TOP);
  const breaksBefore: number[] = [];
  if (ranked.length > 0) {
    // The chart and the kampung table start a page: the chart is never cut in two.
    breaksBefore.push(row);
    title(say("Interval peringkat komposit (grafik)", "Composite rank intervals (chart)"));
    notes([
      say(
        `Grafik: ${ranked.length} kampung teratas menurut peringkat nominal. Batang biru muda: dari persentil ke-5 sampai median; biru tua: dari median sampai persentil ke-95 (peringkat 1 di kiri; batang pendek berarti peringkat kokoh). Semua kampung ada di tabel di bawah.`,
        `Chart: the top ${ranked.length} kampung by nominal rank. Light blue bar: from the 5th percentile to the median; dark blue: from the median to the 95th percentile (rank 1 at the left; a short bar is a robust rank). Every kampung is in the table below.`
      ),
    ]);
    const chartColumns: Column[] = [
      { header: label("kampung", lang), format: FORMATS.text },
      { header: say("Sampai P5 (tak terlihat)", "Up to P5 (hidden)"), format: FORMATS.integer },
      { header: say("P5 sampai median", "P5 to median"), format: FORMATS.integer },
      { header: say("Median sampai P95", "Median to P95"), format: FORMATS.integer },
    ];
    const chartData: SpecValue[][] = ranked.map(({ k, r }) => [
      k.name,
      r.p5,
      r.median - r.p5,
      r.p95 - r.median,
    ]);
    const sourceRow = row;
    blocks.push(table("KKB_Grafik_Interval", row, chartColumns, chartData));
    // The chart beside its data (columns F to N), so both print on one page.
    // At most a printed page less its title, notes and the table's wrapped header (the chart is
    // anchored to rows: taller than a page, its foot would print on the next).
    const pageRows = Math.floor(pageRowsHeight(widths) / LINE_HEIGHT) - 8;
    const chartRows = Math.min(pageRows, Math.max(14, Math.ceil(ranked.length * 1.1) + 4));
    charts.push({
      kind: "rankInterval",
      title: say(
        "Peringkat komposit: median dan interval 5-95 %",
        "Composite rank: median and 5-95 % interval"
      ),
      source: { row: sourceRow, col: 0, rows: chartData.length + 1, cols: 4 },
      seriesBy: "columns",
      anchor: { row: sourceRow, col: 5 },
      size: { rows: chartRows, cols: 9 },
    });
    row += Math.max(chartData.length + 1, chartRows) + 2;
  }

  // 5. Every kampung.
  title(say("Semua kampung, menurut peringkat komposit", "Every kampung, by composite rank"));
  notes([
    say(
      '"Terpisah dari berikutnya": ya bila interval kampung ini dan kampung berikutnya tidak bersinggungan (urutan keduanya kokoh); tidak bila tumpang tindih.',
      "\"Apart from the next\": yes when this kampung's interval and the next one's do not touch (their order is robust); no when they overlap."
    ),
  ]);
  const rankColumns = (prefix: string): Column[] => [
    { header: `${prefix}${say("peringkat nominal", "nominal rank")}`, format: FORMATS.integer },
    { header: `${prefix}median`, format: FORMATS.integer },
    { header: `${prefix}P5`, format: FORMATS.integer },
    { header: `${prefix}P95`, format: FORMATS.integer },
  ];
  const kampungColumns: Column[] = [
    { header: label("kampung", lang), format: FORMATS.text },
    { header: label("kabupaten", lang), format: FORMATS.text },
    { header: label("status", lang), format: FORMATS.text },
    { header: label("composite", lang), format: FORMATS.composite },
    ...rankColumns(say("Komposit: ", "Composite: ")),
    { header: say("Terpisah dari berikutnya", "Apart from the next"), format: FORMATS.text },
    ...(u.ibangga
      ? [{ header: "iBangga", format: FORMATS.ibangga }, ...rankColumns("iBangga: ")]
      : []),
  ];
  blocks.push(
    table(
      "KKB_Ketidakpastian",
      row,
      kampungColumns,
      kampungRows(kampung, u, input.ibanggaValues, lang)
    )
  );
  return {
    name: SHEET_NAMES.ketidakpastian,
    role: "ketidakpastian",
    columnWidths: widths,
    // Header rows as tall as their wrapped headers, as on the other summary sheets.
    blocks: sizedBlocks(blocks, widths),
    charts,
    validations: [],
    print: { breaksBefore },
  };
}
