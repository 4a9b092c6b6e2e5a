/**
 * A require hook for the tests' own Node processes and threads (a spawned `kkb`, the engine's
 * worker thread, the national pane run): loads the project's TypeScript sources directly,
 * transpiled one file at a time with the project's own `typescript` (no type check), so no build
 * of lib/ is needed. Only the project's files are transpiled. Usage: `require` it, or
 * `node -r ./test/helpers/ts-register.js test/helpers/kkb-main.ts ARGS...`.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const root = path.resolve(__dirname, "..", "..");

require.extensions[".ts"] = (module, filename) => {
  if (
    !filename.startsWith(root + path.sep) ||
    filename.includes(`${path.sep}node_modules${path.sep}`)
  ) {
    throw new Error(`ts-register: refusing to transpile ${filename}`);
  }
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  module._compile(outputText, filename);
};
