/**
 * @module
 * `PATCH` and `DELETE /api/v1/tenders/:id/bids/:bidId` (draft), and
 * `POST .../bids/:bidId/correction` and `POST .../bids/:bidId/withdrawal` (open). Scoped by
 * `tenderScope`. The bodies are exported for the bids page, which checks its forms with them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { isIsoDate } from '../../domain/dates.js';
import { bidSchema } from '../../domain/evaluation/dossier.schema.js';
import { REVIEW_STATES } from '../../domain/evaluation/dossier.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';
import { requireActor } from '../../http/authenticate.js';
import { documentedBy } from '../../http/documented.js';
import { conflictResponse, createRouter, IdParams, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { BidResponse } from './bids.contract.js';
import { deleteDraftBid, updateDraftBid } from './bid-changes.service.js';
import { correctBid, withdrawBid } from './bid-corrections.service.js';

const tags = ['bids'];

/** `:id` and `:bidId`. */
export const BidParams = IdParams.extend({
  bidId: z.string().min(1).max(TEXT_LIMITS.id).openapi({ param: { name: 'bidId', in: 'path' } }),
});

const DATE_MESSAGE = 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD';
const price = documentedBy(bidSchema.shape.price);
const priceLines = documentedBy(bidSchema.shape.priceLines);

export const BidPatchBody = z
  .strictObject({
    provider: documentedBy(bidSchema.shape.provider).optional(),
    price: price.optional().openapi({ description: 'The new price; null removes it (only a fixed-price tender allows a bid without one)' }),
    priceLines: priceLines.optional().openapi({ description: 'The new price lines; without a price the price becomes their sum; null removes them' }),
  })
  .openapi('BidPatch', { description: 'Any of the fields; what is left out stays as it is. Only while the tender is draft.' });

const reason = (what: string) =>
  multiLineText('de reden', TEXT_LIMITS.remark).openapi({
    description: `${what}: at least a sentence (20 characters, 3 words); no amount while the tender hides prices from its evaluators, who read it`,
  });

export const CorrectionBody = z
  .strictObject({
    price: price.optional().openapi({ description: 'The corrected price' }),
    priceLines: priceLines.optional().openapi({ description: 'The corrected price lines; without a price the price becomes their sum' }),
    reason: reason('What the obvious clerical error was and how it is corrected'),
  })
  .openapi('BidCorrectionInput', { description: 'At least one of price and priceLines.' });

export const WithdrawalBody = z
  .strictObject({
    reason: reason("The bidder's reason for withdrawing, as it wrote it"),
    receivedOn: z
      .string()
      .max(10, { abort: true, error: DATE_MESSAGE })
      .refine(isIsoDate, { error: DATE_MESSAGE })
      .openapi({ description: 'YYYY-MM-DD: the day the withdrawal was received; not after today', format: 'date' }),
  })
  .openapi('BidWithdrawalInput');

const PriceLine = z.object({ description: z.string(), quantity: z.number(), unitPrice: z.number() }).openapi('PriceLine');
const PriceFigures = z
  .object({ price: z.number().nullable(), priceLines: z.array(PriceLine).optional() })
  .openapi('BidPriceFigures', { description: 'A bid\'s price (EUR; null for a fixed-price bid without one) and its price lines' });

export const BidCorrectionResponse = z
  .object({
    bidId: z.string(),
    number: z.number().int().openapi({ description: "1 for the bid's first correction, and so on" }),
    correctedAt: z.string().openapi({ format: 'date-time' }),
    reason: z.string(),
    before: PriceFigures,
    after: PriceFigures,
    lowBidReviewState: z
      .enum(REVIEW_STATES)
      .nullable()
      .openapi({ description: "The state of the bid's art. 2.116 review when the price was corrected, if one had started; it stays as it was" }),
  })
  .openapi('BidCorrection');

export const BidWithdrawalResponse = z
  .object({
    bidId: z.string(),
    receivedOn: z.string().openapi({ format: 'date' }),
    reason: z.string(),
    recordedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('BidWithdrawal');

const routes = {
  patch: createRoute({
    method: 'patch', path: '/api/v1/tenders/{id}/bids/{bidId}', tags,
    summary: 'Change a bid while the tender is draft (inkoper); 409 once opened',
    request: { params: BidParams, body: jsonBody(BidPatchBody) },
    responses: { 200: jsonContent(BidResponse, 'The bid as it is now'), ...problemResponses, ...conflictResponse },
  }),
  delete: createRoute({
    method: 'delete', path: '/api/v1/tenders/{id}/bids/{bidId}', tags,
    summary: 'Delete a bid while the tender is draft (inkoper); 409 once opened',
    request: { params: BidParams },
    responses: { 204: { description: 'Deleted; the audit trail keeps the bid as it was' }, ...problemResponses, ...conflictResponse },
  }),
  correction: createRoute({
    method: 'post', path: '/api/v1/tenders/{id}/bids/{bidId}/correction', tags,
    summary: 'Correct an obvious clerical error in the price or price lines of an opened bid, with a reason (inkoper)',
    description:
      'Only while the tender is open (409 before the opening, after the award decision, and for a withdrawn bid). ' +
      'The evaluation follows the corrected price; a started art. 2.116 review stays, with the correction noted. ' +
      'The reason is shown to the panel (without any figure) and in the report.',
    request: { params: BidParams, body: jsonBody(CorrectionBody) },
    responses: { 201: jsonContent(BidCorrectionResponse, 'The correction'), ...problemResponses, ...conflictResponse },
  }),
  withdrawal: createRoute({
    method: 'post', path: '/api/v1/tenders/{id}/bids/{bidId}/withdrawal', tags,
    summary: "Record a bidder's withdrawal of an opened bid, with its date and reason (inkoper)",
    description:
      'Only while the tender is open (409 otherwise, and for a bid already withdrawn). The bid leaves the ranking with the ' +
      'withdrawal as its exclusion reason, needs no more scores, and its review no longer blocks the award decision.',
    request: { params: BidParams, body: jsonBody(WithdrawalBody) },
    responses: { 201: jsonContent(BidWithdrawalResponse, 'The withdrawal'), ...problemResponses, ...conflictResponse },
  }),
};

export function bidChangeRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.patch, (c) => {
      const { bidId } = c.req.valid('param');
      return c.json(updateDraftBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, change: c.req.valid('json') }), 200);
    })
    .openapi(routes.delete, (c) => {
      deleteDraftBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId: c.req.valid('param').bidId });
      return c.body(null, 204);
    })
    .openapi(routes.correction, (c) => {
      const { bidId } = c.req.valid('param');
      return c.json(correctBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, input: c.req.valid('json') }), 201);
    })
    .openapi(routes.withdrawal, (c) => {
      const { bidId } = c.req.valid('param');
      return c.json(withdrawBid(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, input: c.req.valid('json') }), 201);
    });
}
