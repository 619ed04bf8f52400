/**
 * One list of where the pages live (src/web/page-paths.ts): every page route of the pages'
 * app lies there, so none is unreachable behind the API, and no API path is taken for a page.
 */
import { describe, expect, it } from 'vitest';
import { isPagePath, PAGE_AREAS, PAGE_ROOTS } from '../../src/web/page-paths.js';
import { webRoutes } from '../../src/web/web.routes.js';
import { createTestApp } from '../helpers/test-app.js';

describe('page paths', () => {
  it('holds every page route of the pages app, and the guards stand before each', () => {
    const app = createTestApp();
    const routes = webRoutes(app.ctx).routes;
    app.close();
    const pages = routes.filter((route) => route.method !== 'ALL').map((route) => route.path);
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.filter((path) => !isPagePath(path.replace(/:[^/]+/g, 'x')))).toEqual([]);
    // The guards (body limit, cross-site check, authentication) are middleware on each root and area.
    const guarded = new Set(routes.filter((route) => route.method === 'ALL').map((route) => route.path));
    for (const root of PAGE_ROOTS) expect(guarded.has(root)).toBe(true);
    for (const area of PAGE_AREAS) expect(guarded.has(`${area}/*`)).toBe(true);
  });

  it('tells pages from the API and the static files', () => {
    expect(['/', '/inloggen', '/aanbestedingen', '/aanbestedingen/t1/uitslag', '/regio/r1', '/procedures/p1/panel', '/static/app.css'].map(isPagePath)).toEqual(
      [true, true, true, true, true, true, true],
    );
    expect(['/api/v1/tenders', '/health', '/openapi.json', '/inloggen/x', '/aanbestedingenx', '/staticx'].map(isPagePath)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
