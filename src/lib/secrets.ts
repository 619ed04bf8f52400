/**
 * @module
 * Random secrets and their storage form. Session cookies and bearer tokens carry 256 random
 * bits, so a fast SHA-256 is enough to store them (no guessing to slow down), unlike
 * passwords.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** @example generateSecret('gwt_') // 'gwt_3q2+...' (prefix plus 43 base64url characters) */
export function generateSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** @example sha256Hex('abc') // 'ba7816bf...' */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A new random identifier for a stored entity. */
export function newId(): string {
  return randomUUID();
}
