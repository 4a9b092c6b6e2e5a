/**
 * A small typed fake of the Excel JavaScript API subset KKB uses, strict where Excel is strict:
 * - a property can be read only after `load` and a `context.sync()` (else PropertyNotLoaded);
 * - writes and method calls are queued and applied at `sync`, in order, like a real batch;
 * - every sync is counted and its request (queued writes) and response (loaded values) sizes
 *   are measured as JSON bytes; one over Excel on the web's 5 MB cap fails like Excel does;
 * - a range read over 5,000,000 cells fails; protected sheets and workbooks refuse changes.
 * Values typed into a cell are parsed as Excel parses entry: `=...` becomes a formula, `-1` a
 * number, unless the cell is formatted `@` or the text starts with an apostrophe.
 * office-addin-mock cannot model collections (worksheets, tables, charts), hence this fake.
 */
import { address as a1Address, parseAddress } from "../../src/workbook/a1";
import { jsonBytes } from "../../src/excel/payload";

export const EXCEL_PAYLOAD_CAP = 5 * 1024 * 1024;
export const EXCEL_CELL_CAP = 5_000_000;
const SHEET_ROWS = 1_048_576;
const REQUEST_OVERHEAD = 60;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export type CellType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ChartModel {
  type: string;
  sheet: string;
  source: Rect;
  seriesBy: string | undefined;
  title: string;
  from?: string;
  to?: string;
  /** Series whose fill was cleared (ChartFill.clear). */
  clearedSeries?: number[];
  legendVisible?: boolean;
}

export interface TableModel {
  name: string;
  showTotals?: boolean;
  sheet: SheetModel;
  rect: Rect;
}

export interface SyncRecord {
  /** Excel refused the request (too large, or an operation failed). */
  failed: boolean;
  requestBytes: number;
  responseBytes: number;
  writes: number;
  loads: number;
  /** Cell values the sync carried: read (each loaded grid property) and written. */
  cells: number;
}

/** One sheet's content: values and types per cell, number formats as layered rectangles. */
export class SheetModel {
  values: (string | number | boolean | null)[][] = [];
  types: CellType[][] = [];
  formulas = new Map<string, string>();
  /** Range.hyperlink per cell ("row,col"). */
  hyperlinks = new Map<
    string,
    { documentReference?: string; address?: string; textToDisplay?: string }
  >();
  /** Formula cells written while API calculation was suspended: Excel never calculated them. */
  uncalculated = new Set<string>();
  formatLayers: { rect: Rect; format: string }[] = [];
  customProperties = new Map<string, string>();
  charts: ChartModel[] = [];
  colorScales: { rect: Rect; criteria: unknown }[] = [];
  validations: { rect: Rect; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[] = [];
  columnWidths = new Map<number, number>();
  bold: Rect[] = [];
  freeze: { rows: number; cols: number } | null = null;
  /** Ranges set to wrap their text, and ranges whose rows were autofitted. */
  wrapped: Rect[] = [];
  autofitted: Rect[] = [];
  /** The page layout set on the sheet, property by property; print titles; page breaks. */
  page: Record<string, unknown> = {};
  printTitleRows: string | null = null;
  printArea: string | null = null;
  pageBreaks: number[] = [];
  protected = false;
  visibility = "Visible";
  /** 0-based rows hidden by hand or by a filter. */
  hiddenRows = new Set<number>();
  /**
   * Merged ranges. `Range.values` gives each cell what it holds: after a merge made in Excel
   * (`merge` below, as Range.merge: "the value of a merged range is specified in the cell of the
   * range's upper-left corner") only the top-left cell holds one, but a file written by
   * LibreOffice or openpyxl may still hold values under a merge (push to `merges` directly).
   */
  merges: Rect[] = [];
  /** Every change to this sheet's content or format, for "never written" checks. */
  changes = 0;

  constructor(public name: string) {}

  numberFormatAt(row: number, col: number): string {
    return this.formatsWithin({ row, col, rows: 1, cols: 1 })(row, col);
  }

  /** A format lookup for cells inside `area`, scanning only the layers that meet it. */
  formatsWithin(area: Rect): (row: number, col: number) => string {
    const layers = this.formatLayers.filter(
      ({ rect }) =>
        rect.row < area.row + area.rows &&
        area.row < rect.row + rect.rows &&
        rect.col < area.col + area.cols &&
        area.col < rect.col + rect.cols
    );
    return (row, col) => {
      for (let i = layers.length - 1; i >= 0; i--) {
        const { rect, format } = layers[i];
        if (
          row >= rect.row &&
          row < rect.row + rect.rows &&
          col >= rect.col &&
          col < rect.col + rect.cols
        )
          return format;
      }
      return "General";
    };
  }

  cell(row: number, col: number): { value: string | number | boolean | null; type: CellType } {
    return { value: this.values[row]?.[col] ?? null, type: this.types[row]?.[col] ?? "Empty" };
  }

  setCell(row: number, col: number, value: string | number | boolean | null, type: CellType): void {
    (this.values[row] ??= [])[col] = value;
    (this.types[row] ??= [])[col] = type;
  }

  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.types.forEach((row, r) => {
      row?.forEach((t, c) => {
        if (t === undefined || t === "Empty") return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    return top < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Merges a range as Excel does: its cells but the top-left one lose their values. */
  merge(rect: Rect): this {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if ((r !== rect.row || c !== rect.col) && this.values[r]?.[c] != null)
          this.setCell(r, c, "", "Empty");
      }
    }
    this.merges.push(rect);
    return this;
  }

  /** Fills cells from a grid of plain values (for tests' input sheets). */
  fill(rows: readonly (readonly unknown[])[], row0 = 0, col0 = 0): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (v instanceof Date) {
          // Excel holds a date as its serial number, shown through a date format.
          this.setCell(row0 + r, col0 + c, dateSerial(v), "Double");
          this.formatLayers.push({
            rect: { row: row0 + r, col: col0 + c, rows: 1, cols: 1 },
            format: "yyyy-mm-dd",
          });
        } else if (typeof v === "object" && v !== null && "error" in v)
          this.setCell(row0 + r, col0 + c, String((v as { error: string }).error), "Error");
        else if (typeof v === "number") this.setCell(row0 + r, col0 + c, v, "Double");
        else if (typeof v === "boolean") this.setCell(row0 + r, col0 + c, v, "Boolean");
        else this.setCell(row0 + r, col0 + c, String(v), "String");
      })
    );
    return this;
  }
}

