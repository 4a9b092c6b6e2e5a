/**
 * Merged ranges that overlap each other: Excel calls such a file damaged ("We found a problem
 * with some content") and repairs it by removing merges. KKB reads the file as a reader that
 * makes the merges in the order the file lists them does: the first listed wins and a later one
 * that overlaps a merge already kept is left out (its cells keep their own values), as Excel
 * itself refuses to merge over a merged cell. Pure.
 */
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { address } from "./a1";
import { Grid, GridRect, rectAddress } from "./grid";

/** A merge left out, and the earlier merge it overlaps. */
export interface MergeOverlap {
  readonly kept: GridRect;
  readonly dropped: GridRect;
}

export interface ResolvedMerges {
  /** The merges kept, in the order given. */
  readonly kept: GridRect[];
  /** The merges left out, in the order given, each with the first kept merge it overlaps. */
  readonly overlaps: MergeOverlap[];
}

function overlap(a: GridRect, b: GridRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A merge spanning more buckets than this is not registered in them but kept in one list. */
const MAX_BUCKETS = 64;
/** Bucket key = row block x this + column block (Excel has 16,384 columns). */
const BUCKET_STRIDE = 16384;

/** Kept merges registered by block of rows x block of columns (see resolveMergeOverlaps). */
class KeptIndex {
  private readonly buckets = new Map<number, number[]>();
  /** Kept merges that would fill too many buckets: tested by every query, in index order. */
  private readonly large: number[] = [];

  constructor(
    private readonly merges: readonly GridRect[],
    private readonly blockRows: number,
    private readonly blockCols: number,
    private readonly counter: { checks: number }
  ) {}

  private span(m: GridRect): [number, number, number, number] {
    return [
      Math.floor(m.top / this.blockRows),
      Math.floor(m.bottom / this.blockRows),
      Math.floor(m.left / this.blockCols),
      Math.floor(m.right / this.blockCols),
    ];
  }

  private static count([r0, r1, c0, c1]: [number, number, number, number]): number {
    return (r1 - r0 + 1) * (c1 - c0 + 1);
  }

  add(i: number): void {
    const s = this.span(this.merges[i]);
    if (KeptIndex.count(s) > MAX_BUCKETS) {
      this.large.push(i);
      return;
    }
    const [r0, r1, c0, c1] = s;
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const key = r * BUCKET_STRIDE + c;
        const list = this.buckets.get(key);
        if (list) list.push(i);
        else this.buckets.set(key, [i]);
      }
  }

  /** The earliest-listed kept merge that overlaps `m`, or -1. */
  earliestOverlap(m: GridRect, keptInOrder: readonly number[]): number {
    const s = this.span(m);
    let best = -1;
    const test = (j: number) => {
      if (best !== -1 && j >= best) return;
      this.counter.checks++;
      if (overlap(this.merges[j], m)) best = j;
    };
    if (KeptIndex.count(s) > MAX_BUCKETS) {
      // A query larger than the index: every kept merge, in order, the first hit is the earliest.
      for (const j of keptInOrder) {
        this.counter.checks++;
        if (overlap(this.merges[j], m)) return j;
      }
      return -1;
    }
    for (const j of this.large) test(j);
    const [r0, r1, c0, c1] = s;
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++)
        for (const j of this.buckets.get(r * BUCKET_STRIDE + c) ?? []) test(j);
    return best;
  }
}

/**
 * The merges of a sheet (0-based, inclusive, in the file's order) with overlaps resolved: the
 * first listed wins. Each merge, in file order, is tested only against the merges kept so far
 * (which are disjoint), found through buckets of rows x columns sized to the sheet's mean merge,
 * so a sheet with 100,000 merges costs a few checks per merge whether they overlap or not.
 * `counter.checks`, if given, counts the pairs tested (for tests: no timings).
 */
export function resolveMergeOverlaps(
  merges: readonly GridRect[],
  counter: { checks: number } = { checks: 0 }
): ResolvedMerges {
  if (merges.length < 2) return { kept: [...merges], overlaps: [] };
  let rows = 0;
  let cols = 0;
  for (const m of merges) {
    rows += m.bottom - m.top + 1;
    cols += m.right - m.left + 1;
  }
  const index = new KeptIndex(
    merges,
    Math.max(1, Math.ceil(rows / merges.length)),
    Math.max(1, Math.ceil(cols / merges.length)),
    counter
  );
  const keptInOrder: number[] = [];
  const overlaps: MergeOverlap[] = [];
  merges.forEach((m, i) => {
    const j = index.earliestOverlap(m, keptInOrder);
    if (j === -1) {
      keptInOrder.push(i);
      index.add(i);
    } else overlaps.push({ kept: merges[j], dropped: m });
  });
  return { kept: keptInOrder.map((i) => merges[i]), overlaps };
}

/** `B2:C3`; a single cell (`G3:G3`) is `G3`. */
const a1 = (m: GridRect) =>
  m.top === m.bottom && m.left === m.right ? address(m.top, m.left) : rectAddress(m);

/** How many distinct pairs the message lists before "and N more". */
const SHOWN = 10;

/**
 * MERGE_OVERLAP for a sheet whose file lists overlapping merges (grid.mergeOverlaps): one
 * warning at the first dropped merge's top-left cell naming each distinct pair once,
 * `B2:C3 (dipakai) & C3:D4 (diabaikan)`, at most 10 then "dan N lainnya", and, when more than
 * one merge is left out, how many (`count`); null when there are none.
 */
export function mergeOverlapIssue(grid: Grid, lang: Lang): Issue | null {
  const overlaps = grid.mergeOverlaps ?? [];
  if (overlaps.length === 0) return null;
  const [used, ignored] = lang === "id" ? ["dipakai", "diabaikan"] : ["used", "ignored"];
  const pairs = new Set<string>();
  for (const o of overlaps) pairs.add(`${a1(o.kept)} (${used}) & ${a1(o.dropped)} (${ignored})`);
  const distinct = [...pairs];
  const more = distinct.length - SHOWN;
  const total = overlaps.length;
  const list =
    distinct.slice(0, SHOWN).join("; ") +
    (more > 0 ? (lang === "id" ? ` dan ${more} lainnya` : ` and ${more} more`) : "") +
    (total > 1
      ? lang === "id"
        ? ` (${total} gabungan diabaikan)`
        : ` (${total} merges ignored)`
      : "");
  const first = overlaps[0].dropped;
  return makeIssue(
    "MERGE_OVERLAP",
    { sheet: grid.sheet, cell: address(first.top, first.left) },
    { list, count: total },
    lang
  );
}
