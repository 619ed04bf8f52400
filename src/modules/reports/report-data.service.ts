/**
 * @module
 * Fills the report's data from the tender as it stands: the exported dossier evaluated by
 * the engine (the same evaluation the API shows), the panel, the consensus motivations and
 * disagreements, and the audit chain's head. Every date comes from the data; the only clock
 * value is the moment of signing (`generatedAt`), so the same tender state gives the same
 * report content.
 *
 * Blind scoring (issue 14, docs/access.md): a report may be made before every member of the
 * panel has sealed, but then it holds no individual score at all (the disagreements are the
 * only place it would show them) and names the members who have not sealed yet, so the
 * report says plainly what it leaves out and why.
 */
import { labellerOfBids, missingScoresText } from '../../domain/bid-label.js';
import { addressOf } from '../../domain/provider/provider-address.js';
import type { ReportSigner } from '../../reports/signing/signer.js';
import type { ConsensusMotivation, Disagreement, EvaluationReportData, PanelMemberRecord, ReportCorrection } from '../../reports/report-data.js';
import { todayInAmsterdam } from '../../domain/dates.js';
import { correctionViewsOf } from '../bids/bid-corrections.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { computeEvaluation, loadDossier } from '../evaluation/evaluation.service.js';
import { formulaCheckOf } from '../formula-check/formula-check.service.js';
import { buildConsensusOverview } from '../panel/consensus.service.js';
import { sealStatusOf } from '../panel/panel-access.js';
import type { PanelMemberWithUser } from '../panel/panel.queries.js';
import type { TenderRow } from '../tenders/tenders.queries.js';

/** The page where anyone can check a document: printed in every footer, so from configuration, never a request. */
export function checkPageUrl(ctx: AppContext): string {
  return `${ctx.config.publicBaseUrl.replace(/\/+$/, '')}/rapporten/controleren`;
}

function panelRecord(member: PanelMemberWithUser): PanelMemberRecord {
  if (member.declaration === 'conflict') {
    // A declared conflict removes the member from the panel; the report still names it.
    const remark = member.remarks ? `: ${member.remarks}` : '';
    return { name: member.name, conflictDeclaredAt: null, conflictRemarks: `Belangenconflict gemeld, niet in de commissie${remark}`, sealedAt: null };
  }
  return {
    name: member.name,
    conflictDeclaredAt: member.declaration === 'no-conflict' ? member.declaredAt : null,
    ...(member.remarks ? { conflictRemarks: member.remarks } : {}),
    sealedAt: member.sealedAt,
  };
}

/** Per bid, its corrections after the opening as the report prints them. */
function reportCorrectionsOf(ctx: AppContext, tenderId: string): Map<string, ReportCorrection[]> {
  const byBid = new Map<string, ReportCorrection[]>();
  for (const [bidId, views] of correctionViewsOf(ctx.queries.bids.listCorrections(tenderId))) {
    byBid.set(
      bidId,
      views.map((c) => ({
        correctedOn: todayInAmsterdam(Date.parse(c.correctedAt)),
        priceBefore: c.before.price,
        priceAfter: c.after.price,
        reason: c.reason,
        lowBidReviewState: c.lowBidReviewState,
      })),
    );
  }
  return byBid;
}

/** `withIndividualScores`: there is a panel and every member on it has sealed. */
function consensusOf(ctx: AppContext, tenderId: string, withIndividualScores: boolean): EvaluationReportData['consensus'] {
  const motivations: ConsensusMotivation[] = ctx.queries.tenders
    .listScores(tenderId)
    .filter((row) => row.motivation !== null)
    .map((row) => ({
      bidId: row.bidId,
      criterionId: row.criterionId,
      score: row.score,
      motivation: row.motivation ?? '',
      ...(row.deviationReason ? { deviationReason: row.deviationReason } : {}),
    }));
  const disagreements: Disagreement[] = withIndividualScores
    ? buildConsensusOverview(ctx, tenderId)
        .items.filter((item) => item.disagreement)
        .map((item) => ({
          bidId: item.bidId,
          criterionId: item.criterionId,
          individualScores: item.scores.map((s) => ({ evaluator: s.name, score: s.score })),
          consensusScore: item.consensus?.score ?? null,
        }))
    : [];
  return motivations.length === 0 && disagreements.length === 0 ? undefined : { motivations, disagreements };
}

/**
 * The data of the evaluation report; 409 while consensus scores are missing (a record of the
 * evaluation is made of a complete evaluation, not a preview).
 */
export function buildEvaluationReportData(
  ctx: AppContext,
  options: { tender: TenderRow; reportId: string; generatedAt: string; generatedBy: string; signer: ReportSigner },
): EvaluationReportData {
  const { tender } = options;
  const evaluation = computeEvaluation(ctx, tender.id);
  if (evaluation.incomplete.length > 0) {
    const missing = missingScoresText(evaluation.incomplete, labellerOfBids(ctx.queries.tenders.listBids(tender.id)));
    throw new AppError('conflict', { detail: `Het beoordelingsrapport kan pas als alle consensusscores er zijn; er ontbreekt nog: ${missing}.` });
  }
  const dossier = loadDossier(ctx, tender.id);
  const corrections = reportCorrectionsOf(ctx, tender.id);
  const members = ctx.queries.panel.listMembers(tender.id);
  const seals = sealStatusOf(members);
  return {
    reportId: options.reportId,
    generatedAt: options.generatedAt,
    generatedBy: options.generatedBy,
    tender: { ...dossier.tender, status: tender.status },
    award: dossier.award,
    criteria: dossier.criteria,
    bids: dossier.bids.map((bid) => ({
      id: bid.id,
      providerName: bid.provider.name,
      providerAddress: addressOf(bid.provider),
      price: bid.price ?? null,
      scores: bid.scores,
      lowBidReview: bid.lowBidReview,
      ...(corrections.has(bid.id) ? { corrections: corrections.get(bid.id) } : {}),
      ...(bid.withdrawal === undefined ? {} : { withdrawal: bid.withdrawal }),
    })),
    result: evaluation,
    ...(members.length > 0 ? { panel: { members: members.map(panelRecord), notSealed: seals.pending.map((m) => m.name) } } : {}),
    consensus: consensusOf(ctx, tender.id, members.length > 0 && seals.allSealed),
    auditHeadHash: ctx.queries.audit.findLastEvent()?.hash ?? '0'.repeat(64),
    certificate: options.signer.certificate,
    signatureLevel: options.signer.signatureLevel,
    formulaCheck: formulaCheckOf(ctx, tender.id, { suggestions: false }),
    dossier,
    checkUrl: checkPageUrl(ctx),
    documents: ctx.queries.documents.listDocuments(tender.id).map((d) => ({
      bidId: d.bidId,
      envelope: d.envelope,
      name: d.name,
      version: d.version,
      size: d.sizeBytes,
      sha256: d.sha256,
      receivedAt: d.receivedAt,
    })),
  };
}