/** Excel's serial number of a date (days since 1899-12-30, the time as a fraction), in UTC. */
export function dateSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Worksheet.visibility's values (Excel.SheetVisibility, ExcelApi 1.1). */
const SHEET_VISIBILITIES: readonly string[] = ["Visible", "Hidden", "VeryHidden"];

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, unknown>();
  protected = false;
  name = "Buku1.xlsx";
  selection: { sheet: string; rect: Rect } | null = null;
  /** More areas selected with Ctrl (getSelectedRange then throws, as documented). */
  selectionAreas: { sheet: string; rect: Rect }[] = [];
  active: string | null = null;
  /** The user is editing a cell: a batch is refused, or held with `delayForCellEdit`. */
  cellEdit = false;
  /** Every sync from now on never settles (office-js #1395, #6150: a request that hangs). */
  hangSyncs = false;
  private editEnded: (() => void)[] = [];

  /** The user leaves cell edit: held batches run. */
  endCellEdit(): void {
    this.cellEdit = false;
    for (const resume of this.editEnded.splice(0)) resume();
  }

  whenNotEditing(): Promise<void> {
    if (!this.cellEdit) return Promise.resolve();
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    return sheet;
  }
}

/** How Excel stores text typed into a cell with this number format. */
export function enterValue(
  input: unknown,
  format: string
): { value: string | number | boolean | null; type: CellType; formula?: string } {
  if (input === null || input === undefined) return { value: null, type: "Empty" };
  if (typeof input === "number") return { value: input, type: "Double" };
  if (typeof input === "boolean") return { value: input, type: "Boolean" };
  const text = String(input);
  if (text === "") return { value: null, type: "Empty" };
  if (text.startsWith("'")) return { value: text.slice(1), type: "String" };
  if (format === "@") return { value: text, type: "String" };
  if (/^[=+\-@]/.test(text)) {
    const asNumber = Number(text.replace(/^=/, "").trim());
    if (text[0] !== "=" && text[0] !== "@" && Number.isFinite(asNumber))
      return { value: asNumber, type: "Double" };
    const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(text);
    return {
      value: link ? link[1].replace(/""/g, '"') : 0,
      type: link ? "String" : "Double",
      formula: text,
    };
  }
  const trimmed = text.trim();
  if (/^[+-]?(\d+([.,]\d+)?|\.\d+)([eE][+-]?\d+)?%?$/.test(trimmed))
    return { value: Number(trimmed.replace(",", ".").replace("%", "")), type: "Double" };
  if (/^(true|false)$/i.test(trimmed)) return { value: /^true$/i.test(trimmed), type: "Boolean" };
  if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(trimmed))
    return { value: trimmed, type: "Error" };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)) return { value: 45000, type: "Double" };
  return { value: text, type: "String" };
}

type Entry =
  | { kind: "write"; args: unknown; bytes: number | undefined; apply: () => void }
  | { kind: "load"; bytes: number; proxy: FakeObject; paths: string[][] };

/** The request context: queues, syncs, counts. */
export class FakeContext {
  readonly model: WorkbookModel;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly syncs: SyncRecord[] = [];
  calculationSuspensions = 0;
  untracked = 0;
  /** Inside a sync after suspendApiCalculationUntilNextSync. */
  calculationSuspended = false;
  /** Cell values moved so far (reads and writes); each sync records its share. */
  cellsMoved = 0;
  private queue: Entry[] = [];

