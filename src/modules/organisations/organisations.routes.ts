/**
 * @module
 * `POST /api/v1/organisations` and `POST /api/v1/organisations/:id/members` (platform
 * administrator), `GET /api/v1/organisations` (administrators: the ones they administer).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ORGANISATION_KINDS } from '../../db/schema/index.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext } from '../../http/types.js';
import { addRegionMember, createOrganisation, listOrganisations } from './organisations.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { nonBlankLine } from '../../domain/text/text-fields.js';

export const CreateOrganisationBody = z
  .strictObject({
    name: nonBlankLine('de naam', TEXT_LIMITS.name).trim(),
    kind: z.enum(ORGANISATION_KINDS),
    memberIds: z.array(z.string().min(1).max(TEXT_LIMITS.serverId)).max(500).optional().openapi({ uniqueItems: true }),
  })
  .openapi('CreateOrganisation');

const Organisation = z.object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS), memberIds: z.array(z.string()) }).openapi('Organisation');

export const AddMemberBody = z
  .strictObject({ memberId: z.string().min(1).max(TEXT_LIMITS.serverId).openapi({ description: 'De gemeente die lid wordt' }) })
  .openapi('AddRegionMember');

const listOrganisationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/organisations',
  tags: ['organisations'],
  summary: 'De organisaties die de aanroeper beheert, op naam: alle voor de platformbeheerder, de eigen voor een beheerder (admin)',
  responses: { 200: jsonContent(z.array(Organisation), 'De organisaties, een regio met haar leden'), ...problemResponses },
});

const addMemberRoute = createRoute({
  method: 'post',
  path: '/api/v1/organisations/{id}/members',
  tags: ['organisations'],
  summary:
    'Een gemeente wordt lid van de regio (platformbeheerder); 409 als een inkoper of auditor van die gemeente in het beoordelingspanel zit van een nog niet gegunde aanbesteding van de regio',
  request: { params: IdParams, body: jsonBody(AddMemberBody) },
  responses: {
    200: jsonContent(Organisation, 'De regio met haar leden'),
    ...problemResponses,
    ...invalidInput([{ path: 'memberId', rule: 'een bestaande organisatie van de soort gemeente' }]),
    ...conflictResponse,
  },
});

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
  return createRouter()
    .openapi(createOrganisationRoute, (c) => {
      const organisation = createOrganisation(ctx, { actor: requireActor(c), input: c.req.valid('json') });
      return c.json(organisation, 201);
    })
    .openapi(listOrganisationsRoute, (c) => c.json(listOrganisations(ctx, { actor: requireActor(c) }), 200))
    .openapi(addMemberRoute, (c) => {
      const organisation = addRegionMember(ctx, { actor: requireActor(c), regionId: c.req.valid('param').id, memberId: c.req.valid('json').memberId });
      return c.json(organisation, 200);
    });
}
