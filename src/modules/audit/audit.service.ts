/**
 * @module
 * Appending to and checking the audit trail. `recordAuditEvent` refuses to run outside a
 * transaction: an event written apart from its change could survive a crash the change did
 * not (or the reverse), and then the log would lie.
 */
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { computeEventHash, GENESIS_HASH, verifyChain, type ChainVerification } from './audit-chain.js';

export type AuditEventInput = {
  actorUserId: string | null;
  organisationId: string | null;
  /** Verb-first, dotted: `tender.create`, `bid.create`, `consensus.set`. */
  action: string;
  entityType: string;
  entityId: string;
  tenderId?: string | null;
  /** `{ before, after }` for updates, `{ after }` for creations, or another small JSON. */
  change: unknown;
};

/**
 * Appends one event to the chain. Must be called inside `writeTransaction`, whose
 * `BEGIN IMMEDIATE` also makes reading the previous hash and inserting race-free.
 * @example writeTransaction(ctx.db, () => { insertTender(row); recordAuditEvent(ctx, { action: 'tender.create', ... }); });
 */
export function recordAuditEvent(ctx: Pick<AppContext, 'db' | 'queries' | 'clock'>, input: AuditEventInput): void {
  if (!ctx.db.sqlite.inTransaction) throw new Error('recordAuditEvent must run inside a write transaction');
  const last = ctx.queries.audit.findLastEvent();
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at: ctx.clock().toISOString(),
    actorUserId: input.actorUserId,
    organisationId: input.organisationId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    tenderId: input.tenderId ?? null,
    // Round-trip through JSON so the hashed value is exactly what is stored and re-read.
    change: JSON.parse(JSON.stringify(input.change ?? null)) as unknown,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = computeEventHash(prevHash, content);
  ctx.queries.audit.insertEvent({ ...content, change: JSON.stringify(content.change), prevHash, hash });
}

/** Re-computes the whole chain. */
export function verifyAuditTrail(ctx: Pick<AppContext, 'queries'>): ChainVerification {
  return verifyChain(ctx.queries.audit.iterateAllEvents());
}

/** Who may run the whole-log check: any inkoper or auditor (it reveals hashes, not content). */
export function assertMayVerifyAuditTrail(actor: { memberships: { role: string }[] }): void {
  const allowed = actor.memberships.some((m) => m.role === 'inkoper' || m.role === 'auditor');
  if (!allowed) throw new AppError('forbidden', { detail: 'only an inkoper or auditor may verify the audit trail' });
}
