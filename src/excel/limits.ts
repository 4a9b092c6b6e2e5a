/**
 * The limits every office.js request of KKB stays under. Excel on the web rejects a request or
 * a response over 5 MB and a range read over 5,000,000 cells; KKB keeps a margin below both.
 */

/** Largest payload (bytes of JSON) one `context.sync` may send or receive. */
export const REQUEST_PAYLOAD_LIMIT = 4_000_000;

/** Largest number of cells one range read may hold. */
export const RANGE_CELL_LIMIT = 5_000_000;

/** Bytes KKB adds per queued operation for what is not its data (method, address, ids). */
export const OP_OVERHEAD_BYTES = 120;

/** Target size of one slice of values: small enough to pack batches close to the limit. */
export const VALUES_SLICE_BYTES = 256_000;

export interface PayloadLimits {
  readonly payloadBytes: number;
  readonly cells: number;
}

export const DEFAULT_LIMITS: PayloadLimits = {
  payloadBytes: REQUEST_PAYLOAD_LIMIT,
  cells: RANGE_CELL_LIMIT,
};
