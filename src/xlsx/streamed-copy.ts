/**
 * The input's copied sheets written while the file is still being read (Node): the reading
 * thread (read-thread.ts) hands each batch of rows here as it puts them into the grid, and each
 * row is written as the copy writes it (package-writer.ts `CopyWriter`) and deflated
 * (prepared-copy.ts `DeflatedPart`). This thread otherwise waits for the worker meanwhile: on
 * the national workbook the copy took about 1 s after the read, on four rounds of it some 3 s.
 *
 * The copies come out byte for byte as prepareCopies would write them from the grids, or not
 * at all: a copy's head is written before its rows, so its width is taken from the first batch
 * and checked against the whole grid at the end; rows must come in order, once each; merged
 * ranges and formulas without a result (which change a copy's cells at the end) are not
 * streamed; and every sheet read must be one the summary copies. When any of that fails, the
 * caller prepares the copies from the grids with fresh tables (these hold the streamed copies'
 * texts and styles).
 */
import { CellValue } from "../engine/cell";
import { Grid, gridEndCol, SheetLayout } from "../workbook/grid";
import { CopyWriter, DeflatedCopy, PackageTables, packageTables, Progress } from "./package-writer";
import { DeflatedPart } from "./prepared-copy";
import { RowSink } from "./read-thread";

interface StreamedSheet {
  readonly id: number;
  readonly part: DeflatedPart;
  readonly writer: CopyWriter;
  /** The layout its head was written with (the grid's, or the copy is written from the grid). */
  readonly layout: SheetLayout | undefined;
  /** Rows written before this sheet's (the progress count). */
  readonly before: number;
  /** The last sheet row written (0-based). */
  last: number;
  /** The grid, once the sheet has ended. */
  grid: Grid | null;
}

/** Streamed copies that cannot be used: the caller writes them from the grids. */
class NotStreamable extends Error {}

export class StreamedCopies implements RowSink {
  /** The package's styles and shared strings, the copies' first. */
  readonly tables: PackageTables = packageTables();
  private readonly progress: Progress = { written: 0, total: 0 };
  private readonly sheets: StreamedSheet[] = [];
  private work: Promise<void> = Promise.resolve();
  private failed = false;
  /** Each sheet's layout, by the reader's sheet number, for its copy's head. */
  private readonly layouts = new Map<number, SheetLayout>();

  layout(sheet: number, layout: SheetLayout): void {
    this.layouts.set(sheet, layout);
  }

  rows(sheet: number, rows: readonly number[], cells: readonly (readonly CellValue[])[]): void {
    this.then(() => this.write(sheet, rows, cells));
  }

  sheetEnd(sheet: number, grid: Grid): void {
    this.then(() => this.end(sheet, grid));
  }

  /**
   * The copies of `copied` (the grids the summary copies, in order; their `name`s and header
   * rows as the caller gives them), or null when they could not be streamed.
   */
  async finish(copied: readonly Grid[]): Promise<DeflatedCopy[] | null> {
    await this.work;
    if (this.failed || copied.length !== this.sheets.length) return null;
    const same = this.sheets.every((s, i) => s.grid !== null && s.grid.rows === copied[i].rows);
    if (!same) return null;
    return this.sheets.map((s, i) => ({
      name: copied[i].sheet,
      rows: (this.sheets[i + 1]?.before ?? this.progress.written) - s.before,
      deflated: s.part.chunks,
      crc32: s.part.crc32,
      size: s.part.size,
    }));
  }

  /** Runs `step` after the steps before it, unless one has failed. */
  private then(step: () => Promise<void>): void {
    this.work = this.work
      .then(() => (this.failed ? undefined : step()))
      .catch(() => {
        // A copy that cannot be streamed, or zlib failing: the caller writes them all again.
        this.failed = true;
      });
  }

  /**
   * The sheet `id`, started when its first rows or its end come, with `width()` columns (the
   * widest of its first batch).
   */
  private async sheet(id: number, width: () => number): Promise<StreamedSheet> {
    const last = this.sheets[this.sheets.length - 1];
    if (last?.id === id) return last;
    // Each sheet's rows come before the next one's, once.
    if ((last && last.grid === null) || this.sheets.some((s) => s.id === id))
      throw new NotStreamable();
    const part = new DeflatedPart();
    const layout = this.layouts.get(id);
    const writer = new CopyWriter(part, this.tables, this.progress, width(), 0, layout);
    const sheet = { id, part, writer, layout, before: this.progress.written, last: -1, grid: null };
    this.sheets.push(sheet);
    await writer.head();
    return sheet;
  }

  private async write(
    id: number,
    rows: readonly number[],
    cells: readonly (readonly CellValue[])[]
  ): Promise<void> {
    const sheet = await this.sheet(id, () => Math.max(0, ...cells.map((row) => row.length)));
    if (sheet.grid !== null) throw new NotStreamable();
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] <= sheet.last) throw new NotStreamable();
      sheet.last = rows[i];
      const written = sheet.writer.row(rows[i], cells[i]);
      if (written) await written;
    }
  }

  private async end(id: number, grid: Grid): Promise<void> {
    const sheet = await this.sheet(id, () => 0);
    // Merges, formulas shown as text, hidden rows and percentages are known only at the end:
    // such a sheet is copied from its grid instead (writeCopy).
    const changed =
      (grid.merges?.length ?? 0) > 0 ||
      (grid.uncalculated?.size ?? 0) > 0 ||
      (grid.hiddenRows?.size ?? 0) > 0 ||
      (grid.percentCells?.size ?? 0) > 0;
    const placed = grid.originRow === 0 && grid.originCol === 0 && grid.layout === sheet.layout;
    if (changed || !placed || gridEndCol(grid) !== sheet.writer.width) throw new NotStreamable();
    await sheet.writer.end([]);
    sheet.grid = grid;
  }
}
