/**
 * A list whose items are made when they are asked for (`at`), never all held at once: the rows
 * of a national summary's tables (sheet-spec.ts `madeRows`, written row by row) and the kampung
 * of the `--json` file (written one at a time by the CLI). `JSON.stringify` writes it whole as
 * an array, through `toJSON`. Each `at` makes its item anew.
 */
export class MadeList<T> {
  constructor(
    readonly length: number,
    private readonly make: (index: number) => T
  ) {}

  /** The item at `index`; undefined outside 0 <= index < length. */
  at(index: number): T | undefined {
    return index >= 0 && index < this.length ? this.make(index) : undefined;
  }

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}
