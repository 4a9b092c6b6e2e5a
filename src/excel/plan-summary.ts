/**
 * The whole write of a summary (or of the template), decided before anything is written: which
 * owned sheets go, the names of the new sheets and tables, the operations in batches, and the
 * reasons to write nothing at all (a protected workbook or sheet, an input inside a sheet that
 * would be replaced). Pure.
 */
import { SheetSpec } from "../workbook/sheet-spec";
import { REQUEST_PAYLOAD_LIMIT } from "./limits";
import {
  ExistingSheet,
  freeTableName,
  nextOwnedList,
  OwnedEntry,
  Ownership,
  planSheetNames,
} from "./plan-names";
import { batchOps, planSheetOps, WriteOp } from "./plan-write";
import { SETTING_KEYS } from "./settings-codec";

/** The sheet that keeps the workbook visible while every visible sheet is regenerated. */
const PLACEHOLDER_SHEET = "KKB sementara";

export interface WorkbookFacts {
  readonly sheets: readonly ExistingSheet[];
  readonly ownership: Ownership;
  /** Tables of the workbook with the sheet each is on. */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  readonly workbookProtected: boolean;
}

export type WriteRefusal =
  | { readonly problem: "workbook-protected" }
  | { readonly problem: "sheet-protected"; readonly sheets: readonly string[] }
  | { readonly problem: "input-in-owned-sheet"; readonly sheets: readonly string[] };

export interface WritePlan {
  readonly batches: readonly (readonly WriteOp[])[];
  readonly deleted: readonly string[];
  /** The sheets written, with their final names, in order. */
  readonly written: readonly OwnedEntry[];
}

export interface SummaryPlanInput {
  readonly specs: readonly SheetSpec[];
  readonly facts: WorkbookFacts;
  /** The sheet the input is read from: it is never written or deleted. */
  readonly inputSheet: string | null;
  /** Further settings to save with the summary (input location, weights, language). */
  readonly settings?: readonly { readonly key: string; readonly value: string }[];
  readonly limitBytes?: number;
  readonly sliceBytes?: number;
}

const lower = (s: string) => s.toLocaleLowerCase();

export function planSummaryWrite(input: SummaryPlanInput): WritePlan | WriteRefusal {
  const { facts, specs } = input;
  if (facts.workbookProtected) return { problem: "workbook-protected" };
  const names = planSheetNames(specs, facts.sheets, facts.ownership);
  if (
    input.inputSheet !== null &&
    names.toDelete.some((n) => lower(n) === lower(input.inputSheet!))
  ) {
    return { problem: "input-in-owned-sheet", sheets: [input.inputSheet] };
  }
  if (names.protectedInTheWay.length > 0) {
    return { problem: "sheet-protected", sheets: names.protectedInTheWay };
  }
  const deleted = new Set(names.toDelete.map(lower));
  const takenTables = new Set(
    facts.tables.filter((t) => !deleted.has(lower(t.sheet))).map((t) => lower(t.name))
  );
  const tableName = (wanted: string) => {
    const name = freeTableName(wanted, takenTables);
    takenTables.add(lower(name));
    return name;
  };
  const ops: WriteOp[] = names.toDelete.map((sheet) => ({ kind: "deleteSheet", sheet }));
  specs.forEach((spec, i) => {
    ops.push(
      ...planSheetOps(spec, {
        name: names.names[i],
        tableName,
        mark: facts.ownership.customProperties,
        sliceBytes: input.sliceBytes,
      })
    );
  });
  const written = specs.map((s, i) => ({ name: names.names[i], role: s.role }));
  const owned = nextOwnedList(facts.ownership.owned, names.toDelete, written);
  ops.push({ kind: "setting", key: SETTING_KEYS.owned, value: JSON.stringify(owned) });
  for (const s of input.settings ?? []) ops.push({ kind: "setting", key: s.key, value: s.value });
  if (written.length > 0) ops.push({ kind: "activate", sheet: written[0].name });
  // A workbook keeps one visible sheet: when every visible sheet is one being regenerated, a
  // placeholder sheet stands in while they are deleted and rewritten.
  const visibleLeft = facts.sheets.some((s) => s.visible !== false && !deleted.has(lower(s.name)));
  if (!visibleLeft && names.toDelete.length > 0) {
    const taken = new Set([...facts.sheets.map((s) => lower(s.name)), ...names.names.map(lower)]);
    let placeholder = PLACEHOLDER_SHEET;
    for (let n = 2; taken.has(lower(placeholder)); n++) placeholder = `${PLACEHOLDER_SHEET} (${n})`;
    ops.unshift({ kind: "addSheet", sheet: placeholder, role: "ringkasan", mark: false });
    ops.push({ kind: "deleteSheet", sheet: placeholder });
  }
  // KKB's formulas (KKB Profil) last, in batches of their own: the executor does not suspend
  // calculation for those, so Excel calculates them once everything they read is written.
  const ordered = [
    ...ops.filter((op) => op.kind !== "formulas"),
    ...ops.filter((op) => op.kind === "formulas"),
  ];
  return {
    batches: batchOps(ordered, input.limitBytes ?? REQUEST_PAYLOAD_LIMIT),
    deleted: names.toDelete,
    written,
  };
}

export interface TemplatePlan extends WritePlan {
  /** Template sheets that already exist and were left as they are. */
  readonly existing: readonly string[];
}

/**
 * The template's sheets that are missing, as a write plan; sheets of the same name that exist
 * (whoever made them) are left untouched. Nothing is deleted.
 */
export function planTemplateWrite(
  specs: readonly SheetSpec[],
  facts: WorkbookFacts
): TemplatePlan | WriteRefusal {
  const present = new Set(facts.sheets.map((s) => lower(s.name)));
  const existing = specs.filter((s) => present.has(lower(s.name))).map((s) => s.name);
  const missing = specs.filter((s) => !present.has(lower(s.name)));
  if (missing.length === 0) return { batches: [], deleted: [], written: [], existing };
  if (facts.workbookProtected) return { problem: "workbook-protected" };
  const takenTables = new Set(facts.tables.map((t) => lower(t.name)));
  const ops = missing.flatMap((spec) =>
    planSheetOps(spec, {
      name: spec.name,
      tableName: (wanted) => freeTableName(wanted, takenTables),
      mark: facts.ownership.customProperties,
    })
  );
  ops.push({ kind: "activate", sheet: missing[0].name });
  return {
    batches: batchOps(ops),
    deleted: [],
    written: missing.map((s) => ({ name: s.name, role: s.role })),
    existing,
  };
}

export function isRefusal(plan: WritePlan | WriteRefusal): plan is WriteRefusal {
  return "problem" in plan;
}
