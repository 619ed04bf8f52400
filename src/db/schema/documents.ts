/**
 * @module
 * The documents of a bid as received: the quality envelope (PDFs, optionally tied to a
 * criterion) and the price envelope (the price sheet as PDF or .xlsx). A received document is
 * a record and is never changed: a replacement is a new row (`version` one up) naming the one
 * it replaces and why, and the old row stays. The bytes live in `document_chunks`, 1 MiB per
 * row, because better-sqlite3 has no incremental blob API: an upload is hashed and written
 * chunk by chunk as it streams in, and a download streams the chunks out, so neither holds a
 * 25 MB file in memory (docs/two-envelopes.md).
 */
import { blob, foreignKey, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './organisations.js';
import { bids } from './tenders.js';

export const DOCUMENT_ENVELOPES = ['quality', 'price'] as const;
export type DocumentEnvelope = (typeof DOCUMENT_ENVELOPES)[number];

export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export const bidDocuments = sqliteTable(
  'bid_documents',
  {
    id: text('id').primaryKey(),
    tenderId: text('tender_id').notNull(),
    bidId: text('bid_id').notNull(),
    envelope: text('envelope', { enum: DOCUMENT_ENVELOPES }).notNull(),
    /** The file name as the sender gave it. */
    name: text('name').notNull(),
    mediaType: text('media_type', { enum: DOCUMENT_MEDIA_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the bytes, computed as they streamed in. */
    sha256: text('sha256').notNull(),
    /** The criterion a quality document answers, or null (the whole plan). */
    criterionId: text('criterion_id'),
    /** 1 for a first document; the replaced document's version plus one for a replacement. */
    version: integer('version').notNull(),
    /** The document this one replaces, or null. */
    replacesId: text('replaces_id'),
    /** Why the replaced document was replaced; null for a first document. */
    reason: text('reason'),
    receivedAt: text('received_at').notNull(),
    receivedBy: text('received_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('bid_documents_bid_idx').on(t.tenderId, t.bidId),
    // No cascade: a bid with documents is never deleted (bid-changes.service.ts).
    foreignKey({ columns: [t.tenderId, t.bidId], foreignColumns: [bids.tenderId, bids.id] }),
  ],
);

/**
 * A document's bytes in order, `seq` from 0. No foreign key to `bid_documents`: an upload
 * writes its chunks while the body streams in, before the one transaction that records the
 * document and its audit event; an upload that fails removes its chunks.
 */
export const documentChunks = sqliteTable(
  'document_chunks',
  {
    documentId: text('document_id').notNull(),
    seq: integer('seq').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.seq] })],
);
