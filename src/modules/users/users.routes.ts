/**
 * @module
 * `POST /api/v1/users` (platform administrator, organisation admin).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { createUser } from './users.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { boundedText, emailAddress, nonBlankLine } from '../../domain/text/text-fields.js';

const MembershipSchema = z.strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId), role: z.enum(ROLES) });

const CreateUserBody = z
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
  return createRouter().openapi(createUserRoute, async (c) => {
    const user = await createUser(ctx, { actor: requireActor(c), input: c.req.valid('json') });
    return c.json(user, 201);
  });
}
