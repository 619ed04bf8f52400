/**
 * @module
 * A tender and everything under it. Loading a whole tender (for the dossier and the
 * evaluation) is the hot path: five prepared statements, one per table. So are the tender
 * list and the writes of bids and scores; the rarer writes (patch, criteria) are built per
 * call.
 */
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { inJsonList, jsonList, prepareInsert, prepareUpsert } from '../../db/prepared.js';
import {
  bidCorrections,
  bidPriceLines,
  bids,
  consensusScores,
  criteria,
  individualScores,
  organisations,
  panelMembers,
  regionMembers,
  tenders,
  type OrganisationKind,
} from '../../db/schema/index.js';

export type TenderRow = typeof tenders.$inferSelect;
/** A tender's id, creation time and newest audit event: what the tender list is cached by. */
export type TenderVersion = { id: string; createdAt: string; version: number };
/** What every request under `/tenders/:id` knows of its tender (`TenderAccess`). */
export type TenderHead = Pick<TenderRow, 'id' | 'organisationId' | 'status' | 'reference' | 'title' | 'lot'>;
export type CriterionRow = typeof criteria.$inferSelect;
export type BidRow = typeof bids.$inferSelect;
export type PriceLineRow = typeof bidPriceLines.$inferSelect;
export type ConsensusScoreRow = typeof consensusScores.$inferSelect;
/** A consensus score as the dossier and the evaluation read it (no motivation or history). */
export type ScoreValue = Pick<ConsensusScoreRow, 'bidId' | 'criterionId' | 'score'>;

/** A tender with all its rows, in their stored order. */
export type StoredTender = {
  tender: TenderRow;
  criteria: CriterionRow[];
  bids: BidRow[];
  priceLines: PriceLineRow[];
  scores: ScoreValue[];
};

