/**
 * @module
 * `/api/v1/tenders/:id/bids/:bidId/low-bid-review`: the art. 2.116 review steps, and the
 * draft letter requesting the explanation. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REVIEW_ACTION_RULES, reviewActionSchema } from '../../domain/low-bids/review-action.schema.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import { LowBidReviewResponse } from '../evaluation/evaluation.contract.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { applyLowBidReviewAction, draftReviewLetter } from './low-bid-reviews.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';

const tags = ['low-bid-reviews'];

const BidParams = IdParams.extend({
  bidId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.id)
    .openapi({ param: { name: 'bidId', in: 'path' } }),
});

const ReviewView = z.object({ bidId: z.string(), lowBidReview: LowBidReviewResponse }).openapi('LowBidReviewOutcome');

const routes = {
  act: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/bids/{bidId}/low-bid-review',
    tags,
    summary: 'One step of the art. 2.116 review (inkoper; tender open): request-explanation, record-explanation, record-no-response, decide',
    description:
      '409 when the procedure is not at the step the action needs (e.g. rejecting before an explanation was requested and answered ' +
      'or its deadline passed), 400 when the action itself is unacceptable (a deadline not after today). Dates are calendar dates in Europe/Amsterdam.',
    request: { params: BidParams, body: jsonBody(reviewActionSchema.openapi('LowBidReviewAction', { discriminator: { propertyName: 'action' } } as never)) },
    responses: { 200: jsonContent(ReviewView, 'The review after the step'), ...problemResponses, ...invalidInput(REVIEW_ACTION_RULES), ...conflictResponse },
  }),
  letter: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/bids/{bidId}/low-bid-review/letter',
    tags,
    summary: 'The draft letter requesting the explanation, as plain Dutch text (inkoper, auditor); 409 while none was requested',
    request: { params: BidParams },
    responses: {
      200: { description: 'The letter', content: { 'text/plain': { schema: z.string() } } },
      ...problemResponses,
      ...conflictResponse,
    },
  }),
};

export function lowBidReviewRoutes(ctx: AppContext) {
  const router = createRouter();
  // Plain text, which the typed `openapi()` handler does not return: documented here, served below.
  router.openAPIRegistry.registerPath(routes.letter);
  router.get('/api/v1/tenders/:id/bids/:bidId/low-bid-review/letter', (c) => {
    const bidId = c.req.param('bidId');
    const letter = draftReviewLetter(ctx, { access: tenderAccessOf(c), bidId });
    return c.body(letter, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `inline; filename="verzoek-om-toelichting-${bidId.replace(/[^A-Za-z0-9_-]/g, '')}.txt"`,
    });
  });
  return router.openapi(routes.act, (c) => {
    const { bidId } = c.req.valid('param');
    return c.json(applyLowBidReviewAction(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, action: c.req.valid('json') }), 200);
  });
}
