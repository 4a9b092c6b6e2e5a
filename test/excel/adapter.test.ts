/** The office.js adapter against the strict fake: budgets, safety, ownership, charts, settings. */
import { KEMANDIRIAN_SENTRAL } from "../../src/engine/ibangga";
import { REQUEST_PAYLOAD_LIMIT } from "../../src/excel/limits";
import { readInputFromWorkbook } from "../../src/excel/read-input";
import { SETTING_KEYS } from "../../src/excel/settings-codec";
import { summarizeWorkbook } from "../../src/excel/summarize";
import { insertTemplate } from "../../src/excel/template";
import { runOneClickSummary } from "../../src/commands/summarize";
import { exampleRows } from "../helpers/example";
import { FakeContext, SheetModel, WorkbookModel } from "./fake-excel";
import { FIXED_NOW, measureSummary } from "./budget";
import { exampleWorkbook } from "./workbooks";

function snapshot(sheet: SheetModel) {
  return JSON.stringify({ values: sheet.values, types: sheet.types, formats: sheet.formatLayers });
}

function sheetNames(model: WorkbookModel): string[] {
  return model.sheets.map((s) => s.name);
}

function column(sheet: SheetModel, header: string): { row: number; col: number } {
  for (let r = 0; r < 60; r++) {
    const c = (sheet.values[r] ?? []).indexOf(header);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`No ${header} on ${sheet.name}`);
}

describe("the fake behaves like Excel", () => {
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
     this test breaks the load/sync rules on purpose, to show the fake enforces them. */
  test("reading a property before load, or after load but before sync, throws PropertyNotLoaded", async () => {
    const { model } = exampleWorkbook();
    const context = new FakeContext(model);
    const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values[0][0]).toBe("kampung");
    expect(() => range.valueTypes).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
});

describe("budgets", () => {
  test("4 kampung: at most 6 syncs, calculation suspended while writing", async () => {
    const measure = await measureSummary(exampleWorkbook().model);
    expect(measure.outcome.ok).toBe(true);
    expect(measure.kampung).toBe(4);
    expect(measure.syncs).toBeLessThanOrEqual(6);
    expect(measure.context.calculationSuspensions).toBeGreaterThan(0);
  });

  // 84,276 kampung: test/excel/responsive.test.ts runs the national summary once, with the
  // engine in a worker as the pane does, and checks the same budgets there.
});

describe("reading", () => {
  test("blank and error cells read as blank and error, never 0", async () => {
    const rows = exampleRows();
    rows[1][5] = null; // Sumurboto, koordinasi.regulasi: blank
    rows[2][6] = { error: "#N/A" } as never; // Asri Sejahtera, koordinasi.struktur: #N/A
    rows[3][7] = 0; // Wisata Asri, koordinasi.praktik: a real 0
    const model = new WorkbookModel();
    model.addSheet("Data").fill(rows);
    const found = await readInputFromWorkbook(
      new FakeContext(model).asExcel(),
      { kind: "auto" },
      { lang: "id" }
    );
    const [sumurboto, asri, wisata] = found.read.assessments;
    expect(sumurboto.sub[0]).toBeNull();
    expect(asri.sub[1]).toBeNull();
    expect(wisata.sub[2]).toBe(0);
    const codes = found.read.issues.map((i) => `${i.code}@${i.cell}`);
    expect(codes).toContain("SCORE_MISSING@F2");
    expect(codes).toContain("SCORE_CELL_ERROR@G3");
    expect(found.location).toEqual({ kind: "sheet", sheet: "Data" });
  });

  test("an Excel table with the right headers is found and its addresses kept", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Catatan").fill([["Catatan rapat"], ["lain-lain"]]);
    sheet.fill([...exampleRows(), ["Total", null, null, null, null, 99]], 3, 2);
    model.tables.push({
      name: "DataKampung",
      sheet,
      rect: { row: 3, col: 2, rows: 6, cols: 23 },
      showTotals: true,
    });
    const found = await readInputFromWorkbook(
      new FakeContext(model).asExcel(),
      { kind: "auto" },
      { lang: "id" }
    );
    expect(found.location).toEqual({ kind: "table", table: "DataKampung" });
    expect(found.read.assessments).toHaveLength(4);
    expect(found.read.assessments[0].row).toBe(5);
    expect(found.read.sourceRange).toBe("'Catatan'!C4:Y8");
  });

  test("the current selection is read, clamped to the used range", async () => {
    const { model } = exampleWorkbook();
    model.addSheet("Lain").fill([["x"]]);
    model.selection = { sheet: "Data", rect: { row: 0, col: 0, rows: 3, cols: 1000 } };
    const found = await readInputFromWorkbook(
      new FakeContext(model).asExcel(),
      { kind: "selection" },
      { lang: "id" }
    );
    expect(found.read.assessments.map((a) => a.name)).toEqual(["Sumurboto", "Asri Sejahtera"]);
    expect(found.location).toEqual({ kind: "range", sheet: "Data", address: "A1:W3" });
  });

  test("a selection of several areas: Excel refuses getSelectedRange, the input is found instead", async () => {
    const { model } = exampleWorkbook();
    model.selection = { sheet: "Data", rect: { row: 0, col: 0, rows: 3, cols: 5 } };
    model.selectionAreas = [{ sheet: "Data", rect: { row: 0, col: 8, rows: 3, cols: 2 } }];
    const context = new FakeContext(model);
    const found = await readInputFromWorkbook(
      context.asExcel(),
      { kind: "selection" },
      { lang: "id" }
    );
    expect(found.read.assessments).toHaveLength(4);
    expect(found.location).toEqual({ kind: "sheet", sheet: "Data" });
  });

  test("rows much longer than the first ones: Excel refuses the chunk, it is read again smaller", async () => {
    const rows = exampleRows();
    const long = "panjang ".repeat(600);
    const model = new WorkbookModel();
    const data = [rows[0]];
    for (let i = 0; i < 3000; i++)
      data.push([i < 10 ? `K${i}` : `${long}${i}`, ...rows[1 + (i % 4)].slice(1)]);
    model.addSheet("Data").fill(data);
    const context = new FakeContext(model);
    const found = await readInputFromWorkbook(
      context.asExcel(),
      { kind: "sheet", sheet: "Data" },
      { lang: "id" }
    );
    expect(found.read.assessments).toHaveLength(3000);
    expect(found.read.assessments[2999].name).toBe(`${long}2999`);
    expect(context.syncs.some((s) => s.failed)).toBe(true);
    expect(context.largestResponse).toBeLessThanOrEqual(REQUEST_PAYLOAD_LIMIT);
  });
});

