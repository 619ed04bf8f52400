/**
 * @module
 * Audit log queries. The append path is prepared once: it runs in every write. The signed
 * heads (a few a day) are read whole by the on-demand check; the state tables are streamed
 * for the check of the trail against them (`state-check.ts`).
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Orm } from '../../db/client.js';
import { prepareInsert, prepareIterate } from '../../db/prepared.js';
import {
  auditAnchors,
  auditEvents,
  bidCorrections,
  bidDocuments,
  bidPriceLines,
  bids,
  consensusScores,
  criteria,
  individualScores,
  memberships,
  organisations,
  panelMembers,
  procedures,
  providers,
  regionMembers,
  reports,
  tenders,
  users,
} from '../../db/schema/index.js';
import type { StoredAuditEvent } from './audit-chain.js';
import type { StoredAnchor } from './anchor-signature.js';

/** The tables whose rows the trail accounts for, streamed in primary-key order. */
export function createStateTableReaders(sqlite: Database.Database) {
  return {
    organisations: prepareIterate(sqlite, organisations),
    regionMembers: prepareIterate(sqlite, regionMembers),
    users: prepareIterate(sqlite, users),
    memberships: prepareIterate(sqlite, memberships),
    providers: prepareIterate(sqlite, providers),
    procedures: prepareIterate(sqlite, procedures),
    tenders: prepareIterate(sqlite, tenders),
    criteria: prepareIterate(sqlite, criteria),
    bids: prepareIterate(sqlite, bids),
    bidPriceLines: prepareIterate(sqlite, bidPriceLines),
    bidCorrections: prepareIterate(sqlite, bidCorrections),
    consensusScores: prepareIterate(sqlite, consensusScores),
    panelMembers: prepareIterate(sqlite, panelMembers),
    individualScores: prepareIterate(sqlite, individualScores),
    reports: prepareIterate(sqlite, reports),
    bidDocuments: documentsWithContentHash(sqlite),
  };
}

/**
 * The bid documents, each with `contentSha256`: the SHA-256 of its chunks as stored now,
 * read one chunk at a time. Prepared at first use, as `prepareIterate` (older databases).
 */
function documentsWithContentHash(sqlite: Database.Database) {
  const rows = prepareIterate(sqlite, bidDocuments);
  let chunks: Database.Statement<[string], Buffer> | undefined;
  return function* (): IterableIterator<typeof bidDocuments.$inferSelect & { contentSha256: string }> {
    chunks ??= sqlite.prepare<[string], Buffer>('SELECT bytes FROM document_chunks WHERE document_id = ? ORDER BY seq').pluck();
    for (const row of rows()) {
      const hash = createHash('sha256');
      for (const chunk of chunks.iterate(row.id)) hash.update(chunk);
      yield { ...row, contentSha256: hash.digest('hex') };
    }
  };
}

export type StateTableReaders = ReturnType<typeof createStateTableReaders>;

const columns = {
  seq: auditEvents.seq,
  at: auditEvents.at,
  actorUserId: auditEvents.actorUserId,
  organisationId: auditEvents.organisationId,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  tenderId: auditEvents.tenderId,
  change: auditEvents.change,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};

