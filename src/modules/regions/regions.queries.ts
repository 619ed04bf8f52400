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
 * statement. The rows are exactly the ones `tenders.queries.ts` returns (the drizzle row
 * types), so the dossier mapping takes them unchanged; they are read as arrays (`raw()`) and
 * made into objects here, which takes about half the time of better-sqlite3 making them: a
 * cold request reads some 25,000 rows.
 */
import type Database from 'better-sqlite3';
import type { TenderStatus } from '../../db/schema/index.js';
import type { BidRow, CriterionRow, PriceLineRow, ScoreValue, TenderRow } from '../tenders/tenders.queries.js';

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
  reference: string;
  title: string;
  /** The procedure the tender is a lot of (issue 21); null for a tender on its own. */
  procedure: { id: string; reference: string; title: string; lotId: string; lotPosition: number } | null;
};

/** The rows of several tenders, for computing what the cache lacks (see `loadTenderRows`). */
export type TenderRowsById = {
  tenders: TenderRow[];
  criteria: CriterionRow[];
  bids: BidRow[];
  priceLines: PriceLineRow[];
  scores: TenderScoreValue[];
};

/** A consensus score's value, with its tender. */
export type TenderScoreValue = ScoreValue & { tenderId: string };

const IDS = `SELECT value FROM json_each(@ids)`;

/** A row as `raw()` answers it: the selected columns in order. */
type Raw = unknown[];

