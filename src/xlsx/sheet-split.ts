/**
 * A worksheet's XML read in two threads at once. Parsing the XML is most of a large sheet's
 * reading (saxes, some 3.8 s of CPU for the national sheet's 64 MB), and the thread that takes
 * the rows in is idle most of that time: the reading thread cuts the text between rows into
 * segments and sends one in `every` to the receiving thread, which parses it there
 * (read-thread.ts `GridsFromThread.segment`) while this thread parses the next ones.
 *
 * A segment is whole `<row>` elements: the text up to the last end tag of a row in what has
 * come, where the end tag is the first row's, as written (`</row>`, `</x:row>`). That text can
 * only be an end tag where no comment, CDATA section or processing instruction is (XML allows
 * `<` nowhere else), so a sheet with `<!` or `<?` anywhere after its XML declaration is not cut
 * from there on; nor from a namespace declaration in the rows (a row whose names mean something
 * else), nor from the end of `sheetData`: this thread parses the rest, as it does a sheet that
 * is never cut.
 *
 * Where this thread's parser is not between two rows of `sheetData` at a cut (a row inside a row,
 * rows inside an `extLst`), the cutting stops too. A segment the receiving thread cannot parse
 * as whole rows makes that read fail as damaged, and the file is then read again without cuts
 * (read-thread.ts `readXlsxInThread`): either way the grids are the one-thread reader's.
 *
 * Rows without an `r` attribute are numbered from the row before them, which for the first rows
 * after a segment read elsewhere is not known here: they are numbered from the segment's start
 * (sheet-part.ts `startSegment`), and the receiving thread, which read that segment, makes them
 * absolute (`resolveRow`).
 */
import { NewGridBuilder } from "./grid-builder";
import { SheetContext, SheetPartHandler } from "./ooxml/sheet-part";
import { NewSheetFeed, SheetFeed } from "./ooxml/workbook";
import { XmlStream } from "./ooxml/xml";
import { SegmentMessage, SendingGridBuilder, SentStrings, WorkerMessage } from "./read-thread";

export interface SplitOptions {
  /** One segment in this many is sent to the receiving thread (0 or 1: none is). */
  readonly every: number;
  /** The text is cut into pieces of at most this many characters first (tests: many cuts). */
  readonly pieceChars?: number;
}

/**
 * Text longer than this without a row's end tag stops the cutting: a row this long is not a
 * kampung's, and the text waiting to be cut would grow without bound.
 */
const MAX_WAITING_CHARS = 4 * 1024 * 1024;

/** Elements open between two rows: `worksheet` and `sheetData`. */
const SHEET_DATA_DEPTH = 2;

export class SplitFeed implements SheetFeed {
  /** Before the first row, cutting, or no longer cutting (see the module's comment). */
  private mode: "before" | "cutting" | "whole" = "before";
  /** Text after the last cut, not yet parsed anywhere; it starts between two rows. */
  private waiting = "";
  private rowEnd = "";
  private sheetDataEnd = "";
  private segments = 0;
  /** The last segment went to the receiving thread. */
  private sentLast = false;
  /** `<!` or `<?` came after the XML declaration (see `watch`). */
  private markup = false;
  private lastChar = "";
  private firstPiece = true;

  constructor(
    private readonly xml: XmlStream,
    private readonly handler: SheetPartHandler,
    private readonly builder: SendingGridBuilder,
    private readonly send: (message: SegmentMessage) => void,
    private readonly options: SplitOptions
  ) {}

  write(text: string): void {
    const size = this.options.pieceChars;
    if (!size) return this.piece(text);
    for (let at = 0; at < text.length; at += size) this.piece(text.slice(at, at + size));
  }

  end(): void {
    if (this.waiting) this.parseHere(this.waiting);
    this.waiting = "";
    this.xml.end();
    if (this.mode !== "before") this.builder.sheetLastRow = this.handler.currentRow;
  }

