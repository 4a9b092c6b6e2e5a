/**
 * Printed tables keep their header on every page (README, "Printing"). Excel repeats one
 * band of rows per sheet (`_xlnm.Print_Titles`), printed on the pages after the one where the
 * band first appears. So, on a summary sheet:
 * - the sheet's last table, when it is longer than a page and nothing follows it, gets its
 *   header row as the print titles (an Excel table kept whole: sort and filter it);
 * - every other table longer than a page is printed in page-long pieces, each starting a page
 *   with a copy of the header (a table of its own, named `<name>_2`, `<name>_3`, ...): the
 *   study's per-domain tables of KKB Domain, the region tables of KKB Wilayah, ...
 * Page lengths come from the rows' estimated heights (sized blocks) at the sheet's print scale;
 * a piece fills a page less a margin, so that an estimate a little short never lets a page
 * start inside it.
 */
import {
  Block,
  blockHeight,
  ChartSpec,
  LINE_HEIGHT,
  madeRows,
  pageRowsHeight,
  printedWidths,
  rowAt,
  SheetSpec,
  TableBlock,
} from "./sheet-spec";

/** Share of a page a piece may fill: row heights are estimates (wrapped text, fonts). */
export const PAGE_FILL = 0.85;

/**
 * A table of more pieces than this is not cut (about 2,000 kampung): nobody prints it, and
 * on screen one table is better than thousands.
 */
export const MAX_PIECES = 60;

/** The sheet with its tables' headers repeated in print (see the module comment). */
export function withRepeatedHeaders(original: SheetSpec): SheetSpec {
  const spec = sectionFirst(original);
  // Whole tables are kept on a page as the sheets place them (a full page, as KKB Domain's
  // 30-kampung tables); pieces of a cut table fill PAGE_FILL of one.
  const page = pageRowsHeight(printedWidths(spec));
  const tables = spec.blocks
    .filter((b): b is TableBlock => b.kind === "table" && b.rows.length > 0)
    .sort((a, b) => a.row - b.row);
  if (tables.length === 0) return spec;
  const titledRow = spec.print?.repeatRows?.first ?? null;
  let titled: TableBlock | null = tables.find((t) => t.row === titledRow) ?? null;
  if (titledRow === null) {
    const last = tables[tables.length - 1];
    const end = last.row + last.rows.length;
    const after =
      spec.blocks.some((b) => b.row > end) || spec.charts.some((c) => c.anchor.row > end);
    if (!after) titled = last;
  }
  const given = new Set(spec.print?.breaksBefore ?? []);
  const titleRows = new Set(spec.blocks.filter((b) => b.kind === "title").map((b) => b.row));
  /** Rows added under each cut table: [its last data row (as given), rows added]. */
  const added: [number, number][] = [];
  const pieces = new Map<TableBlock, TableBlock[]>();
  const breaks = new Set(given);
  // The printed pages, top down: `used` points of the current page are taken.
  let used = 0;
  let cursor = 0;
  const advance = (to: number) => {
    for (; cursor < to; cursor++) {
      if (given.has(cursor)) used = 0;
      used = used + LINE_HEIGHT > page ? LINE_HEIGHT : used + LINE_HEIGHT;
    }
  };
  for (const t of tables) {
    const titleAbove = titleRows.has(t.row - 1) && t.row - 1 >= cursor;
    const start = titleAbove ? t.row - 1 : t.row;
    advance(start);
    if (given.has(start)) used = 0;
    const lead = titleAbove ? LINE_HEIGHT : 0;
    cursor = t.row + t.rows.length + 1;
    const total = rowHeights(t, page).total;
    if (t === titled) {
      // A table whole on the page it starts needs no print titles: they would only head the
      // pages after it (the charts and means under the kampung table) with its header.
      if (used + lead + total <= page) {
        titled = null;
        used += lead + total;
      } else {
        // Kept whole under the print titles; what follows it starts a page (the sheet says so).
        used = 0;
      }
      continue;
    }
    if (used + lead + total <= page) {
      used += lead + total;
      continue;
    }
    // It starts a page (unless it starts one already), then is cut when a page cannot hold it.
    if (used > 0) breaks.add(start);
    if (lead + total <= page) {
      used = lead + total;
      continue;
    }
    const cutPieces = cut(t, page * PAGE_FILL, lead);
    if (cutPieces === null) {
      used = 0;
      continue;
    }
    pieces.set(t, cutPieces.pieces);
    added.push([t.row + t.rows.length, cutPieces.pieces.length - 1]);
    used = cutPieces.lastHeight;
  }
  const untitled = titled === null && spec.print?.repeatRows !== undefined;
  if (pieces.size === 0 && breaks.size === given.size && titled === null && !untitled) return spec;
  const shift = (row: number) =>
    row + added.reduce((n, [end, count]) => (row > end ? n + count : n), 0);
  // A piece's row: its table's, moved by the tables cut above it, plus the headers before it.
  const pieceRow = (t: TableBlock, p: TableBlock) => shift(t.row) + (p.row - t.row);
  const blocks = spec.blocks.flatMap((b): Block[] => {
    const cutInto = b.kind === "table" ? pieces.get(b) : undefined;
    if (cutInto) return cutInto.map((p) => ({ ...p, row: pieceRow(b as TableBlock, p) }));
    return [{ ...b, row: shift(b.row) }];
  });
  const breaksBefore = [
    ...[...breaks].map(shift),
    ...[...pieces].flatMap(([t, ps]) => ps.slice(1).map((p) => pieceRow(t, p))),
  ];
  const repeatRows = titled ? { first: shift(titled.row), last: shift(titled.row) } : undefined;
  const sortedBreaks = [...new Set(breaksBefore)].filter((r) => r > 0).sort((a, b) => a - b);
  return {
    ...spec,
    blocks,
    charts: spec.charts.map((c) => ({
      ...c,
      anchor: { ...c.anchor, row: shift(c.anchor.row) },
      source: { ...c.source, row: shift(c.source.row) },
    })),
    validations: spec.validations.map((v) => ({ ...v, row: shift(v.row) })),
    print: {
      ...(spec.print?.area ? { area: spec.print.area } : {}),
      ...(repeatRows ? { repeatRows } : {}),
      ...(sortedBreaks.length > 0 ? { breaksBefore: sortedBreaks } : {}),
    },
  };
}

