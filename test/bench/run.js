/**
 * `npm run bench`: runs the TypeScript benchmark (test/bench/main.ts) straight from the sources.
 * TypeScript files are transpiled on require with the project's own `typescript` (no ts-node,
 * no build step), so the bench measures the current sources even when lib/ is stale. The bench
 * needs `--expose-gc`; without it, this script starts itself again with the flag.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

if (typeof global.gc !== "function") {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", ...process.execArgv, __filename, ...process.argv.slice(2)],
    { stdio: "inherit" }
  );
  process.exit(child.status ?? 1);
}

const ts = require("typescript");
const root = path.resolve(__dirname, "..", "..");
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

function transpile(module, file) {
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
  module._compile(outputText, file);
}
for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, file) => {
    if (!file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) {
      throw new Error(`bench: refusing to transpile ${file}`);
    }
    transpile(module, file);
  };
}

// `--pane-child`: only the pane's main-thread measurement, in this fresh process (sections.ts).
const entry =
  process.argv[2] === "--pane-child"
    ? () =>
        require("./sections.ts")
          .measurePaneThreadHere()
          .then((figures) => {
            process.stdout.write(JSON.stringify(figures) + "\n");
            return 0;
          })
    : () => require("./main.ts").main(process.argv.slice(2));
entry().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  }
);
