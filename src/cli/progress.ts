/**
 * Progress on stderr for large workbooks, only when stderr is a terminal; silent otherwise
 * (piped, CI, --json to stdout).
 */
import { SingleBar } from "cli-progress";
import { Io } from "./io";

export interface Progress {
  update(value: number, total?: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

export function progressBar(io: Io, enabled: boolean, label: string, unit: string): Progress {
  if (!enabled || !io.errIsTty) return SILENT;
  const bar = new SingleBar({
    stream: io.errStream,
    format: `${label} [{bar}] {value}/{total} ${unit}`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  let started = false;
  return {
    update(value, total) {
      if (!started) {
        bar.start(total ?? value, value);
        started = true;
      } else {
        if (total !== undefined) bar.setTotal(total);
        else if (value > bar.getTotal()) bar.setTotal(value);
        bar.update(value);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
