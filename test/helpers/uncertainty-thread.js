/**
 * The Monte Carlo's worker (src/cli/uncertainty-worker.ts) for tests and the bench, which run
 * the TypeScript sources: loads them through test/helpers/ts-register.js.
 */
"use strict";
require("./ts-register.js");
require("../../src/cli/uncertainty-worker.ts");
