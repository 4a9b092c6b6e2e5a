/**
 * The built add-in (dist/, from `npm run build`): functions.js loads in a bare context with only
 * stub `CustomFunctions` and `Office` globals and registers every function of functions.json;
 * the registered functions compute; taskpane.html loads office.js from the CDN under a CSP.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

const DIST = path.resolve(__dirname, "../../dist");
const built = fs.existsSync(path.join(DIST, "functions.js"));
if (!built) {
  console.warn(`test/build skipped: ${DIST}/functions.js is absent; run \`npm run build\` first.`);
}
const describeBuilt = built ? describe : describe.skip;

type Fn = (...args: unknown[]) => Promise<unknown>;

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

/** Runs functions.js in a fresh context; returns what it registered. */
function load(globals: Record<string, unknown>): Map<string, Fn> {
  const registered = new Map<string, Fn>();
  const context = vm.createContext({
    setTimeout,
    clearTimeout,
    console,
    ...globals,
  });
  if ("CustomFunctions" in globals) {
    (globals.CustomFunctions as { associate: unknown }).associate = (id: string, fn: Fn) => {
      if (registered.has(id)) throw new Error(`${id} registered twice`);
      registered.set(id, fn);
    };
  }
  vm.runInContext(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), context, {
    filename: "functions.js",
  });
  return registered;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function stubGlobals(extra: Record<string, unknown> = {}) {
  return {
    CustomFunctions: {
      associate: null,
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
    Office: {},
    ...extra,
  };
}

describeBuilt("dist/functions.js", () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
    functions: {
      id: string;
      name: string;
      options?: Record<string, boolean>;
      result: Record<string, string>;
    }[];
  };

  it("registers exactly the functions of functions.json, once each", () => {
    const registered = load(stubGlobals());
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toEqual([
      "DOMAIN",
      "KOMPOSIT",
      "KONVERGENSI",
      "DIMENSI",
      "IBANGGA",
      "KATEGORI",
      "SKOR",
      "PERUBAHAN",
    ]);
    expect([...registered.keys()].sort()).toEqual([...ids].sort());
    for (const f of metadata.functions) {
      expect(f.options?.requiresParameterAddresses).toBe(true);
      expect(f.result.dimensionality).toBe("matrix");
    }
  });

  it("loads without any global, registering nothing", () => {
    expect(() => load({})).not.toThrow();
  });

  it("holds no React", () => {
    const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    expect(code).not.toMatch(/react\.(production|development)|__SECRET_INTERNALS|createElement\(/);
  });

  it("computes the published figures through what it registered", async () => {
    const fn = load(stubGlobals());
    const call = async (id: string, ...args: unknown[]) => plain(await fn.get(id)!(...args));
    expect(await call("DOMAIN", [[2, 1.5, 0.7]], { parameterAddresses: [""] })).toEqual([[1.4]]);
    expect(await call("KOMPOSIT", [[2.0, 1.0, 1.4, 1.3, 1.7]])).toEqual([[1.48]]);
    expect(
      await call("KONVERGENSI", [
        [2, 2, 2, 1, 1, 1, 2, 1.5, 0.7, 1.5, 1, 1.5, 2, 1.5, 1.5],
        [2, 1.5, 1.3, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5, 1, 1.5, 1.5],
      ])
    ).toEqual([[1.48], [1.12]]);
    expect(await call("DIMENSI", [[90, 95, 100]])).toEqual([[95]]);
    expect(await call("IBANGGA", [[97.8]], [[91.1]], [[88.3]], null)).toEqual([[92.4]]);
    expect(await call("IBANGGA", [[10.1]], [[10.1]], [[10.3]], [["Kemandirian-Sentral"]])).toEqual([
      [10.2],
    ]);
    expect(await call("KATEGORI", [[40], [70], [70.1]])).toEqual([
      ["berkembang"],
      ["berkembang"],
      ["tangguh"],
    ]);
    expect(await call("SKOR", [["1,5"]])).toEqual([[1.5]]);
  });

  it("gives CustomFunctions.Error values with messages", async () => {
    const fn = load(stubGlobals());
    const [[value]] = (await fn.get("SKOR")!([[3]])) as unknown[][];
    expect(value).toBeInstanceOf(StubError);
    expect(plain(value)).toEqual({ code: "#VALUE!", message: 'Nilai: "3" di luar skala 0-2.' });
    await expect(fn.get("IBANGGA")!([[1]], [[1]], [[1]], [["seimbang"]])).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^Bobot "seimbang" tidak dikenal/),
    });
  });

  it("reads the value types of zeros' cells through Excel.run, one sync per wave", async () => {
    let syncs = 0;
    const types: Record<string, string[][]> = {
      "C2:C2": [["Empty"]],
      "B3:D3": [["Double", "Double", "Double"]],
    };
    const context = {
      workbook: {
        worksheets: {
          getItem: () => ({
            getRange: (address: string) => ({
              valueTypes: types[address],
              load: () => undefined,
            }),
          }),
        },
      },
      sync: () => {
        syncs++;
        return Promise.resolve();
      },
    };
    const runOptions: unknown[] = [];
    const Excel = {
      run: (options: unknown, batch: (ctx: typeof context) => Promise<unknown>) => {
        runOptions.push(options);
        return batch(context);
      },
    };
    const fn = load(stubGlobals({ Excel }));
    const [blank, zeros] = await Promise.all([
      fn.get("DOMAIN")!([[2, 0, 2]], { parameterAddresses: ["Data!B2:D2"] }),
      fn.get("DOMAIN")!([[0, 0, 0]], { parameterAddresses: ["Data!B3:D3"] }),
    ]);
    expect(plain(blank)).toEqual([
      [{ code: "#N/A", message: expect.stringMatching(/^Data!C2: nilai kosong/) }],
    ]);
    expect(plain(zeros)).toEqual([[0]]);
    expect(syncs).toBe(1);
    expect(runOptions).toEqual([{ delayForCellEdit: true }]);
  });
});

describeBuilt("dist/taskpane.html and bundle sizes", () => {
  const html = built ? fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8") : "";

  it("loads office.js first (the CDN in production), then functions.js, then taskpane.js", () => {
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?/g)].map((m) => m[1]);
    const office = scripts[0];
    if (office === "office-js/office.js") {
      // A development build (`npm run build:dev`): the local copy must be there.
      expect(fs.existsSync(path.join(DIST, office))).toBe(true);
    } else {
      expect(office).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    }
    // commands.js (ribbon commands) joins the shared runtime once src/commands/commands.ts exists.
    const commands = fs.existsSync(path.join(DIST, "commands.js")) ? ["commands.js"] : [];
    expect(scripts.slice(1)).toEqual(["functions.js", ...commands, "taskpane.js"]);
  });

  it("carries a CSP allowing scripts from 'self' and the Office CDN only, and no remote connect", () => {
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      })
    );
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"].filter((s: string) => /^https?:/.test(s))).toEqual([]);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("keeps the pane's JS within 350 KB gzip and the functions without React", () => {
    const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length;
    expect(gz("taskpane.js")).toBeLessThanOrEqual(350 * 1024);
    expect(gz("functions.js")).toBeLessThanOrEqual(30 * 1024);
  });

  it("uses no eval in the bundles (production source maps are files)", () => {
    for (const file of ["functions.js", "taskpane.js"]) {
      expect(fs.readFileSync(path.join(DIST, file), "utf8")).not.toMatch(/\beval\(/);
    }
  });
});
