/**
 * @module
 * `POST /api/v1/users` (platform administrator, organisation admin).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { createUser } from './users.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { boundedText, singleLineText, tooLong } from '../../domain/text/text-fields.js';

const MembershipSchema = z.strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId), role: z.enum(ROLES) });

const CreateUserBody = z
  .strictObject({
    email: z.email().max(TEXT_LIMITS.email, tooLong('het e-mailadres', TEXT_LIMITS.email)),
    name: singleLineText('de naam', TEXT_LIMITS.name).trim().min(1),
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
  responses: { 201: jsonContent(User, 'The new user'), ...problemResponses, ...conflictResponse },
});

export function userRoutes(ctx: AppContext) {
  return createRouter().openapi(createUserRoute, async (c) => {
    const user = await createUser(ctx, { actor: requireActor(c), input: c.req.valid('json') });
    return c.json(user, 201);
  });
}
