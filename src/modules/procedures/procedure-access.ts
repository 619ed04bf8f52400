/**
 * @module
 * Tenancy for everything under `/api/v1/procedures/:id` (issue 21). A procedure is a set of
 * lots, each a tender, so its access is derived from its lots' tender access, the one place
 * those rules live (`resolveTenderAccess`): a caller sees a procedure when it may see every
 * lot's tender, and holds a role for the procedure when it holds that role on every lot. A
 * beoordelaar on the panel of one lot only, or a caller of another organisation, gets 404:
 * the procedure would otherwise tell it of lots it may not see (docs/procedures.md, "In the
 * server").
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.js';
import { rolesInSentence } from '../../domain/vocabulary/roles.js';
import { requireActor } from '../../http/authenticate.js';
import type { Actor, AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { resolveTenderAccess, type TenderAccess } from '../tenders/tender-access.js';
import type { LotRow, ProcedureRow } from './procedures.queries.js';

export type LotAccess = { lot: LotRow; access: TenderAccess };
export type ProcedureAccess = { procedure: ProcedureRow; lots: LotAccess[]; roles: ReadonlySet<Role> };

/** `POST /api/v1/procedures/import` shares the path shape but names no procedure. */
const NOT_A_PROCEDURE_ID = new Set(['import']);

/**
 * The caller's access to a procedure, or undefined when it may not see it (the caller must get 404).
 * @example resolveProcedureAccess(ctx, actor, id)?.roles // Set { 'inkoper' } for an inkoper of its organisation
 */
export function resolveProcedureAccess(
  ctx: Pick<AppContext, 'queries'>,
  actor: Pick<Actor, 'userId' | 'memberships'>,
  procedureId: string,
): ProcedureAccess | undefined {
  const procedure = ctx.queries.procedures.findProcedure(procedureId);
  if (procedure === undefined) return undefined;
  const lots: LotAccess[] = [];
  for (const lot of ctx.queries.procedures.listLots(procedureId)) {
    const access = resolveTenderAccess(ctx, actor, lot.tenderId);
    if (access === undefined) return undefined;
    lots.push({ lot, access });
  }
  // Never without lots (a lot's tender cannot be deleted); an empty one would be visible to nobody.
  if (lots.length === 0) return undefined;
  const roles = new Set<Role>([...(lots[0] as LotAccess).access.roles].filter((role) => lots.every((l) => l.access.roles.has(role))));
  return { procedure, lots, roles };
}

export function procedureScope(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id === undefined || (NOT_A_PROCEDURE_ID.has(id) && c.req.method === 'POST')) return next();
    c.set('procedureAccess', requireProcedureAccess(ctx, requireActor(c), id));
    return next();
  };
}

/** Absent and not-yours answer alike: no existence leak. */
export function requireProcedureAccess(ctx: Pick<AppContext, 'queries'>, actor: Pick<Actor, 'userId' | 'memberships'>, id: string): ProcedureAccess {
  const access = resolveProcedureAccess(ctx, actor, id);
  if (access === undefined) throw new AppError('not-found', { detail: `Procedure ${id} bestaat niet of is niet van uw organisatie.` });
  return access;
}

/** The access `procedureScope` established, for a handler under `/api/v1/procedures/:id`. */
export function procedureAccessOf(c: Context<AppEnv>): ProcedureAccess {
  const access = c.get('procedureAccess');
  if (access === undefined) throw new Error('route is not under procedureScope');
  return access;
}

/**
 * 403 unless the caller holds one of `allowed` on every lot of the procedure.
 * @example requireProcedureRole(access, ['inkoper'], 'de gunningsbeperking wijzigen') // 403 "Alleen een inkoper mag de gunningsbeperking wijzigen."
 */
export function requireProcedureRole(access: ProcedureAccess, allowed: readonly Role[], what: string): void {
  if (!allowed.some((role) => access.roles.has(role))) {
    throw new AppError('forbidden', { detail: `Alleen ${rolesInSentence(allowed)} mag ${what}.` });
  }
}

declare module '../../http/types.js' {
  interface AppVariables {
    /** Set by `procedureScope` on every route under `/api/v1/procedures/:id`. */
    procedureAccess?: ProcedureAccess;
  }
}
