/**
 * @module
 * Every route and page of the app, read from the apps themselves, so a walk over them (the
 * tenancy and blind-scoring tests) covers a new route without anyone adding a case.
 */
// Before any schema module: the app's OpenAPI extension of zod must exist when the route contracts are made, as in app.ts.
import '@hono/zod-openapi';
import { webRoutes } from '../../src/web/web.routes.js';
import type { TestApp } from './test-app.js';

export type RouteRef = { method: string; path: string };

function unique(routes: readonly RouteRef[], keep: (route: RouteRef) => boolean): RouteRef[] {
  const seen = new Map<string, RouteRef>();
  for (const { method, path } of routes) {
    if (method === 'ALL' || !keep({ method, path })) continue;
    seen.set(`${method} ${path}`, { method, path });
  }
  return [...seen.values()];
}

/** The API routes under `/api/v1/tenders/:id`. */
export function tenderApiRoutes(t: Pick<TestApp, 'app'>): RouteRef[] {
  return unique(t.app.routes, (r) => r.path.startsWith('/api/v1/tenders/:id'));
}

/** The pages of one tender (`/aanbestedingen/:id` and below), from the pages' own app. */
export function tenderPageRoutes(t: Pick<TestApp, 'ctx'>): RouteRef[] {
  return unique(webRoutes(t.ctx).routes, (r) => r.path === '/aanbestedingen/:id' || r.path.startsWith('/aanbestedingen/:id/'));
}

/** A route's path with real ids: the tender, bid `B1`, criterion `K1`, audit event 1. */
export function fillTenderPath(path: string, tenderId: string): string {
  return path.replace(':id', tenderId).replace(':bidId', 'B1').replace(':criterionId', 'K1').replace(':seq', 'laatste');
}
