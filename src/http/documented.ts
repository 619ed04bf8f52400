/**
 * @module
 * Fields that are validated by a domain function rather than by the route's zod schema (the
 * dossier, whose messages and paths must be the CLI's), yet documented in the OpenAPI
 * document by that same domain schema: the route accepts any JSON there and the service
 * runs `parseDossier`, while `/openapi.json` shows the schema `parseDossier` applies.
 */
import { z } from '@hono/zod-openapi';

/**
 * @example const Dossier = documentedBy(dossierSchema, 'Dossier');
 */
export function documentedBy(schema: z.ZodType, name?: string, adjust?: (jsonSchema: Record<string, unknown>) => void) {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // A bound the domain checks in its own words (a KvK key of 5000 characters), stated in the document too.
  adjust?.(jsonSchema);
  // Refusing null keeps the document exact: the generator takes a field that accepts null for
  // a nullable one. Where null means something (a PATCH removing a field), the route says so.
  const field = z.unknown().refine((value) => value !== null, { error: 'mag niet null zijn' });
  return name === undefined ? field.openapi(jsonSchema as never) : field.openapi(name, jsonSchema as never);
}

/**
 * The same documented field, typed as what the server sends: for a response, so that the
 * route's handler is type-checked against the domain type the schema describes. Never for a
 * request: nothing checks the value at the route.
 * @example const DossierResponse = sentAs<Dossier>(DossierDoc);
 */
export function sentAs<T>(documented: ReturnType<typeof documentedBy>): z.ZodType<T> {
  return documented as unknown as z.ZodType<T>;
}

/** An instant the server recorded: RFC 3339 in UTC with a `Z` (`toISOString()`). */
export const timestamp = () => z.iso.datetime();

/** A calendar day, `YYYY-MM-DD` (Europe/Amsterdam where it is a legal day). */
export const calendarDay = () => z.iso.date();
