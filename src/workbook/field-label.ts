/**
 * An issue's field in words, for the person reading (the pane's issue list, KKB Validasi): the
 * sub-indicator's, identity column's or iBangga dimension's label in the language. The key itself
 * (`koordinasi.regulasi`) is for programs (the JSON).
 */
import { DIMENSIONS, Lang, SUB_INDICATORS } from "../engine/framework";
import { IDENTITY_KEYS, IdentityKey } from "./headers";
import { NOT_ENTERED_FIELD, subIndicatorLabel } from "./input";
import { label } from "./labels";

/** An issue's field (`koordinasi.regulasi`, `ibangga.kemandirian:Rumah layak`) in words. */
export function fieldLabel(field: string, lang: Lang): string {
  if (!field) return lang === "id" ? "Seluruh lembar" : "Whole sheet";
  if (field === NOT_ENTERED_FIELD)
    return lang === "id" ? "Semua sub-indikator" : "All sub-indicators";
  const sub = SUB_INDICATORS.find((s) => s.key === field);
  if (sub) return subIndicatorLabel(sub.index, lang);
  if ((IDENTITY_KEYS as readonly string[]).includes(field)) {
    return label(field as IdentityKey, lang);
  }
  const ibangga = /^ibangga\.([a-z]+)(?::(.*))?$/i.exec(field);
  if (ibangga) {
    const dimension = DIMENSIONS.find((d) => d.key === ibangga[1]);
    if (dimension) {
      const name = dimension.label[lang];
      return ibangga[2] ? `${name}: ${ibangga[2]}` : `iBangga ${name}`;
    }
  }
  return field;
}
