/**
 * @module
 * Blind scoring: each member of the panel scores every criterion of every bid with a
 * motivation, sees only its own scores, and seals them when done; after the seal its scores
 * no longer change. Everyone's scores become visible to the inkoper and auditors only when
 * every member on the panel has sealed, so that nobody can steer the others (issue 5).
 */
import { labellerOfBids, missingScoresText } from '../../domain/bid-label.js';
import { documentsAt, type DocumentVersion } from '../../domain/documents/documents-at.js';
import { writeTransaction } from '../../db/client.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../../domain/panel/motivation.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { requireChangeAllowed, requireQualityUnlocked } from '../tenders/tender-lifecycle.js';
import { requireScoreTarget } from '../tenders/score-target.js';
import type { TenderAccess } from '../tenders/tender-access.js';
import { formatInstantNl } from './panel-format.js';
import { holdsAnyRole, PANEL_READERS, requireDeclaredMember, requirePanelMember, sealStatusOf, type SealStatus } from './panel-access.js';
import type { IndividualScoreRow } from './panel.queries.js';

export type IndividualScoreView = {
  userId: string;
  name: string;
  bidId: string;
  criterionId: string;
  score: number;
  motivation: string;
  updatedAt: string;
  /** The versions of the bid's quality documents current when the score was given. */
  documents: { id: string; name: string; version: number }[];
};

export type ScoresView = SealStatus & { scores: IndividualScoreView[] };

/** The audit action of an individual score; its content stays hidden until all have sealed. */
export const INDIVIDUAL_SCORE_ACTION = 'individual-score.set';

/** `PUT .../bids/:bidId/scores/:criterionId`: the caller's own score, until it seals. */
export function setIndividualScore(
  ctx: AppContext,
  {
    actor,
    access,
    bidId,
    criterionId,
    input,
  }: { actor: Actor; access: TenderAccess; bidId: string; criterionId: string; input: { score: number; motivation: string } },
): IndividualScoreView {
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    const member = requireDeclaredMember(ctx, access, actor);
    requireChangeAllowed(tender.status, 'individual-scores');
    requireQualityUnlocked(tender);
    if (member.sealedAt !== null) {
      throw new AppError('conflict', {
        detail: `u heeft uw scores op ${formatInstantNl(member.sealedAt)} verzegeld; ze kunnen niet meer worden gewijzigd`,
      });
    }
    requireScoreTarget(ctx, { tenderId: tender.id, bidId, criterionId, score: input.score });
    if (!isSentence(input.motivation)) {
      throw new AppError('invalid-input', { errors: [{ path: 'motivation', message: `de motivering is te kort: ${SENTENCE_RULE_MESSAGE}` }] });
    }
    const before = ctx.queries.panel.findScore({ tenderId: tender.id, bidId, criterionId, evaluatorId: actor.userId });
    const row: IndividualScoreRow = {
      tenderId: tender.id,
      bidId,
      criterionId,
      evaluatorId: actor.userId,
      score: input.score,
      motivation: input.motivation.trim(),
      updatedAt: ctx.clock().toISOString(),
    };
    ctx.queries.panel.upsertScore(row);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: INDIVIDUAL_SCORE_ACTION,
      entityType: 'individual-score',
      entityId: `${tender.id}/${bidId}/${criterionId}/${actor.userId}`,
      tenderId: tender.id,
      change: {
        before: before === undefined ? null : { score: before.score, motivation: before.motivation },
        after: { score: row.score, motivation: row.motivation },
      },
    });
    const documents = documentsAt(documentVersionsOf(ctx, tender.id), bidId, row.updatedAt);
    return { userId: actor.userId, name: actor.name, bidId, criterionId, score: row.score, motivation: row.motivation, updatedAt: row.updatedAt, documents };
  });
}

/**
 * `POST .../scores/seal`: refused while a bid x criterion of the tender has no score of the
 * caller; the refusal lists every missing one.
 */
