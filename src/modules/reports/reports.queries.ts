/**
 * @module
 * Issued reports: their bytes are stored as signed, and found by id or by SHA-256 (to tell
 * whether an uploaded PDF is one this server issued).
 */
import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportMeta = Omit<ReportRow, 'bytes'>;

export function createReportQueries(orm: Orm) {
  const byId = orm
    .select()
    .from(reports)
    .where(eq(reports.id, sql.placeholder('id')))
    .prepare();
  const meta = {
    id: reports.id,
    tenderId: reports.tenderId,
    kind: reports.kind,
    bidId: reports.bidId,
    sha256: reports.sha256,
    createdAt: reports.createdAt,
    createdBy: reports.createdBy,
    signatureCheck: reports.signatureCheck,
    procedureId: reports.procedureId,
    addresseeKvk: reports.addresseeKvk,
  };
  const bySha = orm
    .select(meta)
    .from(reports)
    .where(eq(reports.sha256, sql.placeholder('sha256')))
    .prepare();
  const ofTender = orm
    .select(meta)
    .from(reports)
    .where(eq(reports.tenderId, sql.placeholder('tenderId')))
    .orderBy(reports.createdAt)
    .prepare();
  const ofProcedure = orm
    .select(meta)
    .from(reports)
    .where(eq(reports.procedureId, sql.placeholder('procedureId')))
    .orderBy(reports.createdAt)
    .prepare();
  return {
    listReportsOfProcedure: (procedureId: string): ReportMeta[] => ofProcedure.all({ procedureId }),
    findReport: (id: string): ReportRow | undefined => byId.get({ id }),
    findReportBySha256: (sha256: string): ReportMeta | undefined => bySha.get({ sha256 }),
    listReportsOfTender: (tenderId: string): ReportMeta[] => ofTender.all({ tenderId }),
    insertReport: (row: ReportRow): void => {
      orm.insert(reports).values(row).run();
    },
  };
}

export type ReportQueries = ReturnType<typeof createReportQueries>;
