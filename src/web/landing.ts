/**
 * @module
 * Where a user lands after logging in (without a page to go back to) and at `/`: the tenders,
 * except for an administrator who has none to look at, who lands on the admin pages instead
 * of an empty list (issue 15). The platform administrator belongs to no organisation and never
 * has tenders of its own.
 */
import type { AppContext } from '../http/types.js';
import { listTenders } from '../modules/tenders/tenders.service.js';
import { actorFor, type Viewer } from './viewer.js';

export const TENDERS_PAGE = '/aanbestedingen';
export const ADMIN_PAGE = '/beheer';

/** @example landingPath(ctx, viewerFor(ctx, actor, undefined)) // '/beheer' for the platform administrator */
export function landingPath(ctx: AppContext, viewer: Viewer): string {
  const administers = viewer.current === undefined ? viewer.actor.isPlatformAdmin : viewer.current.role === 'admin';
  if (!administers) return TENDERS_PAGE;
  return listTenders(ctx, { actor: actorFor(viewer) }).length === 0 ? ADMIN_PAGE : TENDERS_PAGE;
}
