/**
 * @module
 * A procedure's documents of record (issue 21): `POST /procedures/:id/reports` makes either the
 * evaluation report of the procedure (`evaluation`) or, after an award decision, one award
 * decision letter per school that bid in the decided lots (`award-letters`). Each is rendered
 * by the pure outputs (`procedureReportData`, `procedureLetterData`) from the procedure as
 * the server holds it and, per lot, the same report data as that lot's own report, then
 * signed and stored as every report is (`signReport`, `storeReport`), all in one transaction
 * with a signed head of the audit chain. A report row needs a tender: a procedure's report is
 * stored under its first lot's tender with `procedure_id` (and, for a letter, the school's
 * KvK number), so `GET /reports/:id` and `verify` work unchanged.
 */
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/client.js';
import type { ReportKind } from '../../db/schema/index.js';
import type { Procedure } from '../../domain/procedure/procedure.js';
import type { ProcedureResult } from '../../domain/procedure/evaluate-procedure.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { EvaluationReportData } from '../../reports/report-data.js';
import type { LetterDocument } from '../../reports/procedure-letter-data.js';
import { parseSignatureRecord } from '../../reports/signing/signature-record.js';
import { anchorAuditHead } from '../audit/audit-anchor.service.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { requireProcedureRole, type ProcedureAccess } from '../procedures/procedure-access.js';
import { evaluatedOnRecord } from '../procedures/procedures.service.js';
import { tenderRowOf } from '../tenders/tender-access.js';
import { buildEvaluationReportData, checkPageUrl } from './report-data.service.js';
import { type ListedReport, type SignedReport, signReport, storeReport } from './reports.service.js';

export type ProcedureReportKind = 'evaluation' | 'award-letters';
export type CreatedProcedureReport = { id: string; kind: ReportKind; addresseeKvk: string | null; sha256: string; url: string };

/** Who reads a procedure's reports: as a tender's, never an evaluator. */
const REPORT_READERS = ['inkoper', 'admin', 'auditor'] as const;

type Rendered = { id: string; kind: ReportKind; addresseeKvk: string | null; signed: SignedReport };

function lotReportsOf(ctx: AppContext, access: ProcedureAccess, reportId: string, document: LetterDocument): Record<string, EvaluationReportData> {
  const signer = ctx.signer();
  return Object.fromEntries(
    access.lots.map(({ lot, access: lotAccess }) => [
      lot.lotId,
      buildEvaluationReportData(ctx, {
        tender: tenderRowOf(ctx, lotAccess),
        reportId,
        generatedAt: document.generatedAt,
        generatedBy: document.generatedBy,
        signer,
      }),
    ]),
  );
}

/**
 * The lots of one decision: the named lots (default every decided lot), each decided, all
 * with the same decision date and standstill (each decision has its own standstill, so its
 * own letters).
 */
function decisionOf(ctx: AppContext, access: ProcedureAccess, lotIds: readonly string[] | undefined): { lots: string[]; decision: StoredAwardDecision } {
  const decided = access.lots.flatMap(({ lot, access: lotAccess }) => {
    const stored = tenderRowOf(ctx, lotAccess).awardDecision;
    return stored === null ? [] : [{ lotId: lot.lotId, decision: JSON.parse(stored) as StoredAwardDecision }];
  });
  const named = lotIds ?? decided.map((d) => d.lotId);
  const undecided = named.filter((lotId) => !decided.some((d) => d.lotId === lotId));
  if (named.length === 0 || undecided.length > 0) {
    throw new AppError('conflict', {
      detail: `Gunningsbrieven kunnen pas na de gunningsbeslissing (POST /api/v1/procedures/{id}/award-decision); niet besloten: ${undecided.length > 0 ? `perceel ${undecided.join(', ')}` : 'elk perceel'}.`,
    });
  }
  const decisions = decided.filter((d) => named.includes(d.lotId));
  const first = (decisions[0] as (typeof decisions)[number]).decision;
  if (decisions.some((d) => d.decision.decisionDate !== first.decisionDate || d.decision.standstillEndsOn !== first.standstillEndsOn)) {
    throw new AppError('conflict', {
      detail: `De percelen ${named.join(', ')} zijn niet in één beslissing besloten (elk besluit heeft zijn eigen opschortende termijn): noem de percelen van één beslissing.`,
    });
  }
  return { lots: decisions.map((d) => d.lotId), decision: first };
}

