/**
 * A require hook for spawned test processes: loads the CLI's TypeScript sources directly
 * (transpiled one file at a time, no type check), so a test can run `kkb` as a real process
 * with signals and exit codes without building lib/ first. Usage:
 * `node -r ./test/helpers/ts-register.js test/helpers/kkb-main.ts ARGS...`.
 */
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};
