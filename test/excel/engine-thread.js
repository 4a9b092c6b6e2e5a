/**
 * The engine's worker for tests in Node: a worker_threads thread running the same request
 * handler the task pane's Web Worker runs (src/taskpane/engine-core.ts), its TypeScript
 * transpiled on require by test/helpers/ts-register.js.
 */
"use strict";
const { parentPort } = require("node:worker_threads");
require("../helpers/ts-register.js");

const { createEngineCore } = require("../../src/taskpane/engine-core.ts");
const handle = createEngineCore((message, transfer) => parentPort.postMessage(message, transfer));
parentPort.on("message", (message) => handle(message));
