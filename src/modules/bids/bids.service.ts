/**
 * @module
 * Bids and consensus scores. Bids come in while the tender is `draft` (bidding closes at
 * `open`); consensus scores are set once it is `open` and the criteria are frozen, and
 * until the award is proposed.
 */
import { writeTransaction } from '../../db/client.js';
import { bidSchema, dutchErrorMap, issuesToProblems } from '../../domain/evaluation/dossier.schema.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { bidOf, bidRows } from '../tenders/dossier-mapping.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';

export type NewBidInput = { id?: string | undefined; provider: unknown; price?: unknown; priceLines?: unknown };

/** The next free `B<n>`: one past the highest number in use, so ids are never reused. */
export function nextBidId(existing: readonly string[]): string {
  const taken = new Set(existing);
  let n = 1 + Math.max(0, ...existing.map((id) => /^B(\d+)$/.exec(id)).map((m) => (m ? Number(m[1]) : 0)));
  while (taken.has(`B${n}`)) n += 1;
  return `B${n}`;
}

/** Checks a bid with the dossier's bid rules (scores come later, as consensus). */
function parseNewBid(input: NewBidInput, id: string, method: string): Omit<Bid, 'scores'> {
  const candidate = { ...input, id, scores: {} };
  const result = bidSchema.safeParse(candidate, { error: dutchErrorMap });
  const errors = result.success ? [] : issuesToProblems(result.error.issues);
  if (method !== 'fixed-price' && input.price === undefined && input.priceLines === undefined) {
    errors.push({ path: 'price', message: 'prijs ontbreekt; geef price of priceLines' });
  }
  if (!result.success || errors.length > 0) throw new AppError('invalid-input', { detail: 'the bid is not valid', errors });
  const { scores: _scores, ...bid } = result.data;
  return bid;
}

export function addBid(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: TenderAccess; input: NewBidInput },
): Bid {
  requireTenderRole(access, ['inkoper'], 'register bids');
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    if (tender.status !== 'draft') throw new AppError('tender-locked', { detail: `bidding is closed: the tender is ${tender.status}` });
    const existing = q.listBids(tender.id);
    const id = input.id ?? nextBidId(existing.map((b) => b.id));
    if (existing.some((b) => b.id === id)) {
      throw new AppError('conflict', { detail: `bid ${id} exists`, errors: [{ path: 'id', message: 'already in use' }] });
    }
    const bid = parseNewBid(input, id, tender.awardMethod);
    const position = existing.reduce((max, b) => Math.max(max, b.position + 1), 0);
    const rows = bidRows(tender.id, bid, position, ctx.clock().toISOString());
    q.insertBids([rows.bid]);
    q.insertPriceLines(rows.priceLines);
    const created = bidOf(rows.bid, rows.priceLines, []);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'bid.create',
      entityType: 'bid',
      entityId: `${tender.id}/${id}`,
      tenderId: tender.id,
      change: { after: created },
    });
    return created;
  });
}

/** The bids with their consensus scores so far. */
export function listBids(ctx: AppContext, { access }: { access: TenderAccess }): Bid[] {
  requireTenderRole(access, ['inkoper', 'auditor'], 'see the bids');
  const q = ctx.queries.tenders;
  const lines = q.listPriceLines(access.tender.id);
  const scores = q.listScores(access.tender.id);
  return q.listBids(access.tender.id).map((row) =>
    bidOf(
      row,
      lines.filter((l) => l.bidId === row.id),
      scores.filter((s) => s.bidId === row.id),
    ),
  );
}

export type ConsensusScoreView = { bidId: string; criterionId: string; score: number; motivation: string | null; updatedAt: string };

/** `PUT .../bids/:bidId/consensus/:criterionId`: the agreed score with its motivation. */
export function setConsensusScore(
  ctx: AppContext,
  {
    actor,
    access,
    bidId,
    criterionId,
    input,
  }: { actor: Actor; access: TenderAccess; bidId: string; criterionId: string; input: { score: number; motivation: string } },
): ConsensusScoreView {
  requireTenderRole(access, ['inkoper'], 'set consensus scores');
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    if (tender.status !== 'open') {
      const why = tender.status === 'draft' ? 'open the tender first: criteria must be frozen before scoring' : `the tender is ${tender.status}`;
      throw new AppError('tender-locked', { detail: why });
    }
    if (!q.listBids(tender.id).some((b) => b.id === bidId)) throw new AppError('not-found', { detail: `bid ${bidId} not found` });
    const criterion = q.listCriteria(tender.id).find((c) => c.id === criterionId);
    if (criterion === undefined) throw new AppError('not-found', { detail: `criterion ${criterionId} not found` });
    const scale = JSON.parse(criterion.scale) as number[];
    if (!scale.includes(input.score)) {
      throw new AppError('invalid-input', {
        errors: [{ path: 'score', message: `score ${input.score} komt niet voor op de schaal ${scale.join(', ')}` }],
      });
    }
    const before = q.findScore(tender.id, bidId, criterionId);
    const row = { tenderId: tender.id, bidId, criterionId, score: input.score, motivation: input.motivation, updatedAt: ctx.clock().toISOString(), updatedBy: actor.userId };
    q.upsertScore(row);
    const view: ConsensusScoreView = { bidId, criterionId, score: row.score, motivation: row.motivation, updatedAt: row.updatedAt };
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'consensus.set',
      entityType: 'consensus-score',
      entityId: `${tender.id}/${bidId}/${criterionId}`,
      tenderId: tender.id,
      change: {
        before: before === undefined ? null : { score: before.score, motivation: before.motivation },
        after: { score: row.score, motivation: row.motivation },
      },
    });
    return view;
  });
}
