/** Runs `main` in-process with captured output. */
import { Writable } from "node:stream";
import { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function run(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    errIsTty: false,
    errStream: new Writable({ write: (_c, _e, done) => done() }),
  };
  const code = await main(argv, io);
  return { code, out, err };
}
