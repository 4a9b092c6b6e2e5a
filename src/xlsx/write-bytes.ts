/**
 * Renders sheet specs (after optional copies of input grids) to .xlsx bytes in memory, with no
 * Node APIs: the task pane outside Excel builds the summary workbook the user downloads. The
 * same package writer as the CLI's file (package-writer.ts): the same cells, styles, Excel
 * tables, conditional formats, validation, page setup and native charts; the zip is deflated by
 * the browser's CompressionStream. User text is always written as text, never as a formula.
 */
import { Grid } from "../workbook/grid";
import { SheetSpec } from "../workbook/sheet-spec";
import { checkSheetNames } from "./layout";
import { writePackage } from "./package-writer";

export interface BytesCopy {
  readonly name: string;
  readonly grid: Grid;
}

export interface WriteBytesOptions {
  /** Grids written first, cell for cell at their own addresses (the input rows). */
  readonly copies?: readonly BytesCopy[];
  /** Called before each sheet is written, with its name, its place and the sheet count. */
  readonly onSheet?: (name: string, index: number, total: number) => void;
  /** Called when every sheet is written and the file is being finished. */
  readonly onPack?: () => void;
}

export async function writeWorkbookBytes(
  sheets: readonly SheetSpec[],
  options: WriteBytesOptions = {}
): Promise<Uint8Array> {
  const copies = options.copies ?? [];
  checkSheetNames([...copies.map((c) => c.name), ...sheets.map((s) => s.name)]);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const memory = new WritableStream<Uint8Array>({
    write(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
  });
  const total = copies.length + sheets.length;
  await writePackage(memory, sheets, {
    copies,
    onSheet: (name, index) => {
      options.onSheet?.(name, index, total);
      if (index === total - 1) options.onPack?.();
    },
  });
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
