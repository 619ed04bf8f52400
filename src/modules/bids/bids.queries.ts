/**
 * @module
 * The writes that change or remove a bid once it is registered: editing and deleting it
 * while the tender is draft, correcting a clerical error and recording a withdrawal once it
 * is open, and the corrections' own rows. Rare writes, so built per call; the corrections
 * of a tender are read with every bids page and evaluation, so that read is prepared.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { prepareInsert } from '../../db/prepared.js';
import { bidCorrections, bidPriceLines, bids, consensusScores, individualScores } from '../../db/schema/index.js';
import type { BidRow, PriceLineRow } from '../tenders/tenders.queries.js';

export type BidCorrectionRow = typeof bidCorrections.$inferSelect;

/** The columns of a bid that an edit or a correction may change. */
export type BidChanges = Partial<
  Pick<
    BidRow,
    | 'providerName'
    | 'providerKvk'
    | 'providerKeurmerk'
    | 'providerStreet'
    | 'providerPostcode'
    | 'providerPlace'
    | 'providerContactPerson'
    | 'providerEmail'
    | 'priceCents'
    | 'withdrawnOn'
    | 'withdrawalReason'
  >
>;

export function createBidQueries(orm: Orm) {
  const correctionsOf = orm
    .select()
    .from(bidCorrections)
    .where(eq(bidCorrections.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(bidCorrections.bidId), asc(bidCorrections.number))
    .prepare();
  const insertCorrection = prepareInsert(orm, bidCorrections);
  const ofBid = (table: typeof bidPriceLines | typeof consensusScores | typeof individualScores | typeof bidCorrections, tenderId: string, bidId: string) =>
    and(eq(table.tenderId, tenderId), eq(table.bidId, bidId));

  return {
    updateBid: (tenderId: string, bidId: string, changes: BidChanges): void => {
      orm
        .update(bids)
        .set(changes)
        .where(and(eq(bids.tenderId, tenderId), eq(bids.id, bidId)))
        .run();
    },
    /** The bid's price lines become exactly `rows` (positions from 0). */
    replacePriceLines: (tenderId: string, bidId: string, rows: readonly PriceLineRow[]): void => {
      orm
        .delete(bidPriceLines)
        .where(ofBid(bidPriceLines, tenderId, bidId))
        .run();
      for (const row of rows) orm.insert(bidPriceLines).values(row).run();
    },
    /**
     * The bid and everything under it, children first (the foreign keys would cascade too;
     * spelled out so that the order does not depend on them).
     */
    deleteBid: (tenderId: string, bidId: string): void => {
      orm
        .delete(individualScores)
        .where(ofBid(individualScores, tenderId, bidId))
        .run();
      orm
        .delete(consensusScores)
        .where(ofBid(consensusScores, tenderId, bidId))
        .run();
      orm
        .delete(bidPriceLines)
        .where(ofBid(bidPriceLines, tenderId, bidId))
        .run();
      orm
        .delete(bidCorrections)
        .where(ofBid(bidCorrections, tenderId, bidId))
        .run();
      orm
        .delete(bids)
        .where(and(eq(bids.tenderId, tenderId), eq(bids.id, bidId)))
        .run();
    },
    /** Every correction of the tender's bids, by bid and number. */
    listCorrections: (tenderId: string): BidCorrectionRow[] => correctionsOf.all({ tenderId }),
    /** The number the bid's next correction gets: one past its highest. */
    nextCorrectionNumber: (tenderId: string, bidId: string): number => {
      const row = orm
        .select({ highest: sql<number>`coalesce(max(${bidCorrections.number}), 0)` })
        .from(bidCorrections)
        .where(ofBid(bidCorrections, tenderId, bidId))
        .get();
      return (row?.highest ?? 0) + 1;
    },
    insertCorrection: (row: BidCorrectionRow): void => insertCorrection(row),
  };
}

export type BidQueries = ReturnType<typeof createBidQueries>;
