/**
 * @module
 * Validation of a procedure file (`gunningswijzer/procedure@1`, docs/procedures.md). Each
 * lot's dossier is checked by the dossier's own schema, unchanged, so a problem in a lot has
 * the same message as in a single dossier, under the lot's path
 * (`lots[1].dossier.bids[0].price`). Every object is strict, as in the dossier: a misspelt
 * optional field (say `awardlimit`) would otherwise silently drop the limitation.
 */
import * as z from 'zod';
import { ID_MESSAGE, ID_PATTERN } from '../evaluation/dossier-rules.js';
import { always, dossierSchema, dutchErrorMap, issuesToProblems, line, reporter, type ValidationProblem } from '../evaluation/dossier.schema.js';
import { multiLineText } from '../text/text-fields.js';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { AWARD_LIMIT_RULES, MAX_LOTS, PROCEDURE_FORMAT, type Procedure } from './procedure.js';
import { checkAwardLimit, checkDraws, checkOneBidPerSchool, checkPreferences, checkUniqueLotIds } from './procedure-rules.js';

export type ProcedureParseResult = { ok: true; procedure: Procedure } | { ok: false; problems: ValidationProblem[] };

const lotId = z.string().max(TEXT_LIMITS.id, { abort: true, error: ID_MESSAGE }).regex(ID_PATTERN, { error: ID_MESSAGE });
const TOO_MANY_LOTS = { error: `hoogstens ${MAX_LOTS} percelen per procedure` };

export const procedureFieldsSchema = z.strictObject({
  reference: line('het kenmerk', TEXT_LIMITS.reference),
  title: line('de titel', TEXT_LIMITS.title),
  buyer: line('de aanbestedende dienst', TEXT_LIMITS.reference),
});

export const awardLimitSchema = z.strictObject({
  maxLotsPerBidder: z.number().refine((x) => Number.isSafeInteger(x) && x >= 1, { error: 'moet een geheel getal van minstens 1 zijn' }),
  rule: z.enum(AWARD_LIMIT_RULES),
  lotOrder: z.array(lotId).max(MAX_LOTS, TOO_MANY_LOTS).optional(),
});

/** A recorded draw of lots for a tied lot; what it must name is checked in checkDraws. */
export const lotDrawSchema = z.strictObject({
  lotId,
  winner: z.string().max(TEXT_LIMITS.id, { abort: true, error: ID_MESSAGE }).regex(ID_PATTERN, { error: ID_MESSAGE }),
  record: multiLineText('het verslag van de loting', TEXT_LIMITS.remark),
});

export const procedureLotSchema = z.strictObject({ id: lotId, dossier: dossierSchema });

export const procedureSchema = z
  .strictObject({
    format: z.literal(PROCEDURE_FORMAT),
    procedure: procedureFieldsSchema,
    awardLimit: awardLimitSchema.optional(),
    // The keys are KvK numbers, checked in checkPreferences: a key schema's own message would
    // be the dossier's message for a score key.
    preferences: z.record(z.string(), z.array(lotId).max(MAX_LOTS, TOO_MANY_LOTS)).optional(),
    lots: z
      .array(procedureLotSchema)
      .min(1, { error: 'geef minstens één perceel' })
      .max(MAX_LOTS, TOO_MANY_LOTS)
      .superRefine((lots, ctx) => {
        checkUniqueLotIds(lots, reporter(ctx));
        checkOneBidPerSchool(lots, reporter(ctx));
      }, always),
    draws: z.array(lotDrawSchema).max(MAX_LOTS, TOO_MANY_LOTS).optional(),
  })
  .superRefine((v, ctx) => {
    checkAwardLimit(v.awardLimit, v.lots, reporter(ctx));
    checkPreferences(v.preferences, v.awardLimit, v.lots, reporter(ctx));
    checkDraws(v.draws, v.awardLimit, v.lots, reporter(ctx));
  }, always);

// The schema and the hand-written type must describe the same procedure, in both directions.
type Assert<T extends true> = T;
export type _OutputIsProcedure = Assert<z.output<typeof procedureSchema> extends Procedure ? true : false>;
export type _ProcedureIsInput = Assert<Procedure extends z.input<typeof procedureSchema> ? true : false>;

/** Whether a parsed JSON document says it is a procedure file (of any version), not a dossier. */
export function looksLikeProcedure(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const format = (value as Record<string, unknown>)['format'];
  return typeof format === 'string' && format.startsWith('gunningswijzer/procedure');
}

export function parseProcedure(input: unknown): ProcedureParseResult {
  const result = procedureSchema.safeParse(input, { error: dutchErrorMap });
  if (result.success) return { ok: true, procedure: result.data };
  return { ok: false, problems: issuesToProblems(result.error.issues, 'procedure') };
}
