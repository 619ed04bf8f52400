/**
 * @module
 * `PATCH` and `DELETE /api/v1/tenders/:id/bids/:bidId` (draft), and
 * `POST .../bids/:bidId/correction` and `POST .../bids/:bidId/withdrawal` (open). Scoped by
 * `tenderScope`. The bodies are exported for the bids page, which checks its forms with them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bidSchema, isoDate } from '../../domain/evaluation/dossier.schema.js';
import { DOSSIER_RULES } from '../../domain/evaluation/dossier-rules.js';
import { SENTENCE_RULE, SENTENCE_RULE_MESSAGE, sentenceText } from '../../domain/panel/motivation.js';
import { rulesUnder, type RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { requireActor } from '../../http/authenticate.js';
import { documentedBy } from '../../http/documented.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { BidCorrectionResponse, BidResponse, BidWithdrawalResponse } from './bids.contract.js';
import { deleteDraftBid, updateDraftBid } from './bid-changes.service.js';
import { correctBid, withdrawBid } from './bid-corrections.service.js';

const tags = ['bids'];

/** `:id` and `:bidId`. */
export const BidParams = IdParams.extend({
  bidId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.id)
    .openapi({ param: { name: 'bidId', in: 'path' } }),
});

const price = documentedBy(bidSchema.shape.price);
const priceLines = documentedBy(bidSchema.shape.priceLines);
/** `null` removes the price or the lines of a draft bid; the bid's rules then decide whether it may go without. */
const removable = (documented: ReturnType<typeof documentedBy>) => z.union([documented, z.null()]).optional();

/** The dossier's rules of a bid's price and lines: an edit or correction is checked as the whole bid it makes. */
const BID_PRICE_RULES: RuleBeyondSchema[] = rulesUnder(DOSSIER_RULES, 'bids[*].', '').filter((r) => /^price/.test(r.path));

export const BidPatchBody = z
  .strictObject({
    provider: documentedBy(bidSchema.shape.provider).optional(),
    price: removable(price).openapi({ description: 'The new price; null removes it (only a fixed-price tender allows a bid without one)' }),
    priceLines: removable(priceLines).openapi({ description: 'The new price lines; without a price the price becomes their sum; null removes them' }),
  })
  .openapi('BidPatch', {
    description: 'Any of the fields, at least one; what is left out stays as it is. Only while the tender is draft.',
    minProperties: 1,
  } as never);

const PATCH_BID_RULES: RuleBeyondSchema[] = BID_PRICE_RULES;

const reason = (what: string) =>
  sentenceText('de reden', TEXT_LIMITS.remark, `geef de reden: ${SENTENCE_RULE_MESSAGE}`).openapi({
    description: `${what}: at least a sentence (20 characters, 3 words); no amount while the tender hides prices from its evaluators, who read it`,
  });

/** The reason the panel reads next to the bid (`reasonProblems`). */
const REASON_RULE: RuleBeyondSchema = {
  path: 'reason',
  rule: `${SENTENCE_RULE}; geen bedrag in geld zolang de aanbesteding de prijzen voor de beoordelaars verbergt (showPricesToEvaluators false)`,
};

export const CorrectionBody = z
  .strictObject({
    price: price.optional().openapi({ description: 'The corrected price' }),
    priceLines: priceLines.optional().openapi({ description: 'The corrected price lines; without a price the price becomes their sum' }),
    reason: reason('What the obvious clerical error was and how it is corrected'),
  })
  .openapi('BidCorrectionInput', {
    description: 'At least one of price and priceLines.',
    anyOf: [{ required: ['price'] }, { required: ['priceLines'] }],
  } as never);

const CORRECTION_RULES: RuleBeyondSchema[] = [
  REASON_RULE,
  ...BID_PRICE_RULES.map((r) =>
    r.path === 'price' || r.path === 'priceLines' ? { ...r, rule: `${r.rule}; de correctie verandert de prijs of de prijsregels` } : r,
  ),
];

export const WithdrawalBody = z
  .strictObject({
    reason: reason("The bidder's reason for withdrawing, as it wrote it"),
    // `.meta`, not `.openapi`: the domain's schema may be made before zod is extended for OpenAPI.
    receivedOn: isoDate.meta({ format: 'date', description: 'The day the withdrawal was received; not after today (Europe/Amsterdam)' }),
  })
  .openapi('BidWithdrawalInput');

const WITHDRAWAL_RULES: RuleBeyondSchema[] = [REASON_RULE, { path: 'receivedOn', rule: 'niet na vandaag (Europe/Amsterdam)' }];

const routes = {
  patch: createRoute({
    method: 'patch',
    path: '/api/v1/tenders/{id}/bids/{bidId}',
    tags,
    summary: 'Change a bid while the tender is draft (inkoper); 409 once opened',
    request: { params: BidParams, body: jsonBody(BidPatchBody) },
    responses: { 200: jsonContent(BidResponse, 'The bid as it is now'), ...problemResponses, ...invalidInput(PATCH_BID_RULES), ...conflictResponse },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/v1/tenders/{id}/bids/{bidId}',
    tags,
    summary: 'Delete a bid while the tender is draft (inkoper); 409 once opened',
    request: { params: BidParams },
    responses: { 204: { description: 'Deleted; the audit trail keeps the bid as it was' }, ...problemResponses, ...conflictResponse },
  }),
  correction: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/bids/{bidId}/correction',
    tags,
    summary: 'Correct an obvious clerical error in the price or price lines of an opened bid, with a reason (inkoper)',
    description:
      'Only while the tender is open (409 before the opening, after the award decision, and for a withdrawn bid). ' +
      'The evaluation follows the corrected price; a started art. 2.116 review stays, with the correction noted. ' +
      'The reason is shown to the panel (without any figure) and in the report.',
    request: { params: BidParams, body: jsonBody(CorrectionBody) },
    responses: { 201: jsonContent(BidCorrectionResponse, 'The correction'), ...problemResponses, ...invalidInput(CORRECTION_RULES), ...conflictResponse },
  }),
  withdrawal: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/bids/{bidId}/withdrawal',
    tags,
    summary: "Record a bidder's withdrawal of an opened bid, with its date and reason (inkoper)",
    description:
      'Only while the tender is open (409 otherwise, and for a bid already withdrawn). The bid leaves the ranking with the ' +
      'withdrawal as its exclusion reason, needs no more scores, and its review no longer blocks the award decision.',
    request: { params: BidParams, body: jsonBody(WithdrawalBody) },
    responses: { 201: jsonContent(BidWithdrawalResponse, 'The withdrawal'), ...problemResponses, ...invalidInput(WITHDRAWAL_RULES), ...conflictResponse },
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
