/**
 * @module
 * Rendered pages of one tender, kept per caller and served again while nothing they show
 * can have changed. Rendering a page (its data, and hono/jsx building tens to hundreds of
 * kilobytes of HTML) costs ten to a hundred times what answering from memory does; the
 * tender's pages are read far more often than the tender changes.
 *
 * What a cached page may be served for, and why that is safe:
 * - The version is the tender's newest audit event and the newest event of no tender (as
 *   the evaluation cache: every change is written with its event, naming its tender), the
 *   commits of other connections to the database (`PRAGMA data_version`: another process
 *   writing the file, audited or not) and today's date in Amsterdam (a page may say what a
 *   date means today). A page that shows anything else (a signed head of the audit chain, a
 *   time of day) must call `doNotCachePage`; the audit check does.
 * - The key is the caller (user, session or token) and the organisation they chose
 *   (`gw_org`), with the path and query. A page is therefore only ever served again to the
 *   one user it was rendered for, after the same access resolution (`tenderScope` runs
 *   before this): a page of an evaluator's own scores, or one before the seal, is never
 *   served to anyone with other rights. Their rights come from memberships and the panel,
 *   which change only with an audit event, which moves the version.
 * - Only a 200 HTML answer to a GET without a cookie set is kept; forms that fail answer
 *   their POST and are never cached.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { todayInAmsterdam } from '../domain/dates.js';
import type { AppContext, AppEnv } from '../http/types.js';
import { createVersionedCache, type VersionedCache } from '../lib/versioned-cache.js';
import { ORGANISATION_COOKIE } from './viewer.js';

/** The body as bytes, encoded once: a hit then writes them as they are. */
type CachedPage = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

export type PageCache = VersionedCache<CachedPage>;

declare module '../http/types.js' {
  interface AppVariables {
    /** Set by a page whose answer must not be kept (`doNotCachePage`). */
    pageNotCached?: true;
  }
}

/** 64 MiB of pages (the largest, a 20-bid consensus page, is about 300 kB). */
export const createPageCache = (): PageCache =>
  createVersionedCache<CachedPage>({ maxEntries: 2000, maxWeight: 64 * 1024 * 1024, weightOf: (page) => page.body.byteLength });

/** For a page that shows what the version does not cover, such as the audit check's verdict. */
export function doNotCachePage(c: Context<AppEnv>): void {
  c.set('pageNotCached', true);
}

function pageVersion(ctx: AppContext, tenderId: string): string {
  const { tenderSeq, generalSeq } = ctx.queries.audit.findChangeMarks(tenderId);
  return `${tenderSeq}/${generalSeq}/${ctx.queries.audit.findDataVersion()}/${todayInAmsterdam(ctx.clock())}`;
}

/** The path with its query string, without scheme and host (the Host header is the client's to choose). */
function pathAndQuery(url: string, path: string): string {
  const query = url.indexOf('?');
  return query === -1 ? path : `${path}${url.slice(query)}`;
}

/**
 * Behind `authenticate` and `tenderScope`, for every page of one tender.
 * @example web.use('/aanbestedingen/:id/*', cachePages(ctx));
 */
export function cachePages(ctx: AppContext, cache: PageCache = createPageCache()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    const access = c.get('tenderAccess');
    if (c.req.method !== 'GET' || actor === null || actor === undefined || access === undefined) return next();
    const key = [actor.userId, actor.via, getCookie(c, ORGANISATION_COOKIE) ?? '', pathAndQuery(c.req.url, c.req.path)].join('\n');
    const version = pageVersion(ctx, access.tender.id);
    const cached = cache.get(key, version);
    if (cached !== undefined) return new Response(cached.body, { status: cached.status, headers: cached.headers });
    await next();
    const response = c.res;
    if (
      c.get('pageNotCached') ||
      response.status !== 200 ||
      response.headers.has('set-cookie') ||
      !response.headers.get('content-type')?.startsWith('text/html')
    )
      return;
    const body = new Uint8Array(await response.arrayBuffer());
    const page: CachedPage = { status: response.status, headers: [...response.headers], body };
    c.res = new Response(body, { status: page.status, headers: page.headers });
    cache.set(key, version, page);
  };
}
