/**
 * @module
 * Creating organisations (platform administrator only).
 */
import { writeTransaction } from '../../db/client.js';
import type { OrganisationKind } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';

export type CreateOrganisationInput = { name: string; kind: OrganisationKind; memberIds?: string[] | undefined };

export type OrganisationView = { id: string; name: string; kind: OrganisationKind; memberIds: string[] };

/**
 * @example createOrganisation(ctx, { actor, input: { name: 'Regio Flevoland', kind: 'regio', memberIds: [almere.id] } })
 */
export function createOrganisation(
  ctx: AppContext,
  { actor, input }: { actor: Actor; input: CreateOrganisationInput },
): OrganisationView {
  if (!actor.isPlatformAdmin) {
    throw new AppError('forbidden', { detail: 'only the platform administrator creates organisations' });
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
      errors: [{ path: 'memberIds', message: 'only a regio has member gemeenten' }],
    });
  }
  const found = new Map(ctx.queries.organisations.findOrganisations(memberIds).map((o) => [o.id, o]));
  const errors: FieldError[] = [];
  memberIds.forEach((id, index) => {
    const path = `memberIds[${index}]`;
    const organisation = found.get(id);
    if (memberIds.indexOf(id) !== index) errors.push({ path, message: 'listed twice' });
    else if (organisation === undefined) errors.push({ path, message: 'no such organisation' });
    else if (organisation.kind !== 'gemeente') errors.push({ path, message: 'a member must be a gemeente' });
  });
  if (errors.length > 0) throw new AppError('invalid-input', { errors });
}
