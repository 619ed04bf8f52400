/**
 * @module
 * The bid as the API sends it: the dossier's bid (`bids[]` of `spec/evaluation.md`) to the
 * inkoper and auditors, and what a beoordelaar on the panel sees of it (who made it, and its
 * price only when the tender shows prices to evaluators: docs/api-decisions.md).
 */
import { z } from '@hono/zod-openapi';
import { bidSchema } from '../../domain/evaluation/dossier.schema.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { documentedBy, sentAs } from '../../http/documented.js';

/** The dossier's bid, one registered component. */
export const BidDoc = documentedBy(bidSchema, 'Bid');
export const BidResponse = sentAs<Bid>(BidDoc);

const ProviderDoc = documentedBy(bidSchema.shape.provider, 'BidProvider');
const PriceLinesDoc = documentedBy(bidSchema.shape.priceLines.unwrap(), 'PriceLines');

/** What `listBids` gives a declared beoordelaar: no scores, no review, and prices only when shown. */
export const EvaluatorBidResponse = z
  .strictObject({
    id: z.string(),
    provider: sentAs<Bid['provider']>(ProviderDoc),
    price: z.number().optional().openapi({ description: 'Alleen als de aanbesteding beoordelaars de prijzen laat zien' }),
    priceLines: sentAs<NonNullable<Bid['priceLines']>>(PriceLinesDoc).optional(),
  })
  .openapi('EvaluatorBid', { description: 'Een inschrijving zoals een beoordelaar in het panel haar ziet' });

/** The inkoper and auditors get whole bids; a beoordelaar the view above. */
export const BidListResponse = z
  .union([z.array(BidResponse), z.array(EvaluatorBidResponse)])
  .openapi('BidList', { description: 'De inkoper en auditors: de inschrijvingen met hun consensusscores; een beoordelaar in het panel: EvaluatorBid' });
