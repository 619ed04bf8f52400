/**
 * @module
 * The pages as one middleware of the app: requests for a page path go to the pages'
 * own Hono app (its guards, its HTML error pages, its 404), everything else to the API.
 * Mounted this way rather than with `app.route`, so the API app's route table holds only
 * the API (the OpenAPI and tenancy tests walk it), and a page error can never answer an API
 * request with HTML.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../http/types.js';
import { isPagePath } from './page-paths.js';
import { staticRoutes } from './static-assets.js';
import { webRoutes } from './web.routes.js';

/** @example app.use(pages(ctx)); */
export function pages(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const web = webRoutes(ctx);
  web.route('/', staticRoutes());
  return async (c, next) => (isPagePath(c.req.path) ? web.fetch(c.req.raw, c.env) : next());
}
