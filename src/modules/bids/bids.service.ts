/**
 * @module
 * Bids and consensus scores. Bids come in while the tender is `draft` (bidding closes at
 * `open`); consensus scores are set once it is `open` and the criteria are frozen, and
 * until the award is proposed (`domain/lifecycle/tender-status.ts`).
 */
import { writeTransaction } from '../../db/client.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { writeConsensusScore, type ConsensusScoreView } from '../panel/consensus-write.js';
import { bidOf, bidRows } from '../tenders/dossier-mapping.js';
import { checkConsensus } from '../../domain/panel/consensus-view.js';
import { individualScoresFor, requireAllSealed } from '../panel/consensus.service.js';
import { holdsAnyRole, requireDeclaredMember } from '../panel/panel-access.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed, requireQualityUnlocked } from '../tenders/tender-lifecycle.js';
import { requireScoreTarget } from '../tenders/score-target.js';
import { parseNewBid, type NewBidInput } from './bid-input.js';
import { pricesSealed } from '../../domain/envelopes/price-opening.js';
import { correctionNoticesOf, correctionViewsOf, type BidCorrectionNotice, type BidCorrectionView } from './bid-corrections.js';

export type { NewBidInput } from './bid-input.js';

/**
 * What `addBid` requires that no input can change: the inkoper's role, and a tender still
 * open for bids. A bulk import asks this before it reads a byte of its upload, so a role that
 * may not add bids cannot make the server unpack a file. `addBid` checks again, the status
 * inside its transaction.
 * @example requireMayAddBids(access); const file = await c.req.parseBody();
 */
export function requireMayAddBids(access: TenderAccess): void {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen registreren');
  requireChangeAllowed(access.tender.status, 'bids');
}

export function addBid(ctx: AppContext, { actor, access, input }: { actor: Actor; access: TenderAccess; input: NewBidInput }): Bid {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen registreren');
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'bids');
    // The next free `B<n>` is one past the highest number in use, so an id is never reused.
    const { highestNumber, highestPosition } = q.findBidNumbering(tender.id);
    const id = input.id ?? `B${highestNumber + 1}`;
    if (q.findBid(tender.id, id) !== undefined) {
      throw new AppError('conflict', { detail: `bid ${id} exists`, errors: [{ path: 'id', message: 'already in use' }] });
    }
    const bid = parseNewBid(input, id, tender.awardMethod, { pricesSealed: pricesSealed(tender) });
    const position = highestPosition + 1;
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

/**
 * What an evaluator sees of a bid: who made it, and its price only when the tender shows
 * prices to evaluators. Never the consensus scores or the low-bid review: both would colour
 * a score that must be the evaluator's own. A correction shows with its reason only (never
 * the figures before and after), and a withdrawal with its date and reason: the panel knows
 * why a bid changed or left, without a price.
 */
export type EvaluatorBidView = Pick<Bid, 'id' | 'provider' | 'price' | 'priceLines' | 'withdrawal'> & { corrections?: BidCorrectionNotice[] };

/** A bid as the inkoper and auditor see it: the dossier's bid, with its corrections after the opening. */
export type BidView = Bid & { corrections?: BidCorrectionView[] };

/**
 * The bids with their consensus scores so far (inkoper, auditor); for a beoordelaar on the
 * panel, after its conflict declaration, the bids as `EvaluatorBidView`.
 */
export function listBids(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): BidView[] | EvaluatorBidView[] {
  if (!holdsAnyRole(access, ['inkoper', 'auditor']) && access.roles.has('beoordelaar')) {
    requireDeclaredMember(ctx, access, actor);
    return listBidsForEvaluator(ctx, access.tender.id);
  }
  requireTenderRole(access, ['inkoper', 'auditor'], 'de inschrijvingen zien');
  const q = ctx.queries.tenders;
  const lines = q.listPriceLines(access.tender.id);
  const scores = q.listScores(access.tender.id);
  const corrections = correctionViewsOf(ctx.queries.bids.listCorrections(access.tender.id));
  return q.listBids(access.tender.id).map((row) => {
    const bid = bidOf(
      row,
      lines.filter((l) => l.bidId === row.id),
      scores.filter((s) => s.bidId === row.id),
    );
    const own = corrections.get(row.id);
    return own === undefined ? bid : { ...bid, corrections: own };
  });
}

function listBidsForEvaluator(ctx: AppContext, tenderId: string): EvaluatorBidView[] {
  const q = ctx.queries.tenders;
  const tender = q.findTender(tenderId);
  const withPrices = tender?.showPricesToEvaluators === true;
  const lines = withPrices ? q.listPriceLines(tenderId) : [];
  const notices = correctionNoticesOf(ctx.queries.bids.listCorrections(tenderId));
  return q.listBids(tenderId).map((row) => {
    const { id, provider, price, priceLines, withdrawal } = bidOf(
      row,
      lines.filter((l) => l.bidId === row.id),
      [],
    );
    const corrections = notices.get(id);
    return {
      id,
      provider,
      ...(withPrices && price !== undefined ? { price } : {}),
      ...(withPrices && priceLines !== undefined ? { priceLines } : {}),
      ...(withdrawal === undefined ? {} : { withdrawal }),
      ...(corrections === undefined ? {} : { corrections }),
    };
  });
}

export type { ConsensusScoreView };

export type ConsensusInput = { score: number; motivation: string; deviationReason?: string | undefined };

/**
 * `PUT .../bids/:bidId/consensus/:criterionId`: the agreed score with its motivation, a
 * sentence. With a panel, only once every member has sealed; a score outside the members'
 * scores needs a `deviationReason` (`checkConsensus`).
 */
export function setConsensusScore(
  ctx: AppContext,
  { actor, access, bidId, criterionId, input }: { actor: Actor; access: TenderAccess; bidId: string; criterionId: string; input: ConsensusInput },
): ConsensusScoreView {
  requireTenderRole(access, ['inkoper'], 'consensusscores vastleggen');
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'consensus-scores');
    requireQualityUnlocked(tender);
    requireScoreTarget(ctx, { tenderId: tender.id, bidId, criterionId, score: input.score });
    requireAllSealed(ctx, tender.id, 'Een consensusscore vastleggen');
    const check = checkConsensus({
      individualScores: individualScoresFor(ctx, tender.id, bidId, criterionId),
      consensusScore: input.score,
      motivation: input.motivation,
      deviationReason: input.deviationReason,
    });
    if (!check.ok) throw new AppError('invalid-input', { detail: check.message, errors: [{ path: check.path, message: check.message }] });
    return writeConsensusScore(ctx, { actor, tender, write: { bidId, criterionId, ...input } });
  });
}
