/**
 * @module
 * Where the pages live: one list, from which the app tells a page request from an API
 * request (`mount-pages.ts`) and the pages' app puts its guards in front of every page
 * (`web.routes.ts`). A path in neither is the API's.
 */

/** Pages at exactly one path. */
export const PAGE_ROOTS = ['/', '/inloggen', '/uitloggen', '/organisatie', '/nieuwe-aanbesteding', '/nieuwe-procedure'] as const;

/** Areas of pages: the area's own path and every path under it. */
export const PAGE_AREAS = ['/aanbestedingen', '/voorbeelden', '/rapporten', '/regio', '/beheer', '/mijn-account', '/procedures'] as const;

/** The pages' style sheets, scripts and fonts: pages' paths, served to anyone, without the guards. */
export const STATIC_AREA = '/static';

const roots = new Set<string>(PAGE_ROOTS);
const areas = [...PAGE_AREAS, STATIC_AREA];

export function isPagePath(path: string): boolean {
  return roots.has(path) || areas.some((area) => path === area || path.startsWith(`${area}/`));
}
