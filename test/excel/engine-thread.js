/**
 * The engine's worker for tests in Node: a worker_threads thread running the same request
 * handler the task pane's Web Worker runs (src/taskpane/engine-core.ts), transpiled on require
 * with the project's own `typescript`, as test/bench/run.js does.
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
    throw new Error(`engine thread: refusing to transpile ${file}`);
  }
  const source = fs.readFileSync(file, "utf8");
  module._compile(ts.transpileModule(source, { compilerOptions, fileName: file }).outputText, file);
};

const { createEngineCore } = require("../../src/taskpane/engine-core.ts");
const handle = createEngineCore((message, transfer) => parentPort.postMessage(message, transfer));
parentPort.on("message", (message) => handle(message));
