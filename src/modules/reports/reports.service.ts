/**
 * @module
 * Signed reports: the evaluation report (proces-verbaal) and award letters. A report is
 * rendered from the tender as it stands, signed, and stored byte for byte with its SHA-256
 * in one transaction with its audit event and a signed head of the audit chain that includes
 * it; `GET /reports/:id` returns exactly those bytes.
 * With a timestamp authority configured, a report that cannot be timestamped is not stored:
 * the caller gets a 503 to try again (a report without its promised trusted time would be a
 * weaker record than the cover says). Verification checks the signature itself (not only a
 * lookup), with its PAdES level and timestamp, and then says whether the file is one this
 * server issued.
 *
 * The renderers (pdfkit with its fonts and compression) and the verifier are loaded by the
 * first report, not at the server's start (docs/build.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/client.js';
import type { ReportKind } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { buildAwardLetterData } from '../../reports/award-letter-data.js';
import type { SignatureLevel } from '../../reports/signing/signer.js';
import { TimestampError } from '../../reports/signing/timestamp-client.js';
import type { TimestampInfo } from '../../reports/signing/timestamp-token.js';
import { type DocumentContents, isIntact, verifyDocument } from '../../reports/proof/verify-document.js';
import { parseSignatureRecord, signatureRecordOf, type SignatureRecord } from '../../reports/signing/signature-record.js';
import { verifyPdfSignature } from '../../reports/signing/verify-pdf-signature.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { anchorAuditHead } from '../audit/audit-anchor.service.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { requireTenderRole, resolveTenderAccess, tenderRowOf, type TenderAccess } from '../tenders/tender-access.js';
import { buildEvaluationReportData } from './report-data.service.js';
import type { ReportMeta } from './reports.queries.js';
import type { TenderRow } from '../tenders/tenders.queries.js';

/** Who may read issued reports: everyone of the tender's organisation but the evaluators, and auditors. */
const REPORT_READERS = ['inkoper', 'admin', 'auditor'] as const;

export type CreatedReport = { id: string; kind: ReportKind; bidId: string | null; sha256: string; url: string; signatureCheck: SignatureRecord };
export type ListedReport = Omit<ReportMeta, 'signatureCheck'> & { url: string; signatureCheck: SignatureRecord | null };
export type ReportVerification = {
  signatureValid: boolean;
  coversWholeDocument: boolean;
  knownReport: boolean;
  reportId: string | null;
  sha256: string;
  signer: { subject: string; fingerprintSha256: string } | null;
  padesLevel: SignatureLevel | null;
  timestamp: TimestampInfo | null;
  /** Signature valid over the whole file and, for an evaluation report, its embedded proof holds. */
  intact: boolean;
  /** What the document says about itself, and its embedded proof re-computed. */
  document: DocumentContents | null;
  /** For a report this server issued: its signature as validated right after signing. */
  issuedSignatureCheck: SignatureRecord | null;
  problems: string[];
};

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function awardDecisionOf(tender: TenderRow): StoredAwardDecision {
  const stored = tender.awardDecision;
  if (stored === null) {
    throw new AppError('conflict', {
      detail: 'Een gunningsbrief kan pas worden gemaakt na de gunningsbeslissing (POST .../award-decision).',
    });
  }
  return JSON.parse(stored) as StoredAwardDecision;
}

async function render(
  ctx: AppContext,
  options: { actor: Actor; access: TenderAccess; kind: ReportKind; bidId: string | undefined; reportId: string; generatedAt: Date },
): Promise<Buffer> {
  const signer = ctx.signer();
  const tender = tenderRowOf(ctx, options.access);
  const report = buildEvaluationReportData(ctx, {
    tender,
    reportId: options.reportId,
    generatedAt: options.generatedAt.toISOString(),
    generatedBy: options.actor.name,
    signer,
  });
  if (options.kind === 'evaluation') return (await import('../../reports/render-evaluation-report.js')).renderEvaluationReport(report);
  const decision = awardDecisionOf(tender);
  const bidId = options.bidId;
  if (bidId === undefined || !report.bids.some((bid) => bid.id === bidId)) {
    throw new AppError('invalid-input', {
      detail: 'Een gunningsbrief is voor één inschrijving van deze aanbesteding.',
      errors: [{ path: 'bidId', message: bidId === undefined ? 'verplicht voor een gunningsbrief' : `onbekende inschrijving ${bidId}` }],
    });
  }
  // The letter follows the decision as taken (its winner, also after a draw of lots).
  const letterReport = { ...report, result: { ...report.result, winner: decision.winner } };
  const { renderAwardLetter } = await import('../../reports/render-award-letter.js');
  return renderAwardLetter(
    buildAwardLetterData({
      report: letterReport,
      bidId,
      reportId: options.reportId,
      decisionDate: decision.decisionDate,
      standstillEndsOn: decision.standstillEndsOn,
    }),
  );
}

/** Signs; a failing timestamp authority becomes a Dutch 503, before anything is stored. */
async function sign(ctx: AppContext, pdf: Buffer, signingTime: Date): Promise<Buffer> {
  try {
    return await ctx.signer().sign(pdf, { signingTime });
  } catch (error) {
    if (!(error instanceof TimestampError)) throw error;
    ctx.logger.warn('tijdstempeldienst mislukt; rapport niet opgeslagen', { reason: error.message });
    throw new AppError('unavailable', {
      detail: `Het rapport is niet gemaakt: ${error.message}. Er is niets opgeslagen; probeer het over enkele minuten opnieuw.`,
      headers: { 'retry-after': '60' },
    });
  }
}

