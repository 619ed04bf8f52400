/**
 * @module
 * Turning a page into a response: the doctype, and a Content-Security-Policy that allows
 * only this server's own styles, scripts and forms. The pages use no inline script or style
 * attribute, so the policy can be that strict; `data:` images are the Utrecht CSS's own
 * checkbox and radio icons.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';

const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** @example return renderPage(c, <TendersPage ... />); */
export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  const html = (await page).toString();
  c.header('content-security-policy', PAGE_CSP);
  // Pages show personal and tender data: never from a shared cache, never from history after logout.
  c.header('cache-control', 'no-store');
  return c.html(`<!doctype html>${html}`, status);
}

/** Post/redirect/get: a form that succeeded answers 303 so a reload does not post again. */
export function redirectAfterPost(c: Context, location: string): Response {
  return c.redirect(location, 303);
}
