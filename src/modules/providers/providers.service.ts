/**
 * @module
 * Providers (schools) per organisation, for its inkopers.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { addressOf, type ProviderAddress } from '../../domain/provider/provider-address.js';
import type { ProviderRow } from './providers.queries.js';
import { resolveProviderAccess } from './provider-access.js';

export type ProviderView = { id: string; organisationId: string; name: string; kvk: string; keurmerk: boolean } & ProviderAddress;
export type CreateProviderInput = { organisationId?: string | undefined; name: string; kvk: string; keurmerk: boolean } & ProviderAddress;

/** The organisations where the actor is an inkoper. */
function inkoperOrganisations(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'inkoper').map((m) => m.organisationId);
}

/** The providers of every organisation the caller is an inkoper of. */
export function listProviders(ctx: AppContext, { actor }: { actor: Actor }): ProviderView[] {
  const organisationIds = inkoperOrganisations(actor);
  if (organisationIds.length === 0) throw new AppError('forbidden', { detail: 'only an inkoper lists providers' });
  return ctx.queries.providers.listProvidersOf(organisationIds).map(toView);
}

/** The register's columns of a school as entered: a left-out address field is stored as absent. */
function registerFields(input: { name: string; kvk: string; keurmerk: boolean } & ProviderAddress) {
  return {
    name: input.name,
    kvk: input.kvk,
    keurmerk: input.keurmerk,
    street: input.street ?? null,
    postcode: input.postcode ?? null,
    place: input.place ?? null,
    contactPerson: input.contactPerson ?? null,
    email: input.email ?? null,
  };
}

/** One school per KvK number in an organisation's register. */
const kvkTaken = (kvk: string) =>
  new AppError('conflict', {
    detail: `Er staat al een inschrijver met KvK-nummer ${kvk} in het register van deze organisatie.`,
    errors: [{ path: 'kvk', message: 'dit KvK-nummer staat al in het register' }],
  });

/**
 * Adds a provider to one of the caller's organisations: `organisationId` may be left out
 * by an inkoper of exactly one organisation.
 */
export function createProvider(ctx: AppContext, { actor, input }: { actor: Actor; input: CreateProviderInput }): ProviderView {
  const organisationIds = inkoperOrganisations(actor);
  if (organisationIds.length === 0) throw new AppError('forbidden', { detail: 'only an inkoper adds providers' });
  const organisationId = input.organisationId ?? (organisationIds.length === 1 ? organisationIds[0] : undefined);
  if (organisationId === undefined) {
    throw new AppError('invalid-input', {
      errors: [{ path: 'organisationId', message: 'verplicht: u bent inkoper bij meer dan één organisatie' }],
    });
  }
  if (!organisationIds.includes(organisationId)) {
    // Not one of yours: the same answer whether or not it exists.
    if (actor.memberships.some((m) => m.organisationId === organisationId)) throw new AppError('forbidden');
    throw new AppError('not-found', { detail: 'Deze organisatie bestaat niet of u bent er geen lid van.' });
  }
  return writeTransaction(ctx.db, () => {
    if (ctx.queries.providers.findProviderByKvk(organisationId, input.kvk) !== undefined) {
      throw kvkTaken(input.kvk);
    }
    const row: ProviderRow = {
      id: newId(),
      organisationId,
      ...registerFields(input),
      createdAt: ctx.clock().toISOString(),
    };
    ctx.queries.providers.insertProvider(row);
    const view = toView(row);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'provider.create',
      entityType: 'provider',
      entityId: row.id,
      change: { after: view },
    });
    return view;
  });
}

export type UpdateProviderInput = { name: string; kvk: string; keurmerk: boolean } & ProviderAddress;

/**
 * Replaces a school's fields (PUT): an address field left out is removed. The register's
 * schools are not the bids' `provider` objects: a bid keeps the school as it was entered.
 */
export function updateProvider(ctx: AppContext, { actor, providerId, input }: { actor: Actor; providerId: string; input: UpdateProviderInput }): ProviderView {
  return writeTransaction(ctx.db, () => {
    const current = resolveProviderAccess(ctx, actor, providerId);
    const sameKvk = ctx.queries.providers.findProviderByKvk(current.organisationId, input.kvk);
    if (sameKvk !== undefined && sameKvk.id !== current.id) {
      throw kvkTaken(input.kvk);
    }
    const changes = registerFields(input);
    ctx.queries.providers.updateProvider(current.id, changes);
    const before = toView(current);
    const after = toView({ ...current, ...changes });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: current.organisationId,
      action: 'provider.update',
      entityType: 'provider',
      entityId: current.id,
      change: { before, after },
    });
    return after;
  });
}

function toView(row: ProviderRow): ProviderView {
  const address = addressOf({
    street: row.street ?? undefined,
    postcode: row.postcode ?? undefined,
    place: row.place ?? undefined,
    contactPerson: row.contactPerson ?? undefined,
    email: row.email ?? undefined,
  });
  return { id: row.id, organisationId: row.organisationId, name: row.name, kvk: row.kvk, keurmerk: row.keurmerk, ...address };
}
