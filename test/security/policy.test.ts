/**
 * What the add-in is allowed to do, as declared: a Content-Security-Policy in taskpane.html that
 * lets in only the add-in itself and Microsoft's Office CDN; a manifest that asks only for
 * ReadWriteDocument and lists no other domain; a webpack build without eval; and sources that
 * never inject HTML, call the network or run text as code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describeFindings, OFFICE_CDN, scanCode, scanUrls } from "./scan";

const ROOT = path.resolve(__dirname, "../..");
const DIST_HTML = path.join(ROOT, "dist", "taskpane.html");

type Csp = Record<string, string[]>;

function parseCsp(html: string): Csp {
  const content = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(
    html
  )?.[1];
  if (!content) throw new Error("no Content-Security-Policy meta tag");
  const csp: Csp = {};
  for (const directive of content.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) csp[name] = sources;
  }
  return csp;
}

/** The sources each directive may hold, and why. Anything else fails. */
const ALLOWED_SOURCES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  // office.js, from the CDN (a store rule); everything else is the add-in's own files.
  "script-src": ["'self'", OFFICE_CDN],
  // Fluent UI (Griffel) inserts <style> elements at run time.
  "style-src": ["'self'", "'unsafe-inline'"],
  // Icons and fonts inlined by the bundle.
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

function checkCsp(csp: Csp): void {
  expect(csp["default-src"]).toEqual(["'self'"]);
  expect(csp["script-src"]).toEqual(["'self'", OFFICE_CDN]);
  expect(csp["connect-src"]).toEqual(["'self'"]);
  expect(csp["object-src"]).toEqual(["'none'"]);
  for (const [directive, sources] of Object.entries(csp)) {
    const allowed = ALLOWED_SOURCES[directive];
    expect([directive, allowed === undefined]).toEqual([directive, false]);
    for (const s of sources)
      expect([directive, s, allowed.includes(s)]).toEqual([directive, s, true]);
  }
  const all = Object.values(csp).flat();
  for (const forbidden of [
    "'unsafe-eval'",
    "*",
    "https:",
    "http:",
    "blob:",
    "'wasm-unsafe-eval'",
  ]) {
    expect(all).not.toContain(forbidden);
  }
}

describe("Content-Security-Policy", () => {
  it("is in the page template, filled in by the build", () => {
    const template = readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(template).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="<%= contentSecurityPolicy %>" \/>/
    );
  });

  it("of the built page lets in only the add-in and the Office CDN, and no eval", () => {
    if (!existsSync(DIST_HTML))
      throw new Error("dist/taskpane.html is absent: run `npm run build`");
    checkCsp(parseCsp(readFileSync(DIST_HTML, "utf8")));
  });

  it("is refused when it lets in more (the check is not vacuous)", () => {
    const page = (policy: string) =>
      `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    const good = Object.entries(ALLOWED_SOURCES)
      .map(([d, s]) => `${d} ${s.join(" ")}`)
      .join("; ");
    expect(() => checkCsp(parseCsp(page(good)))).not.toThrow();
    for (const bad of [
      good.replace("connect-src 'self'", "connect-src 'self' https://api.example"),
      good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
      good.replace("img-src 'self' data:", "img-src *"),
      `${good}; frame-src https://x.example`,
    ]) {
      expect(() => checkCsp(parseCsp(page(bad)))).toThrow();
    }
    expect(() => parseCsp("<html></html>")).toThrow(/no Content-Security-Policy/);
  });
});

describe("manifest.xml", () => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("asks only for ReadWriteDocument", () => {
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual([
      "ReadWriteDocument",
    ]);
  });

  it("lists no other domain: every URL is on the add-in's own host", () => {
    // AppDomains would let the pane navigate to other sites; KKB needs none.
    expect(xml).not.toMatch(/<AppDomains?\b/);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    const rest = xml
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/(?:DefaultValue|Value)="https:\/\/localhost:3000\/[^"]*"/g, "");
    const stray = scanUrls(rest.replace(/xmlns(:\w+)?="[^"]*"/g, ""), "manifest.xml");
    expect(stray).toEqual([]);
  });

  it("is the same in dist/, with the production host in place of the dev server", () => {
    const built = path.join(ROOT, "dist", "manifest.xml");
    if (!existsSync(built)) throw new Error("dist/manifest.xml is absent: run `npm run build`");
    const text = readFileSync(built, "utf8");
    const base = (process.env.KKB_BASE_URL ?? "https://localhost:3000/").replace(/\/?$/, "/");
    expect(text).toBe(xml.split("https://localhost:3000/").join(base));
  });
});

describe("webpack build", () => {
  type Config = { devtool?: string | false; output?: { environment?: { globalThis?: boolean } } };
  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    options: { mode: string }
  ) => Config;

  it.each(["production", "development"])("%s: source maps as files, no eval", (mode) => {
    const config = factory({}, { mode });
    expect(config.devtool).toBe("source-map");
    expect(String(config.devtool)).not.toMatch(/eval/);
    // webpack's runtime then takes globalThis as it is, with no `new Function` fallback.
    expect(config.output?.environment?.globalThis).toBe(true);
  });
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|js|html)$/.test(name)) out.push(full);
  }
  return out;
}

describe("sources (src/)", () => {
  const files = sourceFiles(path.join(ROOT, "src"));

  it("has sources to check", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it("never injects HTML", () => {
    const html =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(/;
    const hits = files
      .filter((f) => html.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it("never calls the network or runs text as code", () => {
    const findings = files.flatMap((f) =>
      scanCode(
        // Comments may name what the code must not do.
        readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, "$1"),
        path.relative(ROOT, f)
      )
    );
    if (findings.length > 0) throw new Error(describeFindings(findings));
  });

  it("holds no remote URL but the Office CDN and XML namespaces", () => {
    const own = ["https://localhost:3000/"];
    const findings = files.flatMap((f) =>
      scanUrls(readFileSync(f, "utf8"), path.relative(ROOT, f), own)
    );
    if (findings.length > 0) throw new Error(describeFindings(findings));
  });
});