/** `make()` at the first call, then the same value. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createAuditQueries(orm: Orm, sqlite: Database.Database) {
  const lastEvent = orm.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).prepare();
  const eventsOfTender = orm
    .select(columns)
    .from(auditEvents)
    .where(eq(auditEvents.tenderId, sql.placeholder('tenderId')))
    .orderBy(asc(auditEvents.seq))
    .prepare();
  // Raw statement: drizzle's prepared queries cannot stream rows, and verify reads them all.
  const allEvents = sqlite.prepare<[], StoredAuditEvent>(
    `SELECT seq, at, actor_user_id AS actorUserId, organisation_id AS organisationId, action,
            entity_type AS entityType, entity_id AS entityId, tender_id AS tenderId, change,
            prev_hash AS prevHash, hash
       FROM audit_events ORDER BY seq`,
  );

  const eventsFrom = sqlite.prepare<[number], StoredAuditEvent>(
    `SELECT seq, at, actor_user_id AS actorUserId, organisation_id AS organisationId, action,
            entity_type AS entityType, entity_id AS entityId, tender_id AS tenderId, change,
            prev_hash AS prevHash, hash
       FROM audit_events WHERE seq >= ? ORDER BY seq`,
  );
  // The signed heads' statements are prepared at first use: the chain check of `npm run
  // backup` and `restore` reads databases of older versions, which have no audit_anchors.
  const anchorColumns = `id, seq, head, at, reason, certificate_fingerprint AS certificateFingerprint, signature`;
  const anchorsOldestFirst = once(() => sqlite.prepare<[], StoredAnchor>(`SELECT ${anchorColumns} FROM audit_anchors ORDER BY seq, id`));
  const anchorsNewestFirst = once(() => sqlite.prepare<[], StoredAnchor>(`SELECT ${anchorColumns} FROM audit_anchors ORDER BY seq DESC, id DESC`));
  const insertAnchor = once(() =>
    orm
      .insert(auditAnchors)
      .values({
        seq: sql.placeholder('seq'),
        head: sql.placeholder('head'),
        at: sql.placeholder('at'),
        reason: sql.placeholder('reason'),
        certificateFingerprint: sql.placeholder('certificateFingerprint'),
        signature: sql.placeholder('signature'),
      } as never)
      .returning({ id: auditAnchors.id })
      .prepare(),
  );

  const insertEvent = prepareInsert(orm, auditEvents);
  // Each reads the end of the (tender_id, seq) index: no scan, however long the log.
  const GENERAL_SEQ = 'coalesce((SELECT max(seq) FROM audit_events WHERE tender_id IS NULL), 0)';
  const generalSeq = sqlite.prepare<[], { seq: number }>(`SELECT ${GENERAL_SEQ} AS seq`);
  const changeMarks = sqlite.prepare<[string], { tenderSeq: number; generalSeq: number }>(
    `SELECT coalesce((SELECT max(seq) FROM audit_events WHERE tender_id = ?), 0) AS tenderSeq, ${GENERAL_SEQ} AS generalSeq`,
  );

  const dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();

  return {
    findLastEvent: (): { seq: number; hash: string } | undefined => lastEvent.get(),
    /**
     * SQLite's count of commits by other connections to this database (`PRAGMA
     * data_version`): it moves when another process writes the file, with or without an
     * audit event, which this connection's change marks would not show.
     */
    findDataVersion: (): number => dataVersion.get() as number,
    insertEvent: (event: StoredAuditEvent): void => insertEvent(event),
    /** The newest event of no tender: users, memberships, tokens, logins, organisations. */
    findGeneralSeq: (): number => generalSeq.get()?.seq ?? 0,
    /**
     * The newest event of the tender and the newest event of no tender (users, organisations,
     * logins). Every change is written with its event, so while both stay the same nothing
     * the tender's evaluation reads has changed.
     */
    findChangeMarks: (tenderId: string): { tenderSeq: number; generalSeq: number } => changeMarks.get(tenderId) ?? { tenderSeq: 0, generalSeq: 0 },
    listEventsOfTender: (tenderId: string): StoredAuditEvent[] => eventsOfTender.all({ tenderId }),
    /** Streams the whole log in seq order without holding it in memory. */
    iterateAllEvents: (): IterableIterator<StoredAuditEvent> => allEvents.iterate(),
    /** The events from `seq` on (inclusive), streamed. */
    iterateEventsFrom: (seq: number): IterableIterator<StoredAuditEvent> => eventsFrom.iterate(seq),
    /** Every signed head, lowest seq first. */
    listAnchors: (): StoredAnchor[] => anchorsOldestFirst().all(),
    /** The signed heads, highest seq first, streamed: the newest one that verifies is usually the first. */
    iterateAnchorsNewestFirst: (): IterableIterator<StoredAnchor> => anchorsNewestFirst().iterate(),
    /** Inserts a signed head and returns its id. */
    insertAnchor: (anchor: Omit<StoredAnchor, 'id'>): number => (insertAnchor().get(anchor) as { id: number }).id,
    /** The state tables, for `state-check.ts`. */
    stateTables: createStateTableReaders(sqlite),
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
