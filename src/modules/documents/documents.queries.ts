/**
 * @module
 * The bid documents and their chunks. A chunk is written per 1 MiB of an upload and read per
 * 1 MiB of a download, so both statements are prepared once; the raw statements stream.
 */
import type Database from 'better-sqlite3';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { prepareInsert } from '../../db/prepared.js';
import { bidDocuments } from '../../db/schema/index.js';

export type BidDocumentRow = typeof bidDocuments.$inferSelect;

export function createDocumentQueries(orm: Orm, sqlite: Database.Database) {
  const ofTender = orm
    .select()
    .from(bidDocuments)
    .where(eq(bidDocuments.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(bidDocuments.bidId), asc(bidDocuments.receivedAt), asc(bidDocuments.version), asc(bidDocuments.id))
    .prepare();
  const byId = orm
    .select()
    .from(bidDocuments)
    .where(and(eq(bidDocuments.tenderId, sql.placeholder('tenderId')), eq(bidDocuments.id, sql.placeholder('id'))))
    .prepare();
  const insertDocument = prepareInsert(orm, bidDocuments);
  const insertChunk = sqlite.prepare<[string, number, Buffer]>('INSERT INTO document_chunks (document_id, seq, bytes) VALUES (?, ?, ?)');
  const deleteChunks = sqlite.prepare<[string]>('DELETE FROM document_chunks WHERE document_id = ?');
  const chunkAt = sqlite.prepare<[string, number], Buffer>('SELECT bytes FROM document_chunks WHERE document_id = ? AND seq = ?').pluck();
  const chunksOf = sqlite.prepare<[string], Buffer>('SELECT bytes FROM document_chunks WHERE document_id = ? ORDER BY seq').pluck();
  const countOfBid = sqlite.prepare<[string, string], number>('SELECT count(*) FROM bid_documents WHERE tender_id = ? AND bid_id = ?').pluck();
  const countOfTender = sqlite.prepare<[string], number>('SELECT count(*) FROM bid_documents WHERE tender_id = ?').pluck();
  const replacer = sqlite.prepare<[string], string>('SELECT id FROM bid_documents WHERE replaces_id = ?').pluck();
  const orphans = sqlite.prepare('DELETE FROM document_chunks WHERE document_id NOT IN (SELECT id FROM bid_documents)');

  return {
    /** Every document of the tender, every version, by bid and time of receipt. */
    listDocuments: (tenderId: string): BidDocumentRow[] => ofTender.all({ tenderId }),
    findDocument: (tenderId: string, id: string): BidDocumentRow | undefined => byId.get({ tenderId, id }),
    /** The id of the document that replaced `id`, if one did. */
    findReplacement: (id: string): string | undefined => replacer.get(id),
    countDocumentsOfBid: (tenderId: string, bidId: string): number => countOfBid.get(tenderId, bidId) ?? 0,
    countDocumentsOfTender: (tenderId: string): number => countOfTender.get(tenderId) ?? 0,
    insertDocument: (row: BidDocumentRow): void => insertDocument(row),
    insertChunk: (documentId: string, seq: number, bytes: Buffer): void => {
      insertChunk.run(documentId, seq, bytes);
    },
    deleteChunks: (documentId: string): void => {
      deleteChunks.run(documentId);
    },
    /** Removes the chunks no document row points at; the number of rows removed. */
    deleteOrphanChunks: (): number => orphans.run().changes,
    /** Chunk `seq` of the document, or undefined past its end. */
    findChunk: (documentId: string, seq: number): Buffer | undefined => chunkAt.get(documentId, seq),
    /** The document's chunks in order, streamed. */
    iterateChunks: (documentId: string): IterableIterator<Buffer> => chunksOf.iterate(documentId),
  };
}

export type DocumentQueries = ReturnType<typeof createDocumentQueries>;