describe("writing", () => {
  test("kampung names Excel would parse land as the same text, never a formula", async () => {
    const names = ['=HYPERLINK("http://contoh.id","klik")', "+6281234567", "@x", "-1"];
    const rows = exampleRows().map((row, r) => (r === 0 ? row : [names[r - 1], ...row.slice(1)]));
    const model = new WorkbookModel();
    model.addSheet("Data").fill(rows);
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(true);
    for (const sheetName of ["KKB Ringkasan", "KKB Domain", "KKB iBangga"]) {
      const sheet = model.sheet(sheetName)!;
      const at = column(sheet, "Kampung");
      const written = [1, 2, 3, 4].map((i) => sheet.cell(at.row + i, at.col));
      expect(written.map((c) => c.type)).toEqual(["String", "String", "String", "String"]);
      expect(written.map((c) => c.value).sort()).toEqual([...names].sort());
      for (let i = 1; i <= 4; i++)
        expect(sheet.formulas.has(`${at.row + i},${at.col}`)).toBe(false);
    }
  });

  test("KKB Profil (issue 15): KKB's own formulas, calculated; names stay text; a list from the data; only the page prints", async () => {
    const names = ['=HYPERLINK("http://contoh.id","klik")', "+6281234567", "@x", "-1"];
    const rows = exampleRows().map((row, r) => (r === 0 ? row : [names[r - 1], ...row.slice(1)]));
    const model = new WorkbookModel();
    model.addSheet("Data").fill(rows);
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(true);
    const profil = model.sheet("KKB Profil")!;
    // The page's cells are formulas over the data table (column N on), all of them calculated.
    const formulas = [...profil.formulas.values()];
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.every((f) => f.startsWith("=IF") || f.startsWith("=IFERROR(MATCH("))).toBe(
      true
    );
    expect(profil.uncalculated.size).toBe(0);
    // MATCH's wildcards (* ? ~) in a name are escaped, so "Mekar*" finds only itself.
    expect(profil.formulas.get("1,13")).toBe(
      '=IFERROR(MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($B$8,"~","~~"),"*","~*"),"?","~?"),$N$9:$N$12,0),"")'
    );
    // The kampung names (the data table's first two columns and the choice) are text.
    for (const r of [8, 9, 10, 11])
      for (const c of [13, 14]) {
        expect(profil.formulas.has(`${r},${c}`)).toBe(false);
        expect(profil.cell(r, c).type).toBe("String");
      }
    expect(profil.cell(7, 1)).toEqual({ value: names[0], type: "String" });
    expect(profil.formulas.has("7,1")).toBe(false);
    expect(profil.validations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: { list: { inCellDropDown: true, source: "=$N$9:$N$12" } },
        }),
      ])
    );
    expect(profil.printArea).toBe("$A$1:$L$39");
  });

  test("the summary prints A4 landscape, one page wide, long texts wrapped", async () => {
    const { model } = exampleWorkbook();
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(true);
    const ringkasan = model.sheet("KKB Ringkasan")!;
    expect(ringkasan.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    // The demo's kampung table is whole on its page: no print titles (they would head the page
    // of its chart and means; print-headers.ts); its next steps wrapped, rows fitted.
    expect(ringkasan.printTitleRows).toBeNull();
    expect(ringkasan.freeze).toEqual({ rows: 8, cols: 2 });
    const nextStep = column(ringkasan, "Langkah berikutnya");
    expect(nextStep.row).toBe(7);
    const wrapsNextStep = ringkasan.wrapped.some(
      (r) => r.row === 8 && r.rows === 4 && r.col <= nextStep.col && nextStep.col < r.col + r.cols
    );
    expect(wrapsNextStep).toBe(true);
    expect(ringkasan.autofitted).toContainEqual({
      row: 7,
      col: 0,
      rows: 5,
      cols: nextStep.col + 1,
    });
    for (const name of ["KKB Domain", "KKB iBangga", "KKB Validasi"]) {
      expect(model.sheet(name)!.page).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    }
    // The study's five per-domain tables, as Excel tables.
    const domainTables = model.tables.filter((t) => t.sheet === model.sheet("KKB Domain"));
    expect(domainTables).toHaveLength(5);
  });

  test("regenerating twice gives the same sheets, no duplicates, and replaces KKB's own only", async () => {
    const { model, input } = exampleWorkbook();
    const before = snapshot(input);
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    const first = sheetNames(model);
    const firstTables = model.tables.map((t) => t.name).sort();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(sheetNames(model)).toEqual(first);
    expect(model.tables.map((t) => t.name).sort()).toEqual(firstTables);
    expect(first.filter((n) => n.startsWith("KKB Ringkasan"))).toEqual(["KKB Ringkasan"]);
    expect(snapshot(input)).toBe(before);
    expect(input.changes).toBe(0);
  });

  test("an owned sheet made very hidden is regenerated (made visible, then deleted)", async () => {
    const { model } = exampleWorkbook();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    model.sheet("KKB Domain")!.visibility = "VeryHidden";
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(true);
    expect(sheetNames(model).filter((n) => n === "KKB Domain")).toEqual(["KKB Domain"]);
    expect(model.sheet("KKB Domain")!.visibility).toBe("Visible");
  });

  test("when the KKB sheets are the only visible ones, regenerating them keeps one visible", async () => {
    const { model } = exampleWorkbook();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    const first = sheetNames(model);
    model.sheet("Data")!.visibility = "Hidden";
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(true);
    expect(sheetNames(model)).toEqual(first);
  });

  test("a user's own sheet called KKB Ringkasan is left alone, also on regeneration", async () => {
    const { model } = exampleWorkbook();
    const foreign = model.addSheet("KKB Ringkasan").fill([["catatan saya"]]);
    const before = snapshot(foreign);
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(snapshot(foreign)).toBe(before);
    expect(foreign.changes).toBe(0);
    expect(sheetNames(model).filter((n) => n.startsWith("KKB Ringkasan"))).toEqual([
      "KKB Ringkasan",
      "KKB Ringkasan (2)",
    ]);
  });

  test("charts: a radar of the five domains per kampung and a clustered bar of the iBangga dimensions", async () => {
    const { model } = exampleWorkbook();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    const ringkasan = model.sheet("KKB Ringkasan")!;
    const [radar] = ringkasan.charts;
    expect(radar).toMatchObject({ type: "Radar", seriesBy: "Rows", sheet: "KKB Ringkasan" });
    // Header row and 4 kampung; the kampung names then the 5 domain scores.
    expect(radar.source.rows).toBe(5);
    expect(radar.source.cols).toBe(6);
    expect(ringkasan.values[radar.source.row][radar.source.col]).toBe("Kampung");
    expect(ringkasan.values[radar.source.row + 1][radar.source.col]).toBe("Sumurboto");
    expect(typeof ringkasan.values[radar.source.row + 1][radar.source.col + 1]).toBe("number");
    expect(radar.title).not.toBe("");
    expect(radar.from).toMatch(/^[A-Z]+\d+$/);
    const [bar] = model.sheet("KKB iBangga")!.charts;
    expect(bar).toMatchObject({ type: "BarClustered", seriesBy: "Columns" });
    expect(bar.source.cols).toBe(4);
  });

  test("KKB Validasi links each issue to its cell", async () => {
    const rows = exampleRows();
    rows[1][5] = "x";
    const model = new WorkbookModel();
    model.addSheet("Data").fill(rows);
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    const validasi = model.sheet("KKB Validasi")!;
    // Hyperlinks, not HYPERLINK formulas: those, written under suspended calculation, would
    // never be calculated.
    expect(validasi.formulas.size).toBe(0);
    expect(validasi.uncalculated.size).toBe(0);
    const links = [...validasi.hyperlinks.entries()];
    expect(links.length).toBeGreaterThan(0);
    const f2 = links.find(([, link]) => link.documentReference === "'Data'!F2");
    expect(f2?.[1]).toEqual({ documentReference: "'Data'!F2", textToDisplay: "F2" });
    const [row, col] = f2![0].split(",").map(Number);
    expect(validasi.cell(row, col)).toEqual({ value: "F2", type: "String" });
    // Every linked cell shows its text.
    for (const [key, link] of links) {
      const [r, c] = key.split(",").map(Number);
      expect(validasi.cell(r, c).value).toBe(link.textToDisplay);
    }
  });

  test("a protected KKB sheet: a clear Indonesian message and nothing changed", async () => {
    const { model } = exampleWorkbook();
    await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    model.sheet("KKB Domain")!.protected = true;
    const before = JSON.stringify(model.sheets.map((s) => [s.name, snapshot(s)]));
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/Lembar "KKB Domain" dilindungi.*Tidak ada yang diubah/);
    expect(JSON.stringify(model.sheets.map((s) => [s.name, snapshot(s)]))).toBe(before);
  });

  test("a protected workbook: a message and no sheet added", async () => {
    const { model } = exampleWorkbook();
    model.protected = true;
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/Buku kerja ini dilindungi/);
    expect(sheetNames(model)).toEqual(["Data"]);
  });
});

