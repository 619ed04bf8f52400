/**
 * @module
 * The award decision letter of a procedure with several lots to one school (issue 21): one
 * letter per KvK number covering every lot the school bid on. Per lot it holds what the
 * single letter holds of that lot (award-letter-data.ts: the school's own result, the
 * allocated winner's scores, price and motivations, art. 2.130 Aanbestedingswet 2012), and
 * what the award limitation did to the school there: a lot it would have won without the
 * limitation is explained by the lots it gets instead and the published rule.
 *
 * Built from each lot's evaluation report data (the server makes them per lot, as for a
 * single tender), so the letter and the reports never disagree; the allocation comes from the
 * procedure's result. Of another school the letter names only the allocated winner of a lot
 * (as the single letter does) and, for a lot without a decision, the allocation's reason.
 *
 * @example
 * const data = procedureLetterData(procedure, evaluateProcedure(procedure), '05234567', {
 *   lotReports, reportId: 'LTR-9', decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21', document,
 * });
 * const pdf = await renderProcedureLetter(data);
 */
import type { Award } from '../domain/evaluation/dossier.js';
import type { EvaluationResult } from '../domain/evaluation/result.js';
import type { ProcedureResult } from '../domain/procedure/evaluate-procedure.js';
import type { AwardLimitRule, Procedure, ProcedureFields } from '../domain/procedure/procedure.js';
import { addressOf, type ProviderAddress } from '../domain/provider/provider-address.js';
import { partyOf } from './award-letter-data.js';
import { dossierSha256Of } from './embedded-files.js';
import type { EvaluationReportData, LetterParty, ReportCriterion } from './report-data.js';
import type { CertificateInfo, SignatureLevel } from './signing/signer.js';

/** What the decision on one lot is for the recipient. */
export type LetterLotOutcome =
  /** The lot goes to the recipient; `afterLimit` when a better-ranked bid was passed over by the limitation. */
  | { kind: 'awarded'; afterLimit: boolean }
  /** The lot goes to a better-ranked bid. */
  | { kind: 'ranked' }
  /** The recipient was tied with the winner and a recorded draw of lots fell on the winner: its record. */
  | { kind: 'lost-draw'; record: string }
  /** The recipient ranked better than the lot's allocated winner: the limitation passed it over; `heldLots` are the lots it gets. */
  | { kind: 'limited'; heldLots: readonly { lotId: string; lot: string }[]; reason: string }
  /** The recipient's bid was excluded (the winner, if any, is in `winner`). */
  | { kind: 'excluded' }
  /** The lot has no winner now (a draw is needed, or no eligible bid): the allocation's reason. */
  | { kind: 'undecided'; reason: string };

export type ProcedureLetterLot = {
  lotId: string;
  /** The lot's name ("B1-route"), reference and title as its dossier gives them. */
  lot: string;
  reference: string;
  title: string;
  award: Award;
  scoreKind: EvaluationResult['scoreKind'];
  criteria: readonly ReportCriterion[];
  bidCount: number;
  rankedCount: number;
  recipient: LetterParty;
  /** The allocated winner; null when the lot has none now. */
  winner: LetterParty | null;
  outcome: LetterLotOutcome;
  /** SHA-256 of the lot's dossier, as its evaluation report embeds it. */
  dossierSha256: string;
};

export type ProcedureLetterLimit = { maxLotsPerBidder: number; rule: AwardLimitRule; lotOrder: readonly string[] | null };

/** The letter's own fields that no lot report gives: who made it, when, with which certificate. */
export type LetterDocument = {
  generatedAt: string;
  generatedBy: string;
  certificate: CertificateInfo;
  signatureLevel: SignatureLevel;
  checkUrl: string;
};

export type ProcedureLetterData = LetterDocument & {
  reportId: string;
  procedure: ProcedureFields;
  kvk: string;
  /** The school's name, as on its first bid in the procedure. */
  schoolName: string;
  recipientAddress: ProviderAddress;
  limit: ProcedureLetterLimit | null;
  /** The lots the recipient gets, in the order of the procedure. */
  awardedLots: readonly { lotId: string; lot: string }[];
  /** Every lot the recipient bid on, in the order of the procedure. */
  lots: readonly ProcedureLetterLot[];
  decisionDate: string;
  standstillEndsOn: string;
  contact?: string | undefined;
};

export type ProcedureLetterOptions = {
  /** Per lot id, that lot's evaluation report data (the same as for a single tender's report). */
  lotReports: Readonly<Record<string, EvaluationReportData>>;
  reportId: string;
  /** `YYYY-MM-DD`. */
  decisionDate: string;
  /** `YYYY-MM-DD`: the last day of the standstill period. */
  standstillEndsOn: string;
  contact?: string | undefined;
  document: LetterDocument;
  /**
   * The lots of this decision, when the officer decides per lot (each decision has its own
   * standstill, so its own letter); default every lot. The allocation stays the procedure's.
   */
  onlyLots?: readonly string[] | undefined;
};

