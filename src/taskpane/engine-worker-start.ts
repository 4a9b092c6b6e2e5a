/**
 * Starts the engine's Web Workers. webpack bundles each worker script as its own file from the
 * `new Worker(new URL(..., import.meta.url))` below (same origin, allowed by the CSP's
 * script-src 'self'; never a blob: worker): kkb-engine.js for Excel, xlsx.js (with ExcelJS)
 * outside it. Imported only where `Worker` exists: jest never loads this file.
 */

/** The engine alone, for the workbook open in Excel. */
export function startEngineWorker(): Worker {
  // @ts-expect-error import.meta is for webpack's ES modules; tsc checks this file as CommonJS.
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "kkb-engine" });
}

/** The engine with ExcelJS, for .xlsx files outside Excel. */
export function startFileWorker(): Worker {
  // @ts-expect-error import.meta is for webpack's ES modules; tsc checks this file as CommonJS.
  return new Worker(new URL("./file.worker.ts", import.meta.url), { name: "xlsx" });
}
