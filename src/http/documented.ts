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
export function documentedBy(schema: z.ZodType, name?: string) {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const field = z.unknown();
  return name === undefined ? field.openapi(jsonSchema as never) : field.openapi(name, jsonSchema as never);
}
