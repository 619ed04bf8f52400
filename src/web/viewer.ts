/**
 * @module
 * Who is looking at a page and for which organisation. A user with several memberships
 * picks one in the header; the choice is kept in the `gw_org` cookie. A cookie, not the
 * session row: it is a view preference, not an access decision. Every service still decides
 * access from all the user's memberships, and a cookie naming an organisation the user does
 * not belong to is ignored, so forging it gains nothing.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../db/schema/index.js';
import { requireActor } from '../http/authenticate.js';
import type { Actor, AppContext, AppEnv } from '../http/types.js';
import { COMPARISON_READERS } from '../modules/regions/comparison-access.js';

export const ORGANISATION_COOKIE = 'gw_org';

export type OrganisationChoice = { id: string; name: string; kind: string; role: Role };

export type Viewer = {
  actor: Actor;
  organisations: OrganisationChoice[];
  /** The organisation the pages work for; undefined for a user without memberships (the platform administrator). */
  current: OrganisationChoice | undefined;
  /** The regios whose comparison the current organisation may read (itself, or the regios it is a member of); for the navigation. */
  regions: { id: string; name: string }[];
};

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'beheerder',
  inkoper: 'inkoper',
  beoordelaar: 'beoordelaar',
  auditor: 'auditor',
};

/** The caller of a page; throws `unauthenticated`, which the page error handler turns into the login page. */
export function viewerOf(ctx: AppContext, c: Context<AppEnv>): Viewer {
  return viewerFor(ctx, requireActor(c), getCookie(c, ORGANISATION_COOKIE));
}

/** The viewer of `actor` working for `chosen` (an organisation id from the cookie; ignored unless the actor belongs to it). */
export function viewerFor(ctx: AppContext, actor: Actor, chosen: string | undefined): Viewer {
  // Names only, of the caller's own organisations: nothing to check beyond the membership itself.
  const found = new Map(ctx.queries.organisations.findOrganisations(actor.memberships.map((m) => m.organisationId)).map((o) => [o.id, o]));
  const organisations = actor.memberships.map((m) => ({
    id: m.organisationId,
    name: found.get(m.organisationId)?.name ?? m.organisationId,
    kind: found.get(m.organisationId)?.kind ?? 'gemeente',
    role: m.role,
  }));
  // Memberships come in no particular order: by name, so the default choice (the first) is stable.
  organisations.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const current = organisations.find((o) => o.id === chosen) ?? organisations[0];
  return { actor, organisations, current, regions: comparisonRegionsOf(ctx, current) };
}

function comparisonRegionsOf(ctx: AppContext, current: OrganisationChoice | undefined): { id: string; name: string }[] {
  if (current === undefined || !COMPARISON_READERS.includes(current.role)) return [];
  if (current.kind === 'regio') return [{ id: current.id, name: current.name }];
  return ctx.queries.organisations
    .findOrganisations(ctx.queries.tenders.listRegionsOfMember(current.id))
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Whether the viewer administers anything: the platform administrator, or an admin of some organisation (the admin pages). */
export function isAdministrator(viewer: Viewer): boolean {
  return viewer.actor.isPlatformAdmin || viewer.actor.memberships.some((m) => m.role === 'admin');
}

/** The actor seen through one membership: lists and new tenders follow the chosen organisation. */
export function actorFor(viewer: Viewer): Actor {
  const { actor, current } = viewer;
  if (current === undefined) return actor;
  return { ...actor, memberships: actor.memberships.filter((m) => m.organisationId === current.id) };
}

export function rememberOrganisation(c: Context<AppEnv>, organisationId: string, secure: boolean): void {
  setCookie(c, ORGANISATION_COOKIE, organisationId, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}
