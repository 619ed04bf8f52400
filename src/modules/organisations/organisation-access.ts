/**
 * @module
 * Who counts as a member of an organisation (api.md "Roles"): its own users and, for a
 * regio, the users of its member gemeenten. Every access decision about an organisation's
 * data starts here, so that rule lives in one place.
 */
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import type { Actor, AppContext, AppEnv, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { OrganisationRow } from './organisations.queries.js';

/**
 * The memberships of the actor (or any user) that count for `organisation`: its own, and for
 * a regio also those in its member gemeenten.
 * @example countingMemberships(ctx, actor, regio) // [{ organisationId: 'almere', role: 'inkoper' }]
 */
export function countingMemberships(
  ctx: Pick<AppContext, 'queries'>,
  actor: Pick<Actor, 'memberships'>,
  organisation: Pick<OrganisationRow, 'id' | 'kind'>,
): Membership[] {
  if (actor.memberships.length === 0) return [];
  const counting = new Set([organisation.id]);
  if (organisation.kind === 'regio') {
    for (const memberId of ctx.queries.organisations.listRegionMemberIds(organisation.id)) counting.add(memberId);
  }
  return actor.memberships.filter((membership) => counting.has(membership.organisationId));
}

/**
 * The roles the actor (or any user, by its memberships) holds that count for `organisation`.
 * @example rolesForOrganisation(ctx, actor, regio) // Set { 'inkoper' } for an inkoper of a member gemeente
 */
export function rolesForOrganisation(
  ctx: Pick<AppContext, 'queries'>,
  actor: Pick<Actor, 'memberships'>,
  organisation: Pick<OrganisationRow, 'id' | 'kind'>,
): Set<Role> {
  return new Set(countingMemberships(ctx, actor, organisation).map((membership) => membership.role));
}

/**
 * For `/api/v1/organisations/:id` and below, before any body is validated: an organisation
 * is 404 unless the caller is the platform administrator or one of its own members, as for a
 * tender that is not yours; what a member may do there is the service's to decide (403).
 */
export function organisationScope(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id !== undefined) {
      const actor = requireActor(c);
      const known = actor.isPlatformAdmin || actor.memberships.some((m) => m.organisationId === id);
      if (!known || ctx.queries.organisations.findOrganisation(id) === undefined) {
        throw new AppError('not-found', { detail: 'Deze organisatie bestaat niet.' });
      }
    }
    return next();
  };
}