async function renderLetters(
  ctx: AppContext,
  {
    access,
    procedure,
    result,
    document,
    lotIds,
  }: { access: ProcedureAccess; procedure: Procedure; result: ProcedureResult; document: LetterDocument; lotIds?: string[] | undefined },
): Promise<Rendered[]> {
  const { lots, decision } = decisionOf(ctx, access, lotIds);
  const onlyLots = lots.length === procedure.lots.length ? undefined : lots;
  const schools = [...new Set(procedure.lots.filter((lot) => lots.includes(lot.id)).flatMap((lot) => lot.dossier.bids.map((bid) => bid.provider.kvk)))];
  const [{ procedureLetterData }, { renderProcedureLetter }] = await Promise.all([
    import('../../reports/procedure-letter-data.js'),
    import('../../reports/render-procedure-letter.js'),
  ]);
  const rendered: Rendered[] = [];
  for (const kvk of schools) {
    const id = randomUUID();
    const data = procedureLetterData(procedure, result, kvk, {
      lotReports: lotReportsOf(ctx, access, id, document),
      reportId: id,
      decisionDate: decision.decisionDate,
      standstillEndsOn: decision.standstillEndsOn,
      document,
      onlyLots,
    });
    const signed = await signReport(ctx, await renderProcedureLetter(data), new Date(document.generatedAt));
    rendered.push({ id, kind: 'procedure-award-letter', addresseeKvk: kvk, signed });
  }
  return rendered;
}

async function renderReport(
  ctx: AppContext,
  { access, procedure, result, document }: { access: ProcedureAccess; procedure: Procedure; result: ProcedureResult; document: LetterDocument },
): Promise<Rendered[]> {
  const id = randomUUID();
  const [{ procedureReportData }, { renderProcedureReport }] = await Promise.all([
    import('../../reports/procedure-report-data.js'),
    import('../../reports/render-procedure-report.js'),
  ]);
  const data = procedureReportData(procedure, result, { lotReports: lotReportsOf(ctx, access, id, document), reportId: id, document });
  const signed = await signReport(ctx, await renderProcedureReport(data), new Date(document.generatedAt));
  return [{ id, kind: 'procedure-evaluation', addresseeKvk: null, signed }];
}

/** `POST /procedures/:id/reports` (inkoper on every lot): render, sign, store, audit; every report or none. */
export async function createProcedureReports(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: ProcedureAccess; input: { kind: ProcedureReportKind; lots?: string[] | undefined } },
): Promise<CreatedProcedureReport[]> {
  requireProcedureRole(access, ['inkoper'], 'een rapport maken');
  if (input.kind === 'evaluation' && input.lots !== undefined) {
    throw new AppError('invalid-input', { errors: [{ path: 'lots', message: 'alleen bij gunningsbrieven' }] });
  }
  const known = access.lots.map((l) => l.lot.lotId);
  const unknown = (input.lots ?? []).flatMap((lotId, i) =>
    known.includes(lotId) ? [] : [{ path: `lots[${i}]`, message: `geen perceel van deze procedure (${known.join(', ')})` }],
  );
  if (unknown.length > 0) throw new AppError('invalid-input', { errors: unknown });
  const { procedure, result } = evaluatedOnRecord(ctx, access.procedure);
  const generatedAt = ctx.clock();
  const signer = ctx.signer();
  const document: LetterDocument = {
    generatedAt: generatedAt.toISOString(),
    generatedBy: actor.name,
    certificate: signer.certificate,
    signatureLevel: signer.signatureLevel,
    checkUrl: checkPageUrl(ctx),
  };
  const rendered =
    input.kind === 'evaluation'
      ? await renderReport(ctx, { access, procedure, result, document })
      : await renderLetters(ctx, { access, procedure, result, document, lotIds: input.lots });
  const first = (access.lots[0] as ProcedureAccess['lots'][number]).access;
  writeTransaction(ctx.db, () => {
    for (const report of rendered) {
      storeReport(ctx, {
        actor,
        access: first,
        id: report.id,
        kind: report.kind,
        bidId: null,
        generatedAt,
        signed: report.signed,
        procedure: { procedureId: access.procedure.id, addresseeKvk: report.addresseeKvk },
      });
    }
    anchorAuditHead(ctx, 'report');
  });
  return rendered.map(({ id, kind, addresseeKvk, signed }) => ({ id, kind, addresseeKvk, sha256: signed.sha256, url: `/api/v1/reports/${id}` }));
}

/** `GET /procedures/:id/reports`: the procedure's reports, oldest first. */
export function listProcedureReports(ctx: AppContext, { access }: { access: ProcedureAccess }): ListedReport[] {
  requireProcedureRole(access, REPORT_READERS, 'de rapporten zien');
  return ctx.queries.reports
    .listReportsOfProcedure(access.procedure.id)
    .map((r) => ({ ...r, url: `/api/v1/reports/${r.id}`, signatureCheck: parseSignatureRecord(r.signatureCheck) }));
}
