/**
 * @module
 * The other side of the seating rule (docs/access.md "Seating on the panel"): who acts on a
 * tender as inkoper or auditor is not seated on its panel, so a member of a panel is not made
 * inkoper or auditor for that tender either while it is not yet awarded. Two changes could do
 * it: new roles for the user (`PUT /users/:id/memberships`), and its gemeente joining the regio
 * that owns the tender (`POST /organisations/:id/members`). Both are refused with 409 naming the
 * person, the role and the tender, as seating is.
 *
 * `resolveTenderAccess` would keep such a member a beoordelaar on that tender anyway; the
 * refusal is for the people involved: an inkoper who cannot run one of its organisation's
 * tenders, or an evaluator who would read the prices of the others, is a mistake to be told
 * about, not a state to discover later. After the award the panel's work is done, and roles
 * may change (the panel rule of `resolveTenderAccess` still holds on that tender).
 */
import type { AppContext, Membership } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { countingMemberships } from '../organisations/organisation-access.js';
import type { OrganisationRow } from '../organisations/organisations.queries.js';
import { namesNl, PANEL_READERS } from './panel-access.js';

const WHY = 'wie de aanbesteding als inkoper of auditor volgt, ziet prijzen en scores en kan niet blind beoordelen';

const key = (m: Membership) => `${m.organisationId}\u0000${m.role}`;

/**
 * 409 when `next` gives the user an inkoper or auditor role that counts for a tender, not yet
 * awarded, on whose panel it sits (whatever its declaration), and `current` did not.
 * @example refuseOfficerRolesOnPanel(ctx, { user, current, next: [{ organisationId: almere, role: 'inkoper' }] })
 */
export function refuseOfficerRolesOnPanel(
  ctx: Pick<AppContext, 'queries'>,
  { user, current, next }: { user: { id: string; name: string }; current: readonly Membership[]; next: readonly Membership[] },
): void {
  const seats = ctx.queries.panel.listOpenSeatsOfUsers([user.id]);
  if (seats.length === 0) return;
  const owners = new Map(ctx.queries.organisations.findOrganisations([...new Set(seats.map((s) => s.organisationId))]).map((o) => [o.id, o]));
  const names = new Map(ctx.queries.organisations.findOrganisations(next.map((m) => m.organisationId)).map((o) => [o.id, o.name]));
  const reasons: string[] = [];
  const errors: FieldError[] = [];
  for (const seat of seats) {
    const owner = owners.get(seat.organisationId);
    if (owner === undefined) continue;
    const before = new Set(countingMemberships(ctx, { memberships: [...current] }, owner).map(key));
    const granted = countingMemberships(ctx, { memberships: [...next] }, owner).filter((m) => PANEL_READERS.includes(m.role) && !before.has(key(m)));
    if (granted.length === 0) continue;
    const roles = namesNl(granted.map((m) => ({ name: `${m.role} bij ${names.get(m.organisationId) ?? m.organisationId}` })));
    reasons.push(
      `${user.name} zit in het beoordelingspanel van ${seat.reference} (${seat.title}) en kan daarom geen ${roles} worden zolang die aanbesteding niet is gegund`,
    );
    for (const m of granted) {
      const index = next.findIndex((n) => key(n) === key(m));
      const path = `memberships[${index}].role`;
      if (!errors.some((e) => e.path === path))
        errors.push({ path, message: `${user.name} zit in het beoordelingspanel van ${seat.reference}; ${m.role} kan pas na de gunning` });
    }
  }
  if (reasons.length > 0) throw new AppError('conflict', { detail: `${reasons.join('; ')}: ${WHY}.`, errors });
}

/**
 * 409 when `member` joining `region` would make one of its inkopers or auditors count for a
 * tender of the regio, not yet awarded, on whose panel that person sits.
 * @example refuseOfficersOnRegionPanels(ctx, { region, member })
 */
export function refuseOfficersOnRegionPanels(
  ctx: Pick<AppContext, 'queries'>,
  { region, member }: { region: Pick<OrganisationRow, 'id' | 'name'>; member: Pick<OrganisationRow, 'id' | 'name'> },
): void {
  const seats = ctx.queries.panel.listOpenSeatsOnTendersOf(region.id);
  if (seats.length === 0) return;
  const officers = ctx.queries.users.listMembersWithRole([member.id], PANEL_READERS, { activeOnly: false });
  const blocked = seats.flatMap((seat) => officers.filter((o) => o.userId === seat.userId).map((o) => ({ seat, officer: o })));
  if (blocked.length === 0) return;
  const reasons = blocked.map(
    ({ seat, officer }) =>
      `${officer.name} is ${officer.role} bij ${member.name} en zit in het beoordelingspanel van ${seat.reference} (${seat.title}) van ${region.name}`,
  );
  throw new AppError('conflict', {
    detail: `${member.name} kan pas lid worden van ${region.name} als die aanbestedingen gegund zijn: ${reasons.join('; ')}; ${WHY}.`,
    errors: [{ path: 'memberId', message: `${reasons.join('; ')}` }],
  });
}
