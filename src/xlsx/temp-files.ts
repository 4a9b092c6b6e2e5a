/**
 * Temporary files that must not outlive the process: removed when the work is done or fails,
 * and also on SIGINT, SIGTERM, SIGHUP and at exit. Removal on a signal is synchronous (the
 * process ends right after), then the signal is raised again so the process ends as a killed
 * process would (exit status 128 + signal number in a shell). Handlers are installed only while
 * a temporary file exists, so a library user or a test runner keeps its own signal handling.
 *
 * (Not the `signal-exit` package: KKB needs only this, and signal-exit's re-raising and
 * `process.exit` patching is meant for libraries sharing a process with unknown others.)
 */
import { unlinkSync } from "node:fs";

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const file of live) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone (or never created): nothing to remove.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  uninstall();
  // With our handler gone, the default action applies: the process ends by this signal.
  // Another listener (a host program's) keeps the process alive, as it chose to.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", removeAll);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener("exit", removeAll);
}

/** Marks a file as temporary: it is removed on a signal or at exit unless released first. */
export function trackTempFile(file: string): void {
  live.add(file);
  install();
}

/** The file is no longer temporary (renamed into place, or already removed). */
export function releaseTempFile(file: string): void {
  live.delete(file);
  if (live.size === 0) uninstall();
}

/** Temporary files currently tracked (for tests). */
export function trackedTempFiles(): readonly string[] {
  return [...live];
}
