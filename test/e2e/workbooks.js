/**
 * Generated input workbooks for the browser tests: the bench's seeded national generator
 * (test/bench/generate.ts), transpiled on require with the project's own `typescript` the way
 * test/bench/run.js does, so the pane is driven with the same rows the bench measures.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");

/** A province holds 8,563 kampung (BPS 2024), the country 84,276. */
const PROVINCE_KAMPUNG = 8_563;

let hooked = false;
function hookTypeScript() {
  if (hooked) return;
  hooked = true;
  const ts = require("typescript");
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    sourceMap: false,
  };
  const previous = require.extensions[".ts"];
  require.extensions[".ts"] = (module, file) => {
    if (!file.startsWith(ROOT + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) {
      if (previous) return previous(module, file);
      throw new Error(`e2e: refusing to transpile ${file}`);
    }
    const source = fs.readFileSync(file, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
    module._compile(outputText, file);
  };
}

/** Writes `count` generated kampung rows (seeded) as an .xlsx file at `file`. */
async function writeGeneratedWorkbook(file, count) {
  hookTypeScript();
  const generate = require("../bench/generate.ts");
  await generate.writeXlsx(file, generate.generateRows(count));
  return file;
}

module.exports = { PROVINCE_KAMPUNG, writeGeneratedWorkbook };
