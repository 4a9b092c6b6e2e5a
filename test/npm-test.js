#!/usr/bin/env node
/**
 * `npm test`: the type check, the lint and the production build run side by side (each is mostly
 * one thread; a 2-core machine then does two at once), then jest on every core once dist/ is
 * built (test/build and test/security read it). Output is prefixed per step; the first failure
 * is reported and the exit code is non-zero when any step fails.
 */
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const BIN = (name) => path.join(ROOT, "node_modules", ".bin", name);

function run(label, command, args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = (stream, out) => {
      let rest = "";
      stream.on("data", (chunk) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) out.write(`[${label}] ${line}\n`);
      });
      stream.on("end", () => rest && out.write(`[${label}] ${rest}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on("close", (code, signal) => {
      // Wall time of the step, for the reader only (nothing is asserted on it).
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = code === 0 ? "ok" : `failed (${signal ?? code})`;
      process.stdout.write(`[${label}] ${status} in ${Math.round(seconds)} s\n`);
      resolve(code === 0);
    });
  });
}

async function main() {
  const checks = await Promise.all([
    run("typecheck", BIN("tsc"), ["--noEmit", "-p", "tsconfig.json"]),
    run("lint", BIN("eslint"), ["src", "test"]),
    // ESLint checks Prettier's format on the code; this covers the rest (the help page's HTML).
    run("format", BIN("prettier"), ["--check", "--log-level", "warn", "src", "test"]),
    // The production build without source maps: the bundles are byte for byte the shipped
    // ones but for the sourceMappingURL comment; test/build and test/security read them.
    run("build", BIN("webpack"), ["--mode", "production", "--env", "sourceMaps=false"]),
  ]);
  if (checks.includes(false)) return 1;
  const extra = process.argv.slice(2);
  return (await run("jest", BIN("jest"), extra)) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
