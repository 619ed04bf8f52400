/**
 * @module
 * A tender and everything under it. Loading a whole tender (for the dossier and the
 * evaluation) is the hot path: five prepared statements, one per table.
 */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { bidPriceLines, bids, consensusScores, criteria, regionMembers, tenders } from '../../db/schema/index.js';

export type TenderRow = typeof tenders.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;
export type BidRow = typeof bids.$inferSelect;
export type PriceLineRow = typeof bidPriceLines.$inferSelect;
export type ConsensusScoreRow = typeof consensusScores.$inferSelect;

/** A tender with all its rows, in their stored order. */
export type StoredTender = {
  tender: TenderRow;
  criteria: CriterionRow[];
  bids: BidRow[];
  priceLines: PriceLineRow[];
  scores: ConsensusScoreRow[];
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
  const regionsOfMember = orm
    .select({ regionId: regionMembers.regionId })
    .from(regionMembers)
    .where(eq(regionMembers.memberId, sql.placeholder('memberId')))
    .prepare();

  const queries = {
    findTender: (id: string): TenderRow | undefined => tenderById.get({ id }),
    loadTender: (id: string): StoredTender | undefined => {
      const tender = tenderById.get({ id });
      if (tender === undefined) return undefined;
      return {
        tender,
        criteria: criteriaOf.all({ tenderId: id }),
        bids: bidsOf.all({ tenderId: id }),
        priceLines: priceLinesOf.all({ tenderId: id }),
        scores: scoresOf.all({ tenderId: id }),
      };
    },
    listCriteria: (tenderId: string): CriterionRow[] => criteriaOf.all({ tenderId }),
    listBids: (tenderId: string): BidRow[] => bidsOf.all({ tenderId }),
    listPriceLines: (tenderId: string): PriceLineRow[] => priceLinesOf.all({ tenderId }),
    listScores: (tenderId: string): ConsensusScoreRow[] => scoresOf.all({ tenderId }),
    listTendersOf: (organisationIds: string[]): TenderRow[] =>
      organisationIds.length === 0
        ? []
        : orm
            .select()
            .from(tenders)
            .where(inArray(tenders.organisationId, organisationIds))
            .orderBy(asc(tenders.createdAt), asc(tenders.id))
            .all(),
    listTendersByIds: (ids: string[]): TenderRow[] =>
      ids.length === 0 ? [] : orm.select().from(tenders).where(inArray(tenders.id, ids)).orderBy(asc(tenders.createdAt), asc(tenders.id)).all(),
    listRegionsOfMember: (memberId: string): string[] => regionsOfMember.all({ memberId }).map((r) => r.regionId),
    findBid: (tenderId: string, bidId: string): BidRow | undefined =>
      orm.select().from(bids).where(and(eq(bids.tenderId, tenderId), eq(bids.id, bidId))).get(),
    /** The bid's art. 2.116 review as dossier JSON. */
    updateBidReview: (tenderId: string, bidId: string, lowBidReview: string | null): void => {
      orm.update(bids).set({ lowBidReview }).where(and(eq(bids.tenderId, tenderId), eq(bids.id, bidId))).run();
    },
    insertTender: (row: TenderRow): void => {
      orm.insert(tenders).values(row).run();
    },
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
        orm.insert(criteria).values(row).onConflictDoUpdate({ target: [criteria.tenderId, criteria.id], set: changes }).run();
      }
    },
    insertBids: (rows: BidRow[]): void => {
      if (rows.length > 0) orm.insert(bids).values(rows).run();
    },
    insertPriceLines: (rows: PriceLineRow[]): void => {
      if (rows.length > 0) orm.insert(bidPriceLines).values(rows).run();
    },
    insertScores: (rows: ConsensusScoreRow[]): void => {
      if (rows.length > 0) orm.insert(consensusScores).values(rows).run();
    },
    findScore: (tenderId: string, bidId: string, criterionId: string): ConsensusScoreRow | undefined =>
      orm
        .select()
        .from(consensusScores)
        .where(
          and(
            eq(consensusScores.tenderId, tenderId),
            eq(consensusScores.bidId, bidId),
            eq(consensusScores.criterionId, criterionId),
          ),
        )
        .get(),
    upsertScore: (row: ConsensusScoreRow): void => {
      orm
        .insert(consensusScores)
        .values(row)
        .onConflictDoUpdate({
          target: [consensusScores.tenderId, consensusScores.bidId, consensusScores.criterionId],
          set: {
            score: row.score,
            motivation: row.motivation,
            deviationReason: row.deviationReason,
            updatedAt: row.updatedAt,
            updatedBy: row.updatedBy,
          },
        })
        .run();
    },
  };
  return queries;
}

export type TenderQueries = ReturnType<typeof createTenderQueries>;
