/**
 * @module
 * Readers for the `change` of an audit event. The change is JSON as it was recorded, possibly
 * by an older version of the product, so every reader accepts anything and never throws: an
 * unexpected shape reads as empty rather than failing the auditor's timeline.
 */
export type Fields = Record<string, unknown>;

export const record = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {});
