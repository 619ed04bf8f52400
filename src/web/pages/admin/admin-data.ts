/**
 * @module
 * What the admin pages show around the services' answers: organisation names, role names and
 * how a user's roles read in Dutch. Names come from the organisations the services already
 * showed the caller (`listOrganisations`) and its own; nothing here decides who sees what.
 */
import { ROLES, type Role } from '../../../db/schema/index.js';
import type { AppContext, Membership } from '../../../http/types.js';
import { listOrganisations, type OrganisationView } from '../../../modules/organisations/organisations.service.js';
import type { UserSummary } from '../../../modules/users/user-directory.service.js';
import { formatInstantDate } from '../../format.js';
import { isAdministrator, ROLE_NAMES, type Viewer } from '../../viewer.js';

/** The organisations the viewer administers (every one for the platform administrator), by name. */
export function administeredOrganisations(ctx: AppContext, viewer: Viewer): OrganisationView[] {
  return isAdministrator(viewer) ? listOrganisations(ctx, { actor: viewer.actor }) : [];
}

/** Organisation id -> name, of the administered organisations and the viewer's own. */
export function organisationNames(viewer: Viewer, administered: readonly OrganisationView[]): Map<string, string> {
  return new Map([...viewer.organisations.map((o) => [o.id, o.name] as const), ...administered.map((o) => [o.id, o.name] as const)]);
}

/** "inkoper bij Gemeente Almere, auditor bij Regio Flevoland", or "geen rol". */
export function rolesText(memberships: readonly Membership[], names: ReadonlyMap<string, string>): string {
  if (memberships.length === 0) return 'geen rol';
  return memberships
    .map((m) => `${ROLE_NAMES[m.role]} bij ${names.get(m.organisationId) ?? m.organisationId}`)
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .join(', ');
}

export function statusText(user: Pick<UserSummary, 'disabledAt' | 'isPlatformAdmin'>): string {
  const status = user.disabledAt === null ? 'actief' : `geblokkeerd sinds ${formatInstantDate(user.disabledAt)}`;
  return user.isPlatformAdmin ? `${status} (platformbeheerder)` : status;
}

/** The role options of a form, by their Dutch names. */
export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }));

/** "gemeente", "regio". */
export const KIND_NAMES: Record<OrganisationView['kind'], string> = { gemeente: 'gemeente', regio: 'regio' };
