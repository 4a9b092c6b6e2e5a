/**
 * The shared-string table of a package being written (`xl/sharedStrings.xml`): each distinct
 * text once, cells refer to it by index (`t="s"`). On the national summary a kampung's name
 * appears in eleven rows and a next step in thousands: written once each, the sheets' XML is
 * about a third smaller than with every text inline, and so is the work of encoding and
 * deflating it.
 *
 * The table holds at most `max` texts; a text first seen after that is written inline
 * (`t="inlineStr"`, which every reader accepts beside shared ones), so its memory stays bounded
 * on Excel's full grid.
 */
import { inlineText } from "./xml-text";

/** Distinct texts kept by default (some 40 MB of table at most, besides the texts themselves). */
export const MAX_SHARED_STRINGS = 1 << 20;

const SST_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  /** Cells that refer to the table. */
  private references = 0;

  constructor(private readonly max = MAX_SHARED_STRINGS) {}

  /** The index of `text` in the table (added when new), or -1 when it is full and `text` new. */
  indexOf(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      if (this.indexes.size >= this.max) return -1;
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    this.references++;
    return index;
  }

  /** Distinct texts in the table. */
  get size(): number {
    return this.indexes.size;
  }

  /** The part's XML in pieces (one per text), in index order. */
  *xml(): Generator<string> {
    yield (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="${SST_NS}" count="${this.references}" uniqueCount="${this.indexes.size}">`
    );
    // A Map iterates in insertion order: the order of the indexes.
    for (const text of this.indexes.keys()) yield `<si>${inlineText(text)}</si>`;
    yield "</sst>";
  }
}
