/**
 * @module
 * What a page may show of a tender, asked of the services: a role that may not see the
 * evaluation or the bids gets `undefined` (the page leaves that part out) instead of an
 * error page, since the rest of the page is still theirs to see.
 */
import type { Bid } from '../domain/evaluation/dossier.js';
import type { Actor, AppContext } from '../http/types.js';
import { AppError } from '../lib/app-error.js';
import { listBids, type EvaluatorBidView } from '../modules/bids/bids.service.js';
import { evaluateTenderJson, type TenderEvaluation } from '../modules/evaluation/evaluation.service.js';
import type { TenderAccess } from '../modules/tenders/tender-access.js';
import { PricesSealedError } from '../modules/tenders/price-envelopes.js';
import { listTenderDocuments, type BidDocumentView } from '../modules/documents/documents.service.js';
import { envelopeOpen } from '../modules/documents/document-access.js';

function unlessForbidden<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    // Forbidden for this role, or (two envelopes) no prices yet: the page leaves that part out.
    if ((error instanceof AppError && error.code === 'forbidden') || error instanceof PricesSealedError) return undefined;
    throw error;
  }
}

/** The server's evaluation (the cached JSON the API serves, parsed). */
export function readEvaluation(ctx: AppContext, access: TenderAccess): TenderEvaluation | undefined {
  return unlessForbidden(() => JSON.parse(evaluateTenderJson(ctx, { access })) as TenderEvaluation);
}

export function readBids(ctx: AppContext, actor: Actor, access: TenderAccess): (Bid | EvaluatorBidView)[] | undefined {
  return unlessForbidden(() => listBids(ctx, { actor, access }));
}

/** Bids flagged as possibly abnormally low, ranked or still waiting for consensus scores. */
export function flaggedCount(evaluation: TenderEvaluation): number {
  return [...evaluation.bids, ...evaluation.pendingBids].filter((bid) => bid.lowBidFlags.length > 0).length;
}

/**
 * The school of each bid, for naming bids (`BidName`, `bidLabel`); empty for a role that may
 * not list the bids (it then sees only codes where it sees bids at all).
 */
export function readBidNames(ctx: AppContext, actor: Actor, access: TenderAccess): Map<string, string> {
  return new Map((readBids(ctx, actor, access) ?? []).map((bid) => [bid.id, bid.provider.name]));
}

/**
 * The bid documents the caller may see, and the envelopes whose bytes it may read now
 * (`document-access.ts`); undefined for a role that sees none.
 */
export function readDocuments(
  ctx: AppContext,
  actor: Actor,
  access: TenderAccess,
): { documents: BidDocumentView[]; readable: ReadonlySet<BidDocumentView['envelope']> } | undefined {
  const documents = unlessForbidden(() => listTenderDocuments(ctx, { actor, access }));
  if (documents === undefined) return undefined;
  const readable = new Set((['quality', 'price'] as const).filter((envelope) => envelopeOpen(ctx, access, envelope)));
  return { documents, readable };
}