/** `POST /tenders/:id/reports` (inkoper): render, sign, store, audit. */
export async function createReport(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: TenderAccess; input: { kind: ReportKind; bidId?: string | undefined } },
): Promise<CreatedReport> {
  requireTenderRole(access, ['inkoper'], 'een rapport maken');
  if (input.kind === 'evaluation' && input.bidId !== undefined) {
    throw new AppError('invalid-input', { errors: [{ path: 'bidId', message: 'alleen bij een gunningsbrief' }] });
  }
  const id = randomUUID();
  const generatedAt = ctx.clock();
  const unsigned = await render(ctx, { actor, access, kind: input.kind, bidId: input.bidId, reportId: id, generatedAt });
  const signed = await signReport(ctx, unsigned, generatedAt);
  const bidId = input.kind === 'award-letter' ? (input.bidId ?? null) : null;
  writeTransaction(ctx.db, () => {
    storeReport(ctx, { actor, access, id, kind: input.kind, bidId, generatedAt, signed });
    // Every report is a moment worth pinning: the head, this report's event included, is signed with it.
    anchorAuditHead(ctx, 'report');
  });
  return { id, kind: input.kind, bidId, sha256: signed.sha256, url: `/api/v1/reports/${id}`, signatureCheck: signed.signatureCheck };
}

export type SignedReport = { bytes: Buffer; sha256: string; signatureCheck: SignatureRecord };

/** Signs a rendered report and validates it as any reader would, right after signing. */
export async function signReport(ctx: AppContext, unsigned: Buffer, generatedAt: Date): Promise<SignedReport> {
  const bytes = await sign(ctx, unsigned, generatedAt);
  const signatureCheck = signatureRecordOf(await verifyPdfSignature(bytes), ctx.clock());
  if (!signatureCheck.valid) throw new Error(`the report just signed does not verify: ${signatureCheck.problems.join('; ')}`);
  return { bytes, sha256: sha256Of(bytes), signatureCheck };
}

/**
 * Stores a signed report with its `report.created` event. Call inside the write transaction
 * of the change it records (the caller anchors the audit head after it).
 */
export function storeReport(
  ctx: AppContext,
  {
    actor,
    access,
    id,
    kind,
    bidId,
    generatedAt,
    signed,
    procedure,
  }: {
    actor: Actor;
    access: TenderAccess;
    id: string;
    kind: ReportKind;
    bidId: string | null;
    generatedAt: Date;
    signed: SignedReport;
    /** A procedure's report (issue 21): `access` is then its first lot's. */
    procedure?: { procedureId: string; addresseeKvk: string | null };
  },
): void {
  const { bytes, sha256, signatureCheck } = signed;
  ctx.queries.reports.insertReport({
    id,
    tenderId: access.tender.id,
    kind,
    bidId,
    procedureId: procedure?.procedureId ?? null,
    addresseeKvk: procedure?.addresseeKvk ?? null,
    sha256,
    bytes,
    createdAt: generatedAt.toISOString(),
    createdBy: actor.userId,
    signatureCheck: JSON.stringify(signatureCheck),
  });
  recordAuditEvent(ctx, {
    actorUserId: actor.userId,
    organisationId: access.tender.organisationId,
    action: 'report.created',
    entityType: 'report',
    entityId: id,
    tenderId: access.tender.id,
    change: { after: { kind, bidId, ...(procedure ?? {}), sha256, certificate: ctx.signer().certificate.fingerprintSha256, signatureCheck } },
  });
}

/** `GET /tenders/:id/reports`: the reports issued for a tender, newest last. */
export function listReports(ctx: AppContext, { access }: { access: TenderAccess }): ListedReport[] {
  requireTenderRole(access, REPORT_READERS, 'de rapporten zien');
  return ctx.queries.reports
    .listReportsOfTender(access.tender.id)
    .map((r) => ({ ...r, url: `/api/v1/reports/${r.id}`, signatureCheck: parseSignatureRecord(r.signatureCheck) }));
}

/** `GET /reports/:id`: the stored bytes, unchanged; 404 for a report of a tender that is not yours. */
export function getReport(ctx: AppContext, { actor, id }: { actor: Actor; id: string }): { bytes: Buffer; kind: ReportKind; sha256: string } {
  const report = ctx.queries.reports.findReport(id);
  // The tender's own access rule, so a member of its panel reads no report through another role.
  const access = report && resolveTenderAccess(ctx, actor, report.tenderId);
  if (report === undefined || access === undefined) throw new AppError('not-found', { detail: `Rapport ${id} bestaat niet.` });
  requireTenderRole(access, REPORT_READERS, 'rapporten lezen');
  return { bytes: Buffer.from(report.bytes), kind: report.kind, sha256: report.sha256 };
}

/**
 * `POST /reports/verify` (anyone logged in): the signature, checked cryptographically, the
 * document's own record and embedded proof, then the lookup.
 */
export async function verifyReport(ctx: AppContext, { bytes }: { bytes: Uint8Array }): Promise<ReportVerification> {
  const verification = await verifyDocument(bytes);
  const known = verification.signatureValid ? ctx.queries.reports.findReportBySha256(verification.sha256) : undefined;
  return {
    signatureValid: verification.signatureValid,
    coversWholeDocument: verification.coversWholeDocument,
    knownReport: known !== undefined,
    reportId: known?.id ?? null,
    sha256: verification.sha256,
    signer: verification.signer,
    padesLevel: verification.padesLevel,
    timestamp: verification.timestamp,
    intact: isIntact(verification),
    document: verification.document,
    issuedSignatureCheck: known === undefined ? null : parseSignatureRecord(known.signatureCheck),
    problems: verification.problems,
  };
}
