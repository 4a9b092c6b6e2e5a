/** Small measuring helpers: medians, timing, child processes with wall time and peak memory. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("the bench needs node --expose-gc (npm run bench does this)");
  collect();
  collect();
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface ProcessRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak resident set size of the child (and its descendants when measured by time -v), MB. */
  readonly peakMb: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const TIME = "/usr/bin/time";

/**
 * Runs a command and measures wall time and peak RSS: through `/usr/bin/time -v` when present
 * (its "Maximum resident set size"), otherwise, for Node commands, from
 * `process.resourceUsage().maxRSS` reported at exit by a preloaded script (max-rss.js).
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): Promise<ProcessRun> {
  // BENCH_NO_TIME=1 tries the fallback on a machine that has /usr/bin/time.
  const useTime = existsSync(TIME) && !process.env.BENCH_NO_TIME;
  const env = { ...(options.env ?? process.env) };
  if (!useTime) {
    const preload = path.join(__dirname, "max-rss.js");
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require=${preload}`.trim();
  }
  const [cmd, argv] = useTime ? [TIME, ["-v", command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = options.timeoutMs
      ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs)
      : null;
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      const wallMs = now() - start;
      let peakMb: number | null = null;
      const pattern = useTime
        ? /Maximum resident set size \(kbytes\): (\d+)/
        : /BENCH_MAX_RSS_KB=(\d+)/;
      const m = pattern.exec(stderr);
      if (m) peakMb = Number(m[1]) / 1024;
      stderr = useTime
        ? stderr.replace(/\s*Command (being timed|exited)[\s\S]*$/, "")
        : stderr.replace(/\s*BENCH_MAX_RSS_KB=\d+\s*/g, "");
      resolve({ code, wallMs, peakMb, stdout, stderr });
    });
  });
}

export function which(names: readonly string[]): string | null {
  const dirs = (process.env.PATH ?? "").split(":");
  for (const name of names) {
    for (const dir of dirs) {
      const full = `${dir}/${name}`;
      if (dir && existsSync(full)) return full;
    }
  }
  return null;
}
