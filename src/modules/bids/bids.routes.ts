/**
 * @module
 * `/api/v1/tenders/:id/bids` and the consensus scores. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bidSchema } from '../../domain/evaluation/dossier.schema.js';
import { requireActor } from '../../http/authenticate.js';
import { documentedBy } from '../../http/documented.js';
import { conflictResponse, createRouter, IdParams, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { addBid, listBids, setConsensusScore } from './bids.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';

const tags = ['bids'];
const BidDoc = documentedBy(bidSchema, 'Bid');

const NewBidBody = z
  .strictObject({
    id: z.string().max(TEXT_LIMITS.id).optional().openapi({ description: 'Kept if given; else the next free B<n>' }),
    provider: documentedBy(bidSchema.shape.provider),
    price: documentedBy(bidSchema.shape.price).optional(),
    priceLines: documentedBy(bidSchema.shape.priceLines).optional(),
  })
  .openapi('NewBid');

const localId = z.string().min(1).max(TEXT_LIMITS.id);
/** `:id`, `:bidId` and `:criterionId`: a score of one bid on one criterion. */
export const ScoreParams = IdParams.extend({
  bidId: localId.openapi({ param: { name: 'bidId', in: 'path' } }),
  criterionId: localId.openapi({ param: { name: 'criterionId', in: 'path' } }),
});

export const ConsensusBody = z
  .strictObject({
    score: z.number(),
    motivation: multiLineText('de motivering', TEXT_LIMITS.motivation).openapi({ description: 'At least one full sentence (20 characters, 3 words)' }),
    deviationReason: multiLineText('de reden van afwijking', TEXT_LIMITS.motivation)
      .optional()
      .openapi({ description: 'Required when the score lies outside the individual scores of the panel: why, in a sentence' }),
  })
  .openapi('ConsensusScoreInput');

export const ConsensusScore = z
  .object({
    bidId: z.string(),
    criterionId: z.string(),
    score: z.number(),
    motivation: z.string().nullable(),
    deviationReason: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ConsensusScore');

const routes = {
  create: createRoute({
    method: 'post', path: '/api/v1/tenders/{id}/bids', tags, summary: 'Register a bid while the tender is draft (inkoper)',
    request: { params: IdParams, body: jsonBody(NewBidBody) },
    responses: { 201: jsonContent(BidDoc, 'The bid'), ...problemResponses, ...conflictResponse },
  }),
  list: createRoute({
    method: 'get', path: '/api/v1/tenders/{id}/bids', tags, summary: 'The bids with their consensus scores (inkoper, auditor); a beoordelaar on the panel, after its declaration, without scores and (unless the tender shows them) prices',
    request: { params: IdParams },
    responses: { 200: jsonContent(z.array(BidDoc), 'Bids'), ...problemResponses },
  }),
  consensus: createRoute({
    method: 'put', path: '/api/v1/tenders/{id}/bids/{bidId}/consensus/{criterionId}', tags,
    summary: 'Set the consensus score of a bid on a criterion (inkoper; tender open; with a panel, once all have sealed)',
    request: { params: ScoreParams, body: jsonBody(ConsensusBody) },
    responses: { 200: jsonContent(ConsensusScore, 'The score'), ...problemResponses, ...conflictResponse },
  }),
};

export function bidRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.create, (c) =>
      c.json(addBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 201),
    )
    .openapi(routes.list, (c) => c.json(listBids(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.consensus, (c) => {
      const { bidId, criterionId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(setConsensusScore(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, criterionId, input }), 200);
    });
}
