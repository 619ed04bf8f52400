/**
 * @module
 * Audit log queries. The append path is prepared once: it runs in every write.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Orm } from '../../db/client.js';
import { prepareInsert } from '../../db/prepared.js';
import { auditEvents } from '../../db/schema/index.js';
import type { StoredAuditEvent } from './audit-chain.js';

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

export function createAuditQueries(orm: Orm, sqlite: Database.Database) {
  const lastEvent = orm
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .prepare();
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

  const insertEvent = prepareInsert(orm, auditEvents);
  // Each reads the end of the (tender_id, seq) index: no scan, however long the log.
  const GENERAL_SEQ = 'coalesce((SELECT max(seq) FROM audit_events WHERE tender_id IS NULL), 0)';
  const generalSeq = sqlite.prepare<[], { seq: number }>(`SELECT ${GENERAL_SEQ} AS seq`);
  const changeMarks = sqlite.prepare<[string], { tenderSeq: number; generalSeq: number }>(
    `SELECT coalesce((SELECT max(seq) FROM audit_events WHERE tender_id = ?), 0) AS tenderSeq, ${GENERAL_SEQ} AS generalSeq`,
  );

  return {
    findLastEvent: (): { seq: number; hash: string } | undefined => lastEvent.get(),
    insertEvent: (event: StoredAuditEvent): void => insertEvent(event),
    /** The newest event of no tender: users, memberships, tokens, logins, organisations. */
    findGeneralSeq: (): number => generalSeq.get()?.seq ?? 0,
    /**
     * The newest event of the tender and the newest event of no tender (users, organisations,
     * logins). Every change is written with its event, so while both stay the same nothing
     * the tender's evaluation reads has changed.
     */
    findChangeMarks: (tenderId: string): { tenderSeq: number; generalSeq: number } =>
      changeMarks.get(tenderId) ?? { tenderSeq: 0, generalSeq: 0 },
    listEventsOfTender: (tenderId: string): StoredAuditEvent[] => eventsOfTender.all({ tenderId }),
    /** Streams the whole log in seq order without holding it in memory. */
    iterateAllEvents: (): IterableIterator<StoredAuditEvent> => allEvents.iterate(),
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
