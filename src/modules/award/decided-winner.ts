/**
 * @module
 * The school the award decision names, for every reader of the tender (issue 15: the winner
 * is never only "B2"). Once the decision is taken its winner is no secret: the decision goes
 * with its reasons to every bidder (art. 2.130 Aanbestedingswet), so also an admin, who may
 * not list the bids, reads the winner's name. Before the decision there is nothing to name.
 */
import type { AppContext } from '../../http/types.js';
import { tenderRowOf, type TenderAccess } from '../tenders/tender-access.js';

/** @example decidedWinner(ctx, { access }) // { bidId: 'B2', name: 'NT2 Centrum Zwolle' } */
export function decidedWinner(ctx: AppContext, { access }: { access: TenderAccess }): { bidId: string; name: string | undefined } | null {
  const stored = tenderRowOf(ctx, access).awardDecision;
  if (stored === null) return null;
  const { winner } = JSON.parse(stored) as { winner: string };
  return { bidId: winner, name: ctx.queries.tenders.findBid(access.tender.id, winner)?.providerName };
}
