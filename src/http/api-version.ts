/**
 * @module
 * The version of the API, as the NL API Design Rules ask: a semantic version (/core/semver),
 * its major number in the base path (/core/uri-version: `/api/v1`), and the full version in
 * an `API-Version` header on every response (/core/version-header), which is also the
 * OpenAPI document's `info.version`. A change that breaks a client raises the major number
 * and with it the base path; an added route or optional field raises the minor number.
 * What changed in which version: docs/api-changelog.md.
 */
import type { MiddlewareHandler } from 'hono';

export const API_VERSION = '1.9.0';

/** The base path of every API route: `/api/v` and the major version. */
export const API_BASE_PATH = `/api/v${API_VERSION.split('.')[0]}`;

export const API_VERSION_HEADER = 'API-Version';

/**
 * Sets `API-Version` on every response, errors and 404s included (it runs outermost).
 * @example app.use(apiVersionHeader());
 */
export function apiVersionHeader(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // On the response's own headers: `c.header` after `next` copies the finished response
    // into a stream-bodied one, which tripled the cost of a small answer (issue 19's profile).
    c.res.headers.set(API_VERSION_HEADER, API_VERSION);
  };
}
