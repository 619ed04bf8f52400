/**
 * @module
 * CSRF protection for cookie-authenticated writes. A browser always sends `Origin` on a
 * cross-origin POST (and `Sec-Fetch-Site` in current browsers); a request from another
 * site is refused when either says so. Requests with an `Authorization` header are exempt:
 * a browser never attaches a bearer token by itself. Clients that send neither header
 * (curl, scripts) cannot be driven by a hostile page and are let through.
 *
 * Hono's own `csrf()` only checks form content types; here every unsafe method is checked,
 * since a body-less `POST .../open` is as dangerous as a JSON one.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/app-error.js';
import { SAFE_METHODS } from './methods.js';
import type { AppEnv } from './types.js';

export function rejectCrossSiteRequests(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization') !== undefined) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new AppError('csrf-rejected', { detail: `Sec-Fetch-Site: ${fetchSite}` });
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !isSameHost(origin, c.req.header('host') ?? new URL(c.req.url).host)) {
      throw new AppError('csrf-rejected', { detail: `Het verzoek komt van ${origin}, niet van deze server.` });
    }
    return next();
  };
}

/** Compares hosts (with port), not schemes, so a TLS-terminating proxy in front still matches. */
function isSameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage: not us.
  }
}
