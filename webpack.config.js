// Bundles the add-in (yo-office React task-pane shape):
//   taskpane  src/taskpane/index.tsx  React + Fluent UI v9
//   functions src/functions/functions.ts  the KKB custom functions; no React; loaded by
//             taskpane.html in the shared runtime; custom-functions-metadata-plugin writes
//             functions.json from its JSDoc
//   commands  src/commands/commands.ts  ribbon commands (when the file exists; also loaded by
//             taskpane.html, the shared runtime's page)
// and writes manifest.xml with the dev URL (https://localhost:3000/) replaced by the production
// base URL: `KKB_BASE_URL=https://host/path/ npm run build` or `npm run build -- --env baseUrl=...`.
// Production taskpane.html loads office.js from Microsoft's CDN; development (and
// `--env officeJs=local`) loads the copy from @microsoft/office-js that is copied to dist/office-js/.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_JS_LOCAL = "office-js/office.js";
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
const FUNCTIONS_TS = path.resolve(__dirname, "src/functions/functions.ts");
const COMMANDS_TS = path.resolve(__dirname, "src/commands/commands.ts");
const DEV_PORT = 3000;

/**
 * ExcelJS's prebuilt browser bundle (the pane's lazy xlsx chunk) carries fallbacks that build
 * code from strings: `Function("return this")()` to find the global object (lodash, bundler
 * helpers), setImmediate's `new Function("" + callback)` for string callbacks, and regenerator's
 * `Function("r", ...)` when globalThis is missing. Every host KKB runs in has globalThis, and the
 * CSP forbids code from strings anyway: rewrite them, so no bundle holds a Function constructor.
 */
const CODE_FROM_STRING_REWRITES = [
  [/(?:new )?Function\("return this"\)\(\)/g, () => "globalThis"],
  [
    /new Function\(""\+\w+\)/g,
    () => 'function(){throw new TypeError("KKB: code from strings is disabled")}',
  ],
  [
    /Function\("r","regeneratorRuntime = r"\)\((\w+)\)/g,
    (m) => `(globalThis.regeneratorRuntime=${m[1]})`,
  ],
];

class NoCodeFromStringsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("NoCodeFromStrings", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minification, so the patterns are the ones that ship.
        { name: "NoCodeFromStrings", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js") || name.startsWith("office-js/")) continue;
            const original = compilation.getAsset(name).source;
            const text = original.source().toString();
            const rewritten = new sources.ReplaceSource(original);
            let changed = false;
            for (const [pattern, replacement] of CODE_FROM_STRING_REWRITES) {
              for (const match of text.matchAll(pattern)) {
                rewritten.replace(
                  match.index,
                  match.index + match[0].length - 1,
                  replacement(match)
                );
                changed = true;
              }
            }
            if (changed) compilation.updateAsset(name, rewritten);
          }
        }
      );
    });
  }
}

/** The base URL the manifest points at: https, ending with "/". */
function baseUrlFrom(value) {
  const url = new URL(value);
  if (url.protocol !== "https:") {
    throw new Error(`KKB_BASE_URL / --env baseUrl must be an https URL, got ${value}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * What office.js needs from its own folder outside the CDN: the Excel host scripts and the
 * Indonesian and English strings (development builds only; production uses the CDN).
 */
function officeJsPatterns(dev) {
  const files = dev
    ? [
        "office.js",
        "custom-functions-runtime.js",
        "excel-web-16.00.js",
        "excel-web-16.00-core.js",
        "excel-win32-16.01.js",
        "excel-win32-16.01-core.js",
        "excel-mac-16.00.js",
        "excel-mac-16.00-core.js",
        "en-us/office_strings.js",
        "id-id/office_strings.js",
      ]
    : ["office.js", "en-us/office_strings.js", "id-id/office_strings.js"];
  // `minimized: true`: these are already minified; re-minifying them costs ~100 s.
  return files.map((file) => ({
    from: path.join(OFFICE_JS_DIST, file),
    to: `office-js/${file}`,
    info: { minimized: true },
  }));
}

function contentSecurityPolicy(dev) {
  // Fluent UI (Griffel) inserts style elements at run time: styles need 'unsafe-inline'.
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The dev server's live reload talks over a websocket; production connects nowhere else.
    dev
      ? `connect-src 'self' wss://localhost:${DEV_PORT} ws://localhost:${DEV_PORT}`
      : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Dev HTTPS: the certificates office-addin-debugging installs, else webpack's self-signed one. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
  if (files.every((f) => fs.existsSync(f))) {
    const [key, cert, ca] = files.map((f) => fs.readFileSync(f));
    return { type: "https", options: { key, cert, ca } };
  }
  return { type: "https" };
}

/**
 * Keeps functions.json within the requirement sets manifest.xml declares
 * (CustomFunctionsRuntime 1.3, so Office 2021 works). custom-functions-metadata always writes
 * `allowCustomDataForDataTypeAny: true`, a CustomFunctionsRuntime 1.4 flag: Office 2021 lacks it
 * and then gives #VALUE! for every function (office-js #3504). `allowErrorForDataTypeAny`
 * crashes Office 2021 LTSC (office-js #4385). Both are removed; test/build checks the result.
 */
const FLAGS_BEYOND_DECLARED_SETS = ["allowCustomDataForDataTypeAny", "allowErrorForDataTypeAny"];

class MetadataWithinDeclaredSetsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("MetadataWithinDeclaredSets", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "MetadataWithinDeclaredSets", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          for (const flag of FLAGS_BEYOND_DECLARED_SETS) delete metadata[flag];
          compilation.updateAsset(
            "functions.json",
            new sources.RawSource(JSON.stringify(metadata, null, 4))
          );
        }
      );
    });
  }
}