/**
 * KKB Ringkasan and KKB iBangga print the means by status (and their chart) on a page of their
 * own after a kampung table; when that table is longer than a page its header is the print
 * titles, which would head that page too. Then that section comes first, under the stamp, on
 * its own page, and the table after it: the print titles head only the table's pages. The sheet
 * then freezes its columns only (scrolled into the table, Excel shows its header in place of the
 * column letters).
 */
function sectionFirst(spec: SheetSpec): SheetSpec {
  const titledRow = spec.print?.repeatRows?.first;
  const main = spec.blocks.find((b): b is TableBlock => b.kind === "table" && b.row === titledRow);
  if (!main) return spec;
  const end = main.row + main.rows.length;
  const start = (spec.print?.breaksBefore ?? []).find((r) => r > end);
  if (start === undefined) return spec;
  const page = pageRowsHeight(printedWidths(spec));
  if (main.row * LINE_HEIGHT + rowHeights(main, page).total <= page) return spec;
  const section = spec.blocks.filter((b) => b.row >= start);
  const sectionCharts = spec.charts.filter((c) => c.anchor.row >= start);
  const last = Math.max(
    ...section.map((b) => b.row + blockHeight(b)),
    ...sectionCharts.map((c) => c.anchor.row + c.size.rows)
  );
  const height = last - start + 1;
  const top = main.row;
  // The section moves up to the table's row; the table and what lies between it and the section
  // (its notes) move down by the section's height.
  const move = (row: number) =>
    row >= start ? row - start + top : row >= top ? row + height : row;
  const moveChart = (c: ChartSpec): ChartSpec => ({
    ...c,
    anchor: { ...c.anchor, row: move(c.anchor.row) },
    source: { ...c.source, row: move(c.source.row) },
  });
  const tableRow = move(main.row);
  return {
    ...spec,
    blocks: spec.blocks.map((b) => ({ ...b, row: move(b.row) })),
    charts: spec.charts.map(moveChart),
    validations: spec.validations.map((v) => ({ ...v, row: move(v.row) })),
    ...(spec.freeze ? { freeze: { rows: 0, columns: spec.freeze.columns } } : {}),
    print: {
      ...spec.print,
      repeatRows: { first: tableRow, last: tableRow },
      breaksBefore: [
        tableRow,
        ...(spec.print?.breaksBefore ?? []).filter((r) => r < top).map(move),
      ].sort((a, b) => a - b),
    },
  };
}

/** The header's and each data row's height in points, counted until they pass `limit`. */
function rowHeights(t: TableBlock, limit: number): { header: number; total: number } {
  const header = t.heights?.header ?? LINE_HEIGHT;
  let total = header;
  for (let r = 0; r < t.rows.length && total <= limit; r++) total += rowHeight(t, r);
  return { header, total };
}

function rowHeight(t: TableBlock, r: number): number {
  return (t.heights ? t.heights.row(rowAt(t.rows, r)) : null) ?? LINE_HEIGHT;
}

/**
 * The table in pieces of at most a page each (the first after `lead` points of title), one
 * under the other in the table's own rows (as given: shifted by the caller), each with the
 * header; null when it would take more than MAX_PIECES.
 */
function cut(
  t: TableBlock,
  page: number,
  lead: number
): { pieces: TableBlock[]; lastHeight: number } | null {
  const header = t.heights?.header ?? LINE_HEIGHT;
  const starts: number[] = [0];
  let used = lead + header;
  for (let r = 0; r < t.rows.length; r++) {
    const h = rowHeight(t, r);
    if (used + h > page && r > starts[starts.length - 1]) {
      if (starts.length >= MAX_PIECES) return null;
      starts.push(r);
      used = header;
    }
    used += h;
  }
  const pieces = starts.map((start, k): TableBlock => {
    const count = (starts[k + 1] ?? t.rows.length) - start;
    const links = t.links
      ? { ...t.links, targets: t.links.targets.slice(start, start + count) }
      : undefined;
    return {
      ...t,
      name: k === 0 ? t.name : `${t.name}_${k + 1}`,
      row: t.row + start + k,
      rows: madeRows(count, (i) => rowAt(t.rows, start + i)),
      ...(links ? { links } : {}),
    };
  });
  return { pieces, lastHeight: used };
}
