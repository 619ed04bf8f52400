/**
 * @module
 * Tenancy for everything under `/api/v1/tenders/:id` and `/aanbestedingen/:id`. One
 * middleware loads the tender and the caller's roles for it before any validation or handler
 * runs, and answers 404 when the caller has no role for it. Scoping thus does not depend on
 * each new route remembering it; the tenancy tests walk every route and page to prove that.
 * `resolveTenderAccess` is the one place a caller's roles for a tender are decided: the
 * middleware, the tender list and report downloads all ask it.
 */
import { rolesInSentence } from '../../domain/vocabulary/roles.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import type { Actor, AppContext, AppEnv } from '../../http/types.js';
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
    c.set('tenderAccess', requireTenderAccess(ctx, c, id));
    return next();
  };
}

function requireTenderAccess(ctx: AppContext, c: Context<AppEnv>, id: string): TenderAccess {
  const access = resolveTenderAccess(ctx, requireActor(c), id);
  // Absent and not-yours answer alike: no existence leak.
  if (access === undefined) throw new AppError('not-found', { detail: `Aanbesteding ${id} bestaat niet of is niet van uw organisatie.` });
  return access;
}

/**
 * The caller's roles for a tender, or undefined when it has none (the caller must get 404).
 * The memberships that count for the tender's organisation (`rolesForOrganisation`) give the
 * roles, with two rules for blind scoring (issue 14, docs/access.md "Blind beoordelen"):
 * - someone with a row in the tender's panel, whatever its declaration, is a `beoordelaar`
 *   there and nothing more: an evaluator who also reads prices, the dossier or colleagues'
 *   scores through another membership would no longer score independently;
 * - `beoordelaar` counts only on the panel: a beoordelaar of the organisation that is not on
 *   this tender's panel has no business with it, so for it the tender does not exist.
 * @example resolveTenderAccess(ctx, actor, tenderId) // { tender, roles: Set { 'beoordelaar' } } for a member of the panel
 */
export function resolveTenderAccess(
  ctx: Pick<AppContext, 'queries'>,
  actor: Pick<Actor, 'userId' | 'memberships'>,
  tenderId: string,
): TenderAccess | undefined {
  const found = ctx.queries.tenders.findTenderWithOwnerKind(tenderId);
  if (found === undefined) return undefined;
  const roles = rolesForOrganisation(ctx, actor, { id: found.tender.organisationId, kind: found.ownerKind });
  if (roles.size === 0) return undefined;
  if (ctx.queries.panel.findMember(tenderId, actor.userId) !== undefined) return { tender: found.tender, roles: new Set<Role>(['beoordelaar']) };
  roles.delete('beoordelaar');
  return roles.size === 0 ? undefined : { tender: found.tender, roles };
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
 * @example requireTenderRole(access, ['inkoper'], 'de aanbesteding wijzigen') // 403 "Alleen een inkoper mag de aanbesteding wijzigen."
 */
export function requireTenderRole(access: TenderAccess, allowed: readonly Role[], what: string): void {
  if (!allowed.some((role) => access.roles.has(role))) {
    throw new AppError('forbidden', { detail: `Alleen ${rolesInSentence(allowed)} mag ${what}.` });
  }
}

declare module '../../http/types.js' {
  interface AppVariables {
    /** Set by `tenderScope` on every route under `/api/v1/tenders/:id` and every page of one tender. */
    tenderAccess?: TenderAccess;
  }
}
