/**
 * @module
 * What the regional comparison reads. Two kinds of statements, each prepared once:
 * - per request, one listing of the region's tenders with the `seq` of each tender's last
 *   audit event (the key of the per-tender cache, see comparison-cache.ts) and whether the
 *   caller sits on its panel (which tenders it may see, see comparison-access.ts);
 * - for the tenders the cache does not hold, their rows in five statements that take the
 *   tender ids as one JSON array (`json_each`), so a cold request over 1,000 tenders is five
 *   queries, not five per tender.
 *
 * Raw better-sqlite3 statements rather than drizzle's builder: the listing runs on every
 * request and maps 1,000 rows, and drizzle cannot bind a JSON array of ids to one prepared
 * statement. The columns are aliased to the drizzle row types, so the rows are exactly the
 * ones `tenders.queries.ts` returns and the dossier mapping takes them unchanged.
 */
import type Database from 'better-sqlite3';
import type { TenderStatus } from '../../db/schema/index.js';
import type { BidRow, ConsensusScoreRow, CriterionRow, PriceLineRow, TenderRow } from '../tenders/tenders.queries.js';

/** A tender of the region as the comparison filters it, with its cache key. */
export type RegionTenderKey = {
  id: string;
  organisationId: string;
  status: TenderStatus;
  lot: string;
  openedAt: string | null;
  createdAt: string;
  /** `seq` of the tender's last audit event; null for a tender without events (bulk-loaded data). */
  lastSeq: number | null;
  /** The caller has a row in the tender's panel table, whatever its declaration (comparison-access.ts). */
  callerOnPanel: boolean;
};

/** The rows of several tenders, for computing what the cache lacks (see `loadTenderRows`). */
export type TenderRowsById = {
  tenders: TenderRow[];
  criteria: CriterionRow[];
  bids: BidRow[];
  priceLines: PriceLineRow[];
  scores: ConsensusScoreRow[];
};

const IDS = `SELECT value FROM json_each(@ids)`;

/** better-sqlite3 returns 0/1 for SQLite booleans; drizzle's rows have booleans. */
type RawBool<T, K extends keyof T> = Omit<T, K> & { [P in K]: number };

export function createRegionQueries(sqlite: Database.Database) {
  const regionTenders = sqlite.prepare<{ regionId: string; userId: string }, RawBool<RegionTenderKey, 'callerOnPanel'>>(
    `SELECT t.id, t.organisation_id AS organisationId, t.status, t.lot, t.opened_at AS openedAt, t.created_at AS createdAt,
            (SELECT MAX(a.seq) FROM audit_events a WHERE a.tender_id = t.id) AS lastSeq,
            EXISTS (SELECT 1 FROM panel_members p WHERE p.tender_id = t.id AND p.user_id = @userId) AS callerOnPanel
       FROM tenders t
      WHERE t.organisation_id = @regionId
         OR t.organisation_id IN (SELECT member_id FROM region_members WHERE region_id = @regionId)
      ORDER BY t.created_at, t.id`,
  );
  const tendersByIds = sqlite.prepare<{ ids: string }, RawBool<TenderRow, 'showPricesToEvaluators'>>(
    `SELECT id, organisation_id AS organisationId, status, reference, title, buyer, lot,
            estimated_value_cents AS estimatedValueCents, expected_learners AS expectedLearners,
            award_method AS awardMethod, price_weight AS priceWeight, price_floor_cents AS priceFloorCents,
            price_ceiling_cents AS priceCeilingCents, fixed_price_cents AS fixedPriceCents, tie_break AS tieBreak,
            low_bid_rules AS lowBidRules, show_prices_to_evaluators AS showPricesToEvaluators,
            created_at AS createdAt, updated_at AS updatedAt, opened_at AS openedAt, award_decided_at AS awardDecidedAt,
            standstill_ends_on AS standstillEndsOn, award_decision AS awardDecision, awarded_at AS awardedAt
       FROM tenders WHERE id IN (${IDS})`,
  );
  const criteriaByIds = sqlite.prepare<{ ids: string }, CriterionRow>(
    `SELECT tender_id AS tenderId, id, position, title, description, weight, scale, levels, minimum, value_cents AS valueCents
       FROM criteria WHERE tender_id IN (${IDS}) ORDER BY tender_id, position`,
  );
  const bidsByIds = sqlite.prepare<{ ids: string }, RawBool<BidRow, 'providerKeurmerk'>>(
    `SELECT tender_id AS tenderId, id, position, provider_name AS providerName, provider_kvk AS providerKvk,
            provider_keurmerk AS providerKeurmerk, price_cents AS priceCents, low_bid_review AS lowBidReview,
            withdrawn_on AS withdrawnOn, withdrawal_reason AS withdrawalReason, created_at AS createdAt
       FROM bids WHERE tender_id IN (${IDS}) ORDER BY tender_id, position`,
  );
  const priceLinesByIds = sqlite.prepare<{ ids: string }, PriceLineRow>(
    `SELECT tender_id AS tenderId, bid_id AS bidId, position, description, quantity, unit_price_cents AS unitPriceCents
       FROM bid_price_lines WHERE tender_id IN (${IDS}) ORDER BY tender_id, bid_id, position`,
  );
  const scoresByIds = sqlite.prepare<{ ids: string }, ConsensusScoreRow>(
    `SELECT tender_id AS tenderId, bid_id AS bidId, criterion_id AS criterionId, score, motivation,
            deviation_reason AS deviationReason, updated_at AS updatedAt, updated_by AS updatedBy
       FROM consensus_scores WHERE tender_id IN (${IDS})`,
  );

  return {
    /**
     * The tenders of the regio and of its member gemeenten, oldest first, with their cache keys
     * and whether `userId` sits on each one's panel.
     */
    listRegionTenderKeys: (regionId: string, userId: string): RegionTenderKey[] =>
      regionTenders.all({ regionId, userId }).map((row) => ({ ...row, callerOnPanel: row.callerOnPanel === 1 })),
    /**
     * The rows of the given tenders, in the order `loadTender` gives them. Consensus scores
     * and price lines only of tenders without an award decision: a decided tender's rows come
     * from the evaluation stored with the decision, and the scores are most of the rows.
     */
    loadTenderRows: (tenderIds: readonly string[]): TenderRowsById => {
      if (tenderIds.length === 0) return { tenders: [], criteria: [], bids: [], priceLines: [], scores: [] };
      const ids = JSON.stringify(tenderIds);
      const tenders = tendersByIds.all({ ids }).map((row) => ({ ...row, showPricesToEvaluators: row.showPricesToEvaluators === 1 }));
      const undecided = JSON.stringify(tenders.filter((tender) => tender.awardDecision === null).map((tender) => tender.id));
      return {
        tenders,
        criteria: criteriaByIds.all({ ids }),
        bids: bidsByIds.all({ ids }).map((row) => ({ ...row, providerKeurmerk: row.providerKeurmerk === 1 })),
        priceLines: priceLinesByIds.all({ ids: undecided }),
        scores: scoresByIds.all({ ids: undecided }),
      };
    },
  };
}

export type RegionQueries = ReturnType<typeof createRegionQueries>;
