/**
 * The KKB cell functions as plain, typed functions over the engine. `functions.ts` publishes
 * them to Excel with JSDoc metadata; tests call `createKkbFunctions` with a fake workbook.
 *
 * Shapes: every function returns a matrix. DOMAIN, KOMPOSIT, KONVERGENSI and DIMENSI give one
 * result per row of their range (a spill); a single column is read as one list. IBANGGA gives
 * one result per row of its three column arguments. KATEGORI and SKOR give one result per cell.
 * A problem with one row is an error value in that row; a problem with the whole call (wrong
 * number of values, unknown weights) is thrown, so the formula's cell shows it.
 */
import { compositeScore, convergenceScores, domainScore } from "../engine/convergence";
import { DECIMALS, DIMENSIONS, SUB_INDICATOR_COUNT, DOMAINS } from "../engine/framework";
import { scoreChange } from "../engine/change";
import {
  dimensionScore,
  ibanggaBand,
  ibanggaComposite,
  parseWeights,
  SETARA,
  Weights,
  weightsFromNumbers,
} from "../engine/ibangga";
import { isBlank } from "../engine/cell";
import { parseIbangga, ParsedValue, parseRubric } from "../engine/score";
import { BlankProbe, excelCellTypeReader, resolveZeros, UnverifiedZero, ZeroCheck } from "./blanks";
import { asMatrix, cellAddress, Matrix, parseRangeAddress, RangeRef, rowAddress } from "./cells";
import { CellErrorValue, cellError, ErrorFactory } from "./errors";
import { parseDecimals } from "./decimals";
import {
  changeRowsMessage,
  changeShapeMessage,
  countMessage,
  decimalsMessage,
  decimalsRowsMessage,
  decimalsShapeMessage,
  dimensionShapeMessage,
  MISSING,
  rowMismatchMessage,
  Scale,
  unverifiedZeroMessage,
  valueMessage,
  weightBlankMessage,
  weightMessage,
} from "./messages";

export type CellResult<T> = T | CellErrorValue;
export type Spill<T> = CellResult<T>[][];

/** What Excel passes as the last argument (absent when called as a plain function). */
export type Invocation = Pick<CustomFunctions.Invocation, "parameterAddresses">;

export interface KkbEnvironment {
  readonly probe: BlankProbe;
  readonly error: ErrorFactory;
}

export function defaultEnvironment(): KkbEnvironment {
  return { probe: new BlankProbe(excelCellTypeReader), error: cellError };
}

export interface KkbFunctions {
  domain(subIndikator: unknown, invocation?: Invocation): Promise<Spill<number>>;
  komposit(skorDomain: unknown, invocation?: Invocation): Promise<Spill<number>>;
  konvergensi(subIndikator: unknown, invocation?: Invocation): Promise<Spill<number>>;
  dimensi(subIndikator: unknown, invocation?: Invocation): Promise<Spill<number>>;
  ibangga(
    ketenteraman: unknown,
    kemandirian: unknown,
    kebahagiaan: unknown,
    bobot?: unknown,
    invocation?: Invocation
  ): Promise<Spill<number>>;
  kategori(ibangga: unknown, invocation?: Invocation): Promise<Spill<string>>;
  skor(nilai: unknown, invocation?: Invocation): Promise<Spill<number>>;
  perubahan(
    sekarang: unknown,
    sebelumnya: unknown,
    desimal?: unknown,
    invocation?: Invocation
  ): Promise<Spill<number>>;
}

/** Decimals of KKB.PERUBAHAN by default: the composite's (a 1-decimal change stays exact). */
const CHANGE_DECIMALS = DECIMALS.composite;

/** An argument after the blank-cell rule, with its cells' place when Excel gave it. */
interface Arg {
  readonly values: Matrix;
  readonly ref: RangeRef | null;
}

