/**
 * @module
 * Signs the audit chain's head with the report-signing key and stores the signed head
 * (`audit_anchors`): at start, every hour when the chain has grown, at least once a day, at
 * a clean stop, and with every report, in the report's own transaction. The server signs
 * only a head that continues its newest signed head: an attacker who rewrites the chain in
 * the file cannot get the server to sign the forgery, at the next start or ever.
 *
 * A signed head is no change of the record, so it writes no audit event (that would move the
 * head it signs). Each one is also logged, so that a copy of it exists outside the database.
 */
import { writeTransaction } from '../../db/client.js';
import type { AnchorReason } from '../../db/schema/index.js';
import type { AppContext } from '../../http/types.js';
import type { Logger } from '../../lib/logger.js';
import { createChainVerifier } from './audit-chain.js';
import { checkAnchorSignature, signHead, type AnchorCertificates, type StoredAnchor } from './anchor-signature.js';

/** A head is signed again after this long even when the chain has not grown ("at least daily"). */
export const ANCHOR_MAX_AGE_MS = 24 * 60 * 60_000;
/** How often the server looks whether the chain grew since its newest signed head. */
export const ANCHOR_INTERVAL_MS = 60 * 60_000;

export type AnchorOutcome =
  | { kind: 'anchored'; anchor: StoredAnchor }
  /** The newest signed head is this head, signed with this certificate, recently enough. */
  | { kind: 'unchanged' }
  | { kind: 'empty' }
  /** The chain does not continue the newest signed head: nothing is signed. */
  | { kind: 'refused'; reason: string };

type AnchorContext = Pick<AppContext, 'db' | 'queries' | 'clock' | 'signer' | 'anchorCertificates' | 'logger'>;

/** The newest signed head whose signature verifies with a configured certificate. */
export function newestVerifiedAnchor(ctx: Pick<AppContext, 'queries'>, certificates: AnchorCertificates): StoredAnchor | undefined {
  for (const anchor of ctx.queries.audit.iterateAnchorsNewestFirst()) {
    if (checkAnchorSignature(anchor, certificates) === 'verified') return anchor;
  }
  return undefined;
}

/** Why the chain up to `last` does not continue `base` (or, without one, is not intact), or null. */
function continuationProblem(ctx: Pick<AppContext, 'queries'>, base: StoredAnchor | undefined, last: { seq: number; hash: string }): string | null {
  if (base !== undefined && last.seq < base.seq) {
    return `the chain ends at event ${last.seq}, before the signed head at ${base.seq}`;
  }
  const verifier = createChainVerifier(base === undefined ? undefined : { seq: base.seq, hash: base.head });
  for (const event of ctx.queries.audit.iterateEventsFrom(base?.seq ?? 1)) {
    if (base !== undefined && event.seq === base.seq) {
      if (event.hash !== base.head) return `event ${base.seq} no longer has the signed hash`;
      continue;
    }
    if (verifier.push(event) === null) return `the chain is broken at event ${event.seq}`;
  }
  const result = verifier.result();
  return result.head === last.hash ? null : `the chain does not end at event ${last.seq}`;
}

/**
 * Signs the current head, inside the caller's write transaction or in one of its own. For a
 * `report` it always signs; otherwise only when the head, the certificate or a day has
 * passed since the newest signed head.
 * @example writeTransaction(ctx.db, () => { insertReport(...); recordAuditEvent(ctx, ...); anchorAuditHead(ctx, 'report'); });
 */
export function anchorAuditHead(ctx: AnchorContext, reason: AnchorReason, { maxAgeMs = ANCHOR_MAX_AGE_MS }: { maxAgeMs?: number } = {}): AnchorOutcome {
  const run = (): AnchorOutcome => {
    const last = ctx.queries.audit.findLastEvent();
    if (last === undefined) return { kind: 'empty' };
    const signer = ctx.signer();
    const now = ctx.clock();
    const base = newestVerifiedAnchor(ctx, ctx.anchorCertificates());
    const current =
      base !== undefined &&
      base.seq === last.seq &&
      base.head === last.hash &&
      base.certificateFingerprint === signer.certificate.fingerprintSha256 &&
      now.getTime() - Date.parse(base.at) < maxAgeMs;
    if (reason !== 'report' && current) return { kind: 'unchanged' };
    const problem = continuationProblem(ctx, base, last);
    if (problem !== null) return { kind: 'refused', reason: problem };
    const head = { seq: last.seq, head: last.hash, at: now.toISOString() };
    const signed = signHead(signer, head);
    const row = { ...head, reason, ...signed };
    return { kind: 'anchored', anchor: { id: ctx.queries.audit.insertAnchor(row), ...row } };
  };
  const outcome = ctx.db.sqlite.inTransaction ? run() : writeTransaction(ctx.db, run);
  logOutcome(ctx.logger, reason, outcome);
  return outcome;
}

function logOutcome(logger: Logger, reason: AnchorReason, outcome: AnchorOutcome): void {
  if (outcome.kind === 'anchored') {
    // The log is the copy outside the database: keep it (see docs/operations.md).
    const { seq, head, at, certificateFingerprint, signature } = outcome.anchor;
    logger.info('laatste hash van de audittrail ondertekend', { reason, seq, head, at, certificate: certificateFingerprint, signature });
  } else if (outcome.kind === 'refused') {
    logger.error('de audittrail sluit niet aan op de laatst ondertekende hash; niet ondertekend', { reason, problem: outcome.reason });
  } else {
    logger.debug('laatste hash van de audittrail niet ondertekend', { reason, outcome: outcome.kind });
  }
}

export type AuditAnchoring = {
  /** Runs the periodic step now (also what the timer calls). */
  runNow: () => AnchorOutcome | undefined;
  /** Stops the timer and signs the head a last time; call before closing the database. */
  stop: () => void;
};

/**
 * Signs the head now (`start`), then checks every `intervalMs` (unref'ed timer). A failure is
 * logged and retried at the next tick: it must not stop the server.
 * @example const anchoring = startAuditAnchoring(ctx); ...; anchoring.stop(); db.close();
 */
export function startAuditAnchoring(
  ctx: AnchorContext,
  { intervalMs = ANCHOR_INTERVAL_MS, maxAgeMs = ANCHOR_MAX_AGE_MS }: { intervalMs?: number; maxAgeMs?: number } = {},
): AuditAnchoring {
  const attempt = (reason: AnchorReason): AnchorOutcome | undefined => {
    try {
      return anchorAuditHead(ctx, reason, { maxAgeMs });
    } catch (error) {
      ctx.logger.error('ondertekenen van de laatste hash van de audittrail mislukt', { reason, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  attempt('start');
  const timer = setInterval(() => attempt('schedule'), intervalMs);
  timer.unref();
  let stopped = false;
  return {
    runNow: () => attempt('schedule'),
    stop: () => {
      // Shutdown may call this twice (the listener closed, or the 5 s fallback): sign once.
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      attempt('stop');
    },
  };
}
