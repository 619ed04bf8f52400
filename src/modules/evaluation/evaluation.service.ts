/**
 * @module
 * The dossier export and the server's evaluation. The evaluation is, by construction,
 * `evaluateDossier(export)`: the same function the CLI runs on the exported file, so both
 * give the same result field for field. The server adds only what the CLI cannot know or
 * does not compute, and never changes an engine field:
 * - `incomplete`: the missing consensus scores;
 * - `pendingBids`: the bids that cannot be ranked yet for want of consensus scores, each with
 *   its price-only low-bid flags;
 * - per bid, `lowBidReview`: the art. 2.116 review of every bid that is flagged or has a
 *   review (`{ state: 'open' }` for a flagged bid nobody has looked at yet);
 * - `blockingReviews`: the reviews that stand in the way of the award decision;
 * - `panel`: the panel statistics, once every member on the panel has sealed.
 *
 * While consensus scores are missing the dossier is not yet a valid one (every bid needs a
 * score per criterion). Then the bids that are complete are ranked among themselves,
 * `incomplete` lists every missing (bid, criterion) pair and `pendingBids` the bids that wait
 * for them; the result is a preview, final only when `incomplete` is empty. Relative methods
 * may rank differently once the rest is in. The low-bid flags need only the prices, so every
 * bid's flags are computed over all bids from the start (`lowBidFlagsOfDossier`): a warning
 * is there as soon as the bids are in (docs/corrections.md). A withdrawn bid needs no scores.
 */
import { evaluateDossier, lowBidFlagsOfDossier } from '../../domain/evaluation/evaluate.js';
import type { Dossier, LowBidReview } from '../../domain/evaluation/dossier.js';
import type { BidResult, EvaluationResult } from '../../domain/evaluation/result.js';
import { blockingReviews, type BlockingReview } from '../../domain/low-bids/blocking-reviews.js';
import type { LowBidFlag } from '../../domain/low-bids/flag.js';
import type { PanelStatistics } from '../../domain/panel/panel-statistics.js';
import type { Actor, AppContext } from '../../http/types.js';
import { dossierDocumentsOf } from '../documents/documents.service.js';
import { AppError } from '../../lib/app-error.js';
import { panelStatisticsFor } from '../panel/consensus.service.js';
import { evaluationVersion } from './evaluation-cache.js';
import { storedTenderToDossier } from '../tenders/dossier-mapping.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import type { StoredTender } from '../tenders/tenders.queries.js';
import { requirePricesOpened } from '../tenders/price-envelopes.js';

export type MissingScore = { bidId: string; criterionId: string };
export type TenderBidResult = BidResult & { lowBidReview?: LowBidReview };
/** A bid that cannot be ranked yet: the criteria it lacks a consensus score on, and its price-only flags. */
export type PendingBid = { bidId: string; missing: string[]; lowBidFlags: LowBidFlag[]; lowBidReview?: LowBidReview };
export type TenderEvaluation = Omit<EvaluationResult, 'bids'> & {
  bids: TenderBidResult[];
  incomplete: MissingScore[];
  pendingBids: PendingBid[];
  blockingReviews: BlockingReview[];
  panel?: PanelStatistics;
};

function loadStoredTender(ctx: AppContext, tenderId: string): StoredTender {
  const stored = ctx.queries.tenders.loadTender(tenderId);
  if (stored === undefined) throw new AppError('not-found');
  return stored;
}

/** The tender as a dossier, whoever asks (access is the caller's business). */
export function loadDossier(ctx: AppContext, tenderId: string): Dossier {
  return storedTenderToDossier(loadStoredTender(ctx, tenderId));
}

/**
 * `GET .../dossier`: the tender as a dossier that `POST /tenders/import` and the CLI accept,
 * each bid naming its documents (`bids[].documents`, left out for a bid without any, so a
 * dossier without documents is the same text as before they existed).
 */
export function exportDossier(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): Dossier {
  requireTenderRole(access, ['inkoper', 'auditor'], 'het dossier exporteren');
  const stored = loadStoredTender(ctx, access.tender.id);
  // Before the price opening the bids have no price: not yet a dossier the CLI can evaluate.
  requirePricesOpened(stored.tender);
  const dossier = storedTenderToDossier(stored);
  const documents = dossierDocumentsOf(ctx, { actor, access });
  if (documents.size === 0) return dossier;
  return { ...dossier, bids: dossier.bids.map((bid) => (documents.has(bid.id) ? { ...bid, documents: documents.get(bid.id) } : bid)) };
}

