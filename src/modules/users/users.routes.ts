/**
 * @module
 * `POST /api/v1/users` (platform administrator, organisation admin), `GET /api/v1/users` and
 * `GET /api/v1/users/:id` (administrators: the users of the organisations they administer;
 * user-access.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { timestamp } from '../../http/documented.js';
import { getUser, listUsers } from './user-directory.service.js';
import { createUser } from './users.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { boundedText, emailAddress, nonBlankLine } from '../../domain/text/text-fields.js';

export const MembershipSchema = z.strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId), role: z.enum(ROLES) });

export const CreateUserBody = z
  .strictObject({
    email: emailAddress(),
    name: nonBlankLine('de naam', TEXT_LIMITS.name).trim(),
    /** Length is what makes a password strong (NIST SP 800-63B); no composition rules. */
    password: boundedText('het wachtwoord', TEXT_LIMITS.password).min(12),
    memberships: z.array(MembershipSchema).min(1).max(50),
  })
  .openapi('CreateUser');

const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isPlatformAdmin: z.boolean(),
    memberships: z.array(z.object({ organisationId: z.string(), role: z.enum(ROLES) })),
  })
  .openapi('User');

export const UserSummary = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isPlatformAdmin: z.boolean(),
    disabledAt: timestamp().nullable().openapi({ description: 'Wanneer het account is geblokkeerd, of null' }),
    memberships: z
      .array(z.object({ organisationId: z.string(), role: z.enum(ROLES) }))
      .openapi({ description: 'De rollen in de organisaties die de aanroeper beheert (alle voor de platformbeheerder en voor de gebruiker zelf)' }),
    mayManage: z
      .boolean()
      .openapi({ description: 'De aanroeper mag dit account blokkeren, vrijgeven, de rollen wijzigen en het wachtwoord opnieuw instellen' }),
  })
  .openapi('UserSummary');

const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'De gebruikers die de aanroeper beheert, op naam: alle voor de platformbeheerder, die van de eigen organisaties voor een beheerder (admin)',
  responses: { 200: jsonContent(z.array(UserSummary), 'De gebruikers'), ...problemResponses },
});

const getUserRoute = createRoute({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags: ['users'],
  summary: 'Eén gebruiker (platformbeheerder, een beheerder van een van zijn organisaties, of de gebruiker zelf)',
  request: { params: IdParams },
  responses: { 200: jsonContent(UserSummary, 'De gebruiker'), ...problemResponses },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'Create a user with one role per organisation',
  request: { body: jsonBody(CreateUserBody) },
  responses: {
    201: jsonContent(User, 'The new user'),
    ...problemResponses,
    ...invalidInput([{ path: 'memberships[*].organisationId', rule: 'een bestaande organisatie, elk hoogstens één keer' }]),
    ...conflictResponse,
  },
});

export function userRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(createUserRoute, async (c) => {
      const user = await createUser(ctx, { actor: requireActor(c), input: c.req.valid('json') });
      return c.json(user, 201);
    })
    .openapi(listUsersRoute, (c) => c.json(listUsers(ctx, { actor: requireActor(c) }), 200))
    .openapi(getUserRoute, (c) => c.json(getUser(ctx, { actor: requireActor(c), userId: c.req.valid('param').id }), 200));
}
