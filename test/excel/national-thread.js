/**
 * The national summary of test/excel/responsive.test.ts, run in a worker_threads thread of
 * plain Node (the pane's thread; the engine in a further thread, as in the pane): jest's module
 * sandbox makes this allocation-heavy run about three times slower than plain Node. TypeScript
 * is transpiled on require by test/helpers/ts-register.js. Posts back the counts the test asserts.
 */
"use strict";
const { parentPort } = require("node:worker_threads");
require("../helpers/ts-register.js");

const { runNationalInPane } = require("./pane-thread.ts");

runNationalInPane().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, error: String(error && error.stack) })
);
