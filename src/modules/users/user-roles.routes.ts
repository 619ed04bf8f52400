/**
 * @module
 * `PUT /api/v1/users/:id/memberships` (set the roles) and `POST /api/v1/users/:id/password`
 * (an administrator sets a new password): whoever may manage the account (user-access.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { boundedText } from '../../domain/text/text-fields.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { resetPassword } from './password-reset.service.js';
import { setMemberships } from './user-roles.service.js';
import { MembershipSchema, UserSummary } from './users.routes.js';

export const SetMembershipsBody = z
  .strictObject({
    memberships: z
      .array(MembershipSchema)
      .min(1)
      .max(50)
      .openapi({ description: 'Alle rollen van de gebruiker, één per organisatie; vervangt de huidige. Zonder rollen: blokkeer het account.' }),
  })
  .openapi('SetMemberships');

export const ResetPasswordBody = z
  .strictObject({
    /** As for a new user: length is what makes a password strong (NIST SP 800-63B). */
    newPassword: boundedText('het nieuwe wachtwoord', TEXT_LIMITS.password).min(12),
  })
  .openapi('ResetPassword');

const PasswordReset = z
  .object({ sessionsEnded: z.number().int(), tokensRevoked: z.number().int() })
  .openapi('PasswordReset', { description: 'Hoeveel sessies en tokens van de gebruiker zijn beëindigd' });

const setMembershipsRoute = createRoute({
  method: 'put',
  path: '/api/v1/users/{id}/memberships',
  tags: ['users'],
  summary:
    'Stel de rollen van een gebruiker in (vervangt alle); 409 voor de eigen rollen, en voor inkoper of auditor van een nog niet gegunde aanbesteding in wier beoordelingspanel de gebruiker zit',
  request: { params: IdParams, body: jsonBody(SetMembershipsBody) },
  responses: {
    200: jsonContent(UserSummary, 'De gebruiker met de nieuwe rollen'),
    ...problemResponses,
    ...invalidInput([{ path: 'memberships[*].organisationId', rule: 'een bestaande organisatie, elk hoogstens één keer' }]),
    ...conflictResponse,
  },
});

const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/password',
  tags: ['users'],
  summary: 'Stel een nieuw wachtwoord in voor een gebruiker; beëindigt al zijn sessies en tokens (niet voor het eigen account: 409)',
  request: { params: IdParams, body: jsonBody(ResetPasswordBody) },
  responses: { 200: jsonContent(PasswordReset, 'Ingesteld'), ...problemResponses, ...conflictResponse },
});

export function userRoleRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(setMembershipsRoute, (c) =>
      c.json(setMemberships(ctx, { actor: requireActor(c), userId: c.req.valid('param').id, memberships: c.req.valid('json').memberships }), 200),
    )
    .openapi(resetPasswordRoute, async (c) =>
      c.json(await resetPassword(ctx, { actor: requireActor(c), userId: c.req.valid('param').id, newPassword: c.req.valid('json').newPassword }), 200),
    );
}
