/**
 * @module
 * Providers (schools), always filtered by organisation.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { providers } from '../../db/schema/index.js';

export type ProviderRow = typeof providers.$inferSelect;

export function createProviderQueries(orm: Orm) {
  return {
    listProvidersOf: (organisationIds: string[]): ProviderRow[] =>
      organisationIds.length === 0
        ? []
        : orm.select().from(providers).where(inArray(providers.organisationId, organisationIds)).orderBy(asc(providers.name), asc(providers.id)).all(),
    findProviderByKvk: (organisationId: string, kvk: string): ProviderRow | undefined =>
      orm
        .select()
        .from(providers)
        .where(and(eq(providers.organisationId, organisationId), eq(providers.kvk, kvk)))
        .get(),
    insertProvider: (row: ProviderRow): void => {
      orm.insert(providers).values(row).run();
    },
    findProvider: (id: string): ProviderRow | undefined => orm.select().from(providers).where(eq(providers.id, id)).get(),
    /** Every column but the id, the organisation and the time it was made. */
    updateProvider: (id: string, changes: Omit<ProviderRow, 'id' | 'organisationId' | 'createdAt'>): void => {
      orm.update(providers).set(changes).where(eq(providers.id, id)).run();
    },
  };
}

export type ProviderQueries = ReturnType<typeof createProviderQueries>;
