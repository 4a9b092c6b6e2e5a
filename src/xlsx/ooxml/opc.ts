/**
 * Open Packaging Conventions (ECMA-376 Part 2): relationship parts and how their targets name
 * other parts. A target is relative to the folder of the part that holds the relationship, or
 * absolute from the package root (`/xl/worksheets/sheet1.xml`, as openpyxl and pandas write).
 */
import { XmlStream } from "./xml";
import { ZipPackage } from "./zip-package";

export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI (`worksheet`, `officeDocument`, `table`), transitional or strict alike. */
  readonly type: string;
  /** The part it points at, resolved to a package path without a leading slash; null for external targets. */
  readonly part: string | null;
}

const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The relationships part of `source` (`xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; "" for the package). */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part (RFC 3986 dot segments). */
export function resolveTarget(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target.replace(/\\/g, "/"));
  } catch {
    path = target.replace(/\\/g, "/");
  }
  path = path.replace(/[?#].*$/, "");
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** The relationships of a part (an empty list when it has none). */
export async function readRelationships(pkg: ZipPackage, source: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  const xml = new XmlStream({
    open(ns, local, attributes) {
      if (ns !== PACKAGE_RELATIONSHIPS || local !== "Relationship") return;
      const type = attributes.Type ?? "";
      const target = attributes.Target ?? "";
      rels.push({
        id: attributes.Id ?? "",
        type: type.slice(type.lastIndexOf("/") + 1),
        part: attributes.TargetMode === "External" ? null : resolveTarget(source, target),
      });
    },
    close() {},
  });
  if (!(await pkg.readText(relsPartOf(source), (t) => xml.write(t)))) return rels;
  xml.end();
  return rels;
}
