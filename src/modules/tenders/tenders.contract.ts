/**
 * @module
 * Request and response schemas of the tender routes. Dossier fields are accepted as any
 * JSON here and checked by `parseDossier` in the service (same rules and messages as the
 * CLI); the OpenAPI document shows them with the dossier's own schemas.
 */
import { z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import { awardSchema, dossierSchema, lowBidRulesSchema, tenderSchema } from '../../domain/evaluation/dossier.schema.js';
import type { Award, Criterion, Dossier, LowBidRules, Tender } from '../../domain/evaluation/dossier.js';
import { DOSSIER_RULES } from '../../domain/evaluation/dossier-rules.js';
import { prefixRules, rulesUnder, type RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { SENTENCE_RULE } from '../../domain/panel/motivation.js';
import { calendarDay, documentedBy, sentAs, timestamp } from '../../http/documented.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';

const TenderFactsDoc = documentedBy(tenderSchema, 'DossierTender');
const AwardDoc = documentedBy(awardSchema, 'Award');
const CriteriaDoc = documentedBy(dossierSchema.shape.criteria, 'Criteria');
const LowBidRulesDoc = documentedBy(lowBidRulesSchema, 'LowBidRules');

const tenderFieldDocs = {
  reference: documentedBy(tenderSchema.shape.reference),
  title: documentedBy(tenderSchema.shape.title),
  buyer: documentedBy(tenderSchema.shape.buyer).openapi({ description: 'Standaard de naam van de organisatie' }),
  lot: documentedBy(tenderSchema.shape.lot),
  estimatedValue: documentedBy(tenderSchema.shape.estimatedValue),
  expectedLearners: documentedBy(tenderSchema.shape.expectedLearners),
  envelopes: documentedBy(tenderSchema.shape.envelopes).openapi({
    description:
      '`one` (standaard): kwaliteit en prijs in één envelop. `two`: de prijsenveloppen blijven dicht tot de kwaliteitsscores zijn vergrendeld en twee inkopers de prijzen hebben geopend. Alleen zolang de aanbesteding in voorbereiding is.',
  }),
  award: AwardDoc,
  criteria: CriteriaDoc,
  lowBidRules: LowBidRulesDoc,
};

/** Each field optional here: a missing required one is reported by `parseDossier`, in its words. */
const optionalFields = Object.fromEntries(Object.entries(tenderFieldDocs).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof tenderFieldDocs]: z.ZodOptional<(typeof tenderFieldDocs)[K]>;
};

const ShowPrices = z.boolean().optional().openapi({
  description:
    'Of beoordelaars de prijzen zien terwijl zij de kwaliteit scoren; standaard false (twee enveloppen). Een instelling van de server, geen deel van het dossier.',
});

/** The template of `POST /tenders` gives these; the body may not. */
const FROM_TEMPLATE = ['award', 'criteria', 'lowBidRules'] as const;

/** The dossier's rules for the flattened tender fields of `POST /tenders` and `PATCH` (`reference`, not `tender.reference`). */
const TENDER_FIELD_RULES: RuleBeyondSchema[] = [
  ...rulesUnder(DOSSIER_RULES, 'tender.', ''),
  ...DOSSIER_RULES.filter((r) => /^(award|criteria|lowBidRules)\b/.test(r.path)),
];

export const CREATE_TENDER_RULES: RuleBeyondSchema[] = [{ path: 'template', rule: 'een template van GET /api/v1/templates' }, ...TENDER_FIELD_RULES];

export const CreateTenderBody = z
  .strictObject({
    organisationId: z.string().min(1).max(TEXT_LIMITS.serverId),
    template: z
      .string()
      .min(1)
      .max(TEXT_LIMITS.serverId)
      .optional()
      .openapi({ description: 'Begin bij deze template van `GET /api/v1/templates` in plaats van lot, award, criteria en lowBidRules te geven' }),
    showPricesToEvaluators: ShowPrices,
    ...optionalFields,
  })
  .openapi('CreateTender', {
    required: ['organisationId', 'reference', 'title'],
    description: 'Met `template`, of met `lot`, `award` en `criteria` (en eventueel `lowBidRules`).',
    // Either a template, which gives the award rules, or the award rules themselves.
    anyOf: [
      { required: ['template'], properties: Object.fromEntries(FROM_TEMPLATE.map((key) => [key, false])) },
      { required: ['lot', 'award', 'criteria'], properties: { template: false } },
    ],
  } as never);

export const PATCH_TENDER_RULES: RuleBeyondSchema[] = TENDER_FIELD_RULES;

/** `null` removes an optional field (the estimate, the learners, the low-bid rules); a required one cannot be removed. */
const removable = (documented: ReturnType<typeof documentedBy>) => z.union([documented, z.null()]).optional();

export const PatchTenderBody = z
  .strictObject({
    ...optionalFields,
    estimatedValue: removable(tenderFieldDocs.estimatedValue),
    expectedLearners: removable(tenderFieldDocs.expectedLearners),
    lowBidRules: removable(LowBidRulesDoc),
    showPricesToEvaluators: ShowPrices,
  })
  .openapi('PatchTender', { description: 'Elk van de velden; `null` verwijdert een optioneel veld. Alleen zolang de aanbesteding in voorbereiding is.' });

/** One registered component, used by the import body and the export response. */
export const DossierDoc = documentedBy(dossierSchema, 'Dossier');
export const DossierResponse = sentAs<Dossier>(DossierDoc);

export const IMPORT_TENDER_RULES: RuleBeyondSchema[] = prefixRules(DOSSIER_RULES, 'dossier.');

export const ImportTenderBody = z
  .strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId), dossier: DossierDoc })
  .openapi('ImportTender', { required: ['organisationId', 'dossier'] });

