/**
 * @module
 * Who is calling. `authenticate` resolves a bearer token or the session cookie into an
 * `Actor`; `denyAnonymous` then answers 401 for every API path except the few that must be
 * public, so a new route is protected without anyone remembering to protect it. Who holds
 * a token or session is the auth module's to say (`resolveActor`); the app hands it in, so
 * this layer imports nothing from the modules above it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../lib/app-error.js';
import { API_BASE_PATH } from './api-version.js';
import type { Actor, AppEnv } from './types.js';

/** API paths reachable without logging in: logging in, and the API's own description (/core/publish-openapi). */
const PUBLIC_API_PATHS = new Set(['/api/v1/auth/login', `${API_BASE_PATH}/openapi.json`]);

/** The session cookie's name. */
export const SESSION_COOKIE = 'gw_session';

/** What a request presents: a bearer token (the whole `Authorization` header) and the session cookie. */
export type Credentials = { authorization: string | undefined; sessionToken: string | undefined };

/**
 * @example app.use('/api/*', authenticate((credentials) => resolveActor(ctx, credentials)));
 */
export function authenticate(resolveActor: (credentials: Credentials) => Actor | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = resolveActor({
      authorization: c.req.header('authorization'),
      sessionToken: getCookie(c, SESSION_COOKIE),
    });
    c.set('actor', actor);
    if (actor === null && c.req.path.startsWith('/api/') && !PUBLIC_API_PATHS.has(c.req.path)) {
      throw new AppError('unauthenticated', { detail: 'Log in of stuur een API-sleutel mee (Authorization: Bearer).' });
    }
    await next();
  };
}

/**
 * The caller, for a handler behind `authenticate`.
 * @example const actor = requireActor(c);
 */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (actor === null || actor === undefined) throw new AppError('unauthenticated');
  return actor;
}
