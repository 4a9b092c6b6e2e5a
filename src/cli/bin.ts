#!/usr/bin/env node
// The `kkb` command: compiled to lib/cli/bin.js by `npm ci` (the prepare script).
import { main } from "./main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
