/**
 * The built metadata (dist/functions.json) uses nothing beyond the requirement sets the manifest
 * declares, so the add-in works wherever the manifest lets it install: Office 2021 has
 * CustomFunctionsRuntime 1.3, not 1.4 (office-js #3504: with a 1.4 flag every function gives
 * #VALUE! there), and `allowErrorForDataTypeAny` crashes Office 2021 LTSC (office-js #4385).
 * Every key of the metadata must be classified here before it can ship.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const built = fs.existsSync(path.join(DIST, "functions.json"));
const describeBuilt = built ? describe : describe.skip;

/** A version "1.3" as a comparable number (minor versions stay below 100). */
const version = (text: string) => {
  const [major, minor = "0"] = text.split(".");
  return Number(major) * 100 + Number(minor);
};

/**
 * Top-level metadata flags: the CustomFunctionsRuntime version that brings each, or null when
 * KKB must never use it.
 */
const TOP_LEVEL: Readonly<Record<string, string | null>> = {
  functions: "1.1",
  allowCustomDataForDataTypeAny: "1.4",
  allowErrorForDataTypeAny: null,
};

/** Function options. */
const FUNCTION_OPTIONS: Readonly<Record<string, string | null>> = {
  volatile: "1.1",
  stream: "1.1",
  cancelable: "1.1",
  requiresAddress: "1.1",
  requiresParameterAddresses: "1.3",
};

/** Function and parameter fields that every version reads. */
const FUNCTION_FIELDS = new Set([
  "id",
  "name",
  "description",
  "helpUrl",
  "parameters",
  "result",
  "options",
]);
const PARAMETER_FIELDS = new Set(["name", "description", "type", "dimensionality", "optional"]);
const RESULT_FIELDS = new Set(["type", "dimensionality"]);

interface Metadata {
  readonly [key: string]: unknown;
  readonly functions: readonly {
    readonly [key: string]: unknown;
    readonly options?: Readonly<Record<string, unknown>>;
    readonly parameters: readonly Readonly<Record<string, unknown>>[];
    readonly result: Readonly<Record<string, unknown>>;
  }[];
}

function declaredRuntime(manifest: string): string {
  const match = /<Set\s+Name="CustomFunctionsRuntime"\s+MinVersion="([\d.]+)"\s*\/>/.exec(manifest);
  if (!match) throw new Error("manifest.xml declares no CustomFunctionsRuntime requirement");
  return match[1];
}

describe("the declared requirement set", () => {
  it("is CustomFunctionsRuntime 1.3 (Office 2021), in the source and the built manifest", () => {
    expect(declaredRuntime(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))).toBe("1.3");
    if (fs.existsSync(path.join(DIST, "manifest.xml")))
      expect(declaredRuntime(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"))).toBe("1.3");
  });
});

describeBuilt("dist/functions.json against the manifest's requirement sets", () => {
  const metadata = JSON.parse(
    fs.readFileSync(path.join(DIST, "functions.json"), "utf8")
  ) as Metadata;
  const declared = version(
    declaredRuntime(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))
  );
  const allowed = (table: Readonly<Record<string, string | null>>, key: string, value: unknown) => {
    if (!(key in table)) return `unclassified key ${key}`;
    const needs = table[key];
    // A flag set to false asks nothing of the host.
    if (value === false) return null;
    if (needs === null) return `${key} must never be used`;
    return version(needs) <= declared ? null : `${key} needs CustomFunctionsRuntime ${needs}`;
  };

  it("uses only top-level flags the declared runtime has, and never allowErrorForDataTypeAny", () => {
    const problems = Object.entries(metadata)
      .map(([key, value]) => allowed(TOP_LEVEL, key, value))
      .filter((p) => p !== null);
    expect(problems).toEqual([]);
    expect(metadata.allowCustomDataForDataTypeAny).toBeUndefined();
    expect(metadata.allowErrorForDataTypeAny).toBeUndefined();
  });

  it("uses only function options, fields and parameter fields the declared runtime has", () => {
    const problems: string[] = [];
    for (const f of metadata.functions) {
      for (const key of Object.keys(f))
        if (!FUNCTION_FIELDS.has(key)) problems.push(`${String(f.id)}: unclassified field ${key}`);
      for (const [key, value] of Object.entries(f.options ?? {})) {
        const problem = allowed(FUNCTION_OPTIONS, key, value);
        if (problem) problems.push(`${String(f.id)}: ${problem}`);
      }
      for (const p of f.parameters)
        for (const key of Object.keys(p))
          if (!PARAMETER_FIELDS.has(key))
            problems.push(`${String(f.id)}(${String(p.name)}): unclassified field ${key}`);
      for (const key of Object.keys(f.result))
        if (!RESULT_FIELDS.has(key)) problems.push(`${String(f.id)} result: unclassified ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it("is checked by the classification itself: a 1.4 flag or allowErrorForDataTypeAny would fail", () => {
    expect(allowed(TOP_LEVEL, "allowCustomDataForDataTypeAny", true)).toMatch(/needs .* 1\.4/);
    expect(allowed(TOP_LEVEL, "allowErrorForDataTypeAny", true)).toMatch(/never/);
    expect(allowed(FUNCTION_OPTIONS, "somethingNew", true)).toMatch(/unclassified/);
  });
});