export function createRegionQueries(sqlite: Database.Database) {
  const regionTenders = sqlite
    .prepare<{ regionId: string; userId: string }, Raw>(
      `SELECT t.id, t.organisation_id AS organisationId, t.status, t.lot, t.opened_at AS openedAt, t.created_at AS createdAt,
            (SELECT MAX(a.seq) FROM audit_events a WHERE a.tender_id = t.id) AS lastSeq,
            EXISTS (SELECT 1 FROM panel_members p WHERE p.tender_id = t.id AND p.user_id = @userId) AS callerOnPanel,
            t.reference, t.title, t.procedure_id AS procedureId, pr.reference AS procedureReference, pr.title AS procedureTitle,
            t.lot_id AS lotId, t.lot_position AS lotPosition
       FROM tenders t LEFT JOIN procedures pr ON pr.id = t.procedure_id
      WHERE t.organisation_id = @regionId
         OR t.organisation_id IN (SELECT member_id FROM region_members WHERE region_id = @regionId)
      ORDER BY t.created_at, t.id`,
    )
    .raw();
  const tendersByIds = sqlite
    .prepare<{ ids: string }, Raw>(
      `SELECT id, organisation_id AS organisationId, status, reference, title, buyer, lot,
            estimated_value_cents AS estimatedValueCents, expected_learners AS expectedLearners,
            award_method AS awardMethod, price_weight AS priceWeight, price_floor_cents AS priceFloorCents,
            price_ceiling_cents AS priceCeilingCents, fixed_price_cents AS fixedPriceCents, tie_break AS tieBreak,
            low_bid_rules AS lowBidRules, show_prices_to_evaluators AS showPricesToEvaluators,
            created_at AS createdAt, updated_at AS updatedAt, opened_at AS openedAt, award_decided_at AS awardDecidedAt,
            standstill_ends_on AS standstillEndsOn, award_decision AS awardDecision, awarded_at AS awardedAt,
            envelopes, quality_locked_at AS qualityLockedAt, prices_entered_at AS pricesEnteredAt, prices_entered_by AS pricesEnteredBy,
            prices_confirmed_at AS pricesConfirmedAt, prices_confirmed_by AS pricesConfirmedBy,
            procedure_id AS procedureId, lot_id AS lotId, lot_position AS lotPosition
       FROM tenders WHERE id IN (${IDS})`,
    )
    .raw();
  const criteriaByIds = sqlite
    .prepare<{ ids: string }, Raw>(
      `SELECT tender_id AS tenderId, id, position, title, description, weight, scale, levels, minimum, value_cents AS valueCents
       FROM criteria WHERE tender_id IN (${IDS}) ORDER BY tender_id, position`,
    )
    .raw();
  const bidsByIds = sqlite
    .prepare<{ ids: string }, Raw>(
      `SELECT tender_id AS tenderId, id, position, provider_name AS providerName, provider_kvk AS providerKvk,
            provider_keurmerk AS providerKeurmerk, price_cents AS priceCents, low_bid_review AS lowBidReview,
            withdrawn_on AS withdrawnOn, withdrawal_reason AS withdrawalReason, created_at AS createdAt,
            provider_street, provider_postcode, provider_place, provider_contact_person, provider_email
       FROM bids WHERE tender_id IN (${IDS}) ORDER BY tender_id, position`,
    )
    .raw();
  const priceLinesByIds = sqlite.prepare<{ ids: string }, PriceLineRow>(
    `SELECT tender_id AS tenderId, bid_id AS bidId, position, description, quantity, unit_price_cents AS unitPriceCents
       FROM bid_price_lines WHERE tender_id IN (${IDS}) ORDER BY tender_id, bid_id, position`,
  );
  // The values only, as the evaluation reads them (tenders.queries.ts): a motivation is a
  // sentence per score, forty per tender.
  const scoresByIds = sqlite
    .prepare<{ ids: string }, Raw>(
      `SELECT tender_id AS tenderId, bid_id AS bidId, criterion_id AS criterionId, score
       FROM consensus_scores WHERE tender_id IN (${IDS})`,
    )
    .raw();

  // The tenders a comparison can count (not a draft, of a regio or of a gemeente in one), newest first.
  const comparableTenders = sqlite
    .prepare<{ limit: number }, Raw>(
      `SELECT t.id FROM tenders t JOIN organisations o ON o.id = t.organisation_id
        WHERE t.status <> 'draft'
          AND (o.kind = 'regio' OR EXISTS (SELECT 1 FROM region_members m WHERE m.member_id = t.organisation_id))
        ORDER BY COALESCE(t.opened_at, t.created_at) DESC, t.id
        LIMIT @limit`,
    )
    .raw();
  const lastSeqsByIds = sqlite
    .prepare<{ ids: string }, Raw>(`SELECT t.id, (SELECT MAX(a.seq) FROM audit_events a WHERE a.tender_id = t.id) FROM tenders t WHERE t.id IN (${IDS})`)
    .raw();

  return {
    /** The newest `limit` tenders any regional comparison may count, for the warm-up after a start. */
    listComparableTenderIds: (limit: number): string[] => comparableTenders.all({ limit }).map((r) => r[0] as string),
    /** Each tender's cache key (the `seq` of its last audit event), as the listing gives it. */
    lastSeqsOf: (tenderIds: readonly string[]): { id: string; lastSeq: number | null }[] =>
      lastSeqsByIds.all({ ids: JSON.stringify(tenderIds) }).map((r) => ({ id: r[0] as string, lastSeq: r[1] as number | null })),
    /**
     * The tenders of the regio and of its member gemeenten, oldest first, with their cache keys
     * and whether `userId` sits on each one's panel.
     */
    listRegionTenderKeys: (regionId: string, userId: string): RegionTenderKey[] =>
      regionTenders.all({ regionId, userId }).map(
        (r): RegionTenderKey => ({
          id: r[0] as string,
          organisationId: r[1] as string,
          status: r[2] as TenderStatus,
          lot: r[3] as string,
          openedAt: r[4] as string | null,
          createdAt: r[5] as string,
          lastSeq: r[6] as number | null,
          callerOnPanel: r[7] === 1,
          reference: r[8] as string,
          title: r[9] as string,
          procedure:
            r[10] === null
              ? null
              : { id: r[10] as string, reference: r[11] as string, title: r[12] as string, lotId: r[13] as string, lotPosition: r[14] as number },
        }),
      ),
    /**
     * The rows of the given tenders, in the order `loadTender` gives them. Consensus scores
     * and price lines only of tenders without an award decision: a decided tender's rows come
     * from the evaluation stored with the decision, and the scores are most of the rows.
     */
    loadTenderRows: (tenderIds: readonly string[]): TenderRowsById => {
      if (tenderIds.length === 0) return { tenders: [], criteria: [], bids: [], priceLines: [], scores: [] };
      const ids = JSON.stringify(tenderIds);
      const tenders = tendersByIds.all({ ids }).map(tenderRow);
      const undecided = JSON.stringify(tenders.filter((tender) => tender.awardDecision === null).map((tender) => tender.id));
      return {
        tenders,
        criteria: criteriaByIds.all({ ids }).map(criterionRow),
        bids: bidsByIds.all({ ids }).map(bidRow),
        priceLines: priceLinesByIds.all({ ids: undecided }),
        scores: scoresByIds
          .all({ ids: undecided })
          .map((r): TenderScoreValue => ({ tenderId: r[0] as string, bidId: r[1] as string, criterionId: r[2] as string, score: r[3] as number })),
      };
    },
  };
}

