/**
 * @module
 * Request and response schemas of the tender routes. Dossier fields are accepted as any
 * JSON here and checked by `parseDossier` in the service (same rules and messages as the
 * CLI); the OpenAPI document shows them with the dossier's own schemas.
 */
import { z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import {
  awardSchema,
  criterionSchema,
  dossierSchema,
  lowBidRulesSchema,
  tenderSchema,
} from '../../domain/evaluation/dossier.schema.js';
import { documentedBy } from '../../http/documented.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';

const tenderFieldDocs = {
  reference: documentedBy(tenderSchema.shape.reference),
  title: documentedBy(tenderSchema.shape.title),
  buyer: documentedBy(tenderSchema.shape.buyer).openapi({ description: "Defaults to the organisation's name" }),
  lot: documentedBy(tenderSchema.shape.lot),
  estimatedValue: documentedBy(tenderSchema.shape.estimatedValue),
  expectedLearners: documentedBy(tenderSchema.shape.expectedLearners),
  award: documentedBy(awardSchema, 'Award'),
  criteria: documentedBy(z.array(criterionSchema), 'Criteria'),
  lowBidRules: documentedBy(lowBidRulesSchema, 'LowBidRules'),
};

/** Each field optional here: a missing required one is reported by `parseDossier`, in its words. */
const optionalFields = Object.fromEntries(Object.entries(tenderFieldDocs).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof tenderFieldDocs]: z.ZodOptional<(typeof tenderFieldDocs)[K]>;
};

const ShowPrices = z.boolean().optional().openapi({
  description: 'Whether evaluators see the bids\' prices while scoring quality; default false (two-envelope practice). A server setting, not part of the dossier.',
});

export const CreateTenderBody = z
  .strictObject({
    organisationId: z.string().min(1).max(TEXT_LIMITS.serverId),
    template: z
      .string()
      .min(1)
      .max(TEXT_LIMITS.serverId)
      .optional()
      .openapi({ description: 'Start from this template of `GET /api/v1/templates` instead of giving lot, award, criteria and lowBidRules' }),
    showPricesToEvaluators: ShowPrices,
    ...optionalFields,
  })
  .openapi('CreateTender', {
    required: ['organisationId', 'reference', 'title'],
    description: 'Either `template` or `lot`, `award` and `criteria` (and optionally `lowBidRules`).',
  });

export const PatchTenderBody = z
  .strictObject({ ...optionalFields, showPricesToEvaluators: ShowPrices })
  .openapi('PatchTender', { description: 'Any of the fields; `null` removes an optional one. Only while draft.' });

/** One registered component, used by the import body and the export response. */
export const DossierDoc = documentedBy(dossierSchema, 'Dossier');

export const ImportTenderBody = z
  .strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId), dossier: DossierDoc })
  .openapi('ImportTender');

/** `POST /tenders/:id/open`: the confirmation a formula that invites underbidding needs. */
export const OpenTenderBody = z
  .strictObject({
    confirmUnderbiddingRisk: z.boolean().optional(),
    motivation: multiLineText('de motivering', TEXT_LIMITS.remark).optional(),
  })
  .openapi('OpenTenderInput');

export const TenderResponse = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    status: z.enum(TENDER_STATUSES),
    tender: z.unknown(),
    award: z.unknown(),
    criteria: z.unknown(),
    lowBidRules: z.unknown().optional(),
    showPricesToEvaluators: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    openedAt: z.string().nullable(),
    awardDecision: z
      .object({
        decidedAt: z.string(),
        winner: z.string(),
        standstillEndsOn: z.string().openapi({ description: 'YYYY-MM-DD, Europe/Amsterdam: the last day of the standstill' }),
        awardAllowedOn: z.string().openapi({ description: 'YYYY-MM-DD: the first day `POST .../award` is accepted' }),
      })
      .nullable(),
    awardedAt: z.string().nullable(),
  })
  .openapi('Tender');

export const EvaluationResponse = z
  .looseObject({
    incomplete: z.array(z.object({ bidId: z.string(), criterionId: z.string() })),
    pendingBids: z.array(
      z.looseObject({ bidId: z.string(), missing: z.array(z.string()), lowBidFlags: z.array(z.unknown()), lowBidReview: z.unknown().optional() }),
    ),
    blockingReviews: z.array(z.object({ bidId: z.string(), state: z.string(), rules: z.array(z.string()), reason: z.string() })),
    panel: z.unknown().optional(),
  })
  .openapi('Evaluation', {
    description:
      'The result of evaluation.md for the exported dossier (method, scoreKind, winner, bids, warnings, sensitivity, effectiveWeights, lowBidImpact) plus what only the server knows: `incomplete` (missing consensus scores; while non-empty only the complete bids are ranked, but every bid\'s low-bid flags compare it with all prices), `pendingBids` (the bids still waiting for consensus scores, each with the criteria it lacks and its price-only `lowBidFlags`), per bid `lowBidReview` (the art. 2.116 review of each flagged or reviewed bid; `{state: "open"}` when none was started), `blockingReviews` (what blocks the award decision) and, once every panel member has sealed, `panel` (severity per evaluator and Krippendorff alpha).',
  });

export const AuditEventResponse = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    organisationId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    change: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
    redacted: z.boolean().openapi({
      description:
        'True for an individual score while not every member of the panel has sealed: its change is a notice, ' +
        'its author (actorUserId null) and the evaluator part of its entityId are left out',
    }),
  })
  .openapi('AuditEvent');
