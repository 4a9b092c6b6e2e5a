/**
 * Excel's grid holds 1,048,576 rows. A summary sheet that would run past it (the per-domain
 * tables of some 210,000 kampung, the history of a national file over many rounds, a copy of a
 * full input's rows in the ranking) is cut at the last row that fits: its tables end there, the
 * blocks and charts below are left out, the stamp says so, and the caller says it once. The
 * whole detail stays in the JSON (`--json`). Pure.
 */
import { Lang } from "../engine/framework";
import { Block, ChartSpec, SheetSpec, blockHeight, firstRows } from "./sheet-spec";

/** Rows of Excel's grid (Excel specifications and limits). */
export const SHEET_ROWS = 1_048_576;

export interface CutSheet {
  readonly sheet: string;
  /** Data rows of the sheet's tables left out. */
  readonly rowsLeftOut: number;
}

/**
 * The sheets with each one cut to `limit` rows (0-based rows 0 .. limit - 1), and which were
 * cut. A table that crosses the limit keeps the rows above it; a block or chart that starts at
 * or reaches past it goes. `limit` is Excel's unless a test gives a smaller one.
 */
export function fitSheetsToGrid(
  sheets: readonly SheetSpec[],
  lang: Lang,
  limit: number = SHEET_ROWS
): { readonly sheets: SheetSpec[]; readonly cut: CutSheet[] } {
  const cut: CutSheet[] = [];
  const out = sheets.map((spec) => {
    const fitted = fitSheet(spec, lang, limit);
    if (fitted.rowsLeftOut > 0) cut.push({ sheet: spec.name, rowsLeftOut: fitted.rowsLeftOut });
    return fitted.spec;
  });
  return { sheets: out, cut };
}

function fitSheet(
  spec: SheetSpec,
  lang: Lang,
  limit: number
): { spec: SheetSpec; rowsLeftOut: number } {
  const last = spec.blocks.reduce((end, b) => Math.max(end, b.row + blockHeight(b)), 0);
  if (last <= limit) return { spec, rowsLeftOut: 0 };
  let rowsLeftOut = 0;
  const blocks: Block[] = [];
  for (const block of spec.blocks) {
    const end = block.row + blockHeight(block);
    if (end <= limit) {
      blocks.push(block);
      continue;
    }
    if (block.kind === "notes") {
      if (block.row < limit)
        blocks.push({ ...block, lines: block.lines.slice(0, limit - block.row) });
      continue;
    }
    if (block.kind === "title") continue; // at the limit or below it
    // The header row and the data rows above the limit.
    const keep = Math.max(0, limit - block.row - 1);
    rowsLeftOut += block.rows.length - Math.min(keep, block.rows.length);
    if (block.row >= limit) continue;
    blocks.push({
      ...block,
      rows: firstRows(block.rows, keep),
      ...(block.links
        ? { links: { ...block.links, targets: block.links.targets.slice(0, keep) } }
        : {}),
    });
  }
  const fits = (c: ChartSpec) =>
    c.anchor.row + c.size.rows <= limit && c.source.row + c.source.rows <= limit;
  const print = spec.print && {
    ...spec.print,
    ...(spec.print.breaksBefore
      ? { breaksBefore: spec.print.breaksBefore.filter((row) => row < limit) }
      : {}),
  };
  return {
    spec: {
      ...spec,
      blocks: withCutNote(blocks, rowsLeftOut, lang),
      charts: spec.charts.filter(fits),
      ...(print ? { print } : {}),
    },
    rowsLeftOut,
  };
}

/** The stamp's last line (the counts) says what was left out and where to find it. */
function withCutNote(blocks: Block[], rowsLeftOut: number, lang: Lang): Block[] {
  const stamp = blocks.findIndex((b) => b.kind === "notes" && b.row === 1);
  if (stamp < 0) return blocks;
  const notes = blocks[stamp];
  if (notes.kind !== "notes" || notes.lines.length === 0) return blocks;
  const n = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US").format(rowsLeftOut);
  const note =
    lang === "id"
      ? `; ${n} baris tidak muat di lembar ini (batas Excel 1.048.576 baris): lihat JSON (--json)`
      : `; ${n} rows do not fit this sheet (Excel's limit of 1,048,576 rows): see the JSON (--json)`;
  const lines = [...notes.lines];
  lines[lines.length - 1] += note;
  const out = [...blocks];
  out[stamp] = { ...notes, lines };
  return out;
}
