/**
 * @module
 * The hash-chained audit log. `hash = sha256(prevHash + canonicalJson(event))` (RFC 8785),
 * so editing, deleting or reordering a row breaks the chain at that row. No foreign keys:
 * the log must stay readable whatever happens to the rows it describes.
 *
 * Beside it, the signed heads (`audit_anchors`): the chain's head at a moment, signed with
 * the report-signing key, which is not in the database. Whoever can write this file can
 * recompute the chain, but cannot make a signature that verifies with the configured
 * certificate, so a rewritten or shortened chain no longer matches its signed heads.
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

export const ANCHOR_REASONS = ['start', 'schedule', 'report', 'stop'] as const;
export type AnchorReason = (typeof ANCHOR_REASONS)[number];

export const auditAnchors = sqliteTable(
  'audit_anchors',
  {
    id: integer('id').primaryKey(),
    /** The `seq` of the chain's last event when signed. */
    seq: integer('seq').notNull(),
    /** That event's hash. */
    head: text('head').notNull(),
    /** ISO 8601 instant of the signature; signed too. */
    at: text('at').notNull(),
    /** Why it was made (not signed: it says nothing about the chain). */
    reason: text('reason', { enum: ANCHOR_REASONS }).notNull(),
    /** SHA-256 fingerprint of the signing certificate, as `CertificateInfo` prints it. */
    certificateFingerprint: text('certificate_fingerprint').notNull(),
    /** Base64 signature over `anchorPayload({ seq, head, at })`. */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_anchors_seq_idx').on(t.seq)],
);
