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

/** An event as verified: its content with the change parsed, and its hash. */
export type VerifiedAuditEvent = AuditEventContent & { hash: string };

export type ChainVerifier = {
  /** The next event in `seq` order: the event with its change parsed, or null once the chain is broken. */
  push(event: StoredAuditEvent): VerifiedAuditEvent | null;
  result(): ChainVerification;
};

/**
 * Re-computes the chain one event at a time, so that other checks can read the same stream.
 * An event is broken when its seq is not the next number (a deleted row), its `prevHash` is
 * not the previous event's hash (deleted or reordered), or its hash does not match its
 * content (edited). `from` starts the check after an event already known to be good (its
 * seq and hash), as the anchoring does from the newest signed head.
 */
export function createChainVerifier(from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainVerifier {
  let expectedSeq = from.seq + 1;
  let prevHash = from.hash;
  let count = 0;
  let firstBroken: number | null = null;
  return {
    push(event) {
      if (firstBroken !== null) return null;
      count += 1;
      const content = event.seq === expectedSeq && event.prevHash === prevHash ? contentOf(event) : null;
      if (content === null || computeEventHash(prevHash, content) !== event.hash) {
        firstBroken = event.seq;
        return null;
      }
      prevHash = event.hash;
      expectedSeq += 1;
      return { ...content, hash: event.hash };
    },
    result: () => ({ valid: firstBroken === null, events: count, head: prevHash, firstBroken }),
  };
}

/** Re-computes the chain over events in stored `seq` order (see `createChainVerifier`). */
export function verifyChain(events: Iterable<StoredAuditEvent>): ChainVerification {
  const verifier = createChainVerifier();
  for (const event of events) if (verifier.push(event) === null) break;
  return verifier.result();
}

function contentOf(event: StoredAuditEvent): AuditEventContent | null {
  let change: unknown;
  try {
    change = JSON.parse(event.change);
  } catch {
    return null;
  }
  const { prevHash: _prev, hash: _hash, change: _text, ...rest } = event;
  return { ...rest, change };
}
