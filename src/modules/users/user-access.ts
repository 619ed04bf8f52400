/**
 * @module
 * Who may manage which users: the one place for it, used by creating a user and by
 * disabling and enabling one.
 *
 * - The platform administrator manages everyone.
 * - An organisation's `admin` adds users to the organisations it administers, and disables
 *   or enables a user only when it administers every organisation the user belongs to: an
 *   account serves all its memberships, so closing it must not be one organisation's call
 *   over another's. A platform administrator is managed only by another one.
 * - A caller that shares no organisation with the user hears 404, as for a user that does
 *   not exist (no existence leak); one that shares an organisation but is not admin of all
 *   of them hears 403.
 */
import type { Role } from '../../db/schema/index.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
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
    if (role === undefined || !existing.has(organisationId)) throw new AppError('not-found', { detail: 'organisation not found' });
    if (role !== 'admin') throw new AppError('forbidden', { detail: 'only an admin of the organisation adds its users' });
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
      detail: 'Alleen een beheerder van alle organisaties van deze gebruiker, of de platformbeheerder, kan dit account blokkeren of vrijgeven.',
    });
  }
}

function roleIn(actor: Actor, organisationId: string): Role | undefined {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role;
}
