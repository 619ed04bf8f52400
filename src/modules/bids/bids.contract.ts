/**
 * @module
 * The bid as the API sends it: the dossier's bid (`bids[]` of `spec/evaluation.md`) to the
 * inkoper and auditors, and what a beoordelaar on the panel sees of it (who made it, and its
 * price only when the tender shows prices to evaluators: docs/api-decisions.md).
 */
import { z } from '@hono/zod-openapi';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { bidSchema, priceLineSchema, withdrawalSchema } from '../../domain/evaluation/dossier.schema.js';
import { REVIEW_STATES, type Bid, type BidWithdrawal, type PriceLine } from '../../domain/evaluation/dossier.js';
import { calendarDay, documentedBy, sentAs, timestamp } from '../../http/documented.js';
import type { BidCorrectionView } from './bid-corrections.js';

/** The dossier's bid, one registered component. */
export const BidDoc = documentedBy(bidSchema, 'Bid');
export const BidResponse = sentAs<Bid>(BidDoc);

const ProviderDoc = documentedBy(bidSchema.shape.provider, 'BidProvider');
const PriceLinesDoc = documentedBy(bidSchema.shape.priceLines.unwrap(), 'PriceLines');

const PriceLineDoc = documentedBy(priceLineSchema, 'PriceLine');
const WithdrawalDoc = documentedBy(withdrawalSchema, 'Withdrawal');
export const WithdrawalResponse = sentAs<BidWithdrawal>(WithdrawalDoc);

/** A bid's own fields without its consensus scores, as an edit records them (`BidFields`). */
// Built from the shape: zod does not omit from a schema with refinements, and a JSON Schema has none.
const { scores: _scores, ...bidFieldsShape } = bidSchema.shape;
const BidWithoutScoresDoc = documentedBy(z.strictObject(bidFieldsShape), 'BidWithoutScores');
export const BidWithoutScoresResponse = sentAs<Omit<Bid, 'scores'>>(BidWithoutScoresDoc);

/** One bid's price as read from its price envelope (two envelopes), in euros. */
export const EnteredPriceResponse = z
  .object({ bidId: z.string(), price: z.number(), priceLines: z.array(sentAs<PriceLine>(PriceLineDoc)).optional() })
  .openapi('EnteredPrice', { description: 'De prijs van een inschrijving zoals gelezen uit haar prijsenvelop' });

/** The same, as an officer enters it: the price, the lines or both (the dossier's rules). */
export const EnteredPriceInput = z
  .strictObject({
    bidId: z.string().min(1).max(TEXT_LIMITS.id),
    price: bidSchema.shape.price,
    priceLines: bidSchema.shape.priceLines,
  })
  .openapi('EnteredPriceInput');

/** A bid's price figures before or after a correction (`PriceFigures` in bid-input.ts). */
const PriceFigures = z
  .object({
    price: z.number().nullable().openapi({ description: 'In euro; null voor een inschrijving zonder prijs (vaste prijs)' }),
    priceLines: z.array(sentAs<PriceLine>(PriceLineDoc)).optional(),
  })
  .openapi('BidPriceFigures', { description: 'De prijs en de prijsregels van een inschrijving' });

/** A correction as the inkoper and auditors see it, and as `POST .../correction` answers it. */
export const BidCorrectionResponse = z
  .object({
    bidId: z.string(),
    number: z.number().int().min(1).openapi({ description: '1 voor de eerste correctie van de inschrijving, enzovoort' }),
    correctedAt: timestamp(),
    reason: z.string(),
    before: PriceFigures,
    after: PriceFigures,
    lowBidReviewState: z
      .enum(REVIEW_STATES)
      .nullable()
      .openapi({ description: 'De stand van het art. 2.116-onderzoek toen de prijs werd gecorrigeerd, als het begonnen was; het blijft zoals het was' }),
  })
  .openapi('BidCorrection');

/** What the panel sees of a correction: that it was made, when and why; no figure. */
export const BidCorrectionNoticeResponse = z
  .object({ number: z.number().int().min(1), correctedAt: timestamp(), reason: z.string() })
  .openapi('BidCorrectionNotice');

/** `POST .../withdrawal`: the withdrawal as recorded. */
export const BidWithdrawalResponse = z
  .object({
    bidId: z.string(),
    receivedOn: calendarDay().openapi({ description: 'De dag waarop de intrekking binnenkwam' }),
    reason: z.string(),
    recordedAt: timestamp(),
  })
  .openapi('BidWithdrawal');

/**
 * The whole bid with its corrections after the opening, to the inkoper and auditors: the
 * dossier's bid (its own strict schema) with `corrections` beside it, as one schema so that
 * a strict reading of the bid does not refuse the corrections.
 */
const BidWithCorrectionsDoc = documentedBy(
  bidSchema.safeExtend({ corrections: z.array(BidCorrectionResponse).optional().openapi({ description: 'De correcties na de opening, oudste eerst' }) }),
  'BidWithCorrections',
);
export const BidWithCorrectionsResponse = sentAs<Bid & { corrections?: BidCorrectionView[] }>(BidWithCorrectionsDoc);

/** What `listBids` gives a declared beoordelaar: no scores, no review, and prices only when shown. */
export const EvaluatorBidResponse = z
  .strictObject({
    id: z.string(),
    provider: sentAs<Bid['provider']>(ProviderDoc),
    price: z.number().optional().openapi({ description: 'Alleen als de aanbesteding beoordelaars de prijzen laat zien' }),
    priceLines: sentAs<NonNullable<Bid['priceLines']>>(PriceLinesDoc).optional(),
    withdrawal: WithdrawalResponse.optional().openapi({ description: 'Als de inschrijver haar inschrijving heeft ingetrokken' }),
    corrections: z.array(BidCorrectionNoticeResponse).optional().openapi({ description: 'Dat de prijs is gecorrigeerd, wanneer en waarom; zonder bedragen' }),
  })
  .openapi('EvaluatorBid', { description: 'Een inschrijving zoals een beoordelaar in het panel haar ziet' });

/** The inkoper and auditors get whole bids; a beoordelaar the view above. */
export const BidListResponse = z
  .union([z.array(BidWithCorrectionsResponse), z.array(EvaluatorBidResponse)])
  .openapi('BidList', { description: 'De inkoper en auditors: de inschrijvingen met hun consensusscores; een beoordelaar in het panel: EvaluatorBid' });
