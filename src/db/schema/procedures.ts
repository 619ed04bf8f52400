/**
 * @module
 * Procedures with several lots (issue 21, docs/procedures.md "In the server"). Each lot is a
 * tender (`tenders.procedure_id`, `tenders.lot_id`); the procedure holds only what is common
 * to its lots: the reference, title and buyer, and the award limitation with its published
 * rule and the schools' preferences, both fixed once any lot is opened (like the formula).
 */
import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './organisations.js';

export const procedures = sqliteTable(
  'procedures',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    buyer: text('buyer').notNull(),
    /** JSON of the file's `awardLimit` (`{ maxLotsPerBidder, rule, lotOrder? }`), or null: each lot goes to its own winner. */
    awardLimit: text('award_limit'),
    /** JSON of the file's `preferences` (per KvK number, lot ids most preferred first), or null. */
    preferences: text('preferences'),
    /** JSON of the draws of lots recorded for tied lots under the limitation (`[{ lotId, winner, record }]`), or null: none. */
    draws: text('draws'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('procedures_org_idx').on(t.organisationId)],
);
