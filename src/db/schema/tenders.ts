/**
 * @module
 * Tenders, their criteria, bids, price lines and consensus scores. Money is integer cents
 * (`*_cents`); weights, scores and quantities are stored as given (doubles) so that an
 * exported dossier is byte-for-byte the numbers that were imported. Bid and criterion ids
 * are local to their tender (`B1`, `K1`), hence the composite keys.
 */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, real, sqliteTable, text, index, foreignKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './organisations.js';
import { procedures } from './procedures.js';

export const TENDER_STATUSES = ['draft', 'open', 'award-proposed', 'awarded'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

/** One envelope (quality and price together, as always) or two (price sealed until the quality is locked). */
export const TENDER_ENVELOPES = ['one', 'two'] as const;
export type TenderEnvelopes = (typeof TENDER_ENVELOPES)[number];

export const tenders = sqliteTable(
  'tenders',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: TENDER_STATUSES }).notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    buyer: text('buyer').notNull(),
    lot: text('lot').notNull(),
    estimatedValueCents: integer('estimated_value_cents'),
    expectedLearners: integer('expected_learners'),
    awardMethod: text('award_method').notNull(),
    priceWeight: real('price_weight'),
    priceFloorCents: integer('price_floor_cents'),
    priceCeilingCents: integer('price_ceiling_cents'),
    fixedPriceCents: integer('fixed_price_cents'),
    /** JSON array, or null when the dossier left the default. */
    tieBreak: text('tie_break'),
    /** JSON of the dossier's `lowBidRules` (a rule configuration, amounts in euros as in the dossier), or null. */
    lowBidRules: text('low_bid_rules'),
    /** Two-envelope practice: evaluators see no prices unless the tender says so. Not part of the dossier. */
    showPricesToEvaluators: integer('show_prices_to_evaluators', { mode: 'boolean' }).notNull().default(sql`0`),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    openedAt: text('opened_at'),
    /** The instant of the award decision (`award-proposed`), or null. */
    awardDecidedAt: text('award_decided_at'),
    /** `YYYY-MM-DD`, Europe/Amsterdam: the last day of the standstill period. */
    standstillEndsOn: text('standstill_ends_on'),
    /** JSON of the award decision: winner, who decided, a draw of lots, and the evaluation it rests on. */
    awardDecision: text('award_decision'),
    /** The instant of the award; from then on the tender is locked. */
    awardedAt: text('awarded_at'),
    /** `two`: the price envelopes stay sealed until the quality scores are locked (docs/two-envelopes.md). Part of the dossier (`tender.envelopes`). */
    envelopes: text('envelopes', { enum: TENDER_ENVELOPES }).notNull().default('one'),
    /** Two envelopes: the instant the inkoper locked the quality scores, or null. */
    qualityLockedAt: text('quality_locked_at'),
    /** Two envelopes: the first officer's entry of the opened prices and who made it, or null. */
    pricesEnteredAt: text('prices_entered_at'),
    pricesEnteredBy: text('prices_entered_by').references(() => users.id),
    /**
     * JSON `[{ bidId, price, priceLines? }]` (euros, as the dossier writes them): the first
     * officer's entry. Read by nothing but the confirmation until a second officer confirms it
     * (the audit event carries only its SHA-256).
     */
    priceEntry: text('price_entry'),
    /** Two envelopes: the second officer's confirmation; from then on the bids carry the prices. */
    pricesConfirmedAt: text('prices_confirmed_at'),
    pricesConfirmedBy: text('prices_confirmed_by').references(() => users.id),
    /** The procedure this tender is a lot of (issue 21), or null: a tender on its own, as before. */
    procedureId: text('procedure_id').references(() => procedures.id),
    /** The lot's id in its procedure (`L1`), unique there; null without a procedure. */
    lotId: text('lot_id'),
    /** The lot's place in its procedure (0, 1, ...): the file's order, on which the allocation's tie rules depend; null without a procedure. */
    lotPosition: integer('lot_position'),
  },
  (t) => [index('tenders_org_idx').on(t.organisationId), uniqueIndex('tenders_procedure_lot_idx').on(t.procedureId, t.lotId)],
);

