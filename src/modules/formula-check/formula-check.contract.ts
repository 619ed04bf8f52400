/**
 * @module
 * The response schema of `GET /tenders/:id/formula-check`: the domain's `FormulaCheck`
 * (src/domain/formula-check, docs/formula-check.md), every number with a Dutch sentence. Tied
 * to the domain type by `tests/unit/contracts/response-types.test.ts`.
 */
import { z } from '@hono/zod-openapi';
import { AWARD_METHODS, LOW_BID_RULE_IDS } from '../../domain/evaluation/dossier.js';
import type { Bid } from '../../domain/evaluation/dossier.js';

const verdict = z.enum(['invites-underbidding', 'resists-underbidding']);
const scoreKind = z.enum(['points', 'fictive-price', 'ratio', 'utility']);

const ExpectedPrice = z
  .object({
    price: z.number().openapi({ description: 'Euro' }),
    source: z.enum(['estimatedValue', 'priceCeiling', 'fixedPrice']),
    cappedByCeiling: z.boolean().openapi({ description: 'De raming lag boven het plafond; het plafond telt' }),
    sentence: z.string(),
  })
  .openapi('FormulaExpectedPrice');

const CriterionStepPrice = z.object({
  criterionId: z.string(),
  from: z.number(),
  to: z.number(),
  points: z.number(),
  euros: z
    .number()
    .nullable()
    .openapi({ description: 'De prijsverlaging die deze stap waard is; null waar prijsverlaging niets oplevert of er geen prijsniveau is' }),
  compensable: z.boolean().nullable(),
  sentence: z.string(),
});

const QualityPointPrice = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('euros'),
      eurosPerQualityPoint: z.number(),
      referenceSituation: z.string().nullable().openapi({ description: 'Bij relatieve methoden: de situatie waarin het getal geldt' }),
      perCriterion: z.array(CriterionStepPrice),
      sentence: z.string(),
    }),
    z.object({
      status: z.literal('price-cuts-worthless'),
      eurosPerQualityPoint: z.null(),
      referenceSituation: z.null(),
      perCriterion: z.array(CriterionStepPrice),
      sentence: z.string(),
    }),
    z.object({
      status: z.literal('not-computable'),
      eurosPerQualityPoint: z.null(),
      referenceSituation: z.null(),
      perCriterion: z.array(CriterionStepPrice),
      sentence: z.string(),
    }),
  ])
  .openapi('QualityPointPrice');

/**
 * A bid the check makes up to try the formula: shaped as a dossier's bid, but its price is
 * whatever the test needs (up to the highest price that still wins, beyond the money maximum of
 * a real bid), so the dossier's bounds do not apply.
 */
const MadeUpBid = z
  .object({
    id: z.string(),
    provider: z.object({ name: z.string(), kvk: z.string(), keurmerk: z.boolean() }),
    price: z.number().optional(),
    priceLines: z.array(z.object({ description: z.string(), quantity: z.number(), unitPrice: z.number() })).optional(),
    scores: z.record(z.string(), z.number()),
  })
  .openapi('FormulaCheckBid', { description: 'Een verzonnen inschrijving, zoals de rekenkern haar beoordeelde' }) satisfies z.ZodType<Bid>;

const MadeUpBidder = z.object({
  bid: MadeUpBid,
  qualityPoints: z.number(),
  sentence: z.string(),
});

const UnderbidderTest = z
  .object({
    verdict,
    expectedPrice: z.number(),
    testPrice: z.number(),
    testPriceBasis: z.enum(['cost-floor', 'below-expected', 'fixed-price']),
    qualityBidder: MadeUpBidder,
    underbidder: MadeUpBidder,
    winner: z.enum(['quality-bidder', 'underbidder']).nullable().openapi({ description: 'Null als de eerste plaats gedeeld is' }),
    scoreKind,
    scores: z.object({ qualityBidder: z.number().nullable(), underbidder: z.number().nullable() }),
    margin: z.number().nullable(),
    highestWinningPrice: z
      .number()
      .nullable()
      .openapi({ description: 'De hoogste prijs in hele centen waarmee de onderbieder wint; null als geen prijs vanaf 0,01 dat doet' }),
    underbidderExclusions: z.array(z.string()),
    underbidderFlags: z.array(z.enum(LOW_BID_RULE_IDS)),
    sentences: z.array(z.string()),
  })
  .openapi('UnderbidderTest');

