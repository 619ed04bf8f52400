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

/** The error answers most routes can give, for the OpenAPI document. */
export const problemResponses = {
  400: problem('Invalid input'),
  401: problem('Not logged in'),
  403: problem('Role may not'),
  404: problem('Absent or not yours'),
} as const;

export const conflictResponse = { 409: problem('State forbids it') } as const;

/** A service the route depends on failed; nothing was changed. */
export const unavailableResponse = { 503: problem('A service it depends on failed; try again') } as const;

/** Path parameter `:id` (a server id). */
export const IdParams = z.strictObject({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }),
});
