/**
 * @jest-environment jsdom
 *
 * An offline check of manifest.xml (the online validator cannot be reached here): well-formed
 * XML, every resid resolves, https URLs, the KKB namespace and the shared runtime, unique ids.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

const all = (doc: Document | Element, local: string) =>
  Array.from(doc.getElementsByTagNameNS("*", local));

/** Resource id -> its DefaultValue, over bt:Image, bt:Url and bt:String. */
function resources(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const el of Array.from(doc.getElementsByTagNameNS(BT, kind))) {
      const id = el.getAttribute("id");
      if (id === null) continue; // <bt:Image size=.. resid=..> in an <Icon> is a reference
      if (map.has(id)) throw new Error(`duplicate resource id ${id}`);
      map.set(id, el.getAttribute("DefaultValue") ?? "");
    }
  }
  return map;
}

function pngSize(file: string): [number, number] {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  const xml = fs.readFileSync(MANIFEST, "utf8");
  const doc = parse(xml);
  const res = resources(doc);

  it("is a TaskPaneApp with a GUID id, Indonesian default and an en-US override", () => {
    const root = doc.documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe(
      "TaskPaneApp"
    );
    expect(all(doc, "Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(all(doc, "DefaultLocale")[0].textContent).toBe("id-ID");
    for (const name of ["DisplayName", "Description"]) {
      const el = all(doc, name)[0];
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const override = all(el, "Override")[0];
      expect(override.getAttribute("Locale")).toBe("en-US");
      expect(override.getAttribute("Value")).toBeTruthy();
    }
    expect(all(doc, "Description")[0].getAttribute("DefaultValue")).toMatch(/Menilai konvergensi/);
    expect(all(doc, "Permissions")[0].textContent).toBe("ReadWriteDocument");
  });

  it("asks for the requirement sets the code uses", () => {
    const sets = Object.fromEntries(
      all(all(doc, "Requirements")[0], "Set").map((s) => [
        s.getAttribute("Name"),
        s.getAttribute("MinVersion"),
      ])
    );
    expect(sets).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", ExcelApi: "1.1" });
  });

  it("resolves every resid", () => {
    const refs = Array.from(doc.getElementsByTagName("*"))
      .map((el) => el.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(refs.length).toBeGreaterThan(15);
    for (const resid of refs) expect([resid, res.has(resid)]).toEqual([resid, true]);
    // Resource ids are at most 32 characters (schema limit).
    for (const id of res.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("uses https for every URL, all on the dev server, with nothing but the files the build emits", () => {
    const urls = [
      ...Array.from(doc.getElementsByTagName("*")).flatMap((el) =>
        ["DefaultValue", "Value"].map((a) => el.getAttribute(a) ?? "")
      ),
      ...res.values(),
    ].filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    const emitted = new Set(["taskpane.html", "functions.js", "functions.json", "bantuan.html"]);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const file = url.slice(DEV_URL.length).split("#")[0];
      if (file.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
      else expect([file, emitted.has(file)]).toEqual([file, true]);
    }
    // Only the XML namespace names (identifiers, never fetched) are http.
    expect(xml.replace(/xmlns(:\w+)?="[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  it("has icons of the sizes their ids say", () => {
    for (const [id, url] of res) {
      const m = /^Icon\.(\d+)x(\d+)$/.exec(id);
      if (!m) continue;
      expect(pngSize(path.join(ROOT, url.slice(DEV_URL.length)))).toEqual([
        Number(m[1]),
        Number(m[2]),
      ]);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, `assets/icon-${size}.png`))).toEqual([size, size]);
    }
    expect(all(doc, "IconUrl")[0].getAttribute("DefaultValue")).toBe(
      `${DEV_URL}assets/icon-32.png`
    );
    expect(all(doc, "HighResolutionIconUrl")[0].getAttribute("DefaultValue")).toBe(
      `${DEV_URL}assets/icon-64.png`
    );
  });

  it("declares one long-lived shared runtime that also hosts the functions and the commands", () => {
    const runtimes = all(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtime = runtimes[0].getAttribute("resid") ?? "";
    expect(res.get(runtime)).toBe(`${DEV_URL}taskpane.html`);
    expect(all(doc, "FunctionFile")[0].getAttribute("resid")).toBe(runtime);
    const cf = all(doc, "ExtensionPoint").find(
      (e) =>
        e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") === "CustomFunctions"
    );
    expect(cf).toBeDefined();
    const src = (name: string) =>
      all(all(cf!, name)[0], "SourceLocation")[0].getAttribute("resid") ?? "";
    expect(res.get(src("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(res.get(src("Metadata"))).toBe(`${DEV_URL}functions.json`);
    expect(src("Page")).toBe(runtime);
    expect(res.get(all(cf!, "Namespace")[0].getAttribute("resid") ?? "")).toBe("KKB");
  });

  it("has the Kampung KB ribbon group: show the pane, and the one-click summary", () => {
    const group = all(doc, "Group")[0];
    expect(res.get(all(group, "Label")[0].getAttribute("resid") ?? "")).toBe("Kampung KB");
    const controls = all(group, "Control");
    expect(controls).toHaveLength(2);
    const actions = controls.map((c) => all(c, "Action")[0]);
    const type = (el: Element) =>
      el.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
    expect(actions.map(type)).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(all(actions[1], "FunctionName")[0].textContent).toBe("kkbSummarize");
    const summarize = all(controls[1], "Label")[0].getAttribute("resid") ?? "";
    expect(res.get(summarize)).toBe("Ringkasan sekali klik");
    // Every user-facing string has an en-US override (the namespace is not translated).
    for (const el of Array.from(doc.getElementsByTagNameNS(BT, "String"))) {
      if (el.getAttribute("id") === "Functions.Namespace") continue;
      expect([el.getAttribute("id"), all(el, "Override")[0]?.getAttribute("Locale")]).toEqual([
        el.getAttribute("id"),
        "en-US",
      ]);
    }
  });

  it("has unique control, group and tab ids", () => {
    const ids = Array.from(doc.getElementsByTagName("*"))
      .filter((el) => ["Control", "Group", "OfficeTab", "CustomTab"].includes(el.localName))
      .map((el) => el.getAttribute("id"));
    expect(ids.length).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the production manifest", () => {
  // webpack.config.js is CommonJS; its CopyWebpackPlugin transform writes dist/manifest.xml.
  const config = require("../../webpack.config.js") as (
    env: Record<string, string>,
    argv: { mode: string }
  ) => {
    plugins: { patterns?: { to?: string; transform?: (content: Buffer) => string | Buffer }[] }[];
  };

  function builtManifest(env: Record<string, string>): string {
    const copy = config(env, { mode: "production" }).plugins.find((p) => Array.isArray(p.patterns));
    const pattern = copy?.patterns?.find((p) => p.to === "manifest.xml");
    if (!pattern?.transform) throw new Error("no manifest.xml copy pattern");
    return pattern.transform(fs.readFileSync(MANIFEST)).toString();
  }

  it("points every URL at the base URL given with --env baseUrl or KKB_BASE_URL", () => {
    const xml = builtManifest({ baseUrl: "https://kkb.example.go.id/addin" });
    expect(xml).not.toContain("localhost");
    expect(xml).toContain('DefaultValue="https://kkb.example.go.id/addin/functions.json"');
    parse(xml);
    const saved = process.env.KKB_BASE_URL;
    process.env.KKB_BASE_URL = "https://static.example.org/";
    try {
      expect(builtManifest({})).toContain('"https://static.example.org/taskpane.html"');
    } finally {
      if (saved === undefined) delete process.env.KKB_BASE_URL;
      else process.env.KKB_BASE_URL = saved;
    }
  });

  it("refuses a base URL that is not https", () => {
    expect(() => builtManifest({ baseUrl: "http://kkb.example.go.id/" })).toThrow(/https/);
  });
});
