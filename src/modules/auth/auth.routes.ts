/**
 * @module
 * `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `POST/GET /api/v1/auth/tokens`,
 * `DELETE /api/v1/auth/tokens/:tokenId`, `POST /api/v1/auth/password`, `GET /api/v1/auth/me`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ROLES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { clientIpOf } from '../../http/client-ip.js';
import { conflictResponse, createRouter, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import { timestamp } from '../../http/documented.js';
import type { Actor, AppContext } from '../../http/types.js';
import { issueApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { login, logout, SESSION_COOKIE } from './auth.service.js';
import { changePassword } from './password-change.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { boundedText, nonBlankLine, singleLineText } from '../../domain/text/text-fields.js';

export const LoginBody = z
  .strictObject({ email: singleLineText('het e-mailadres', TEXT_LIMITS.email).min(1), password: boundedText('het wachtwoord', TEXT_LIMITS.password).min(1) })
  .openapi('Login');

const Me = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isPlatformAdmin: z.boolean(),
    memberships: z.array(z.object({ organisationId: z.string(), role: z.enum(ROLES) })),
  })
  .openapi('Me');

export const TokenBody = z.strictObject({ name: nonBlankLine('de naam', TEXT_LIMITS.name).trim() }).openapi('CreateToken');
const IssuedToken = z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: timestamp() }).openapi('IssuedToken');

const TokenSummary = z
  .object({ id: z.string(), name: z.string(), createdAt: timestamp(), expiresAt: timestamp(), lastUsedAt: timestamp().nullable() })
  .openapi('TokenSummary');
const TokenIdParams = z.strictObject({
  tokenId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.serverId)
    .openapi({ param: { name: 'tokenId', in: 'path' } }),
});

export const PasswordChangeBody = z
  .strictObject({
    currentPassword: boundedText('het huidige wachtwoord', TEXT_LIMITS.password).min(1),
    /** As for a new user: length is what makes a password strong (NIST SP 800-63B). */
    newPassword: boundedText('het nieuwe wachtwoord', TEXT_LIMITS.password).min(12),
  })
  .openapi('ChangePassword');
const PasswordChanged = z.object({ sessionsEnded: z.number().int(), tokensRevoked: z.number().int() }).openapi('PasswordChanged');

const tooMany = { 429: { description: 'Too many login attempts' } } as const;

const loginRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['auth'],
  summary: 'Log in: sets an HttpOnly, SameSite=Lax session cookie',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonContent(Me, 'Logged in'), ...problemResponses, ...tooMany },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['auth'],
  summary: 'End the session server-side, or revoke the bearer token the request carries',
  responses: { 204: { description: 'Logged out' }, ...problemResponses },
});
const tokenRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/tokens',
  tags: ['auth'],
  summary: 'A bearer token for scripts (shown once)',
  request: { body: jsonBody(TokenBody) },
  responses: { 201: jsonContent(IssuedToken, 'The token'), ...problemResponses },
});
const listTokensRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/tokens',
  tags: ['auth'],
  summary: "The caller's own bearer tokens (never their secret), oldest first",
  responses: { 200: jsonContent(z.array(TokenSummary), 'The tokens'), ...problemResponses },
});
const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/api/v1/auth/tokens/{tokenId}',
  tags: ['auth'],
  summary: "Revoke one of the caller's own tokens (another user's answers 404)",
  request: { params: TokenIdParams },
  responses: { 204: { description: 'Revoked' }, ...problemResponses },
});
const passwordRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ['auth'],
  summary: 'Change the own password; ends every other session and every bearer token',
  request: { body: jsonBody(PasswordChangeBody) },
  responses: {
    200: jsonContent(PasswordChanged, 'Changed'),
    ...problemResponses,
    ...invalidInput([
      { path: 'currentPassword', rule: 'het huidige wachtwoord van de aanroeper' },
      { path: 'newPassword', rule: 'verschilt van het huidige wachtwoord' },
    ]),
    ...conflictResponse,
    ...tooMany,
  },
});
const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['auth'],
  summary: 'The caller',
  responses: { 200: jsonContent(Me, 'The caller'), ...problemResponses },
});

function toMe(actor: Actor) {
  const { userId, email, name, isPlatformAdmin, memberships } = actor;
  return { id: userId, email, name, isPlatformAdmin, memberships };
}

export function authRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await login(ctx, { email, password, clientIp: clientIpOf(c, ctx.config) });
      setCookie(c, SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: ctx.config.cookieSecure,
        path: '/',
        maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
      });
      return c.json(toMe(result.actor), 200);
    })
    .openapi(logoutRoute, (c) => {
      const actor = requireActor(c);
      logout(ctx, { actor });
      // A token's logout leaves the browser's cookie alone: it did not use it.
      if (actor.via === 'session') deleteCookie(c, SESSION_COOKIE, { path: '/', secure: ctx.config.cookieSecure });
      return c.body(null, 204);
    })
    .openapi(tokenRoute, (c) => {
      const token = issueApiToken(ctx, { actor: requireActor(c), name: c.req.valid('json').name });
      return c.json(token, 201);
    })
    .openapi(listTokensRoute, (c) => c.json(listApiTokens(ctx, { actor: requireActor(c) }), 200))
    .openapi(revokeTokenRoute, (c) => {
      revokeApiToken(ctx, { actor: requireActor(c), tokenId: c.req.valid('param').tokenId });
      return c.body(null, 204);
    })
    .openapi(passwordRoute, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const changed = await changePassword(ctx, { actor: requireActor(c), currentPassword, newPassword, clientIp: clientIpOf(c, ctx.config) });
      return c.json(changed, 200);
    })
    .openapi(meRoute, (c) => c.json(toMe(requireActor(c)), 200));
}