/** The consensus scores still to be set; a withdrawn bid needs none. */
export function findMissingScores(dossier: Dossier): MissingScore[] {
  return dossier.bids
    .filter((bid) => bid.withdrawal === undefined)
    .flatMap((bid) => dossier.criteria.filter((c) => bid.scores[c.id] === undefined).map((c) => ({ bidId: bid.id, criterionId: c.id })));
}

/**
 * The flags of one bid as the evaluation shows them, ranked or still pending.
 * @example lowBidFlagsOf(computeEvaluation(ctx, tenderId), 'B3') // [{ rule: 'mean-of-others', ... }]
 */
export function lowBidFlagsOf(evaluation: Pick<TenderEvaluation, 'bids' | 'pendingBids'>, bidId: string): LowBidFlag[] {
  return (evaluation.bids.find((b) => b.bidId === bidId) ?? evaluation.pendingBids.find((b) => b.bidId === bidId))?.lowBidFlags ?? [];
}

/** `GET .../evaluation`. */
export function evaluateTender(ctx: AppContext, { access }: { access: TenderAccess }): TenderEvaluation {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de beoordeling zien');
  return computeEvaluation(ctx, access.tender.id);
}

/**
 * `GET .../evaluation` as JSON text, from the cache while nothing has changed since it was
 * computed (see evaluation-cache.ts). The hot read path of the server.
 */
export function evaluateTenderJson(ctx: AppContext, { access }: { access: TenderAccess }): string {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de beoordeling zien');
  const version = evaluationVersion(ctx.queries.audit.findChangeMarks(access.tender.id));
  const cached = ctx.evaluationCache.get(access.tender.id, version);
  if (cached !== undefined) return cached;
  const json = JSON.stringify(computeEvaluation(ctx, access.tender.id));
  ctx.evaluationCache.set(access.tender.id, version, json);
  return json;
}

/** The evaluation with the server's additions; no access check (the award decision uses it too). */
export function computeEvaluation(ctx: AppContext, tenderId: string): TenderEvaluation {
  const stored = loadStoredTender(ctx, tenderId);
  // Two envelopes: no ranking, no price flags, no formula outcome before the confirmed opening.
  requirePricesOpened(stored.tender);
  const dossier = storedTenderToDossier(stored);
  const incomplete = findMissingScores(dossier);
  const lacking = new Set(incomplete.map((m) => m.bidId));
  const complete = incomplete.length === 0;
  const evaluated = complete ? dossier : { ...dossier, bids: dossier.bids.filter((bid) => !lacking.has(bid.id)) };
  // Complete, the engine's own flags are these; incomplete, they still compare every price.
  const flags = complete ? undefined : lowBidFlagsOfDossier(dossier);
  const result = evaluateDossier(evaluated, flags === undefined ? {} : { flags });
  const reviews = new Map(dossier.bids.map((bid) => [bid.id, bid.lowBidReview]));
  const withReview = <T extends { bidId: string; lowBidFlags: LowBidFlag[] }>(bid: T): T & { lowBidReview?: LowBidReview } => {
    const review = reviews.get(bid.bidId) ?? (bid.lowBidFlags.length > 0 ? { state: 'open' as const } : undefined);
    return review === undefined ? bid : { ...bid, lowBidReview: review };
  };
  const bids = result.bids.map(withReview);
  const pendingBids = dossier.bids
    .filter((bid) => lacking.has(bid.id))
    .map((bid) =>
      withReview({
        bidId: bid.id,
        missing: incomplete.filter((m) => m.bidId === bid.id).map((m) => m.criterionId),
        lowBidFlags: flags?.get(bid.id) ?? [],
      }),
    );
  const withdrawn = new Set(dossier.bids.filter((bid) => bid.withdrawal !== undefined).map((bid) => bid.id));
  const panel = panelStatisticsFor(ctx, { tenderId, criteria: stored.criteria, consensusScores: stored.scores });
  return {
    ...result,
    bids,
    incomplete,
    pendingBids,
    blockingReviews: blockingReviews({ bids: [...result.bids, ...pendingBids] }, reviews, { withdrawn }),
    ...(panel === undefined ? {} : { panel }),
  };
}