  constructor(
    model = new WorkbookModel(),
    readonly options: { readonly delayForCellEdit?: boolean } = {}
  ) {
    this.model = model;
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Largest request Excel accepted. */
  get largestRequest(): number {
    return Math.max(0, ...this.acceptedSyncs.map((s) => s.requestBytes));
  }

  /** Largest response Excel sent. */
  get largestResponse(): number {
    return Math.max(0, ...this.acceptedSyncs.map((s) => s.responseBytes));
  }

  /**
   * Queues a change. Its size is measured at sync, as office.js serialises the request there
   * (measured here at the setter, the fake's own JSON of a 4 MB request counted as the pane's time).
   */
  write(args: unknown, apply: () => void, bytes?: number): void {
    this.queue.push({ kind: "write", args, bytes, apply });
  }

  load(proxy: FakeObject, paths: string[][]): void {
    this.queue.push({ kind: "load", bytes: REQUEST_OVERHEAD + jsonBytes(paths), proxy, paths });
  }

  async sync(): Promise<void> {
    if (this.model.hangSyncs) return new Promise<void>(() => undefined);
    if (this.model.cellEdit) {
      if (!this.options.delayForCellEdit)
        throw new FakeExcelError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
        );
      await this.model.whenNotEditing();
    }
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      failed: false,
      requestBytes: 0,
      responseBytes: 0,
      writes: 0,
      loads: 0,
      cells: 0,
    };
    this.syncs.push(record);
    const cellsBefore = this.cellsMoved;
    for (const e of queue) {
      record.requestBytes +=
        e.kind === "write" ? REQUEST_OVERHEAD + (e.bytes ?? jsonBytes(e.args)) : e.bytes;
    }
    try {
      if (record.requestBytes > EXCEL_PAYLOAD_CAP)
        throw new FakeExcelError(
          "RequestPayloadSizeLimitExceeded",
          `Request of ${record.requestBytes} bytes`
        );
      const out = { bytes: 0 };
      for (const e of queue) {
        if (e.kind === "write") {
          record.writes++;
          e.apply();
        } else {
          record.loads++;
          e.proxy.applyLoad(e.paths, out);
        }
      }
      this.calculationSuspended = false;
      record.responseBytes = out.bytes;
      record.cells = this.cellsMoved - cellsBefore;
      if (out.bytes > EXCEL_PAYLOAD_CAP)
        throw new FakeExcelError(
          "ResponsePayloadSizeLimitExceeded",
          `Response of ${out.bytes} bytes`
        );
    } catch (error) {
      this.calculationSuspended = false;
      record.failed = true;
      throw error;
    }
  }

  /** The syncs Excel accepted. */
  get acceptedSyncs(): SyncRecord[] {
    return this.syncs.filter((s) => !s.failed);
  }

  /** The fake as the Excel type the adapter takes. */
  asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

function parsePaths(spec: string | string[] | undefined): string[][] {
  const list = spec === undefined ? [] : Array.isArray(spec) ? spec : spec.split(",");
  return list
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split("/"));
}

/**
 * `Excel.run` over the fake: `run(batch)` or `run({ delayForCellEdit }, batch)`, each with a
 * new request context on the same workbook.
 */
export function fakeExcelRun(model: WorkbookModel) {
  const contexts: FakeContext[] = [];
  function run<T>(
    first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    const options = typeof first === "function" ? {} : first;
    const batch = typeof first === "function" ? first : second;
    if (!batch) return Promise.reject(new FakeExcelError("InvalidArgument", "No batch"));
    const context = new FakeContext(model, { delayForCellEdit: options.delayForCellEdit });
    contexts.push(context);
    return batch(context.asExcel());
  }
  return { run, contexts };
}

/** Excel.ErrorCellValueType of the codes a cell can show. */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  "#DIV/0!": "Div0",
  "#N/A": "NotAvailable",
  "#VALUE!": "Value",
  "#REF!": "Ref",
  "#NAME?": "Name",
  "#NUM!": "Num",
  "#NULL!": "Null",
};

/** Excel's rich error value for a code, as data types give it. */
export function richError(code: string): {
  type: "Error";
  basicType: "Error";
  basicValue: string;
  errorType: string;
} {
  return {
    type: "Error",
    basicType: "Error",
    basicValue: code,
    errorType: ERROR_TYPES[code] ?? "Value",
  };
}

/** An error cell in an argument: passed only with the data-types flag; else never called. */
export class FunctionNotCalled {
  constructor(readonly code: string) {}
}

/**
 * What Excel hands a custom function for a range argument, per the documentation: the values
 * (numbers, dates as serial numbers, text, booleans), a blank as 0 on desktop (office-js #4702)
 * or empty on the web, and the address. An error cell is a rich error value when the metadata
 * allows data types (`allowCustomDataForDataTypeAny`); without it, Excel does not call the
 * function and the cell shows the first error (FunctionNotCalled).
 */
export function functionArgument(
  model: WorkbookModel,
  sheetName: string,
  address: string,
  options: { platform?: "desktop" | "web"; richValues?: boolean } = {}
): { values: unknown[][]; address: string } | FunctionNotCalled {
  const sheet = model.sheet(sheetName);
  if (!sheet) throw new FakeExcelError("ItemNotFound", `No sheet ${sheetName}`);
  const rect = rectOfAddress(address);
  const values: unknown[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < rect.cols; c++) {
      const cell = sheet.cell(rect.row + r, rect.col + c);
      if (cell.type === "Error") {
        if (!options.richValues) return new FunctionNotCalled(String(cell.value));
        row.push(richError(String(cell.value)));
      } else if (cell.type === "Empty") row.push(options.platform === "web" ? null : 0);
      else row.push(cell.value);
    }
    values.push(row);
  }
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name)
    ? sheet.name
    : `'${sheet.name.replace(/'/g, "''")}'`;
  return { values, address: `${quoted}!${address}` };
}

