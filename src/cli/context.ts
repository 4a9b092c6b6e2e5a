/** What every command gets: where to write, the language, and whether to show stack traces. */
import { Lang } from "../engine/framework";
import { Io } from "./io";

export interface Context {
  readonly io: Io;
  readonly lang: Lang;
  readonly debug: boolean;
}

/** A refusal or bad argument: one line for the user, and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Exit codes: 0 fine, 1 the input has errors, 2 cannot read / bad arguments / refused, 3 a bug. */
export const EXIT = { ok: 0, inputErrors: 1, unusable: 2, internal: 3 } as const;
