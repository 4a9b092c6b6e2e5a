/**
 * Merged ranges that overlap each other: Excel calls such a file damaged ("We found a problem
 * with some content") and repairs it by removing merges. KKB reads the file as a reader that
 * makes the merges in the order the file lists them does: the first listed wins and a later one
 * that overlaps a merge already kept is left out (its cells keep their own values), as Excel
 * itself refuses to merge over a merged cell. Pure.
 */
import { Lang } from "../engine/framework";
import { Issue, makeIssue } from "../engine/issues";
import { address, rangeAddress } from "./a1";
import type { Grid, GridRect } from "./grid";

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

/**
 * The merges of a sheet (0-based, inclusive, in the file's order) with overlaps resolved: the
 * first listed wins. Finding the overlapping pairs sweeps the merges by top row, so a sheet with
 * tens of thousands of merges that do not overlap costs one sort.
 */
export function resolveMergeOverlaps(merges: readonly GridRect[]): ResolvedMerges {
  const order = merges.map((_, i) => i).sort((a, b) => merges[a].top - merges[b].top || a - b);
  // For each merge, the earlier-listed merges it overlaps.
  const earlier = new Map<number, number[]>();
  let active: number[] = [];
  for (const i of order) {
    const m = merges[i];
    active = active.filter((j) => merges[j].bottom >= m.top);
    for (const j of active) {
      if (!overlap(merges[j], m)) continue;
      const [first, later] = j < i ? [j, i] : [i, j];
      const list = earlier.get(later) ?? [];
      list.push(first);
      earlier.set(later, list);
    }
    active.push(i);
  }
  if (earlier.size === 0) return { kept: [...merges], overlaps: [] };
  const kept: GridRect[] = [];
  const overlaps: MergeOverlap[] = [];
  const dropped = new Set<number>();
  merges.forEach((m, i) => {
    const over = (earlier.get(i) ?? []).filter((j) => !dropped.has(j)).sort((a, b) => a - b);
    if (over.length === 0) kept.push(m);
    else {
      dropped.add(i);
      overlaps.push({ kept: merges[over[0]], dropped: m });
    }
  });
  return { kept, overlaps };
}

const a1 = (m: GridRect) => rangeAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1);

/**
 * MERGE_OVERLAP for a sheet whose file lists overlapping merges (grid.mergeOverlaps): one
 * warning naming each pair, `B2:C3 (dipakai) & C3:D4 (diabaikan)`, at the first dropped merge's
 * top-left cell; null when there are none.
 */
export function mergeOverlapIssue(grid: Grid, lang: Lang): Issue | null {
  const overlaps = grid.mergeOverlaps ?? [];
  if (overlaps.length === 0) return null;
  const [used, ignored] = lang === "id" ? ["dipakai", "diabaikan"] : ["used", "ignored"];
  const list = overlaps
    .map((o) => `${a1(o.kept)} (${used}) & ${a1(o.dropped)} (${ignored})`)
    .join("; ");
  const first = overlaps[0].dropped;
  return makeIssue(
    "MERGE_OVERLAP",
    { sheet: grid.sheet, cell: address(first.top, first.left) },
    { list, count: overlaps.length },
    lang
  );
}
