/**
 * @module
 * Organisations: creating one and adding a gemeente to a regio (platform administrator
 * only), and listing them for administrators: the platform administrator sees every
 * organisation, an organisation's admin the ones it administers (for its forms).
 */
import { writeTransaction } from '../../db/client.js';
import type { OrganisationKind } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { refuseOfficersOnRegionPanels } from '../panel/panel-seats.js';
import { administeredOrganisations } from '../users/user-access.js';

export type CreateOrganisationInput = { name: string; kind: OrganisationKind; memberIds?: string[] | undefined };

export type OrganisationView = { id: string; name: string; kind: OrganisationKind; memberIds: string[] };

/**
 * @example createOrganisation(ctx, { actor, input: { name: 'Regio Flevoland', kind: 'regio', memberIds: [almere.id] } })
 */
export function createOrganisation(ctx: AppContext, { actor, input }: { actor: Actor; input: CreateOrganisationInput }): OrganisationView {
  if (!actor.isPlatformAdmin) {
    throw new AppError('forbidden', { detail: 'Alleen de platformbeheerder mag organisaties aanmaken.' });
  }
  const memberIds = input.memberIds ?? [];
  return writeTransaction(ctx.db, () => {
    assertValidMembers(ctx, input.kind, memberIds);
    const organisation = { id: newId(), name: input.name, kind: input.kind, createdAt: ctx.clock().toISOString() };
    ctx.queries.organisations.insertOrganisation(organisation);
    ctx.queries.organisations.insertRegionMembers(organisation.id, memberIds);
    const view: OrganisationView = { id: organisation.id, name: organisation.name, kind: organisation.kind, memberIds };
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: organisation.id,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: organisation.id,
      change: { after: view },
    });
    return view;
  });
}

/** A regio lists existing gemeenten, each once; a gemeente lists none. */
function assertValidMembers(ctx: AppContext, kind: OrganisationKind, memberIds: string[]): void {
  if (kind === 'gemeente' && memberIds.length > 0) {
    throw new AppError('invalid-input', {
      errors: [{ path: 'memberIds', message: 'alleen een regio heeft deelnemende gemeenten' }],
    });
  }
  const found = new Map(ctx.queries.organisations.findOrganisations(memberIds).map((o) => [o.id, o]));
  const errors: FieldError[] = [];
  memberIds.forEach((id, index) => {
    const path = `memberIds[${index}]`;
    const organisation = found.get(id);
    if (memberIds.indexOf(id) !== index) errors.push({ path, message: 'listed twice' });
    else if (organisation === undefined) errors.push({ path, message: 'no such organisation' });
    else if (organisation.kind !== 'gemeente') errors.push({ path, message: 'een deelnemer moet een gemeente zijn' });
  });
  if (errors.length > 0) throw new AppError('invalid-input', { errors });
}

/**
 * The organisations the caller administers, by name, each regio with its members; 403 for a
 * caller who administers none.
 * @example listOrganisations(ctx, { actor: platformAdmin }) // [{ id, name: 'Gemeente Almere', kind: 'gemeente', memberIds: [] }, ...]
 */
export function listOrganisations(ctx: AppContext, { actor }: { actor: Actor }): OrganisationView[] {
  const scope = administeredOrganisations(actor);
  if (!scope.all && scope.ids.length === 0) throw new AppError('forbidden', { detail: 'Alleen een beheerder ziet de organisaties.' });
  const members = ctx.queries.organisations.listAllRegionMembers();
  const all = ctx.queries.organisations.listOrganisations();
  const shown = scope.all ? all : all.filter((o) => scope.ids.includes(o.id));
  return shown.map(({ id, name, kind }) => ({ id, name, kind, memberIds: members.get(id) ?? [] }));
}

/**
 * `POST /organisations/:id/members {memberId}` (platform administrator): a gemeente joins a
 * regio. Its users then count for the regio's tenders (api.md "Roles"); when that would make
 * a member of a regio tender's panel its inkoper or auditor before the award, 409
 * (panel-seats.ts).
 * @example addRegionMember(ctx, { actor, regionId: regio, memberId: kampen }) // { id: regio, kind: 'regio', memberIds: [zwolle, kampen], ... }
 */
export function addRegionMember(ctx: AppContext, { actor, regionId, memberId }: { actor: Actor; regionId: string; memberId: string }): OrganisationView {
  if (!actor.isPlatformAdmin) throw new AppError('forbidden', { detail: 'Alleen de platformbeheerder wijzigt de leden van een regio.' });
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.organisations;
    const region = q.findOrganisation(regionId);
    if (region === undefined) throw new AppError('not-found', { detail: 'Deze organisatie bestaat niet.' });
    if (region.kind !== 'regio') throw new AppError('conflict', { detail: `${region.name} is geen regio en heeft geen leden.` });
    const member = q.findOrganisation(memberId);
    if (member === undefined) throw new AppError('invalid-input', { errors: [{ path: 'memberId', message: 'deze organisatie bestaat niet' }] });
    if (member.kind !== 'gemeente')
      throw new AppError('invalid-input', {
        errors: [{ path: 'memberId', message: `${member.name} is geen gemeente; alleen een gemeente is lid van een regio` }],
      });
    const before = q.listRegionMemberIds(region.id);
    if (before.includes(member.id))
      throw new AppError('conflict', { detail: `${member.name} is al lid van ${region.name}.`, errors: [{ path: 'memberId', message: 'is al lid' }] });
    refuseOfficersOnRegionPanels(ctx, { region, member });
    q.insertRegionMembers(region.id, [member.id]);
    const memberIds = [...before, member.id];
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: region.id,
      action: 'organisation.members.add',
      entityType: 'organisation',
      entityId: region.id,
      change: { before: { memberIds: before }, after: { memberIds }, added: member.id },
    });
    return { id: region.id, name: region.name, kind: region.kind, memberIds };
  });
}
