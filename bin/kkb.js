#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
require("../lib/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
