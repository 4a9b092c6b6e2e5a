/** Where the CLI writes: stdout, stderr, and whether stderr is a terminal (for progress). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly errIsTty: boolean;
  /** The stream progress bars draw on. */
  readonly errStream: NodeJS.WritableStream;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get errIsTty() {
    return process.stderr.isTTY === true;
  },
  errStream: process.stderr,
};