export type RegionQueries = ReturnType<typeof createRegionQueries>;

/** In the order of `tendersByIds`'s columns. */
function tenderRow(r: Raw): TenderRow {
  return {
    id: r[0] as string,
    organisationId: r[1] as string,
    status: r[2] as TenderStatus,
    reference: r[3] as string,
    title: r[4] as string,
    buyer: r[5] as string,
    lot: r[6] as string,
    estimatedValueCents: r[7] as number | null,
    expectedLearners: r[8] as number | null,
    awardMethod: r[9] as string,
    priceWeight: r[10] as number | null,
    priceFloorCents: r[11] as number | null,
    priceCeilingCents: r[12] as number | null,
    fixedPriceCents: r[13] as number | null,
    tieBreak: r[14] as string | null,
    lowBidRules: r[15] as string | null,
    // SQLite stores booleans as 0 and 1; drizzle's rows have booleans.
    showPricesToEvaluators: r[16] === 1,
    createdAt: r[17] as string,
    updatedAt: r[18] as string,
    openedAt: r[19] as string | null,
    awardDecidedAt: r[20] as string | null,
    standstillEndsOn: r[21] as string | null,
    awardDecision: r[22] as string | null,
    awardedAt: r[23] as string | null,
    envelopes: r[24] as TenderRow['envelopes'],
    qualityLockedAt: r[25] as string | null,
    pricesEnteredAt: r[26] as string | null,
    pricesEnteredBy: r[27] as string | null,
    // The first officer's entry is never read for a comparison: a bid's price is its confirmed one.
    priceEntry: null,
    pricesConfirmedAt: r[28] as string | null,
    pricesConfirmedBy: r[29] as string | null,
    procedureId: r[30] as string | null,
    lotId: r[31] as string | null,
    lotPosition: r[32] as number | null,
  };
}

/** In the order of `criteriaByIds`'s columns. */
function criterionRow(r: Raw): CriterionRow {
  return {
    tenderId: r[0] as string,
    id: r[1] as string,
    position: r[2] as number,
    title: r[3] as string,
    description: r[4] as string | null,
    weight: r[5] as number,
    scale: r[6] as string,
    levels: r[7] as string | null,
    minimum: r[8] as number | null,
    valueCents: r[9] as number | null,
  };
}

/** In the order of `bidsByIds`'s columns. */
function bidRow(r: Raw): BidRow {
  return {
    tenderId: r[0] as string,
    id: r[1] as string,
    position: r[2] as number,
    providerName: r[3] as string,
    providerKvk: r[4] as string,
    providerKeurmerk: r[5] === 1,
    priceCents: r[6] as number | null,
    lowBidReview: r[7] as string | null,
    withdrawnOn: r[8] as string | null,
    withdrawalReason: r[9] as string | null,
    createdAt: r[10] as string,
    providerStreet: r[11] as string | null,
    providerPostcode: r[12] as string | null,
    providerPlace: r[13] as string | null,
    providerContactPerson: r[14] as string | null,
    providerEmail: r[15] as string | null,
  };
}