/** `POST /tenders/:id/open`: the confirmation a formula that invites underbidding needs. */
export const OpenTenderBody = z
  .strictObject({
    confirmUnderbiddingRisk: z.boolean().optional(),
    motivation: multiLineText('de motivering', TEXT_LIMITS.remark).optional(),
  })
  .openapi('OpenTenderInput');

export const OPEN_TENDER_RULES: RuleBeyondSchema[] = [
  { path: 'motivation', rule: `alleen als de formulecheck zegt dat de formule onderbieden uitlokt (en confirmUnderbiddingRisk true is): ${SENTENCE_RULE}` },
];

export const TenderResponse = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    status: z.enum(TENDER_STATUSES),
    tender: sentAs<Tender>(TenderFactsDoc),
    award: sentAs<Award>(AwardDoc),
    criteria: sentAs<Criterion[]>(CriteriaDoc),
    lowBidRules: sentAs<LowBidRules>(LowBidRulesDoc).optional(),
    showPricesToEvaluators: z.boolean(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    openedAt: timestamp().nullable(),
    awardDecision: z
      .object({
        decidedAt: timestamp(),
        winner: z.string(),
        standstillEndsOn: calendarDay().openapi({ description: 'De laatste dag van de opschortingstermijn (Europe/Amsterdam)' }),
        awardAllowedOn: calendarDay().openapi({ description: 'De eerste dag waarop `POST .../award` slaagt' }),
      })
      .nullable(),
    awardedAt: timestamp().nullable(),
    priceOpening: z
      .object({
        stage: z.enum(['sealed', 'quality-locked', 'prices-entered', 'prices-confirmed']).openapi({
          description:
            'sealed: de kwaliteit wordt beoordeeld; quality-locked: de prijsenveloppen mogen open; prices-entered: wacht op de tweede inkoper; prices-confirmed: de prijzen gelden',
        }),
        qualityLockedAt: timestamp().nullable(),
        pricesEnteredAt: timestamp().nullable(),
        pricesEnteredBy: z.string().nullable().openapi({ description: 'De gebruiker die de prijzen invoerde (de eerste inkoper)' }),
        pricesConfirmedAt: timestamp().nullable(),
        pricesConfirmedBy: z.string().nullable().openapi({ description: 'De gebruiker die ze bevestigde (de tweede inkoper)' }),
      })
      .nullable()
      .openapi({ description: 'Alleen bij twee enveloppen (anders null): hoe ver de opening van de prijsenveloppen is. Nooit een bedrag.' }),
  })
  .openapi('Tender');