/** How the zeros of argument `index` are checked. */
export function zeroCheck(invocation: Invocation | undefined, index: number): ZeroCheck {
  if (!invocation) return { kind: "none" };
  const addresses = invocation.parameterAddresses;
  // Addresses were asked for but not given: a zero cannot be told from a blank.
  if (!Array.isArray(addresses)) return { kind: "cells", ref: null };
  const address = addresses[index];
  // No sheet in it: a literal or a computed array, where 0 is 0.
  if (typeof address !== "string" || !address.includes("!")) return { kind: "literal" };
  return { kind: "cells", ref: parseRangeAddress(address) };
}

type RowOutcome =
  | { readonly ok: true; readonly numbers: number[] }
  | { readonly ok: false; readonly error: CellErrorValue };

interface ListSpec {
  /** `KKB.DOMAIN` */
  readonly fn: string;
  /** Values per row, or null for any number (at least one). */
  readonly width: number | null;
  /** `nilai sub-indikator` */
  readonly what: string;
  readonly scale: Scale;
  readonly missing: (label: string) => string;
  readonly score: (numbers: number[]) => number | null;
}

export function createKkbFunctions(env: KkbEnvironment = defaultEnvironment()): KkbFunctions {
  const { probe, error } = env;

  /** The argument's cells, when Excel gave an address that matches its shape. */
  function argRef(values: Matrix, index: number, invocation?: Invocation): RangeRef | null {
    const check = zeroCheck(invocation, index);
    return check.kind === "cells" &&
      check.ref !== null &&
      check.ref.rows === values.length &&
      values.every((row) => row.length === check.ref?.cols)
      ? check.ref
      : null;
  }

  async function readArg(
    raw: unknown,
    index: number,
    invocation?: Invocation,
    settled?: (row: number) => boolean
  ): Promise<Arg> {
    const values = asMatrix(raw);
    const check = zeroCheck(invocation, index);
    return {
      values: await resolveZeros(values, check, probe, settled),
      ref: argRef(values, index, invocation),
    };
  }

  /** Parses a row's values; the first wrong value wins over missing ones. */
  function parseRow(
    values: readonly unknown[],
    labelOf: (i: number) => string,
    parse: (raw: unknown) => ParsedValue,
    scale: Scale,
    missing: (label: string) => string
  ): RowOutcome {
    const numbers: number[] = [];
    let notAvailable: CellErrorValue | null = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v instanceof UnverifiedZero) {
        notAvailable ??= error("#N/A", unverifiedZeroMessage(labelOf(i)));
        continue;
      }
      const parsed = parse(v);
      if (parsed.ok) {
        numbers.push(parsed.value);
      } else if (parsed.problem === "missing") {
        notAvailable ??= error("#N/A", missing(labelOf(i)));
      } else {
        return {
          ok: false,
          error: error("#VALUE!", valueMessage(parsed.problem, scale, labelOf(i), parsed.shown)),
        };
      }
    }
    return notAvailable ? { ok: false, error: notAvailable } : { ok: true, numbers };
  }

  /** DOMAIN, KOMPOSIT, KONVERGENSI, DIMENSI: one result per row. */
  async function perRow(
    spec: ListSpec,
    raw: unknown,
    invocation?: Invocation
  ): Promise<Spill<number>> {
    const raw0 = asMatrix(raw);
    const ref = argRef(raw0, 0, invocation);
    const width = raw0[0].length;
    // A single column is one list (a kampung laid out vertically).
    const column =
      width === 1 && raw0.length > 1 && (spec.width === null || raw0.length === spec.width);
    // (A single column of another length is counted as the list it is read as.)
    const count = column || (width === 1 && raw0.length > 1) ? raw0.length : width;
    if (spec.width !== null && count !== spec.width) {
      const where = ref ? `${rowAddress(ref, 0)}${raw0.length > 1 ? " dst." : ""}: ` : "";
      throw error("#VALUE!", countMessage(spec.fn, where, count, spec.width, spec.what));
    }
    const parse = spec.scale === "ibangga" ? parseIbangga : parseRubric;
    // A row with a wrong value gives #VALUE! whatever its zeros are: its cells are not read.
    const wrong = (v: unknown) => {
      if (v === 0) return false;
      const parsed = parse(v);
      return !parsed.ok && parsed.problem !== "missing";
    };
    const anyWrong = column && raw0.some((row) => wrong(row[0]));
    const settled = column ? () => anyWrong : (r: number) => raw0[r].some(wrong);
    const { values } = await readArg(raw0, 0, invocation, settled);
    const rows = column ? [values.map((row) => row[0])] : values;
    const labelOf = (r: number) => (i: number) =>
      column
        ? ref
          ? cellAddress(ref, i, 0)
          : `Nilai ke-${i + 1}`
        : ref
          ? cellAddress(ref, r, i)
          : rows.length > 1
            ? `Baris ${r + 1}, nilai ke-${i + 1}`
            : `Nilai ke-${i + 1}`;
    return rows.map((row, r) => {
      const outcome = parseRow(row, labelOf(r), parse, spec.scale, spec.missing);
      if (!outcome.ok) return [outcome.error];
      const score = spec.score(outcome.numbers);
      return [score ?? error("#N/A", spec.missing(ref ? rowAddress(ref, r) : `Baris ${r + 1}`))];
    });
  }

  /** KATEGORI, SKOR: one result per cell. */
  async function perCell<T>(
    raw: unknown,
    invocation: Invocation | undefined,
    parse: (raw: unknown) => ParsedValue,
    scale: Scale,
    missing: (label: string) => string,
    result: (value: number) => T
  ): Promise<Spill<T>> {
    const { values, ref } = await readArg(raw, 0, invocation);
    const single = values.length === 1 && values[0].length === 1;
    return values.map((row, r) =>
      row.map((v, c) => {
        const label = ref
          ? cellAddress(ref, r, c)
          : single
            ? "Nilai"
            : `Baris ${r + 1}, kolom ${c + 1}`;
        const outcome = parseRow([v], () => label, parse, scale, missing);
        return outcome.ok ? result(outcome.numbers[0]) : outcome.error;
      })
    );
  }

  function readWeights(arg: Arg | null): Weights {
    if (arg === null) return SETARA;
    const flat: unknown[] = [];
    const labels: string[] = [];
    arg.values.forEach((row, r) =>
      row.forEach((v, c) => {
        flat.push(v);
        labels.push(arg.ref ? cellAddress(arg.ref, r, c) : `Bobot ke-${flat.length}`);
      })
    );
    for (let i = 0; i < flat.length; i++) {
      if (flat[i] instanceof UnverifiedZero) throw error("#N/A", unverifiedZeroMessage(labels[i]));
      if (isBlank(flat[i]) && flat.length <= 3) {
        throw error(
          "#N/A",
          weightBlankMessage(flat.length === 1 ? (arg.ref ? labels[0] : "Bobot") : labels[i])
        );
      }
    }
    const shown = flat.map((v) => String(v)).join(";");
    if (flat.length === 1 && typeof flat[0] === "string") {
      const parsed = parseWeights(flat[0]);
      if (parsed.ok) return parsed.weights;
      throw error("#VALUE!", weightMessage(parsed.problem, flat[0], 1));
    }
    const parsed = weightsFromNumbers(flat);
    if (parsed.ok) return parsed.weights;
    throw error("#VALUE!", weightMessage(parsed.problem, shown, flat.length));
  }

  const domainSpec: ListSpec = {
    fn: "KKB.DOMAIN",
    width: 3,
    what: "nilai sub-indikator",
    scale: "rubric",
    missing: MISSING.domain,
    score: domainScore,
  };
  const kompositSpec: ListSpec = {
    fn: "KKB.KOMPOSIT",
    width: DOMAINS.length,
    what: "skor domain",
    scale: "domain",
    missing: MISSING.komposit,
    score: compositeScore,
  };
  const konvergensiSpec: ListSpec = {
    fn: "KKB.KONVERGENSI",
    width: SUB_INDICATOR_COUNT,
    what: "nilai sub-indikator (5 domain x 3)",
    scale: "rubric",
    missing: MISSING.konvergensi,
    score: (numbers) => convergenceScores(numbers).composite,
  };
  const dimensiSpec: ListSpec = {
    fn: "KKB.DIMENSI",
    width: null,
    what: "nilai sub-indikator",
    scale: "ibangga",
    missing: MISSING.dimensi,
    score: dimensionScore,
  };

  return {
    domain: (sub, invocation) => perRow(domainSpec, sub, invocation),
    komposit: (skor, invocation) => perRow(kompositSpec, skor, invocation),
    konvergensi: (sub, invocation) => perRow(konvergensiSpec, sub, invocation),
    dimensi: (sub, invocation) => perRow(dimensiSpec, sub, invocation),

    async ibangga(ketenteraman, kemandirian, kebahagiaan, bobot, invocation) {
      // A blank weights cell arrives as 0 (desktop) or null (web): with an address it is a cell.
      const given =
        (bobot !== null && bobot !== undefined) || zeroCheck(invocation, 3).kind === "cells";
      // Started together so their checks share one read.
      const [k, m, b, w] = await Promise.all([
        readArg(ketenteraman, 0, invocation),
        readArg(kemandirian, 1, invocation),
        readArg(kebahagiaan, 2, invocation),
        given ? readArg(bobot, 3, invocation) : Promise.resolve(null),
      ]);
      const dims = [k, m, b];
      dims.forEach((arg, i) => {
        if (arg.values[0].length !== 1) {
          const label = arg.ref ? rowAddress(arg.ref, 0) : DIMENSIONS[i].label.id;
          throw error(
            "#VALUE!",
            dimensionShapeMessage(label, arg.values.length, arg.values[0].length)
          );
        }
      });
      const n = Math.max(...dims.map((arg) => arg.values.length));
      if (dims.some((arg) => arg.values.length !== 1 && arg.values.length !== n)) {
        throw error("#VALUE!", rowMismatchMessage(dims.map((arg) => arg.values.length).join("/")));
      }
      const weights = readWeights(w);
      const result: Spill<number> = [];
      for (let r = 0; r < n; r++) {
        const values: (number | null)[] = [];
        let problem: CellErrorValue | null = null;
        for (let i = 0; i < 3 && !problem; i++) {
          const arg = dims[i];
          const row = arg.values.length === 1 ? 0 : r;
          const label = arg.ref
            ? cellAddress(arg.ref, row, 0)
            : DIMENSIONS[i].label.id + (n > 1 ? ` baris ${r + 1}` : "");
          const v = arg.values[row][0];
          if (v instanceof UnverifiedZero) {
            problem = error("#N/A", unverifiedZeroMessage(label));
            break;
          }
          const parsed = parseIbangga(v);
          if (parsed.ok) values.push(parsed.value);
          // Missing: the other dimensions' weights are renormalised (METHOD.md).
          else if (parsed.problem === "missing") values.push(null);
          else
            problem = error(
              "#VALUE!",
              valueMessage(parsed.problem, "ibangga", label, parsed.shown)
            );
        }
        if (problem) {
          result.push([problem]);
          continue;
        }
        const composite = ibanggaComposite(values, weights).value;
        const label = n > 1 ? `Baris ${r + 1}` : "iBangga";
        // Blank everywhere, or only where the weights are (the others weigh 0).
        const missing = values.every((x) => x === null)
          ? MISSING.ibanggaAll(label)
          : MISSING.ibanggaWeighted(label);
        result.push([composite ?? error("#N/A", missing)]);
      }
      return result;
    },

    kategori: (ibangga, invocation) =>
      perCell(ibangga, invocation, parseIbangga, "ibangga", MISSING.kategori, (v) =>
        ibanggaBand(v)
      ),
    skor: (nilai, invocation) =>
      perCell(nilai, invocation, parseRubric, "rubric", MISSING.skor, (v) => v),

    async perubahan(sekarang, sebelumnya, desimal, invocation) {
      const given =
        (desimal !== null && desimal !== undefined) || zeroCheck(invocation, 2).kind === "cells";
      const [now, before, d] = await Promise.all([
        readArg(sekarang, 0, invocation),
        readArg(sebelumnya, 1, invocation),
        given ? readArg(desimal, 2, invocation) : Promise.resolve(null),
      ]);
      const names = ["Sekarang", "Sebelumnya"];
      [now, before].forEach((arg, i) => {
        if (arg.values[0].length !== 1) {
          const label = arg.ref ? rowAddress(arg.ref, 0) : names[i];
          throw error(
            "#VALUE!",
            changeShapeMessage(label, arg.values.length, arg.values[0].length)
          );
        }
      });
      if (d && d.values[0].length !== 1) {
        const label = d.ref ? rowAddress(d.ref, 0) : "Desimal";
        throw error("#VALUE!", decimalsShapeMessage(label, d.values.length, d.values[0].length));
      }
      const args = d ? [now, before, d] : [now, before];
      const n = Math.max(...args.map((arg) => arg.values.length));
      if ([now, before].some((arg) => arg.values.length !== 1 && arg.values.length !== n)) {
        throw error("#VALUE!", changeRowsMessage(now.values.length, before.values.length));
      }
      if (d && d.values.length !== 1 && d.values.length !== n) {
        throw error("#VALUE!", decimalsRowsMessage(d.values.length, n));
      }
      const decimalsOf = readDecimals(d, n);
      const result: Spill<number> = [];
      for (let r = 0; r < n; r++) {
        const values: number[] = [];
        let problem: CellErrorValue | null = null;
        for (const [i, arg] of [now, before].entries()) {
          const row = arg.values.length === 1 ? 0 : r;
          const label = arg.ref
            ? cellAddress(arg.ref, row, 0)
            : names[i] + (n > 1 ? ` baris ${r + 1}` : "");
          const v = arg.values[row][0];
          if (v instanceof UnverifiedZero) {
            problem = error("#N/A", unverifiedZeroMessage(label));
            break;
          }
          // Scores (0-2) and iBangga (0-100) alike: both lie on the iBangga scale.
          const parsed = parseIbangga(v);
          if (parsed.ok) values.push(parsed.value);
          else if (parsed.problem === "missing") {
            problem = error("#N/A", MISSING.perubahan(label));
            break;
          } else {
            problem = error(
              "#VALUE!",
              valueMessage(parsed.problem, "ibangga", label, parsed.shown)
            );
            break;
          }
        }
        const decimals = decimalsOf[r];
        if (!problem && typeof decimals !== "number") problem = decimals;
        result.push([problem ?? scoreChange(values[0], values[1], decimals as number)!]);
      }
      return result;
    },
  };

  /**
   * The decimals of each of the `n` rows (ROUND's num_digits, broadcast like the scores):
   * the default where not given or blank; a row's error where its cell is wrong. A single
   * value that is wrong is thrown (the whole call).
   */
  function readDecimals(arg: Arg | null, n: number): (number | CellErrorValue)[] {
    if (arg === null) return Array<number>(n).fill(CHANGE_DECIMALS);
    const single = arg.values.length === 1;
    const perRow = arg.values.map((row, r) => {
      const where = arg.ref ? ` di ${cellAddress(arg.ref, r, 0)}` : single ? "" : ` baris ${r + 1}`;
      const outcome = parseDecimals(row[0]);
      switch (outcome.kind) {
        case "ok":
          return outcome.digits;
        case "blank":
          return CHANGE_DECIMALS;
        case "unverified":
          return error(
            "#N/A",
            unverifiedZeroMessage(arg.ref ? cellAddress(arg.ref, r, 0) : "Desimal")
          );
        case "wrong":
          return error("#VALUE!", decimalsMessage(outcome.shown, where));
      }
    });
    if (single) {
      if (typeof perRow[0] !== "number") throw perRow[0];
      return Array<number>(n).fill(perRow[0]);
    }
    return perRow;
  }
}
