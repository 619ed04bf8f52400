/**
 * @module
 * Organisations and regio membership.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { organisations, regionMembers } from '../../db/schema/index.js';

export type OrganisationRow = typeof organisations.$inferSelect;

export function createOrganisationQueries(orm: Orm) {
  const byId = orm
    .select()
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder('id')))
    .prepare();
  const membersOfRegion = orm
    .select({ memberId: regionMembers.memberId })
    .from(regionMembers)
    .where(eq(regionMembers.regionId, sql.placeholder('regionId')))
    .prepare();

  return {
    findOrganisation: (id: string): OrganisationRow | undefined => byId.get({ id }),
    findOrganisations: (ids: string[]): OrganisationRow[] =>
      ids.length === 0 ? [] : orm.select().from(organisations).where(inArray(organisations.id, ids)).all(),
    /** Every organisation, by name. */
    listOrganisations: (): OrganisationRow[] => orm.select().from(organisations).orderBy(asc(organisations.name), asc(organisations.id)).all(),
    /** Every regio's member gemeenten, by regio id. */
    listAllRegionMembers: (): Map<string, string[]> => {
      const members = new Map<string, string[]>();
      for (const { regionId, memberId } of orm.select().from(regionMembers).all()) members.set(regionId, [...(members.get(regionId) ?? []), memberId]);
      return members;
    },
    listRegionMemberIds: (regionId: string): string[] => membersOfRegion.all({ regionId }).map((row) => row.memberId),
    insertOrganisation: (row: OrganisationRow): void => {
      orm.insert(organisations).values(row).run();
    },
    insertRegionMembers: (regionId: string, memberIds: string[]): void => {
      if (memberIds.length === 0) return;
      orm
        .insert(regionMembers)
        .values(memberIds.map((memberId) => ({ regionId, memberId })))
        .run();
    },
  };
}

export type OrganisationQueries = ReturnType<typeof createOrganisationQueries>;
