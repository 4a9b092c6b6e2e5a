// Preloaded (NODE_OPTIONS=--require) into a measured Node process when /usr/bin/time is absent:
// reports the peak resident set size at exit, for test/bench/measure.ts.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
