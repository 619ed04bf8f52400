/**
 * @module
 * The two-envelope steps after the scoring: `POST /api/v1/tenders/:id/quality-lock`,
 * `POST .../price-opening` (the first inkoper) and `POST .../price-opening/confirm` (a second,
 * different inkoper, answering the signed opening record). Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses, unavailableResponse } from '../../http/router.js';
import { timestamp } from '../../http/documented.js';
import { rulesUnder, type RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { DOSSIER_RULES } from '../../domain/evaluation/dossier-rules.js';
import type { AppContext } from '../../http/types.js';
import { EnteredPriceInput } from '../bids/bids.contract.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { confirmPrices, enterPrices, lockQuality } from './price-opening.service.js';

const tags = ['price-opening'];

/** The body of the entry and of the confirmation; the pages parse their forms with it too. */
export const PriceEntryBody = z
  .strictObject({
    prices: z.array(EnteredPriceInput).max(500).openapi({ description: 'Elke inschrijving die niet is ingetrokken, precies één keer' }),
  })
  .openapi('PriceEntryInput');

const PRICE_ENTRY_RULES: RuleBeyondSchema[] = [
  { path: 'prices', rule: 'elke niet-ingetrokken inschrijving van de aanbesteding precies één keer' },
  { path: 'prices[*].bidId', rule: 'een inschrijving van deze aanbesteding, niet ingetrokken, één keer' },
  // The dossier's own rules for a bid's price, at the entry's paths.
  ...rulesUnder(DOSSIER_RULES, 'bids[*].price', 'prices[*].price'),
];

const QualityLock = z.object({ qualityLockedAt: timestamp() }).openapi('QualityLock');
const PriceEntryReceipt = z
  .object({
    pricesEnteredAt: timestamp(),
    bids: z.array(z.string()),
    priceEntrySha256: z.string().openapi({ description: 'SHA-256 van de invoer; de bedragen worden niet teruggegeven' }),
  })
  .openapi('PriceEntryReceipt');
const OpeningRecord = z
  .object({ id: z.string(), sha256: z.string(), url: z.string().openapi({ description: 'GET deze url voor de ondertekende PDF' }) })
  .openapi('PriceOpeningRecord');

const routes = {
  lock: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/quality-lock',
    tags,
    summary: 'Lock the quality scores of a two-envelope tender before any price is known (inkoper); irreversible',
    description: '409, naming the missing step, unless the tender has two envelopes, is open, every panel member sealed and every consensus score is set.',
    request: { params: IdParams },
    responses: { 200: jsonContent(QualityLock, 'The lock'), ...problemResponses, ...conflictResponse },
  }),
  enter: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/price-opening',
    tags,
    summary: 'Open the price envelopes and enter every bid its price (first inkoper); the figures stay hidden until a second inkoper confirms',
    description: '409 before the quality lock, after the confirmation, or when a bid has no price envelope. May be entered again until confirmed.',
    request: { params: IdParams, body: jsonBody(PriceEntryBody) },
    responses: {
      200: jsonContent(PriceEntryReceipt, 'The entry, without its figures'),
      ...problemResponses,
      ...invalidInput(PRICE_ENTRY_RULES),
      ...conflictResponse,
    },
  }),
  confirm: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/price-opening/confirm',
    tags,
    summary:
      'Confirm the price opening (a second, different inkoper): its own reading of the envelopes must equal the first; answers the signed opening record',
    description:
      '409 for the inkoper who entered the prices, before an entry, and when a price differs from the first entry (naming the bids, never the figures).',
    request: { params: IdParams, body: jsonBody(PriceEntryBody) },
    responses: {
      201: jsonContent(OpeningRecord, 'The signed opening record (proces-verbaal van opening van de prijsenveloppen)'),
      ...problemResponses,
      ...invalidInput(PRICE_ENTRY_RULES),
      ...conflictResponse,
      ...unavailableResponse,
    },
  }),
};

export function priceOpeningRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.lock, (c) => c.json(lockQuality(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.enter, (c) => c.json(enterPrices(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 200))
    .openapi(routes.confirm, async (c) =>
      c.json(await confirmPrices(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 201),
    );
}