export function createTenderQueries(orm: Orm) {
  const tenderById = orm
    .select()
    .from(tenders)
    .where(eq(tenders.id, sql.placeholder('id')))
    .prepare();
  const criteriaOf = orm
    .select()
    .from(criteria)
    .where(eq(criteria.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(criteria.position))
    .prepare();
  const bidsOf = orm
    .select()
    .from(bids)
    .where(eq(bids.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(bids.position))
    .prepare();
  const priceLinesOf = orm
    .select()
    .from(bidPriceLines)
    .where(eq(bidPriceLines.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(bidPriceLines.bidId), asc(bidPriceLines.position))
    .prepare();
  const scoresOf = orm
    .select()
    .from(consensusScores)
    .where(eq(consensusScores.tenderId, sql.placeholder('tenderId')))
    .prepare();
  // Tender scoping runs on every request under /tenders/:id: the tender's head and whose it
  // is, at once. Not the whole row: an awarded tender's row holds its award decision, large.
  const tenderWithOwnerKind = orm
    .select({
      tender: {
        id: tenders.id,
        organisationId: tenders.organisationId,
        status: tenders.status,
        reference: tenders.reference,
        title: tenders.title,
        lot: tenders.lot,
      },
      ownerKind: organisations.kind,
    })
    .from(tenders)
    .innerJoin(organisations, eq(organisations.id, tenders.organisationId))
    .where(eq(tenders.id, sql.placeholder('id')))
    .prepare();
  // The tender list: which tenders, in order, each with its newest audit event (its version:
  // every change to a tender row or its criteria is written with an event of the tender).
  const versionOf = sql<number>`coalesce((SELECT max(seq) FROM audit_events WHERE audit_events.tender_id = ${tenders.id}), 0)`;
  const versionsOfOrganisations = orm
    .select({ id: tenders.id, createdAt: tenders.createdAt, version: versionOf })
    .from(tenders)
    .where(inJsonList(tenders.organisationId, 'organisationIds'))
    .prepare();
  const versionsByIds = orm
    .select({ id: tenders.id, createdAt: tenders.createdAt, version: versionOf })
    .from(tenders)
    .where(inJsonList(tenders.id, 'ids'))
    .prepare();
  const tendersByIds = orm.select().from(tenders).where(inJsonList(tenders.id, 'ids')).prepare();
  const criteriaOfTenders = orm
    .select()
    .from(criteria)
    .where(inJsonList(criteria.tenderId, 'tenderIds'))
    .orderBy(asc(criteria.tenderId), asc(criteria.position))
    .prepare();
  const bidById = orm
    .select()
    .from(bids)
    .where(and(eq(bids.tenderId, sql.placeholder('tenderId')), eq(bids.id, sql.placeholder('bidId'))))
    .prepare();
  // The numbering of the next bid without reading every bid: `B<n>` ids and positions.
  const bidNumbering = orm
    .select({
      highestNumber: sql<number>`coalesce(max(CASE WHEN ${bids.id} GLOB 'B[0-9]*' AND substr(${bids.id}, 2) NOT GLOB '*[^0-9]*' THEN CAST(substr(${bids.id}, 2) AS INTEGER) END), 0)`,
      highestPosition: sql<number>`coalesce(max(${bids.position}), -1)`,
    })
    .from(bids)
    .where(eq(bids.tenderId, sql.placeholder('tenderId')))
    .prepare();
  const scoreById = orm
    .select()
    .from(consensusScores)
    .where(
      and(
        eq(consensusScores.tenderId, sql.placeholder('tenderId')),
        eq(consensusScores.bidId, sql.placeholder('bidId')),
        eq(consensusScores.criterionId, sql.placeholder('criterionId')),
      ),
    )
    .prepare();
  const upsertScore = prepareUpsert(orm, consensusScores, {
    target: [consensusScores.tenderId, consensusScores.bidId, consensusScores.criterionId],
    update: ['score', 'motivation', 'deviationReason', 'updatedAt', 'updatedBy'],
  });
  const insertTender = prepareInsert(orm, tenders);
  const insertBid = prepareInsert(orm, bids);
  const insertPriceLine = prepareInsert(orm, bidPriceLines);
  const insertScore = prepareInsert(orm, consensusScores);
  // The whole tender is loaded for every evaluation that is not cached: of the scores only
  // the values, not their motivations (long text, many rows).
  const scoreValuesOf = orm
    .select({ bidId: consensusScores.bidId, criterionId: consensusScores.criterionId, score: consensusScores.score })
    .from(consensusScores)
    .where(eq(consensusScores.tenderId, sql.placeholder('tenderId')))
    .prepare();
  const regionsOfMember = orm
    .select({ regionId: regionMembers.regionId })
    .from(regionMembers)
    .where(eq(regionMembers.memberId, sql.placeholder('memberId')))
    .prepare();

  const queries = {
    findTender: (id: string): TenderRow | undefined => tenderById.get({ id }),
    /** The tender with the kind of the organisation it belongs to (a regio's members count too). */
    findTenderWithOwnerKind: (id: string): { tender: TenderHead; ownerKind: OrganisationKind } | undefined => tenderWithOwnerKind.get({ id }),
    loadTender: (id: string): StoredTender | undefined => {
      const tender = tenderById.get({ id });
      if (tender === undefined) return undefined;
      return {
        tender,
        criteria: criteriaOf.all({ tenderId: id }),
        bids: bidsOf.all({ tenderId: id }),
        priceLines: priceLinesOf.all({ tenderId: id }),
        scores: scoreValuesOf.all({ tenderId: id }),
      };
    },
    listCriteria: (tenderId: string): CriterionRow[] => criteriaOf.all({ tenderId }),
    /** The criteria of many tenders in one pass (the tender list), by tender id. */
    listCriteriaOfTenders: (tenderIds: readonly string[]): Map<string, CriterionRow[]> => {
      const byTender = new Map<string, CriterionRow[]>(tenderIds.map((id) => [id, []]));
      if (tenderIds.length === 0) return byTender;
      for (const row of criteriaOfTenders.all({ tenderIds: jsonList(tenderIds) })) byTender.get(row.tenderId)?.push(row);
      return byTender;
    },
    listBids: (tenderId: string): BidRow[] => bidsOf.all({ tenderId }),
    listPriceLines: (tenderId: string): PriceLineRow[] => priceLinesOf.all({ tenderId }),
    listScores: (tenderId: string): ConsensusScoreRow[] => scoresOf.all({ tenderId }),
    /** The tenders of these organisations, with their versions (`TenderVersion`). */
    listTenderVersionsOf: (organisationIds: readonly string[]): TenderVersion[] =>
      organisationIds.length === 0 ? [] : versionsOfOrganisations.all({ organisationIds: jsonList(organisationIds) }),
    listTenderVersionsByIds: (ids: readonly string[]): TenderVersion[] => (ids.length === 0 ? [] : versionsByIds.all({ ids: jsonList(ids) })),
    listTendersByIds: (ids: readonly string[]): TenderRow[] => (ids.length === 0 ? [] : tendersByIds.all({ ids: jsonList(ids) })),
    listRegionsOfMember: (memberId: string): string[] => regionsOfMember.all({ memberId }).map((r) => r.regionId),
    findBid: (tenderId: string, bidId: string): BidRow | undefined => bidById.get({ tenderId, bidId }),
    /** The highest `B<n>` number in use (0 if none) and the highest position (-1 if none). */
    findBidNumbering: (tenderId: string): { highestNumber: number; highestPosition: number } =>
      bidNumbering.get({ tenderId }) ?? { highestNumber: 0, highestPosition: -1 },
    /** The bid's art. 2.116 review as dossier JSON. */
    updateBidReview: (tenderId: string, bidId: string, lowBidReview: string | null): void => {
      orm
        .update(bids)
        .set({ lowBidReview })
        .where(and(eq(bids.tenderId, tenderId), eq(bids.id, bidId)))
        .run();
    },
    insertTender: (row: TenderRow): void => insertTender(row),
    updateTender: (id: string, changes: Partial<Omit<TenderRow, 'id' | 'organisationId'>>): void => {
      orm.update(tenders).set(changes).where(eq(tenders.id, id)).run();
    },
    /**
     * Makes the tender's criteria exactly `rows`: updates in place, inserts new, deletes the
     * rest. Not delete-and-insert: that would touch rows that consensus scores point at.
     */
    replaceCriteria: (tenderId: string, rows: CriterionRow[]): void => {
      const keep = rows.map((r) => r.id);
      orm
        .delete(criteria)
        .where(and(eq(criteria.tenderId, tenderId), keep.length === 0 ? sql`1 = 1` : notInArray(criteria.id, keep)))
        .run();
      for (const row of rows) {
        const { tenderId: _t, id: _i, ...changes } = row;
        orm
          .insert(criteria)
          .values(row)
          .onConflictDoUpdate({ target: [criteria.tenderId, criteria.id], set: changes })
          .run();
      }
    },
    insertBids: (rows: readonly BidRow[]): void => rows.forEach(insertBid),
    insertPriceLines: (rows: readonly PriceLineRow[]): void => rows.forEach(insertPriceLine),
    insertScores: (rows: readonly ConsensusScoreRow[]): void => rows.forEach(insertScore),
    findScore: (tenderId: string, bidId: string, criterionId: string): ConsensusScoreRow | undefined => scoreById.get({ tenderId, bidId, criterionId }),
    upsertScore: (row: ConsensusScoreRow): void => upsertScore(row),
    /**
     * The tender and every row under it, children first. Reports are not among them: an
     * issued report is a record, and the service refuses to delete a tender that has one.
     */
    deleteTender: (id: string): void => {
      for (const table of [individualScores, consensusScores, bidPriceLines, bidCorrections, panelMembers]) {
        orm.delete(table).where(eq(table.tenderId, id)).run();
      }
      orm.delete(bids).where(eq(bids.tenderId, id)).run();
      orm.delete(criteria).where(eq(criteria.tenderId, id)).run();
      orm.delete(tenders).where(eq(tenders.id, id)).run();
    },
  };
  return queries;
}

export type TenderQueries = ReturnType<typeof createTenderQueries>;
