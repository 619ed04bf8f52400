/**
 * @module
 * Reading an embedded JSON file of a document of record, for both proofs (check-proof.ts for
 * a tender's report, check-procedure-proof.ts for a procedure's): strict UTF-8, so that bytes
 * altered into invalid text are reported rather than silently replaced.
 */

/** How many differences between the embedded and the re-computed result an answer lists. */
export const MAX_DIFFERENCES = 20;

/** @example parseEmbeddedJson(new TextEncoder().encode('{"a":1}')) // { ok: true, value: { a: 1 } } */
export function parseEmbeddedJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}