describe("template", () => {
  test("inserted once with validation and formats; a second time changes nothing and says so", async () => {
    const model = new WorkbookModel();
    model.addSheet("Sheet1");
    const first = await insertTemplate(new FakeContext(model).asExcel(), "id");
    expect(first.inserted).toBe(true);
    // The instructions before the evidence sheet, whose dropdown lists their sub-indicators.
    expect(sheetNames(model)).toEqual(["Sheet1", "KKB Input", "KKB Petunjuk", "KKB Bukti"]);
    const input = model.sheet("KKB Input")!;
    expect(input.values[0][0]).toBe("Kampung");
    expect(input.freeze).toEqual({ rows: 1, cols: 1 });
    expect(input.validations.some((v) => JSON.stringify(v.rule).includes('"formula2":2'))).toBe(
      true
    );
    expect(input.numberFormatAt(5, 0)).toBe("@");
    const before = JSON.stringify(model.sheets.map((s) => [s.name, snapshot(s)]));
    const context = new FakeContext(model);
    const second = await insertTemplate(context.asExcel(), "id");
    expect(second.inserted).toBe(false);
    expect(second.message).toBe(
      'Lembar "KKB Input", "KKB Petunjuk", "KKB Bukti" sudah ada. Tidak ada yang diubah.'
    );
    expect(JSON.stringify(model.sheets.map((s) => [s.name, snapshot(s)]))).toBe(before);
    expect(context.syncs.every((s) => s.writes === 0)).toBe(true);
  });
});

