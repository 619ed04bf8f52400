/**
 * @module
 * `POST /api/v1/users/:id/disable` and `POST /api/v1/users/:id/enable` (the platform
 * administrator, or an admin of every organisation of the user: `user-access.ts`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import { timestamp } from '../../http/documented.js';
import type { AppContext } from '../../http/types.js';
import { disableUser, enableUser } from './user-status.service.js';

const UserStatus = z.object({ id: z.string(), email: z.string(), name: z.string(), disabledAt: timestamp().nullable() }).openapi('UserStatus');

const disableRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/disable',
  tags: ['users'],
  summary: 'Disable an account: ends all its sessions and tokens at once; it cannot log in until enabled',
  request: { params: IdParams },
  responses: { 200: jsonContent(UserStatus, 'The user, disabled'), ...problemResponses, ...conflictResponse },
});

const enableRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/enable',
  tags: ['users'],
  summary: 'Enable a disabled account: the user may log in again (its old sessions and tokens stay ended)',
  request: { params: IdParams },
  responses: { 200: jsonContent(UserStatus, 'The user, enabled'), ...problemResponses },
});

export function userStatusRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(disableRoute, (c) => c.json(disableUser(ctx, { actor: requireActor(c), userId: c.req.valid('param').id }), 200))
    .openapi(enableRoute, (c) => c.json(enableUser(ctx, { actor: requireActor(c), userId: c.req.valid('param').id }), 200));
}