export function sealScores(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): { userId: string; sealedAt: string; scores: number } {
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    const member = requireDeclaredMember(ctx, access, actor);
    requireChangeAllowed(tender.status, 'seals');
    requireQualityUnlocked(tender);
    if (member.sealedAt !== null) {
      throw new AppError('conflict', { detail: `u heeft uw scores al op ${formatInstantNl(member.sealedAt)} verzegeld` });
    }
    const own = new Set(ctx.queries.panel.listScoresOfEvaluator(tender.id, actor.userId).map((s) => `${s.bidId}\u0000${s.criterionId}`));
    const criteria = q.listCriteria(tender.id);
    // A withdrawn bid needs no scores (it leaves the ranking; docs/corrections.md).
    const bids = q.listBids(tender.id);
    const missing = bids
      .filter((bid) => bid.withdrawnOn === null)
      .flatMap((bid) => criteria.filter((c) => !own.has(`${bid.id}\u0000${c.id}`)).map((c) => ({ bidId: bid.id, criterionId: c.id })));
    if (missing.length > 0) {
      const list = missingScoresText(missing, labellerOfBids(bids));
      throw new AppError('conflict', {
        detail: `u kunt pas verzegelen als u elke inschrijving op elk criterium heeft gescoord; er ontbreekt nog: ${list}`,
        errors: missing.map((m) => ({ path: `scores.${m.bidId}.${m.criterionId}`, message: 'score ontbreekt' })),
      });
    }
    const sealedAt = ctx.clock().toISOString();
    ctx.queries.panel.updateMember(tender.id, actor.userId, { sealedAt });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'panel.seal',
      entityType: 'panel-member',
      entityId: `${tender.id}/${actor.userId}`,
      tenderId: tender.id,
      change: { before: { sealedAt: null }, after: { sealedAt, scores: own.size } },
    });
    return { userId: actor.userId, sealedAt, scores: own.size };
  });
}

/**
 * `GET .../scores`: a beoordelaar on the panel gets its own scores; the inkoper and auditors
 * everyone's once every member on the panel has sealed, and until then an empty list with
 * who has sealed (`sealed`, `pending`).
 */
export function listIndividualScores(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): ScoresView {
  const tenderId = access.tender.id;
  const members = ctx.queries.panel.listMembers(tenderId);
  const status = sealStatusOf(members);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const versions = documentVersionsOf(ctx, tenderId);
  const view = (s: IndividualScoreRow): IndividualScoreView => ({
    userId: s.evaluatorId,
    name: names.get(s.evaluatorId) ?? '',
    bidId: s.bidId,
    criterionId: s.criterionId,
    score: s.score,
    motivation: s.motivation,
    updatedAt: s.updatedAt,
    documents: documentsAt(versions, s.bidId, s.updatedAt),
  });
  if (holdsAnyRole(access, PANEL_READERS)) {
    return { ...status, scores: status.allSealed ? sortScores(ctx, tenderId, ctx.queries.panel.listScores(tenderId)).map(view) : [] };
  }
  requirePanelMember(ctx, access, actor);
  return { ...status, scores: sortScores(ctx, tenderId, ctx.queries.panel.listScoresOfEvaluator(tenderId, actor.userId)).map(view) };
}

/** Every document of the tender as `documentsAt` reads them (it keeps the quality envelope only). */
function documentVersionsOf(ctx: AppContext, tenderId: string): DocumentVersion[] {
  return ctx.queries.documents.listDocuments(tenderId).map((d) => ({ ...d, replaces: d.replacesId }));
}

/** Bids in their stored order, criteria in theirs, then evaluators in order of assignment. */
export function sortScores(ctx: AppContext, tenderId: string, scores: IndividualScoreRow[]): IndividualScoreRow[] {
  const bidOrder = new Map(ctx.queries.tenders.listBids(tenderId).map((b) => [b.id, b.position]));
  const criterionOrder = new Map(ctx.queries.tenders.listCriteria(tenderId).map((c) => [c.id, c.position]));
  const memberOrder = new Map(ctx.queries.panel.listMembers(tenderId).map((m, i) => [m.userId, i]));
  const at = (order: Map<string, number>, key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...scores].sort(
    (a, b) =>
      at(bidOrder, a.bidId) - at(bidOrder, b.bidId) ||
      at(criterionOrder, a.criterionId) - at(criterionOrder, b.criterionId) ||
      at(memberOrder, a.evaluatorId) - at(memberOrder, b.evaluatorId),
  );
}