describe("settings and the one-click command", () => {
  test("the chosen input, weights and language are saved and re-used by a plain re-run", async () => {
    const { model } = exampleWorkbook("Penilaian");
    model.addSheet("Lain").fill(exampleRows().slice(0, 2));
    await summarizeWorkbook(new FakeContext(model).asExcel(), {
      where: { kind: "sheet", sheet: "Penilaian" },
      weights: KEMANDIRIAN_SENTRAL,
      lang: "en",
      now: FIXED_NOW,
    });
    expect(JSON.parse(String(model.settings.get(SETTING_KEYS.input)))).toEqual({
      kind: "sheet",
      sheet: "Penilaian",
    });
    const again = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(again.ok).toBe(true);
    expect(again.lang).toBe("en");
    expect(again.kampung).toBe(4);
    expect(again.location).toEqual({ kind: "sheet", sheet: "Penilaian" });
    const stamp = model
      .sheet("KKB Ringkasan")!
      .values.flat()
      .filter((v) => typeof v === "string");
    // (The English stamp names the preset as --print and the pane do.)
    expect(stamp.some((v) => String(v).includes("self-reliance-centred"))).toBe(true);
  });

  test("no input found: the problem in Indonesian, nothing written", async () => {
    const model = new WorkbookModel();
    model.addSheet("Sheet1").fill([
      ["a", "b"],
      [1, 2],
    ]);
    const outcome = await summarizeWorkbook(new FakeContext(model).asExcel(), { now: FIXED_NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Ringkasan tidak dibuat: .*Baris judul kolom tidak ditemukan/);
    expect(sheetNames(model)).toEqual(["Sheet1"]);
  });

  test("runOneClickSummary outside Excel says so instead of failing", async () => {
    const outcome = await runOneClickSummary();
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe("Perintah ini hanya berjalan di dalam Excel.");
  });
});
