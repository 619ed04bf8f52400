/**
 * @module
 * Writing one consensus score with its audit event, for the one form per cell
 * (`setConsensusScore`) and the adoption of agreed scores (`adoptAgreedConsensus`): both
 * are `consensus.set` events of the same shape, so the audit check replays them alike
 * (`src/modules/audit/state-replay.ts`). Runs inside the caller's write transaction, after
 * its checks.
 */
import type { Actor, AppContext } from '../../http/types.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import type { TenderRow } from '../tenders/tenders.queries.js';

export type ConsensusScoreView = {
  bidId: string;
  criterionId: string;
  score: number;
  motivation: string | null;
  deviationReason: string | null;
  updatedAt: string;
};

export type ConsensusWrite = {
  bidId: string;
  criterionId: string;
  score: number;
  motivation: string;
  deviationReason?: string | undefined;
  /** Marks a score adopted because every member of the panel gave it, for the audit trail. */
  adoptedAgreed?: boolean;
};

/** @example writeConsensusScore(ctx, { actor, tender, write: { bidId: 'B1', criterionId: 'K1', score: 8, motivation } }) */
export function writeConsensusScore(
  ctx: AppContext,
  { actor, tender, write }: { actor: Actor; tender: Pick<TenderRow, 'id' | 'organisationId'>; write: ConsensusWrite },
): ConsensusScoreView {
  const q = ctx.queries.tenders;
  const { bidId, criterionId } = write;
  const before = q.findScore(tender.id, bidId, criterionId);
  const deviationReason = write.deviationReason === undefined || write.deviationReason.trim() === '' ? null : write.deviationReason.trim();
  const row = {
    tenderId: tender.id,
    bidId,
    criterionId,
    score: write.score,
    motivation: write.motivation.trim(),
    deviationReason,
    updatedAt: ctx.clock().toISOString(),
    updatedBy: actor.userId,
  };
  q.upsertScore(row);
  recordAuditEvent(ctx, {
    actorUserId: actor.userId,
    organisationId: tender.organisationId,
    action: 'consensus.set',
    entityType: 'consensus-score',
    entityId: `${tender.id}/${bidId}/${criterionId}`,
    tenderId: tender.id,
    change: {
      before: before === undefined ? null : { score: before.score, motivation: before.motivation, deviationReason: before.deviationReason },
      after: { score: row.score, motivation: row.motivation, deviationReason },
      ...(write.adoptedAgreed === true ? { adoptedAgreed: true } : {}),
    },
  });
  return { bidId, criterionId, score: row.score, motivation: row.motivation, deviationReason, updatedAt: row.updatedAt };
}
