/**
 * Which sheets KKB owns, which it replaces, and the names of the sheets and tables it writes.
 * A sheet is KKB's only when both markers agree: its worksheet custom property names a role and
 * the workbook's list of owned sheets holds its name. A user's sheet that happens to be called
 * `KKB Ringkasan` has neither and is never touched; the summary takes `KKB Ringkasan (2)`. Pure.
 */
import { freeName } from "../workbook/sheet-names";
import { SheetRole } from "../workbook/sheet-spec";

// One naming rule for the pane and the CLI (src/workbook/sheet-names.ts).
export { freeName, SHEET_NAME_MAX } from "../workbook/sheet-names";

/** Roles whose sheets a regeneration deletes and writes again. Input and evidence hold user data. */
export const SUMMARY_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>([
  "ringkasan",
  "domain",
  "ibangga",
  "wilayah",
  "tren",
  "validasi",
  "profil",
  "profilCetak",
  "ketidakpastian",
]);

const ROLES: ReadonlySet<string> = new Set<SheetRole>([
  ...SUMMARY_ROLES,
  "input",
  "bukti",
  "petunjuk",
]);

export function isSheetRole(value: unknown): value is SheetRole {
  return typeof value === "string" && ROLES.has(value);
}

/** One entry of the owned-sheets list kept in the workbook's settings. */
export interface OwnedEntry {
  readonly name: string;
  readonly role: SheetRole;
}

/** A sheet of the workbook as surveyed before writing. */
export interface ExistingSheet {
  readonly name: string;
  /** The role in the sheet's KKB custom property; null when it has none. */
  readonly roleProperty: string | null;
  readonly protected: boolean;
  /** Whether the sheet is visible (not hidden or very hidden); absent means visible. */
  readonly visible?: boolean;
}

export interface Ownership {
  /** Whether worksheet custom properties can be read (ExcelApi 1.12). */
  readonly customProperties: boolean;
  readonly owned: readonly OwnedEntry[];
}

const key = (name: string) => name.toLocaleLowerCase();

/** The role KKB owns this sheet in, or null when the sheet is not KKB's. */
export function ownedRole(sheet: ExistingSheet, ownership: Ownership): SheetRole | null {
  const entry = ownership.owned.find((o) => key(o.name) === key(sheet.name));
  if (!entry) return null;
  if (ownership.customProperties && sheet.roleProperty !== entry.role) return null;
  return entry.role;
}

export interface SheetNamePlan {
  /** Owned summary sheets to delete before writing (the old summary). */
  readonly toDelete: readonly string[];
  /** Final name per wanted sheet, in order. */
  readonly names: readonly string[];
  /** Sheets in the way that are protected: writing must not start. */
  readonly protectedInTheWay: readonly string[];
}

/**
 * Plans a regeneration: every owned summary sheet goes (also those of roles not written this
 * time, which would be stale), every other sheet stays, and each wanted sheet gets its preferred
 * name or the first free numbered one.
 */
export function planSheetNames(
  wanted: readonly { readonly name: string; readonly role: SheetRole }[],
  existing: readonly ExistingSheet[],
  ownership: Ownership,
  replaceOwned = true
): SheetNamePlan {
  const toDelete: string[] = [];
  const taken = new Set<string>();
  for (const sheet of existing) {
    const role = ownedRole(sheet, ownership);
    if (replaceOwned && role !== null && SUMMARY_ROLES.has(role)) toDelete.push(sheet.name);
    else taken.add(key(sheet.name));
  }
  const names = wanted.map((w) => {
    const name = freeName(w.name, taken);
    taken.add(key(name));
    return name;
  });
  const protectedInTheWay = existing
    .filter((s) => s.protected && toDelete.includes(s.name))
    .map((s) => s.name);
  return { toDelete, names, protectedInTheWay };
}

/** `KKB_Ringkasan`, then `KKB_Ringkasan_2`, ... (table names are unique in a workbook). */
export function freeTableName(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key(preferred))) return preferred;
  for (let n = 2; ; n++) {
    const name = `${preferred}_${n}`;
    if (!taken.has(key(name))) return name;
  }
}

/** The owned list after a write: entries of deleted sheets go, written sheets come in. */
export function nextOwnedList(
  previous: readonly OwnedEntry[],
  deleted: readonly string[],
  written: readonly OwnedEntry[]
): OwnedEntry[] {
  const gone = new Set([...deleted, ...written.map((w) => w.name)].map(key));
  return [...previous.filter((o) => !gone.has(key(o.name))), ...written];
}