/** A proxy object: loadable properties, navigation children, sync-gated reads. */
export abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, FakeObject>();

  constructor(readonly ctx: FakeContext) {}

  load(spec?: string | string[]): this {
    this.ctx.load(this, parsePaths(spec));
    return this;
  }

  /** The current value of a scalar property in the model. */
  protected abstract live(prop: string): unknown;

  /** A navigation property's proxy (cached so that loads through it are seen later). */
  protected child<T extends FakeObject>(prop: string, make: () => T): T {
    let c = this.children.get(prop);
    if (!c) {
      c = make();
      this.children.set(prop, c);
    }
    return c as T;
  }

  protected navigate(prop: string): FakeObject {
    throw new FakeExcelError("InvalidArgument", `No navigation property ${prop}`);
  }

  protected liveItems(): FakeObject[] {
    throw new FakeExcelError("InvalidArgument", "Not a collection");
  }

  applyLoad(paths: string[][], out: { bytes: number }): void {
    const groups = new Map<string, string[][]>();
    for (const p of paths) {
      const tails = groups.get(p[0]) ?? [];
      if (p.length > 1) tails.push(p.slice(1));
      groups.set(p[0], tails);
    }
    for (const [head, tails] of groups) {
      if (head === "items") {
        const items = this.liveItems();
        this.loaded.set("items", items);
        items.forEach((item) => item.applyLoad(tails, out));
      } else if (tails.length === 0) {
        const value = this.live(head);
        this.loaded.set(head, value);
        out.bytes += jsonBytes(value) + head.length + 4;
      } else {
        this.navigate(head).applyLoad(tails, out);
      }
    }
  }

  /** Reads a loaded property as Excel does: only after load and sync. */
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loaded.get(prop) as T;
  }

  /** Marks a property readable after the next sync without a load (isNullObject). */
  protected autoLoad(prop: string): void {
    this.ctx.load(this, [[prop]]);
  }

  untrack(): this {
    this.ctx.untracked++;
    return this;
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.calculationSuspensions++;
    this.ctx.write(null, () => {
      this.ctx.calculationSuspended = true;
    });
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly isProtected: () => boolean
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    if (prop === "protected") return this.isProtected();
    throw new FakeExcelError("InvalidArgument", prop);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly settings: FakeSettings;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.settings = new FakeSettings(ctx);
  }
  protected live(prop: string): unknown {
    if (prop === "name") return this.ctx.model.name;
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override navigate(prop: string): FakeObject {
    if (prop === "protection") return this.protection;
    return super.navigate(prop);
  }
  get protection(): FakeProtection {
    return this.child(
      "protection",
      () => new FakeProtection(this.ctx, () => this.ctx.model.protected)
    );
  }
  get name(): string {
    return this.get("name");
  }
  /** Throws when several ranges are selected, as Excel documents. */
  getSelectedRange(): FakeRange {
    const model = this.ctx.model;
    return new FakeRange(this.ctx, () => {
      if (model.selectionAreas.length > 0)
        throw new FakeExcelError(
          "InvalidSelection",
          "The current selection is invalid for this operation."
        );
      if (!model.selection) throw new FakeExcelError("ItemNotFound", "No selection");
      const sheet = model.sheet(model.selection.sheet)!;
      return { sheet, rect: model.selection.rect };
    });
  }
}

type SheetResolver = () => SheetModel | null;

