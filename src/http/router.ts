/**
 * @module
 * The router every module builds on, and small helpers for route contracts. Validation
 * failures are thrown as `AppError('invalid-input')` with field paths, so they render like
 * every other error.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../lib/app-error.js';
import { zodIssuesToFieldErrors } from '../lib/zod-errors.js';
import type { AppEnv } from './types.js';
import type { RuleBeyondSchema } from '../domain/rules-beyond-schema.js';

/** A module's router; `app.route('/', router)` merges its OpenAPI definitions too. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        // Body paths start at the body's root (`award.priceWeight`); others name their part.
        const prefix = result.target === 'json' ? '' : result.target;
        throw new AppError('invalid-input', {
          detail: 'Het verzoek klopt niet met de beschrijving van de API.',
          errors: zodIssuesToFieldErrors(result.error.issues, prefix),
        });
      }
      return undefined;
    },
  });
}

/** A required JSON request body. `required: true` matters: without it a missing body skips validation. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    content: { 'application/json': { schema } },
    ...(description === undefined ? {} : { description }),
  } as const;
}

/** A JSON response with the given schema. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const INVALID_INPUT = 'Ongeldige invoer: het verzoek voldoet niet aan het schema; `errors` noemt elk veld met wat eraan schort.';

/** The error answers most routes can give, for the OpenAPI document. */
export const problemResponses = {
  400: problem(INVALID_INPUT),
  401: problem('Niet ingelogd'),
  403: problem('Deze rol mag dit niet'),
  404: problem('Bestaat niet, of niet van de organisaties van de aanroeper'),
} as const;

/**
 * The 400 answer of an operation whose server checks rules beyond its schema (an id that must
 * exist, a rule between fields or against the stored tender, a sentence): each listed in the
 * description and, machine-readable, as `x-validation-rules`, with the field path the answer
 * names. A request the schema accepts gets 400 only for one of these (tests/fuzz/contract-valid-requests.test.ts).
 * @example responses: { 200: ..., ...problemResponses, ...invalidInput([{ path: 'userId', rule: 'een beoordelaar van de organisatie' }]) }
 */
export function invalidInput(rules: readonly RuleBeyondSchema[]) {
  const list = rules.map((r) => `- \`${r.path}\`: ${r.rule}`).join('\n');
  return {
    400: {
      ...problem(`${INVALID_INPUT} Ook bij een verzoek dat aan het schema voldoet, als een van deze regels niet klopt:\n${list}`),
      'x-validation-rules': rules.map((r) => ({ ...r })),
    },
  } as const;
}

export const conflictResponse = { 409: problem('De toestand van de aanbesteding (of van de gevraagde stap) staat het niet toe') } as const;

/** A service the route depends on failed; nothing was changed. */
export const unavailableResponse = { 503: problem('Een dienst waarvan het antwoord afhangt faalde; er is niets gewijzigd, probeer het opnieuw') } as const;

/** Path parameter `:id` (a server id). */
export const IdParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