function sameRanking(a: EvaluationResult, b: EvaluationResult): boolean {
  const ranks = (result: EvaluationResult) => result.bids.map((bid) => `${bid.bidId}:${bid.rank}:${bid.status}`).join(',');
  return ranks(a) === ranks(b) && a.winner === b.winner;
}

/**
 * @throws RangeError when the school bid on no lot of the procedure, a lot has no report, or a
 * report's ranking is not the procedure's result for that lot.
 */
export function procedureLetterData(procedure: Procedure, result: ProcedureResult, kvk: string, options: ProcedureLetterOptions): ProcedureLetterData {
  const winners = new Map(result.allocation.map((allocation) => [allocation.lotId, allocation.winner]));
  // Every lot the school gets in the procedure: what the limitation weighs against a lot it
  // does not get, also when this letter covers one decision's lots only.
  const heldLots = procedure.lots
    .filter((lot) => {
      const winner = winners.get(lot.id);
      return lot.dossier.bids.some((bid) => bid.id === winner && bid.provider.kvk === kvk);
    })
    .map((lot) => ({ lotId: lot.id, lot: lot.dossier.tender.lot }));
  const awardedLots = heldLots.filter((lot) => options.onlyLots === undefined || options.onlyLots.includes(lot.lotId));

  const lots: ProcedureLetterLot[] = [];
  let firstBid: { name: string; report: EvaluationReportData; bidId: string } | undefined;
  procedure.lots.forEach((lot, index) => {
    const bid = lot.dossier.bids.find((candidate) => candidate.provider.kvk === kvk);
    if (bid === undefined || (options.onlyLots !== undefined && !options.onlyLots.includes(lot.id))) return;
    const report = options.lotReports[lot.id];
    const lotResult = result.lots[index];
    const allocation = result.allocation[index];
    if (report === undefined) throw new RangeError(`perceel ${lot.id} heeft geen beoordelingsgegevens`);
    if (lotResult?.lotId !== lot.id || allocation?.lotId !== lot.id || !sameRanking(report.result, lotResult.result)) {
      throw new RangeError(`de beoordeling van perceel ${lot.id} is niet die van deze procedure`);
    }
    firstBid ??= { name: bid.provider.name, report, bidId: bid.id };
    const recipient = partyOf(report, bid.id);
    const winner = allocation.winner === null ? null : partyOf(report, allocation.winner);
    lots.push({
      lotId: lot.id,
      lot: lot.dossier.tender.lot,
      reference: lot.dossier.tender.reference,
      title: lot.dossier.tender.title,
      award: report.award,
      scoreKind: report.result.scoreKind,
      criteria: report.criteria,
      bidCount: report.result.bids.length,
      rankedCount: report.result.bids.filter((candidate) => candidate.status === 'ranked').length,
      recipient,
      winner,
      outcome: outcomeOf(recipient, winner, allocation, heldLots),
      dossierSha256: dossierSha256Of(report.dossier),
    });
  });
  if (firstBid === undefined) throw new RangeError(`inschrijver met KvK-nummer ${kvk} schreef op geen enkel perceel van deze beslissing in`);
  const limit = procedure.awardLimit;
  return {
    ...options.document,
    reportId: options.reportId,
    procedure: procedure.procedure,
    kvk,
    schoolName: firstBid.name,
    // The recipient's own address only, from its first bid's report, as the single letter.
    recipientAddress: addressOf(firstBid.report.bids.find((candidate) => candidate.id === firstBid?.bidId)?.providerAddress ?? {}),
    limit: limit === undefined ? null : { maxLotsPerBidder: limit.maxLotsPerBidder, rule: limit.rule, lotOrder: limit.lotOrder ?? null },
    awardedLots,
    lots,
    decisionDate: options.decisionDate,
    standstillEndsOn: options.standstillEndsOn,
    ...(options.contact === undefined ? {} : { contact: options.contact }),
  };
}

function outcomeOf(
  recipient: LetterParty,
  winner: LetterParty | null,
  allocation: ProcedureResult['allocation'][number],
  heldLots: readonly { lotId: string; lot: string }[],
): LetterLotOutcome {
  if (winner !== null && winner.bidId === recipient.bidId) {
    return { kind: 'awarded', afterLimit: allocation.winnerWithoutLimit !== recipient.bidId };
  }
  if (recipient.result.status === 'excluded') return { kind: 'excluded' };
  // A lot without a winner now (a draw, or no eligible bid left): its reason says why, also
  // when the limitation is the cause (allocation-reason.ts).
  if (winner === null) return { kind: 'undecided', reason: allocation.reason };
  // Tied with the winner: the draw of lots decided, not the ranking.
  if (allocation.drawOfLots?.tiedBids.includes(recipient.bidId) === true) return { kind: 'lost-draw', record: allocation.drawOfLots.record };
  // Only the limitation makes a lot pass a better-ranked bid by.
  const rank = recipient.result.rank;
  if (rank !== null && winner.result.rank !== null && rank < winner.result.rank) {
    return { kind: 'limited', heldLots: heldLots.filter((lot) => lot.lotId !== allocation.lotId), reason: allocation.reason };
  }
  return { kind: 'ranked' };
}