export const criteria = sqliteTable(
  'criteria',
  {
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    weight: real('weight').notNull(),
    /** JSON array of ascending numbers. */
    scale: text('scale').notNull(),
    /** JSON array of `{ score, meaning }`, or null. */
    levels: text('levels'),
    minimum: real('minimum'),
    valueCents: integer('value_cents'),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.id] })],
);

export const bids = sqliteTable(
  'bids',
  {
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    providerName: text('provider_name').notNull(),
    providerKvk: text('provider_kvk').notNull(),
    providerKeurmerk: integer('provider_keurmerk', { mode: 'boolean' }).notNull(),
    /** The school's address and contact for the award letter (issue 17); null when not given. */
    providerStreet: text('provider_street'),
    providerPostcode: text('provider_postcode'),
    providerPlace: text('provider_place'),
    providerContactPerson: text('provider_contact_person'),
    providerEmail: text('provider_email'),
    priceCents: integer('price_cents'),
    /** JSON of the dossier's `lowBidReview`, or null. */
    lowBidReview: text('low_bid_review'),
    /** `YYYY-MM-DD`: the day the bidder's withdrawal was received (the dossier's `withdrawal.receivedOn`), or null. */
    withdrawnOn: text('withdrawn_on'),
    /** The bidder's reason for the withdrawal, or null. */
    withdrawalReason: text('withdrawal_reason'),
    createdAt: text('created_at').notNull(),
  },
  // The bids in their order, and the next position, without sorting or reading every bid.
  (t) => [primaryKey({ columns: [t.tenderId, t.id] }), index('bids_position_idx').on(t.tenderId, t.position)],
);

export const bidPriceLines = sqliteTable(
  'bid_price_lines',
  {
    tenderId: text('tender_id').notNull(),
    bidId: text('bid_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: real('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidId, t.position] }),
    foreignKey({ columns: [t.tenderId, t.bidId], foreignColumns: [bids.tenderId, bids.id] }).onDelete('cascade'),
  ],
);

export const consensusScores = sqliteTable(
  'consensus_scores',
  {
    tenderId: text('tender_id').notNull(),
    bidId: text('bid_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: real('score').notNull(),
    /** Null for scores that came in with an imported dossier, which carries none. */
    motivation: text('motivation'),
    /** Why the consensus lies outside the individual scores, when it does. */
    deviationReason: text('deviation_reason'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidId, t.criterionId] }),
    foreignKey({ columns: [t.tenderId, t.bidId], foreignColumns: [bids.tenderId, bids.id] }).onDelete('cascade'),
    // No cascade: a criterion that has scores must not vanish with them (PATCH checks first).
    foreignKey({ columns: [t.tenderId, t.criterionId], foreignColumns: [criteria.tenderId, criteria.id] }),
  ],
);

/**
 * The corrections of obvious clerical errors in a bid after the opening: one row per
 * correction, numbered per bid from 1, with the written reason and the price figures before
 * and after (JSON `{ price, priceLines }` in euros, as the dossier writes them). The bid row
 * holds the corrected figures; these rows are what the panel and the report show of how
 * they came to be. Not part of the dossier (docs/corrections.md).
 */
export const bidCorrections = sqliteTable(
  'bid_corrections',
  {
    tenderId: text('tender_id').notNull(),
    bidId: text('bid_id').notNull(),
    number: integer('number').notNull(),
    correctedAt: text('corrected_at').notNull(),
    correctedBy: text('corrected_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** JSON `{ price, priceLines? }`: the figures before the correction. */
    before: text('before').notNull(),
    /** JSON `{ price, priceLines? }`: the figures after it. */
    after: text('after').notNull(),
    /** The state of the bid's art. 2.116 review when the correction was made, if one had started; else null. */
    lowBidReviewState: text('low_bid_review_state'),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidId, t.number] }),
    foreignKey({ columns: [t.tenderId, t.bidId], foreignColumns: [bids.tenderId, bids.id] }).onDelete('cascade'),
  ],
);
