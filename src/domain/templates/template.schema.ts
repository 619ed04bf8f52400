/**
 * @module
 * A tender template (`templates/tenders/*.json`): the criteria, award method and low-bid
 * rules an officer starts a tender from, for one inburgering route. It reuses the dossier's
 * own schemas for the parts a dossier has (criterion, award, low-bid rules), so a template
 * can never hold anything a dossier would refuse; on top of that it is stricter than a
 * dossier (template-rules.ts): every scale value has a meaning, the cost floor is present,
 * and every assumed number names its source. JSON has no comments, so the reasons live in
 * fields: `awardRationale` for the award choice, `assumptions` for each assumed number.
 */
import * as z from 'zod';
import {
  always,
  awardSchema,
  costFloorSchema,
  criterionSchema,
  dutchErrorMap,
  issuesToProblems,
  lowBidRulesSchema,
  line,
  lines,
  reporter,
  type ValidationProblem,
} from '../evaluation/dossier.schema.js';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { checkUniqueIds } from '../evaluation/dossier-rules.js';
import { checkAssumptions, checkLevelsComplete } from './template-rules.js';

export const TEMPLATE_FORMAT = 'gunningswijzer/tender-template@1' as const;

/** Template ids appear in URLs and in `POST /api/v1/tenders {template}`: lower-case kebab. */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const assumptionSchema = z.strictObject({
  /** The assumed number, in the dossier notation: `lowBidRules.costFloor.groupSize`. */
  path: line('het pad', TEXT_LIMITS.label),
  /** The number itself, repeated so the list reads on its own; must equal the template's. */
  value: z.number(),
  /** Where the number comes from, or that it is this template's own assumption. */
  source: lines('de bron', TEXT_LIMITS.description),
  note: lines('de toelichting', TEXT_LIMITS.description).optional(),
});

export const tenderTemplateSchema = z
  .strictObject({
    format: z.literal(TEMPLATE_FORMAT),
    id: z
      .string()
      .max(TEXT_LIMITS.serverId, { error: `id mag hoogstens ${TEXT_LIMITS.serverId} tekens lang zijn` })
      .regex(TEMPLATE_ID_PATTERN, { error: 'id moet uit kleine letters, cijfers en koppeltekens bestaan' }),
    name: line('de naam', TEXT_LIMITS.title),
    description: lines('de omschrijving', TEXT_LIMITS.description),
    lot: line('het perceel', TEXT_LIMITS.reference),
    award: awardSchema,
    /** Why this method and price weight do not invite a race to the bottom. */
    awardRationale: lines('de onderbouwing', TEXT_LIMITS.motivation),
    criteria: z
      .array(criterionSchema)
      .min(1, { error: 'geef minstens één criterium' })
      .superRefine((v, ctx) => {
        checkUniqueIds(v, 'criteria', reporter(ctx));
        checkLevelsComplete(v, reporter(ctx));
      }, always),
    lowBidRules: lowBidRulesSchema.extend({ costFloor: costFloorSchema }),
    assumptions: z.array(assumptionSchema).min(1, { error: 'noem de aannames achter de getallen van dit sjabloon' }),
  })
  .superRefine((v, ctx) => checkAssumptions(v, reporter(ctx)), always);

export type TenderTemplate = z.output<typeof tenderTemplateSchema>;
export type Assumption = z.output<typeof assumptionSchema>;

export type TemplateParseResult = { ok: true; template: TenderTemplate } | { ok: false; problems: ValidationProblem[] };

/**
 * Validates a template; every problem is reported with its path, as for a dossier.
 * @example parseTemplate(JSON.parse(text)) // { ok: true, template: { id: 'b1-route', ... } }
 */
export function parseTemplate(input: unknown): TemplateParseResult {
  const result = tenderTemplateSchema.safeParse(input, { error: dutchErrorMap });
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, problems: issuesToProblems(result.error.issues, 'template') };
}
