/**
 * @module
 * The response schema of `GET /tenders/:id/evaluation`: the engine's result of
 * `spec/evaluation.md` ("The result") for the exported dossier, and what only the server adds
 * (`incomplete`, `pendingBids`, per bid `lowBidReview`, `blockingReviews`, `panel`). One schema per concept,
 * each tied to its domain type by `tests/unit/contracts/response-types.test.ts`, so that the
 * document cannot drift from what the engine returns. The award decision stores this same
 * evaluation, so the decision's audit event refers to it too.
 */
import { z } from '@hono/zod-openapi';
import { lowBidReviewSchema } from '../../domain/evaluation/dossier.schema.js';
import { AWARD_METHODS, LOW_BID_RULE_IDS, REVIEW_STATES, type LowBidReview } from '../../domain/evaluation/dossier.js';
import { documentedBy, sentAs } from '../../http/documented.js';

/** The art. 2.116 review as the dossier holds it (`bids[].lowBidReview`). */
export const LowBidReviewDoc = documentedBy(lowBidReviewSchema, 'LowBidReview');
export const LowBidReviewResponse = sentAs<LowBidReview>(LowBidReviewDoc);

export const LowBidFlagSchema = z
  .object({
    rule: z.enum(LOW_BID_RULE_IDS),
    threshold: z.number().nullable().openapi({ description: 'Het toegepaste percentage (of de z-scoregrens); null bij cost-floor' }),
    value: z.number().openapi({ description: 'Bij percentageregels (referentie - prijs) / referentie; de z-score; het tekort per deelnemer in euro' }),
    reference: z.number().openapi({ description: 'Waarmee de inschrijving is vergeleken, in euro (de mediaan bij statistical-outlier)' }),
    line: z.string().optional().openapi({ description: 'Bij unit-price: de prijsregel die de vlag gaf' }),
    message: z.string().openapi({ description: 'Nederlands, met Nederlandse getalnotatie' }),
  })
  .openapi('LowBidFlag', { description: 'Een regel voor abnormaal lage inschrijvingen die afging, met de getallen die hij gebruikte' });

export const BidResultSchema = z
  .object({
    bidId: z.string(),
    rank: z.number().int().min(1).nullable().openapi({ description: 'Null voor een uitgesloten inschrijving' }),
    status: z.enum(['ranked', 'excluded']),
    score: z.number().nullable().openapi({ description: 'In de eenheid van scoreKind; null voor een uitgesloten inschrijving' }),
    qualityPoints: z.number(),
    pricePoints: z.number().optional().openapi({ description: 'Alleen bij methoden die prijspunten geven' }),
    fictiveDiscount: z.number().optional().openapi({ description: 'Alleen bij gunnen-op-waarde' }),
    exclusionReasons: z.array(z.string()),
    lowBidFlags: z.array(LowBidFlagSchema),
    lowBidReview: LowBidReviewResponse.optional().openapi({
      description: 'Het art. 2.116-onderzoek van een inschrijving die een vlag heeft of onderzocht wordt; `{ "state": "open" }` als nog niemand ernaar keek',
    }),
  })
  .openapi('BidResult');

export const EvaluationWarningSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('tie-unresolved'), rank: z.number().int().min(1), bids: z.array(z.string()) }),
    z.object({ code: z.literal('rank-reversal'), removedBid: z.string(), winner: z.string(), winnerWithout: z.string().nullable() }),
    z.object({ code: z.literal('price-dominates'), effective: z.number(), nominal: z.number() }),
    z.object({ code: z.literal('utility-nonpositive'), bids: z.array(z.string()) }),
  ])
  .openapi('EvaluationWarning');

export const SensitivitySchema = z
  .object({
    priceShareRange: z
      .tuple([z.number(), z.number()])
      .nullable()
      .openapi({ description: 'De prijsgewichten (van, tot) waarbinnen de winnaar winnaar blijft; null als er niets te zeggen valt' }),
    priceToWin: z
      .record(z.string(), z.number().nullable())
      .openapi({ description: 'Per verliezende inschrijving de prijs waarmee zij had gewonnen; null als geen prijs dat doet' }),
  })
  .openapi('Sensitivity');

