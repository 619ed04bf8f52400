/**
 * @module
 * `POST /api/v1/organisations` (platform administrator).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ORGANISATION_KINDS } from '../../db/schema/index.js';
import { createRouter, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext } from '../../http/types.js';
import { createOrganisation } from './organisations.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { nonBlankLine } from '../../domain/text/text-fields.js';

const CreateOrganisationBody = z
  .strictObject({
    name: nonBlankLine('de naam', TEXT_LIMITS.name).trim(),
    kind: z.enum(ORGANISATION_KINDS),
    memberIds: z.array(z.string().min(1).max(TEXT_LIMITS.serverId)).max(500).optional().openapi({ uniqueItems: true }),
  })
  .openapi('CreateOrganisation');

const Organisation = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS), memberIds: z.array(z.string()) })
  .openapi('Organisation');

const createOrganisationRoute = createRoute({
  method: 'post',
  path: '/api/v1/organisations',
  tags: ['organisations'],
  summary: 'Create an organisation (platform administrator)',
  request: { body: jsonBody(CreateOrganisationBody) },
  responses: {
    201: jsonContent(Organisation, 'The new organisation'),
    ...problemResponses,
    ...invalidInput([
      { path: 'memberIds', rule: 'alleen een regio heeft gemeenten als leden' },
      { path: 'memberIds[*]', rule: 'een bestaande gemeente, elk hoogstens één keer' },
    ]),
  },
});

export function organisationRoutes(ctx: AppContext) {
  return createRouter().openapi(createOrganisationRoute, (c) => {
    const organisation = createOrganisation(ctx, { actor: requireActor(c), input: c.req.valid('json') });
    return c.json(organisation, 201);
  });
}
