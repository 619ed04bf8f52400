/**
 * @module
 * The hash-chained audit log. `hash = sha256(prevHash + canonicalJson(event))` (RFC 8785),
 * so editing, deleting or reordering a row breaks the chain at that row. No foreign keys:
 * the log must stay readable whatever happens to the rows it describes.
 */
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actorUserId: text('actor_user_id'),
    organisationId: text('organisation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The tender the event belongs to, if any, for the per-tender listing. */
    tenderId: text('tender_id'),
    /** JSON: `{ before?, after? }` or another description of the change. */
    change: text('change').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_tender_idx').on(t.tenderId, t.seq)],
);
