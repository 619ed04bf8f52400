/**
 * @module
 * Request and response schemas of `GET /api/v1/regions/:id/comparison`. The response is the
 * domain's `RegionComparison` (src/domain/comparison) with the regio it covers; amounts are
 * euros per learner.
 */
import { z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import { isoDate } from '../../domain/evaluation/dossier.schema.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';

const day = (description: string) => isoDate.optional().openapi({ description, example: '2025-01-01' });

const STATUS_LIST = new RegExp(`^(${TENDER_STATUSES.join('|')})(,(${TENDER_STATUSES.join('|')}))*$`);

export const ComparisonQuery = z.strictObject({
  from: day("First day included (YYYY-MM-DD): the tender's opening day in Europe/Amsterdam"),
  to: day('Last day included (YYYY-MM-DD), on the same date'),
  route: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.reference)
    .optional()
    .openapi({
      description:
        "The lot (route): `B1-route`, `onderwijsroute`, `Z-route`, a module's name. Matched on the tender's lot text normalised " +
        '(Unicode NFKC, lower case, without spaces, hyphens, dashes, underscores, dots and slashes): `b1 route` selects the lots ' +
        'written `B1-route` or `B1 route` of every procedure and every tender on its own; an unknown route selects nothing (no error).',
      example: 'B1-route',
    }),
  status: z
    .string()
    .max(TEXT_LIMITS.reference)
    .regex(STATUS_LIST, { message: `een lijst met komma's uit ${TENDER_STATUSES.join(', ')}` })
    .optional()
    .openapi({ description: `Tender statuses included, comma-separated (${TENDER_STATUSES.join(', ')}); all when absent`, example: 'award-proposed,awarded' }),
});

const PriceStats = z
  .object({ count: z.number().int(), median: z.number(), min: z.number(), max: z.number() })
  .openapi('PricePerLearnerStats', { description: 'Euros per learner' });

const FenceSummary = z
  .object({
    method: z.literal('median-of-halves'),
    count: z.number().int(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    iqr: z.number(),
    lowerFence: z.number().openapi({ description: 'Q1 - 1.5 x IQR' }),
  })
  .openapi('LowerFenceSummary', { description: "The route's quartiles and lower fence, euros per learner" });

const CrossTenderFlag = z
  .object({
    rule: z.literal('below-regional-lower-fence'),
    route: z.string(),
    providerMedian: z.number(),
    providerBids: z.number().int(),
    bidsBelowFence: z.number().int(),
    shareBelowFence: z.number(),
    region: FenceSummary,
    message: z.string(),
  })
  .openapi('CrossTenderFlag', { description: "The provider's median price per learner lies strictly below the route's lower fence" });

const ProviderRoute = z.object({
  route: z.string(),
  bids: z.number().int(),
  wins: z.number().int(),
  meanQualityFraction: z.number().nullable(),
  pricePerLearner: PriceStats.nullable(),
  crossTenderFlag: CrossTenderFlag.nullable(),
});

const ProviderSummary = z
  .object({
    kvk: z.string(),
    name: z.string(),
    bids: z.number().int(),
    wins: z.number().int().openapi({ description: 'Bids that won an award decision' }),
    tenders: z.number().int(),
    excluded: z.number().int(),
    meanQualityFraction: z.number().nullable(),
    flagged: z.number().int().openapi({ description: 'Bids on which a single-tender low-bid rule fired' }),
    reviewOutcomes: z.object({ accepted: z.number().int(), rejected: z.number().int(), pending: z.number().int(), notReviewed: z.number().int() }),
    crossTenderFlagged: z.boolean(),
    routes: z.array(ProviderRoute),
  })
  .openapi('ProviderSummary');

const RouteStatistics = z
  .object({
    route: z.string(),
    bids: z.number().int(),
    tenders: z.number().int(),
    pricedBids: z.number().int(),
    pricePerLearner: PriceStats.nullable(),
    lowerFence: FenceSummary.nullable(),
    flaggedProviders: z.array(z.string()),
    trend: z.array(z.object({ year: z.string(), count: z.number().int(), median: z.number(), min: z.number(), max: z.number() })),
  })
  .openapi('RouteStatistics');

const RegionLot = z
  .object({
    tenderId: z.string(),
    route: z.string().openapi({ description: 'The route the lot is counted on, by its name in the comparison' }),
    lot: z.string().openapi({ description: 'The lot text as the tender writes it' }),
    bids: z.number().int(),
    reference: z.string(),
    title: z.string(),
    procedure: z
      .object({ id: z.string(), reference: z.string(), title: z.string(), lotId: z.string() })
      .openapi({ description: 'The procedure the tender is a lot of' }),
  })
  .openapi('RegionLot', { description: 'A lot of a procedure that the comparison counted' });

export const RegionComparisonResponse = z
  .object({
    region: z.object({ id: z.string(), name: z.string(), members: z.array(z.object({ id: z.string(), name: z.string() })) }),
    filters: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      route: z.string().optional(),
      statuses: z.array(z.enum(TENDER_STATUSES)).readonly().optional(),
    }),
    bids: z.number().int(),
    tenders: z.number().int(),
    lots: z.array(RegionLot).openapi({
      description:
        'The lots of procedures counted: by route, then procedure reference, then the lot order. Tenders on their own count in every figure ' +
        'but are not listed here',
    }),
    providers: z.array(ProviderSummary),
    routes: z.array(RouteStatistics),
  })
  .openapi('RegionComparison');