const ExampleBid = z.object({ id: z.enum(['A', 'B', 'C']), bid: MadeUpBid, qualityPoints: z.number(), price: z.number() });

const RankReversalExample = z.object({
  priceLevel: z.number(),
  priceLevelAssumed: z.boolean(),
  bids: z.array(ExampleBid),
  winnerWithoutC: z.enum(['A', 'B']),
  winnerWithC: z.enum(['A', 'B']),
  confirmedByEngine: z.literal(true),
  sentences: z.array(z.string()),
});

const RankReversalExposure = z
  .discriminatedUnion('relative', [
    z.object({ relative: z.literal(false), example: z.null(), sentence: z.string() }),
    z.object({ relative: z.literal(true), example: RankReversalExample.nullable(), sentence: z.string() }),
  ])
  .openapi('RankReversalExposure');

const Suggestion = z
  .object({
    kind: z.enum([
      'lower-price-weight',
      'raise-minimum',
      'switch-to-min-max-set',
      'switch-to-gunnen-op-waarde',
      'raise-criterion-values',
      'switch-to-fixed-price',
      'raise-cost-floor',
      'add-cost-floor',
    ]),
    patch: z
      .array(
        z.object({
          op: z.literal('add'),
          path: z.string(),
          value: z.unknown().openapi({ description: 'De nieuwe waarde op path (JSON Patch, RFC 6902): elk deel van de aanbesteding' }),
        }),
      )
      .openapi({ description: 'Wat de suggestie aan de aanbesteding verandert, als JSON Patch' }),
    sentence: z.string(),
    assumptions: z.array(z.string()),
    recheck: z.object({
      verdict: z.enum(['invites-underbidding', 'resists-underbidding', 'not-computable']),
      highestWinningPrice: z.number().nullable(),
      testPrice: z.number().nullable(),
      sentence: z.string(),
    }),
  })
  .openapi('FormulaSuggestion');

export const FormulaCheckResponse = z
  .object({
    method: z.enum(AWARD_METHODS),
    verdict: z.enum(['invites-underbidding', 'resists-underbidding', 'not-computable']),
    verdictSentence: z.string(),
    expectedPrice: ExpectedPrice.nullable(),
    qualityPointPrice: QualityPointPrice,
    underbidderTest: UnderbidderTest.nullable(),
    rankReversal: RankReversalExposure,
    suggestions: z.array(Suggestion).openapi({ description: 'Alleen bij invites-underbidding; elk keert het oordeel als hij wordt toegepast' }),
    notes: z.array(z.string()),
  })
  .openapi('FormulaCheck', { description: 'Zie docs/formula-check.md voor elk veld' });

export const ProcedureFormulaCheckResponse = z
  .object({
    procedureId: z.string(),
    lotsInvitingUnderbidding: z
      .array(z.string())
      .openapi({ description: 'De percelen waarvan de formule uitnodigt tot onderbieden, in de volgorde van de percelen' }),
    lots: z.array(
      z.object({
        lotId: z.string(),
        tenderId: z.string(),
        title: z.string(),
        route: z.string().openapi({ description: 'De route van het perceel, zoals de aanbesteding hem noemt (tender.lot)' }),
        sentence: z.string().openapi({ description: 'Het oordeel over dit perceel in één zin, met het perceel genoemd' }),
        check: FormulaCheckResponse,
      }),
    ),
  })
  .openapi('ProcedureFormulaCheck', {
    description: 'De formulecontrole per perceel: elk perceel heeft zijn eigen formule (docs/procedures.md, "Per perceel in de regio")',
  });