  private piece(text: string): void {
    this.watch(text);
    if (this.mode === "whole" || this.options.every < 2) return this.parseHere(text);
    if (this.mode === "before") return this.begin(text);
    const all = this.waiting + text;
    this.waiting = "";
    if (this.markup || this.unsafe(all)) {
      this.mode = "whole";
      return this.parseHere(all);
    }
    const cut = all.lastIndexOf(this.rowEnd);
    if (cut < 0) {
      if (all.length > MAX_WAITING_CHARS) {
        this.mode = "whole";
        return this.parseHere(all);
      }
      this.waiting = all;
      return;
    }
    const end = cut + this.rowEnd.length;
    this.waiting = all.slice(end);
    const segment = all.slice(0, end);
    if (++this.segments % this.options.every !== 0) return this.parseHere(segment);
    if (this.betweenRows()) return this.sendAway(segment);
    this.mode = "whole";
    this.parseHere(segment + this.waiting);
    this.waiting = "";
  }

  /** Parsed here until a row has begun; then cut after the last row's end in the same text. */
  private begin(text: string): void {
    const rowName = this.handler.rowName;
    if (rowName === null) return this.parseHere(text);
    this.rowEnd = `</${rowName}>`;
    // The prefix of the row's name (`x:` in `x:row`) is that of its sheetData.
    this.sheetDataEnd = `</${rowName.slice(0, rowName.length - "row".length)}sheetData`;
    const cut = text.lastIndexOf(this.rowEnd);
    if (this.markup) this.mode = "whole";
    if (cut < 0 || this.markup || this.unsafe(text)) return this.parseHere(text);
    const end = cut + this.rowEnd.length;
    this.parseHere(text.slice(0, end));
    this.waiting = text.slice(end);
    this.mode = this.betweenRows() ? "cutting" : "whole";
    if (this.mode === "whole") {
      this.parseHere(this.waiting);
      this.waiting = "";
    }
  }

  /**
   * This thread's parser is between two rows of `sheetData`, as at every true cut: not inside
   * an element that holds rows of its own (an `extLst`, a row in a row), where a segment read
   * elsewhere would be taken for the sheet's rows.
   */
  private betweenRows(): boolean {
    return this.xml.depth === SHEET_DATA_DEPTH;
  }

  /**
   * Notes a comment, CDATA section or processing instruction anywhere in the sheet's text but
   * its XML declaration, even one begun before the first row or across two pieces: one may hold
   * what looks like a row's end tag, and this thread's parser may be inside it at a cut.
   */
  private watch(text: string): void {
    if (this.markup) return;
    const joined = this.lastChar + text;
    const from = this.firstPiece && joined.startsWith("<?xml") ? 2 : 0;
    this.firstPiece = false;
    this.lastChar = text.slice(-1);
    this.markup = joined.includes("<!") || joined.indexOf("<?", from) >= 0;
  }

  /** Text where a row's end tag might be something else, or the rows end. */
  private unsafe(text: string): boolean {
    return text.includes("xmlns") || text.includes(this.sheetDataEnd);
  }

  private parseHere(text: string): void {
    if (this.sentLast) {
      this.handler.startSegment();
      this.sentLast = false;
    }
    this.xml.write(text);
  }

  private sendAway(text: string): void {
    // The rows read here so far go first: the receiving thread puts rows in as they come.
    this.builder.flush();
    this.send({
      kind: "segment",
      sheet: this.builder.id,
      name: this.builder.sheet,
      text,
      after: this.handler.currentRow,
      scope: this.xml.scopeEntries(),
    });
    this.sentLast = true;
  }
}

/**
 * What the reading thread reads a workbook with (read-thread-worker.ts): builders that send
 * their rows on, and feeds that cut each sheet's text, sending the workbook's strings and
 * styles once before the first segment (`post` is the thread's port).
 */
export function splitReading(
  post: (message: WorkerMessage) => void,
  options: SplitOptions
): { newBuilder: NewGridBuilder; newFeed: NewSheetFeed } {
  const sent = new SentStrings();
  let contextSent = false;
  const sendContext = (context: SheetContext) => {
    if (contextSent) return;
    contextSent = true;
    // The receiving thread has every text from here on: rows send only the indexes.
    sent.markAll();
    post({
      kind: "context",
      sharedStrings: context.sharedStrings,
      dateStyles: [...context.dateStyles],
      percentStyles: [...context.percentStyles],
      date1904: context.date1904,
    });
  };
  return {
    newBuilder: (sheet, budget) => new SendingGridBuilder(sheet, budget, post, sent),
    newFeed: (xml, handler, grid, context) =>
      new SplitFeed(
        xml,
        handler,
        grid as SendingGridBuilder,
        (segment) => {
          sendContext(context);
          post(segment);
        },
        options
      ),
  };
}
