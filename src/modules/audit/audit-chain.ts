/**
 * @module
 * The hash chain, pure. Each event's hash is `sha256(prevHash + canonicalJson(content))`,
 * canonical JSON per RFC 8785 (JCS), so the hash is the same whichever program re-computes
 * it, and `content` includes `seq` so that two rows swapped in place no longer verify.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every column but `prevHash` (chained in front) and `hash`. */
export type AuditEventContent = {
  seq: number;
  at: string;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  tenderId: string | null;
  change: unknown;
};

export type StoredAuditEvent = Omit<AuditEventContent, 'change'> & {
  /** The change as stored: JSON text. */
  change: string;
  prevHash: string;
  hash: string;
};

/**
 * @example computeEventHash(GENESIS_HASH, { seq: 1, ... }) // 64 hex characters
 */
export function computeEventHash(prevHash: string, content: AuditEventContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

export type ChainVerification = {
  valid: boolean;
  events: number;
  /** Hash of the last event, or the genesis hash for an empty log. */
  head: string;
  /** `seq` of the first event that does not verify, or null. */
  firstBroken: number | null;
};

/**
 * Re-computes the chain over events in stored `seq` order. An event is broken when its seq
 * is not the next number (a deleted row), its `prevHash` is not the previous event's hash
 * (deleted or reordered), or its hash does not match its content (edited).
 */
export function verifyChain(events: Iterable<StoredAuditEvent>): ChainVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const event of events) {
    count += 1;
    const intact =
      event.seq === expectedSeq && event.prevHash === prevHash && recomputeHash(event) === event.hash;
    if (!intact) return { valid: false, events: count, head: prevHash, firstBroken: event.seq };
    prevHash = event.hash;
    expectedSeq += 1;
  }
  return { valid: true, events: count, head: prevHash, firstBroken: null };
}

function recomputeHash(event: StoredAuditEvent): string | null {
  let change: unknown;
  try {
    change = JSON.parse(event.change);
  } catch {
    return null;
  }
  const { prevHash, hash: _hash, change: _text, ...rest } = event;
  return computeEventHash(prevHash, { ...rest, change });
}
