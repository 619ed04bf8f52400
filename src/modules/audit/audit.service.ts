/**
 * @module
 * Appending to and checking the audit trail. `recordAuditEvent` refuses to run outside a
 * transaction: an event written apart from its change could survive a crash the change did
 * not (or the reverse), and then the log would lie. `verifyAuditTrail` checks the chain,
 * the chain against its signed heads, and the state tables against the chain, in one read.
 */
import type { AuditAction } from '../../domain/vocabulary/audit-actions.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { ANCHORS_NOT_CHECKED, createAnchorCheck, describeAnchorProblem, type AnchorCheck, type AnchorProblem } from './anchor-check.js';
import { computeEventHash, createChainVerifier, GENESIS_HASH, type ChainVerification } from './audit-chain.js';
import { checkState, describeStateMismatch, type StateCheck, type StateMismatch } from './state-check.js';
import { createStateReplay } from './state-replay.js';

export type AuditEventInput = {
  actorUserId: string | null;
  organisationId: string | null;
  /** Verb-first, dotted: `tender.create`, `bid.create`, `consensus.set`; named in Dutch in the vocabulary (audit-actions.ts). */
  action: AuditAction;
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

export type AuditVerification = ChainVerification & {
  anchor: AnchorCheck;
  /** The first state row that is not what its newest event says, or null. */
  stateMismatch: StateMismatch | null;
  /** Null when the chain is broken: a broken trail says nothing reliable about the rows. */
  state: Omit<StateCheck, 'mismatch'> | null;
};

/**
 * Re-computes the whole chain, checks it against the signed heads, and replays it against
 * the state tables; valid when all three hold. One read transaction, so a write by another
 * process cannot fall between reading the events and reading the rows.
 */
export function verifyAuditTrail(ctx: Pick<AppContext, 'db' | 'queries' | 'anchorCertificates'>): AuditVerification {
  const read = (): AuditVerification => {
    const chain = createChainVerifier();
    const anchors = createAnchorCheck(ctx.queries.audit.listAnchors(), ctx.anchorCertificates());
    const replay = createStateReplay();
    for (const stored of ctx.queries.audit.iterateAllEvents()) {
      const event = chain.push(stored);
      if (event === null) break;
      anchors.push(event);
      replay.push(event);
    }
    const chained = chain.result();
    if (!chained.valid) return { ...chained, anchor: ANCHORS_NOT_CHECKED, stateMismatch: null, state: null };
    const anchor = anchors.result();
    const { mismatch, ...state } = checkState(replay.state(), ctx.queries.audit.stateTables);
    return { ...chained, valid: anchor.status !== 'broken' && mismatch === null, anchor, stateMismatch: mismatch, state };
  };
  return ctx.db.sqlite.inTransaction ? read() : ctx.db.sqlite.transaction(read).deferred();
}

export type DescribedVerification = Omit<AuditVerification, 'anchor' | 'stateMismatch'> & {
  anchor: Omit<AnchorCheck, 'problem'> & { problem: (AnchorProblem & { description: string }) | null };
  stateMismatch: (StateMismatch & { description: string }) | null;
};

/** The verification with a Dutch sentence for each finding, as the API and the page show it. */
export function describeVerification(verification: AuditVerification): DescribedVerification {
  const { anchor, stateMismatch } = verification;
  return {
    ...verification,
    anchor: {
      ...anchor,
      problem: anchor.problem === null ? null : { ...anchor.problem, description: describeAnchorProblem(anchor.problem, verification.events) },
    },
    stateMismatch: stateMismatch === null ? null : { ...stateMismatch, description: describeStateMismatch(stateMismatch) },
  };
}

/** Who may run the whole-log check: any inkoper or auditor (it reveals hashes, not content). */
export function assertMayVerifyAuditTrail(actor: { memberships: { role: string }[] }): void {
  const allowed = actor.memberships.some((m) => m.role === 'inkoper' || m.role === 'auditor');
  if (!allowed) throw new AppError('forbidden', { detail: 'Alleen een inkoper of een auditor mag de audittrail controleren.' });
}
