/**
 * @module
 * Signed reports (evaluation report, award letters) as issued: the exact bytes and their
 * SHA-256, so that `POST /reports/verify` can recognise a report this server made. No
 * cascade from the tender: an issued report is a record.
 */
import { blob, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './organisations.js';
import { procedures } from './procedures.js';
import { tenders } from './tenders.js';

/**
 * `price-opening`: the proces-verbaal van opening van de prijsenveloppen, made at the confirmation (never by POST .../reports).
 * `procedure-evaluation`, `procedure-award-letter`: a procedure's report and its letter to one school (issue 21), made by
 * POST /procedures/:id/reports only.
 */
export const REPORT_KINDS = ['evaluation', 'award-letter', 'price-opening', 'procedure-evaluation', 'procedure-award-letter'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    /** The addressee of an award letter; null for the evaluation report. */
    bidId: text('bid_id'),
    /**
     * A procedure's report (issue 21): the procedure; `tender_id` is then its first lot's tender
     * (whose access rule, the procedure's for every role that reads reports, guards it).
     */
    procedureId: text('procedure_id').references(() => procedures.id),
    /** The addressee of a procedure's award letter: the school's KvK number (it bid on several lots). */
    addresseeKvk: text('addressee_kvk'),
    /** Hex SHA-256 of `bytes`. */
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    /**
     * The signature as validated right after signing (JSON: validatedAt, valid, level, signer,
     * timestamp, problems): what the Archiefregeling asks to record with a document of record.
     * Null for reports issued before it was recorded.
     */
    signatureCheck: text('signature_check'),
  },
  (t) => [index('reports_tender_idx').on(t.tenderId), index('reports_sha256_idx').on(t.sha256), index('reports_procedure_idx').on(t.procedureId)],
);