export const RejectionImpactSchema = z
  .object({
    winnerIfRejected: z
      .string()
      .nullable()
      .openapi({ description: 'De winnaar zonder deze inschrijving; null als de eerste plaats gedeeld zou zijn of er geen inschrijving overblijft' }),
    changesWinner: z.boolean(),
  })
  .openapi('RejectionImpact');

export const MissingScoreSchema = z.object({ bidId: z.string(), criterionId: z.string() }).openapi('MissingScore');

export const PendingBidSchema = z
  .object({
    bidId: z.string(),
    missing: z.array(z.string()).openapi({ description: 'De criteria waarvoor de consensusscore nog ontbreekt' }),
    lowBidFlags: z
      .array(LowBidFlagSchema)
      .openapi({ description: 'De vlaggen die alleen op de prijs rusten, vergeleken met de prijzen van alle inschrijvingen' }),
    lowBidReview: LowBidReviewResponse.optional().openapi({
      description: 'Het art. 2.116-onderzoek van een inschrijving die een vlag heeft of onderzocht wordt; `{ "state": "open" }` als nog niemand ernaar keek',
    }),
  })
  .openapi('PendingBid', { description: 'Een inschrijving die wacht op consensusscores en daarom nog niet gerangschikt is' });

export const BlockingReviewSchema = z
  .object({
    bidId: z.string(),
    state: z.enum(REVIEW_STATES),
    rules: z
      .array(z.enum(LOW_BID_RULE_IDS))
      .openapi({ description: 'De regels die de inschrijving markeerden; leeg voor een onderzoek dat de inkoper zelf begon' }),
    reason: z.string().openapi({ description: 'Wat nog ontbreekt, in het Nederlands' }),
  })
  .openapi('BlockingReview');

export const PanelStatisticsSchema = z
  .object({
    evaluators: z.array(
      z.object({
        userId: z.string(),
        name: z.string().optional(),
        severity: z.number().nullable().openapi({ description: 'Gemiddelde afwijking van de consensus in score / schaalmaximum; < 0 streng, > 0 mild' }),
        meanAbsoluteDeviation: z.number().nullable(),
        scores: z.number().int().min(0).openapi({ description: 'Op hoeveel scores met een consensus de strengheid rust' }),
      }),
    ),
    agreement: z.object({
      alpha: z.number().nullable().openapi({ description: 'Krippendorffs alfa (interval) over de individuele scores; null als er te weinig paren zijn' }),
      pairableValues: z.number().int().min(0),
      units: z.number().int().min(0),
      metric: z.literal('interval'),
    }),
  })
  .openapi('PanelStatistics');

export const EvaluationResponse = z
  .object({
    method: z.enum(AWARD_METHODS),
    scoreKind: z.enum(['points', 'fictive-price', 'ratio', 'utility']),
    winner: z.string().nullable().openapi({ description: 'Null als de eerste plaats gedeeld is of elke inschrijving is uitgesloten' }),
    bids: z.array(BidResultSchema),
    warnings: z.array(EvaluationWarningSchema),
    sensitivity: SensitivitySchema,
    effectiveWeights: z.object({ quality: z.number(), price: z.number() }).nullable(),
    lowBidImpact: z
      .record(z.string(), RejectionImpactSchema)
      .optional()
      .openapi({ description: 'Per gemarkeerde inschrijving wat afwijzen zou doen; alleen als een inschrijving gemarkeerd is' }),
    incomplete: z
      .array(MissingScoreSchema)
      .openapi({ description: 'Ontbrekende consensusscores; zolang niet leeg zijn alleen de complete inschrijvingen beoordeeld (een voorlopig resultaat)' }),
    pendingBids: z.array(PendingBidSchema).openapi({ description: 'De inschrijvingen die nog op consensusscores wachten, met hun prijsvlaggen' }),
    blockingReviews: z.array(BlockingReviewSchema).openapi({ description: 'De onderzoeken die de gunningsbeslissing tegenhouden' }),
    panel: PanelStatisticsSchema.optional().openapi({ description: 'Pas als elk panellid zijn scores heeft verzegeld' }),
  })
  .openapi('Evaluation', {
    description:
      'Het resultaat van evaluation.md voor het geëxporteerde dossier, met wat alleen de server weet: `incomplete`, `pendingBids`, per inschrijving ' +
      '`lowBidReview`, `blockingReviews` en, zodra elk panellid heeft verzegeld, `panel`.',
  });