export class FakeWorksheets extends FakeObject {
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override liveItems(): FakeObject[] {
    return this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.model.sheet(name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `No sheet ${name}`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
    sheet.expectNull();
    return sheet;
  }
  add(name: string): FakeWorksheet {
    const ref: { sheet: SheetModel | null } = { sheet: null };
    this.ctx.write({ add: name }, () => {
      const model = this.ctx.model;
      if (model.protected) throw new FakeExcelError("AccessDenied", "The workbook is protected");
      if (model.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `Sheet ${name} exists`);
      ref.sheet = model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!ref.sheet)
        throw new FakeExcelError("InvalidObjectPath", "Sheet used before it was added");
      return ref.sheet;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveSheet: SheetResolver
  ) {
    super(ctx);
  }
  /** The sheet, or an error as Excel gives for a missing or deleted one. */
  model(): SheetModel {
    const sheet = this.resolveSheet();
    if (!sheet || !this.ctx.model.sheets.includes(sheet))
      throw new FakeExcelError("ItemNotFound", "The worksheet does not exist");
    return sheet;
  }
  expectNull(): void {
    this.autoLoad("isNullObject");
  }
  protected live(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveSheet() === null;
    if (this.resolveSheet() === null) return null;
    const sheet = this.model();
    if (prop === "name") return sheet.name;
    if (prop === "visibility") return sheet.visibility;
    if (prop === "position") return this.ctx.model.sheets.indexOf(sheet);
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override navigate(prop: string): FakeObject {
    if (prop === "protection") return this.protection;
    return super.navigate(prop);
  }
  get protection(): FakeProtection {
    return this.child(
      "protection",
      () => new FakeProtection(this.ctx, () => this.model().protected)
    );
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(value: string) {
    this.ctx.write({ visibility: value }, () => {
      const sheet = this.model();
      // Excel.SheetVisibility (ExcelApi 1.2 for setting): these three and nothing else.
      if (!SHEET_VISIBILITIES.includes(value))
        throw new FakeExcelError("InvalidArgument", `Invalid visibility: ${value}`);
      if (
        value !== "Visible" &&
        !this.ctx.model.sheets.some((s) => s !== sheet && s.visibility === "Visible")
      )
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet"
        );
      sheet.visibility = value;
    });
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get customProperties(): FakeCustomProperties {
    return this.child("customProperties", () => new FakeCustomProperties(this.ctx, this));
  }
  get tables(): FakeSheetTables {
    return this.child("tables", () => new FakeSheetTables(this.ctx, this));
  }
  get charts(): FakeCharts {
    return this.child("charts", () => new FakeCharts(this.ctx, this));
  }
  get freezePanes(): FakeFreezePanes {
    return this.child("freezePanes", () => new FakeFreezePanes(this.ctx, this));
  }
  get pageLayout(): FakePageLayout {
    return this.child("pageLayout", () => new FakePageLayout(this.ctx, this));
  }
  get horizontalPageBreaks(): FakePageBreaks {
    return this.child("horizontalPageBreaks", () => new FakePageBreaks(this.ctx, this));
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.model(), rect: rectOfAddress(address) }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.model(), rect: { row, col, rows, cols } }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    const range = new FakeRange(this.ctx, () => {
      const sheet = this.model();
      const rect = sheet.usedRect();
      return rect ? { sheet, rect } : null;
    });
    range.expectNull();
    return range;
  }
  delete(): void {
    this.ctx.write({ delete: true }, () => {
      const model = this.ctx.model;
      const sheet = this.model();
      if (model.protected) throw new FakeExcelError("AccessDenied", "The workbook is protected");
      // Worksheet.delete: a very hidden sheet must be made visible first, and a workbook keeps
      // at least one visible sheet.
      if (sheet.visibility === "VeryHidden")
        throw new FakeExcelError("InvalidOperation", "Cannot delete a very hidden worksheet");
      if (
        sheet.visibility === "Visible" &&
        !model.sheets.some((s) => s !== sheet && s.visibility === "Visible")
      )
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet"
        );
      model.sheets = model.sheets.filter((s) => s !== sheet);
      model.tables = model.tables.filter((t) => t.sheet !== sheet);
    });
  }
  activate(): void {
    this.ctx.write({ activate: true }, () => {
      this.ctx.model.active = this.model().name;
    });
  }
}

function rectOfAddress(text: string): Rect {
  const local = text.slice(text.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const start = parseAddress(a);
  const end = parseAddress(b);
  if (!start || !end) throw new FakeExcelError("InvalidArgument", `Address ${text}`);
  return {
    row: start.row,
    col: start.col,
    rows: end.row - start.row + 1,
    cols: end.col - start.col + 1,
  };
}

type RangeResolver = () => { sheet: SheetModel; rect: Rect } | null;

export class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveRange: RangeResolver
  ) {
    super(ctx);
  }
  target(): { sheet: SheetModel; rect: Rect } {
    const t = this.resolveRange();
    if (!t) throw new FakeExcelError("InvalidObjectPath", "Null range used");
    return t;
  }
  expectNull(): void {
    this.autoLoad("isNullObject");
  }
  private cells<T>(each: (sheet: SheetModel, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this.target();
    if (rect.rows * rect.cols > EXCEL_CELL_CAP)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `Range of ${rect.rows * rect.cols} cells`
      );
    this.ctx.cellsMoved += rect.rows * rect.cols;
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => each(sheet, rect.row + r, rect.col + c))
    );
  }
  protected live(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveRange() === null;
    // A null object loads as nulls, as in Excel.
    if (this.resolveRange() === null) return null;
    const { sheet, rect } = this.target();
    switch (prop) {
      case "values":
        return this.cells((s, r, c) => {
          const cell = s.cell(r, c);
          return cell.type === "Empty" ? "" : cell.value;
        });
      case "valueTypes":
        return this.cells((s, r, c) => s.cell(r, c).type);
      case "numberFormat":
        return this.cells((s, r, c) => s.numberFormatAt(r, c));
      case "formulas":
        return this.cells((s, r, c) => s.formulas.get(`${r},${c}`) ?? s.cell(r, c).value ?? "");
      case "address":
        return `${sheet.name}!${a1Address(rect.row, rect.col)}:${a1Address(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "rowHidden": {
        // As documented: true when every row is hidden, false when none is, null when mixed.
        let hidden = 0;
        for (let r = rect.row; r < rect.row + rect.rows; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === rect.rows ? true : null;
      }
    }
    throw new FakeExcelError("InvalidArgument", prop);
  }

  /**
   * Only `Excel.SpecialCellType.visible` ("Visible"): the runs of visible rows as areas (hidden
   * columns are not modelled); a null object when no cell is visible, as documented.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new FakeExcelError("InvalidArgument", cellType);
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const runs: Rect[] = [];
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        if (sheet.hiddenRows.has(r)) continue;
        const last = runs[runs.length - 1];
        if (last && last.row + last.rows === r) last.rows++;
        else runs.push({ row: r, col: rect.col, rows: 1, cols: rect.cols });
      }
      return runs.length === 0 ? null : { sheet, runs };
    });
  }
  /**
   * The merged ranges whose top-left cell lies in this range, whole (as Excel returns them:
   * office-js issue 3611, a merge starting above the range is not found); a null object when
   * there are none (ExcelApi 1.13).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const runs = sheet.merges.filter(
        (m) =>
          m.row >= rect.row &&
          m.row < rect.row + rect.rows &&
          m.col >= rect.col &&
          m.col < rect.col + rect.cols
      );
      return runs.length === 0 ? null : { sheet, runs };
    });
  }
  protected override navigate(prop: string): FakeObject {
    if (prop === "worksheet") return this.worksheet;
    return super.navigate(prop);
  }
  get worksheet(): FakeWorksheet {
    return this.child("worksheet", () => new FakeWorksheet(this.ctx, () => this.target().sheet));
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }

  /** Queues a change of the range's cells; the sheet must not be protected. */
  private change(
    args: unknown,
    apply: (sheet: SheetModel, rect: Rect) => void,
    bytes?: number
  ): void {
    this.ctx.write(
      args,
      () => {
        const { sheet, rect } = this.target();
        if (sheet.protected)
          throw new FakeExcelError("AccessDenied", `Sheet ${sheet.name} is protected`);
        sheet.changes++;
        apply(sheet, rect);
      },
      bytes
    );
  }

  private checkShape(rect: Rect, grid: unknown[][]): void {
    if (grid.length !== rect.rows || grid.some((row) => row.length !== rect.cols))
      throw new FakeExcelError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      );
  }

  set values(grid: unknown[][]) {
    this.change(grid, (sheet, rect) => {
      this.checkShape(rect, grid);
      this.enter(sheet, rect, grid);
    });
  }
  set formulas(grid: unknown[][]) {
    this.change(grid, (sheet, rect) => {
      this.checkShape(rect, grid);
      this.enter(sheet, rect, grid);
    });
  }
  /** Values and formulas are entered alike: Excel parses `=...` in either. */
  private enter(sheet: SheetModel, rect: Rect, grid: unknown[][]): void {
    this.ctx.cellsMoved += rect.rows * rect.cols;
    const formatAt = sheet.formatsWithin(rect);
    grid.forEach((row, r) =>
      row.forEach((input, c) => {
        const at = { row: rect.row + r, col: rect.col + c };
        const entered = enterValue(input, formatAt(at.row, at.col));
        const key = `${at.row},${at.col}`;
        // A formula written under suspended calculation is not calculated (nor afterwards).
        if (entered.formula && this.ctx.calculationSuspended) {
          sheet.setCell(at.row, at.col, 0, "Double");
          sheet.uncalculated.add(key);
        } else {
          sheet.setCell(at.row, at.col, entered.value, entered.type);
          sheet.uncalculated.delete(key);
        }
        if (entered.formula) sheet.formulas.set(key, entered.formula);
        else sheet.formulas.delete(key);
      })
    );
  }
  /** Range.hyperlink (ExcelApi 1.7): one cell; Excel shows textToDisplay in it. */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.change(link, (sheet, rect) => {
      if (rect.rows !== 1 || rect.cols !== 1)
        throw new FakeExcelError("InvalidArgument", "A hyperlink is set on one cell here");
      this.ctx.cellsMoved += 1;
      sheet.hyperlinks.set(`${rect.row},${rect.col}`, { ...link });
      if (link.textToDisplay !== undefined)
        sheet.setCell(rect.row, rect.col, link.textToDisplay, "String");
    });
  }
  set numberFormat(grid: unknown[][]) {
    this.change(grid, (sheet, rect) => {
      const single = grid.length === 1 && grid[0].length === 1;
      if (!single) this.checkShape(rect, grid);
      if (single) sheet.formatLayers.push({ rect, format: String(grid[0][0]) });
      else
        grid.forEach((row, r) =>
          row.forEach((f, c) =>
            sheet.formatLayers.push({
              rect: { row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 },
              format: String(f),
            })
          )
        );
    });
  }
  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.ctx, this));
  }
  get conditionalFormats(): FakeConditionalFormats {
    return this.child("conditionalFormats", () => new FakeConditionalFormats(this.ctx, this));
  }
  get dataValidation(): FakeDataValidation {
    return this.child("dataValidation", () => new FakeDataValidation(this.ctx, this));
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { row: 0, col: rect.col, rows: SHEET_ROWS, cols: rect.cols } };
    });
  }
  select(): void {
    this.ctx.write({ select: true }, () => {
      const { sheet, rect } = this.target();
      this.ctx.model.selection = { sheet: sheet.name, rect };
    });
  }
  /** For sub-objects: a change to this range's sheet. */
  changeSheet(args: unknown, apply: (sheet: SheetModel, rect: Rect) => void): void {
    this.change(args, apply);
  }
}

class FakeRangeFormat extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  get font(): FakeFont {
    return this.child("font", () => new FakeFont(this.ctx, this.range));
  }
  set columnWidth(points: number) {
    this.range.changeSheet({ columnWidth: points }, (sheet, rect) => {
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }
  set wrapText(value: boolean) {
    this.range.changeSheet({ wrapText: value }, (sheet, rect) => {
      if (value) sheet.wrapped.push(rect);
    });
  }
  set verticalAlignment(value: string) {
    this.range.changeSheet({ verticalAlignment: value }, () => undefined);
  }
  autofitRows(): void {
    this.range.changeSheet({ autofitRows: true }, (sheet, rect) => {
      sheet.autofitted.push(rect);
    });
  }
}

class FakeFont extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  set bold(value: boolean) {
    this.range.changeSheet({ bold: value }, (sheet, rect) => {
      if (value) sheet.bold.push(rect);
    });
  }
  set size(value: number) {
    this.range.changeSheet({ size: value }, () => undefined);
  }
}

class FakeConditionalFormats extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  add(type: string): { colorScale: { criteria: unknown } } {
    const record: { rect: Rect; criteria: unknown } = {
      rect: { row: 0, col: 0, rows: 0, cols: 0 },
      criteria: null,
    };
    this.range.changeSheet({ add: type }, (sheet, rect) => {
      if (type !== "ColorScale") throw new FakeExcelError("InvalidArgument", type);
      record.rect = rect;
      sheet.colorScales.push(record);
    });
    const range = this.range;
    return {
      colorScale: {
        set criteria(value: unknown) {
          range.changeSheet(value, () => {
            record.criteria = value;
          });
        },
        get criteria(): unknown {
          throw new FakeExcelError("PropertyNotLoaded", "criteria");
        },
      },
    };
  }
}

class FakeDataValidation extends FakeObject {
  private record: { rect: Rect; rule?: unknown; prompt?: unknown; errorAlert?: unknown } | null =
    null;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  private set(key: "rule" | "prompt" | "errorAlert", value: unknown): void {
    this.range.changeSheet(value, (sheet, rect) => {
      if (!this.record) {
        this.record = { rect };
        sheet.validations.push(this.record);
      }
      this.record[key] = value;
    });
  }
  set rule(value: unknown) {
    this.set("rule", value);
  }
  set prompt(value: unknown) {
    this.set("prompt", value);
  }
  set errorAlert(value: unknown) {
    this.set("errorAlert", value);
  }
}

/** Worksheet.pageLayout: every property set is recorded on the sheet. */
class FakePageLayout extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
    for (const prop of [
      "orientation",
      "paperSize",
      "zoom",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
    ]) {
      Object.defineProperty(this, prop, {
        set: (value: unknown) => {
          this.ctx.write({ [prop]: value }, () => {
            this.sheet.model().page[prop] = value;
          });
        },
      });
    }
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.write({ printTitleRows: rows }, () => {
      this.sheet.model().printTitleRows = rows;
    });
  }
  setPrintArea(area: string): void {
    this.ctx.write({ printArea: area }, () => {
      this.sheet.model().printArea = area;
    });
  }
}

class FakePageBreaks extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  add(address: string): void {
    this.ctx.write({ pageBreak: address }, () => {
      this.sheet.model().pageBreaks.push(rectOfAddress(address).row);
    });
  }
}

class FakeFreezePanes extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  private set(rows: number, cols: number): void {
    this.ctx.write({ rows, cols }, () => {
      this.sheet.model().freeze = { rows, cols };
    });
  }
  freezeRows(count: number): void {
    this.set(count, 0);
  }
  freezeColumns(count: number): void {
    this.set(0, count);
  }
  freezeAt(range: FakeRange): void {
    this.ctx.write({ freezeAt: true }, () => {
      const { rect } = range.target();
      this.sheet.model().freeze = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }
}

class FakeCustomProperties extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  add(key: string, value: string): void {
    this.ctx.write({ key, value }, () => {
      this.sheet.model().customProperties.set(key.toLowerCase(), value);
    });
  }
  getItemOrNullObject(key: string): FakeKeyValue {
    const item = new FakeKeyValue(this.ctx, () => {
      const value = this.sheet.model().customProperties.get(key.toLowerCase());
      return value === undefined ? null : { key, value };
    });
    item.expectNull();
    return item;
  }
}

class FakeKeyValue extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveItem: () => { key: string; value: unknown } | null
  ) {
    super(ctx);
  }
  expectNull(): void {
    this.autoLoad("isNullObject");
  }
  protected live(prop: string): unknown {
    const item = this.resolveItem();
    if (prop === "isNullObject") return item === null;
    if (!item) return null;
    if (prop === "key") return item.key;
    if (prop === "value") return item.value;
    throw new FakeExcelError("InvalidArgument", prop);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
}

class FakeSettings extends FakeObject {
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override liveItems(): FakeObject[] {
    return [...this.ctx.model.settings.entries()].map(
      ([key, value]) => new FakeKeyValue(this.ctx, () => ({ key, value }))
    );
  }
  get items(): FakeKeyValue[] {
    return this.get("items");
  }
  add(key: string, value: unknown): void {
    this.ctx.write({ key, value }, () => {
      this.ctx.model.settings.set(key, value);
    });
  }
  getItemOrNullObject(key: string): FakeKeyValue {
    const item = new FakeKeyValue(this.ctx, () =>
      this.ctx.model.settings.has(key) ? { key, value: this.ctx.model.settings.get(key) } : null
    );
    item.expectNull();
    return item;
  }
}

class FakeTable extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveTable: () => TableModel
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    if (prop === "name") return this.resolveTable().name;
    if (prop === "showTotals") return this.resolveTable().showTotals ?? false;
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override navigate(prop: string): FakeObject {
    if (prop === "worksheet") return this.worksheet;
    return super.navigate(prop);
  }
  get name(): string {
    return this.get("name");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set name(value: string) {
    this.ctx.write({ name: value }, () => {
      const table = this.resolveTable();
      if (
        this.ctx.model.tables.some(
          (t) => t !== table && t.name.toLowerCase() === value.toLowerCase()
        )
      )
        throw new FakeExcelError("InvalidArgument", `A table named ${value} exists`);
      table.name = value;
    });
  }
  get worksheet(): FakeWorksheet {
    return this.child(
      "worksheet",
      () => new FakeWorksheet(this.ctx, () => this.resolveTable().sheet)
    );
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.resolveTable().sheet,
      rect: this.resolveTable().rect,
    }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolveTable();
      return { sheet: t.sheet, rect: { ...t.rect, rows: 1 } };
    });
  }
}

/** A RangeAreas: its `areas` collection of ranges (what the adapter reads of it). */
class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveAreas: () => { sheet: SheetModel; runs: Rect[] } | null
  ) {
    super(ctx);
    // Like every *OrNullObject result: isNullObject is readable after the next sync.
    this.autoLoad("isNullObject");
  }
  protected live(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveAreas() === null;
    if (prop === "areaCount") return this.resolveAreas()?.runs.length ?? null;
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override navigate(prop: string): FakeObject {
    if (prop === "areas") return this.areas;
    return super.navigate(prop);
  }
  get areas(): FakeRangeCollection {
    return this.child("areas", () => new FakeRangeCollection(this.ctx, () => this.resolveAreas()));
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
}

class FakeRangeCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolveAreas: () => { sheet: SheetModel; runs: Rect[] } | null
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override liveItems(): FakeObject[] {
    const areas = this.resolveAreas();
    if (!areas) return [];
    return areas.runs.map((rect) => new FakeRange(this.ctx, () => ({ sheet: areas.sheet, rect })));
  }
  get items(): FakeRange[] {
    return this.get("items");
  }
}

class FakeTables extends FakeObject {
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  protected override liveItems(): FakeObject[] {
    return this.ctx.model.tables.map((t) => new FakeTable(this.ctx, () => t));
  }
  get items(): FakeTable[] {
    return this.get("items");
  }
}

class FakeSheetTables extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  add(source: FakeRange | string, hasHeaders: boolean): FakeTable {
    const ref: { table: TableModel | null } = { table: null };
    this.ctx.write({ hasHeaders }, () => {
      const sheet = this.sheet.model();
      const rect = typeof source === "string" ? rectOfAddress(source) : source.target().rect;
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "protected");
      ref.table = { name: `Table${this.ctx.model.tables.length + 1}`, sheet, rect };
      this.ctx.model.tables.push(ref.table);
      sheet.changes++;
    });
    return new FakeTable(this.ctx, () => {
      if (!ref.table)
        throw new FakeExcelError("InvalidObjectPath", "Table used before it was added");
      return ref.table;
    });
  }
}

class FakeCharts extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(ctx);
  }
  protected live(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", prop);
  }
  add(type: string, source: FakeRange, seriesBy?: string) {
    const chart: ChartModel = {
      type,
      sheet: "",
      source: { row: 0, col: 0, rows: 0, cols: 0 },
      seriesBy,
      title: "",
    };
    this.ctx.write({ type, seriesBy }, () => {
      const sheet = this.sheet.model();
      const target = source.target();
      chart.sheet = target.sheet.name;
      chart.source = target.rect;
      sheet.charts.push(chart);
      sheet.changes++;
    });
    const ctx = this.ctx;
    return {
      title: {
        set text(value: string) {
          ctx.write({ text: value }, () => {
            chart.title = value;
          });
        },
      },
      setPosition(from: string, to?: string): void {
        ctx.write({ from, to }, () => {
          chart.from = from;
          chart.to = to;
        });
      },
      legend: {
        set visible(value: boolean) {
          ctx.write({ legendVisible: value }, () => {
            chart.legendVisible = value;
          });
        },
      },
      series: {
        getItemAt(index: number) {
          return {
            format: {
              fill: {
                clear(): void {
                  ctx.write({ clearFill: index }, () => {
                    chart.clearedSeries = [...(chart.clearedSeries ?? []), index];
                  });
                },
              },
            },
          };
        },
      },
    };
  }
}