/** Points the help URLs of generated assets (functions.json) at the production base URL. */
class RebaseUrlsPlugin {
  constructor(baseUrl, files) {
    this.baseUrl = baseUrl;
    this.files = files;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RebaseUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RebaseUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          if (this.baseUrl === DEV_URL) return;
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = asset.source.source().toString();
            compilation.updateAsset(
              file,
              new sources.RawSource(text.split(DEV_URL).join(this.baseUrl))
            );
          }
        }
      );
    });
  }
}

module.exports = (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const baseUrl = baseUrlFrom(env.baseUrl || process.env.KKB_BASE_URL || DEV_URL);
  const officeJs = env.officeJs || (dev ? "local" : "cdn");
  if (officeJs !== "local" && officeJs !== "cdn") {
    throw new Error(`--env officeJs must be "local" or "cdn", got ${officeJs}`);
  }
  const hasCommands = fs.existsSync(COMMANDS_TS);

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    // The query keeps custom-functions-metadata-plugin from appending its own unguarded
    // CustomFunctions.associate calls: functions.ts registers every function itself, guarded.
    functions: `${FUNCTIONS_TS}?kkb-functions`,
  };
  if (hasCommands) entry.commands = "./src/commands/commands.ts";

  // The shared runtime is taskpane.html: it runs the functions, the ribbon commands and the pane.
  const chunks = ["functions", ...(hasCommands ? ["commands"] : []), "taskpane"];

  return {
    mode: dev ? "development" : "production",
    // No eval: the pages' CSP does not allow it. Source maps are separate files;
    // `--env sourceMaps=false` (npm test's build) leaves them out: nothing tests them, and
    // making them is a large part of the build's time.
    devtool: env.sourceMaps === "false" || env.sourceMaps === false ? false : "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Every host KKB runs in (Edge WebView2, Safari, Chrome) has globalThis: webpack's runtime
      // then needs no `new Function("return this")` fallback, which the CSP would refuse anyway.
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pane's dynamic import names its module with ".js", as nodenext type checking wants.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // csv-parse's browser build carries its own Buffer; its Node build is for the CLI and jest.
      alias: { "csv-parse/sync$": "csv-parse/browser/esm/sync" },
    },
    module: {
      rules: [
        {
          // zip.js declares no sideEffects; its modules have none, so the parts KKB does not use
          // (HTTP readers, wasm loaders: network code) are left out of the bundle.
          test: /[\\/]node_modules[\\/]@zip\.js[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // tsconfig.json uses nodenext for jest and the CLI; webpack needs ES modules to
              // tree-shake Fluent UI. Type checking is `npm run typecheck`'s job.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_TS,
      }),
      new MetadataWithinDeclaredSetsPlugin(),
      new RebaseUrlsPlugin(baseUrl, ["functions.json"]),
      new NoCodeFromStringsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Order matters: functions.js registers the custom functions in the shared runtime.
        chunks,
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
        templateParameters: {
          officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN : OFFICE_JS_LOCAL,
          contentSecurityPolicy: contentSecurityPolicy(dev),
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/functions/bantuan.html", to: "bantuan.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              baseUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(baseUrl),
          },
          ...officeJsPatterns(officeJs === "local"),
        ],
      }),
    ],
    optimization: {
      // One compress pass (webpack's default is two): the second saves about 1% of the gzip
      // size and costs a third of the build.
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
      // Each engine worker is one self-contained file (kkb-engine.js in Excel; xlsx.js, with
      // ExcelJS, outside it): no chunk shared between them, so no worker loads another script.
      splitChunks: { cacheGroups: { defaultVendors: false, default: false } },
    },
    performance: {
      // office.js copies and source maps are not what the pane downloads first.
      assetFilter: (file) => /\.(js)$/.test(file) && !file.startsWith("office-js/"),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      port: DEV_PORT,
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
