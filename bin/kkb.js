#!/usr/bin/env node
// V8 lets the heap grow to 1.3 x what it holds after each full collection, instead of its own
// factor (up to 4 x): on the national workbook (84,276 kampung) the peak fell from 456 to 353 MB,
// on four rounds of it from 1,042 to 709 MB, at the same wall time (15-17 s, 48-53 s on this
// 2-core machine; 10 % gave 321 MB but 20.8 s). Set before anything is allocated.
require("node:v8").setFlagsFromString("--heap-growing-percent=30");
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
