/**
 * @module
 * What the route table alone decides, answered before anything else looks at the request:
 * - a method the path does not support: 405 with an `Allow` header listing the methods it
 *   does (RFC 9110 §15.5.6; NL API Design Rules /core/http-methods);
 * - an API path no route has: 404. A trailing slash makes a path no route has, so
 *   `/api/v1/tenders/` is a 404 and never a redirect (/core/no-trailing-slash).
 * Both are decided on the path pattern, the same for every id, and tell nothing that the
 * public OpenAPI document does not: so they come before authentication, and a caller that is
 * not logged in learns that DELETE is not a method of `/api/v1/tenders/{id}` rather than being
 * asked to log in for a request that can never succeed. Whether a particular tender exists
 * stays behind authentication and tender scoping (404 for another organisation's tender).
 */
import type { MiddlewareHandler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { AppError } from '../lib/app-error.js';

type Pattern = { regex: RegExp; methods: Set<string> };

/** `/api/v1/tenders/:id/bids` -> `^/api/v1/tenders/[^/]+/bids$` (the routes use plain `:name` parameters only). */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function buildTable(routes: readonly RouterRoute[]): Pattern[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    if (route.method === 'ALL') continue; // middleware
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ regex: patternOf(path), methods }));
}

/** The methods a path allows, sorted; HEAD wherever GET is (Hono answers HEAD with the GET handler). */
export function allowedMethods(table: readonly Pattern[], path: string): string[] {
  const allowed = new Set<string>();
  for (const { regex, methods } of table) if (regex.test(path)) for (const method of methods) allowed.add(method);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}

/**
 * @param routes the app's route table (`app.routes`), read on the first request, when every route is registered
 * @example app.use(answerFromRouteTable(() => app.routes));
 */
export function answerFromRouteTable(routes: () => readonly RouterRoute[]): MiddlewareHandler {
  let table: Pattern[] | undefined;
  return async (c, next) => {
    table ??= buildTable(routes());
    const { method, path } = c.req;
    const allowed = allowedMethods(table, path);
    if (allowed.length === 0) {
      if (!path.startsWith('/api/')) return next(); // pages and their static files route themselves
      if (path.endsWith('/') && allowedMethods(table, path.replace(/\/+$/, '')).length > 0) {
        throw new AppError('not-found', {
          detail: `Geen route voor ${method} ${path}: een adres eindigt nooit op een slash (${path.replace(/\/+$/, '')}).`,
        });
      }
      throw new AppError('not-found', { detail: `no route for ${method} ${path}` });
    }
    if (!allowed.includes(method)) {
      throw new AppError('method-not-allowed', {
        detail: `${method} wordt niet ondersteund op ${path}; wel: ${allowed.join(', ')}.`,
        headers: { allow: allowed.join(', ') },
      });
    }
    return next();
  };
}
