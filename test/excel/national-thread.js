/**
 * The national summary of test/excel/responsive.test.ts, run in a worker_threads thread of
 * plain Node (the pane's thread; the engine in a further thread, as in the pane): jest's module
 * sandbox makes this allocation-heavy run about three times slower than plain Node. TypeScript
 * is transpiled on require with the project's own `typescript`, as test/excel/engine-thread.js
 * does. Posts back the counts the test asserts.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { parentPort } = require("node:worker_threads");
const ts = require("typescript");

const root = path.resolve(__dirname, "..", "..");
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
};
require.extensions[".ts"] = (module, file) => {
  if (!file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) {
    throw new Error(`national thread: refusing to transpile ${file}`);
  }
  const source = fs.readFileSync(file, "utf8");
  module._compile(ts.transpileModule(source, { compilerOptions, fileName: file }).outputText, file);
};

const { runNationalInPane } = require("./pane-thread.ts");

runNationalInPane().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, error: String(error && error.stack) })
);
