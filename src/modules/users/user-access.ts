/**
 * @module
 * Who may see and manage which users: the one place for it, used by creating, listing and
 * reading users, disabling and enabling one, setting its roles and resetting its password, by
 * the API and the pages alike.
 *
 * - The platform administrator manages everyone.
 * - An organisation's `admin` adds users to the organisations it administers, and disables
 *   or enables a user only when it administers every organisation the user belongs to: an
 *   account serves all its memberships, so closing it must not be one organisation's call
 *   over another's. A platform administrator is managed only by another one.
 * - A caller that shares no organisation with the user hears 404, as for a user that does
 *   not exist (no existence leak); one that shares an organisation but is not admin of all
 *   of them hears 403.
 * - Reading: the platform administrator reads every user, a user itself, an admin the users
 *   of the organisations it administers, each with the memberships in those organisations
 *   only (that a colleague also works for another organisation is that organisation's
 *   business). Another member of a shared organisation hears 403, anyone else 404.
 */
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import type { Actor, AppContext, AppEnv, Membership } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';

/**
 * The platform administrator may name any existing organisation; an org admin only those
 * it administers. For a non-platform caller an organisation it does not belong to is "not
 * found", whether or not it exists.
 */
export function assertMayCreateUsers(ctx: Pick<AppContext, 'queries'>, actor: Actor, memberships: Membership[]): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const existing = new Set(ctx.queries.organisations.findOrganisations(memberships.map((m) => m.organisationId)).map((o) => o.id));
  memberships.forEach(({ organisationId }, index) => {
    const path = `memberships[${index}].organisationId`;
    if (seen.has(organisationId)) errors.push({ path, message: 'one membership per organisation' });
    seen.add(organisationId);
    if (actor.isPlatformAdmin) {
      if (!existing.has(organisationId)) errors.push({ path, message: 'no such organisation' });
      return;
    }
    const role = roleIn(actor, organisationId);
    if (role === undefined || !existing.has(organisationId))
      throw new AppError('not-found', { detail: 'Deze organisatie bestaat niet of u bent er geen lid van.' });
    if (role !== 'admin') throw new AppError('forbidden', { detail: 'Alleen een beheerder van de organisatie mag er gebruikers aan toevoegen.' });
  });
  if (!actor.isPlatformAdmin && memberships.length === 0) throw new AppError('forbidden');
  if (errors.length > 0) throw new AppError('invalid-input', { errors });
}

/**
 * Throws unless `actor` may disable or enable `user` (see the module comment).
 * @example assertMayManageUser(actor, { isPlatformAdmin: false, memberships: [{ organisationId: almere, role: 'inkoper' }] })
 */
export function assertMayManageUser(actor: Actor, user: { isPlatformAdmin: boolean; memberships: Membership[] }): void {
  if (actor.isPlatformAdmin) return;
  const shared = user.memberships.some((m) => roleIn(actor, m.organisationId) !== undefined);
  if (!shared) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
  const adminOfAll = user.memberships.every((m) => roleIn(actor, m.organisationId) === 'admin');
  if (user.isPlatformAdmin || !adminOfAll) {
    throw new AppError('forbidden', {
      detail: 'Alleen een beheerder van alle organisaties van deze gebruiker, of de platformbeheerder, kan dit account beheren.',
    });
  }
}

/** What the caller sees of a user it may read, and whether it may manage the account. */
export type UserStanding = {
  /** The memberships shown to the caller: all of them for the platform administrator and the user itself. */
  visibleMemberships: Membership[];
  /** May disable, enable, set roles and reset the password (`assertMayManageUser`); never of oneself. */
  mayManage: boolean;
};

/**
 * The caller's standing towards `user`, or undefined when the user is, for it, not there
 * (404). Throws 403 for another member of a shared organisation that administers none of them.
 * @example standingTowards(orgAdmin, user) // { visibleMemberships: [{ organisationId: almere, role: 'inkoper' }], mayManage: true }
 */
export function standingTowards(actor: Actor, user: { id: string; isPlatformAdmin: boolean; memberships: Membership[] }): UserStanding | undefined {
  const self = user.id === actor.userId;
  const manages = (): boolean => {
    try {
      assertMayManageUser(actor, user);
      return !self;
    } catch (error) {
      if (error instanceof AppError) return false;
      throw error;
    }
  };
  if (actor.isPlatformAdmin || self) return { visibleMemberships: [...user.memberships], mayManage: manages() };
  const shared = user.memberships.filter((m) => roleIn(actor, m.organisationId) !== undefined);
  if (shared.length === 0) return undefined;
  const administered = shared.filter((m) => roleIn(actor, m.organisationId) === 'admin');
  if (administered.length === 0) throw new AppError('forbidden', { detail: 'Alleen een beheerder van de organisatie ziet haar gebruikers.' });
  return { visibleMemberships: administered, mayManage: manages() };
}

/** The organisations the caller administers; every organisation for the platform administrator (`all`). */
export function administeredOrganisations(actor: Actor): { all: true } | { all: false; ids: string[] } {
  if (actor.isPlatformAdmin) return { all: true };
  return { all: false, ids: actor.memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId) };
}

/**
 * For `/api/v1/users/:id` and below, before any body is validated: a user the caller may not
 * know of is 404 whatever the request says, as `tenderScope` does for tenders.
 */
export function userScope(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id !== undefined) {
      const user = ctx.queries.users.findAccount(id);
      if (user === undefined || isUnknownTo(requireActor(c), user)) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
    }
    return next();
  };
}

/** Only "not there" is decided before validation; a 403 is the service's to give, with its own reason. */
function isUnknownTo(actor: Actor, user: { id: string; isPlatformAdmin: boolean; memberships: Membership[] }): boolean {
  try {
    return standingTowards(actor, user) === undefined;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

function roleIn(actor: Actor, organisationId: string): Role | undefined {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role;
}
