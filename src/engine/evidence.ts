/** One row of the optional `Bukti` (evidence) sheet: the audit note behind a score. */
export interface EvidenceRecord {
  /** 1-based row on the evidence sheet. */
  readonly row: number;
  readonly sheet: string;
  readonly kampung: string;
  /** The sub-indicator key (`koordinasi.regulasi`) it supports, or null when unrecognised. */
  readonly field: string | null;
  /** The sub-indicator as written. */
  readonly fieldText: string;
  readonly date: Date | null;
  readonly source: string | null;
  readonly quote: string | null;
}
