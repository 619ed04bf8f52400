/**
 * @module
 * `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `POST /api/v1/auth/tokens`,
 * `GET /api/v1/auth/me`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ROLES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { clientIpOf } from '../../http/client-ip.js';
import { createRouter, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { Actor, AppContext } from '../../http/types.js';
import { issueApiToken, login, logout, SESSION_COOKIE } from './auth.service.js';
import { createLoginRateLimiter } from './login-rate-limit.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { boundedText, singleLineText } from '../../domain/text/text-fields.js';

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

const TokenBody = z.strictObject({ name: singleLineText('de naam', TEXT_LIMITS.name).trim().min(1) }).openapi('CreateToken');
const IssuedToken = z
  .object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string() })
  .openapi('IssuedToken');

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
  summary: 'End the session server-side',
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
  const limiter = createLoginRateLimiter({ maxAttempts: ctx.config.loginMaxAttempts, windowMs: ctx.config.loginWindowMs });
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await login(ctx, { email, password, clientIp: clientIpOf(c), limiter });
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
      logout(ctx, { actor: requireActor(c) });
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: ctx.config.cookieSecure });
      return c.body(null, 204);
    })
    .openapi(tokenRoute, (c) => {
      const token = issueApiToken(ctx, { actor: requireActor(c), name: c.req.valid('json').name });
      return c.json(token, 201);
    })
    .openapi(meRoute, (c) => c.json(toMe(requireActor(c)), 200));
}
