/**
 * The reader's worker (src/xlsx/read-thread-worker.ts) for tests, which run the TypeScript
 * sources: loads them through test/helpers/ts-register.js.
 */
"use strict";
require("./ts-register.js");
require("../../src/xlsx/read-thread-worker.ts");
