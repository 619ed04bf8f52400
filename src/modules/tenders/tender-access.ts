/**
 * @module
 * Tenancy for everything under `/api/v1/tenders/:id`. One middleware loads the tender and
 * the caller's roles for it before any validation or handler runs, and answers 404 when the
 * caller is no member of the tender's organisation (or, for a regio's tender, of one of its
 * member gemeenten). Scoping thus does not depend on each new route remembering it; the
 * tenancy test walks every route to prove that.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { rolesForOrganisation } from '../organisations/organisation-access.js';
import type { TenderHead, TenderRow } from './tenders.queries.js';

export type TenderAccess = { tender: TenderHead; roles: ReadonlySet<Role> };

/** `POST /api/v1/tenders/import` shares the path shape but names no tender. */
const NOT_A_TENDER_ID = new Set(['import']);

export function tenderScope(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id === undefined || (NOT_A_TENDER_ID.has(id) && c.req.method === 'POST')) return next();
    c.set('tenderAccess', resolveTenderAccess(ctx, c, id));
    return next();
  };
}

function resolveTenderAccess(ctx: AppContext, c: Context<AppEnv>, id: string): TenderAccess {
  const actor = requireActor(c);
  const found = ctx.queries.tenders.findTenderWithOwnerKind(id);
  const roles = found ? rolesForOrganisation(ctx, actor, { id: found.tender.organisationId, kind: found.ownerKind }) : new Set<Role>();
  // Absent and not-yours answer alike: no existence leak.
  if (found === undefined || roles.size === 0) throw new AppError('not-found', { detail: `tender ${id} not found` });
  return { tender: found.tender, roles };
}

/** The whole row of the scoped tender, for the few handlers that need more than its head. */
export function tenderRowOf(ctx: AppContext, access: TenderAccess): TenderRow {
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) throw new AppError('not-found');
  return tender;
}

/** The access `tenderScope` established, for a handler under `/api/v1/tenders/:id`. */
export function tenderAccessOf(c: Context<AppEnv>): TenderAccess {
  const access = c.get('tenderAccess');
  if (access === undefined) throw new Error('route is not under tenderScope');
  return access;
}

/**
 * 403 unless the caller holds one of `allowed` for the tender.
 * @example requireTenderRole(access, ['inkoper'], 'change the tender')
 */
export function requireTenderRole(access: TenderAccess, allowed: readonly Role[], what: string): void {
  if (!allowed.some((role) => access.roles.has(role))) {
    throw new AppError('forbidden', { detail: `only ${allowed.join(' or ')} may ${what}` });
  }
}
