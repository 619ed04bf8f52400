/**
 * @module
 * `/api/v1/tenders/:id/bids` and the consensus scores. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bidSchema } from '../../domain/evaluation/dossier.schema.js';
import { DOSSIER_RULES, ID_PATTERN } from '../../domain/evaluation/dossier-rules.js';
import { SENTENCE_RULE, SENTENCE_RULE_MESSAGE, sentenceText } from '../../domain/panel/motivation.js';
import { rulesUnder, type RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { requireActor } from '../../http/authenticate.js';
import { documentedBy, timestamp } from '../../http/documented.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { BidListResponse, BidResponse } from './bids.contract.js';
import { addBid, listBids, setConsensusScore } from './bids.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';

const tags = ['bids'];

const NewBidBody = z
  .strictObject({
    // Its pattern is checked with the rest of the bid by the dossier's rules, so that every
    // problem is reported at once; the document states it all the same.
    id: z.string().max(TEXT_LIMITS.id).optional().openapi({ pattern: ID_PATTERN.source, description: 'Blijft zoals gegeven; anders de volgende vrije B<n>' }),
    provider: documentedBy(bidSchema.shape.provider),
    price: documentedBy(bidSchema.shape.price).optional(),
    priceLines: documentedBy(bidSchema.shape.priceLines).optional(),
  })
  .openapi('NewBid', { required: ['provider'] });

/** The dossier's rules of a bid that a new one can break (its scores come later, as consensus). */
const NEW_BID_RULES: RuleBeyondSchema[] = rulesUnder(DOSSIER_RULES, 'bids[*].', '').filter((r) => /^price/.test(r.path));

const localId = z.string().min(1).max(TEXT_LIMITS.id);
/** `:id`, `:bidId` and `:criterionId`: a score of one bid on one criterion. */
export const ScoreParams = IdParams.extend({
  bidId: localId.openapi({ param: { name: 'bidId', in: 'path' } }),
  criterionId: localId.openapi({ param: { name: 'criterionId', in: 'path' } }),
});

/** Where a score goes: a value of the criterion's scale (`requireScoreTarget`). */
export const SCORE_ON_SCALE: RuleBeyondSchema = { path: 'score', rule: 'een waarde van de schaal van het criterium' };

const CONSENSUS_MOTIVATION_MESSAGE = `De motivering van de consensusscore is te kort: ${SENTENCE_RULE_MESSAGE}.`;

export const ConsensusBody = z
  .strictObject({
    score: z.number(),
    motivation: sentenceText('de motivering', TEXT_LIMITS.motivation, CONSENSUS_MOTIVATION_MESSAGE).openapi({
      description: 'Minstens één volledige zin (20 tekens, 3 woorden)',
    }),
    deviationReason: multiLineText('de reden van afwijking', TEXT_LIMITS.motivation)
      .optional()
      .openapi({ description: 'Verplicht als de score buiten de individuele scores van het panel ligt: waarom, in een zin' }),
  })
  .openapi('ConsensusScoreInput');

const CONSENSUS_RULES: RuleBeyondSchema[] = [
  SCORE_ON_SCALE,
  { path: 'motivation', rule: SENTENCE_RULE },
  {
    path: 'deviationReason',
    rule: `verplicht als de score buiten de scores van de beoordelaars ligt: ${SENTENCE_RULE}, die de motivering niet herhaalt`,
  },
];

export const ConsensusScore = z
  .object({
    bidId: z.string(),
    criterionId: z.string(),
    score: z.number(),
    motivation: z.string().nullable(),
    deviationReason: z.string().nullable(),
    updatedAt: timestamp(),
  })
  .openapi('ConsensusScore');

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/bids',
    tags,
    summary: 'Register a bid while the tender is draft (inkoper)',
    request: { params: IdParams, body: jsonBody(NewBidBody) },
    responses: { 201: jsonContent(BidResponse, 'The bid'), ...problemResponses, ...invalidInput(NEW_BID_RULES), ...conflictResponse },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/bids',
    tags,
    summary:
      'The bids with their consensus scores (inkoper, auditor); a beoordelaar on the panel, after its declaration, without scores and (unless the tender shows them) prices',
    request: { params: IdParams },
    responses: { 200: jsonContent(BidListResponse, 'Bids'), ...problemResponses },
  }),
  consensus: createRoute({
    method: 'put',
    path: '/api/v1/tenders/{id}/bids/{bidId}/consensus/{criterionId}',
    tags,
    summary: 'Set the consensus score of a bid on a criterion (inkoper; tender open; with a panel, once all have sealed)',
    request: { params: ScoreParams, body: jsonBody(ConsensusBody) },
    responses: { 200: jsonContent(ConsensusScore, 'The score'), ...problemResponses, ...invalidInput(CONSENSUS_RULES), ...conflictResponse },
  }),
};

export function bidRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.create, (c) => c.json(addBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 201))
    .openapi(routes.list, (c) => c.json(listBids(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.consensus, (c) => {
      const { bidId, criterionId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(setConsensusScore(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, criterionId, input }), 200);
    });
}
