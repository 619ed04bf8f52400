/**
 * @module
 * Derives one bidder's award letter from the evaluation report's data, so the letter and the
 * report can never disagree on a score, a price or a motivation.
 *
 * What art. 2.130 Aanbestedingswet 2012 asks of the award decision, and no more: the
 * recipient's own result, the winner's name, and the winner's scores, price and motivations
 * (the characteristics and relative advantages of the chosen bid). The winner's price is
 * given: with a price criterion it is part of why the winner won (common Dutch practice).
 * Of the other losing bidders the letter holds nothing but their count; of the recipient and
 * the winner only the allow-listed parts of their results (`LetterResult`), never the low-bid
 * flags, whose references are the other bids' mean, next price or median. docs/access.md.
 */
import type { BidResult } from '../domain/evaluation/result.js';
import { addressOf } from '../domain/provider/provider-address.js';
import { dossierSha256Of } from './embedded-files.js';
import type { AwardLetterData, EvaluationReportData, LetterParty, LetterResult } from './report-data.js';

function letterResultOf(result: BidResult): LetterResult {
  return {
    bidId: result.bidId,
    rank: result.rank,
    status: result.status,
    score: result.score,
    qualityPoints: result.qualityPoints,
    ...(result.pricePoints === undefined ? {} : { pricePoints: result.pricePoints }),
    ...(result.fictiveDiscount === undefined ? {} : { fictiveDiscount: result.fictiveDiscount }),
    exclusionReasons: result.exclusionReasons,
  };
}

/** One bid of the report as a letter shows it: its school, price, allow-listed result, scores and motivations. */
export function partyOf(report: EvaluationReportData, bidId: string): LetterParty {
  const result = report.result.bids.find((bid) => bid.bidId === bidId);
  const bid = report.bids.find((candidate) => candidate.id === bidId);
  if (!result || !bid) throw new RangeError(`inschrijving ${bidId} komt niet voor in de beoordeling`);
  const motivations = Object.fromEntries(
    (report.consensus?.motivations ?? [])
      .filter((motivation) => motivation.bidId === bidId)
      .map((motivation) => [motivation.criterionId, motivation.motivation]),
  );
  return { bidId, providerName: bid.providerName, price: bid.price, result: letterResultOf(result), scores: bid.scores, motivations };
}

export type BuildAwardLetterOptions = {
  report: EvaluationReportData;
  bidId: string;
  /** The letter's own id; the report id is the evaluation report's. */
  reportId: string;
  decisionDate: string;
  standstillEndsOn: string;
  contact?: string | undefined;
};

/**
 * @example const letter = buildAwardLetterData({ report, bidId: 'B1', reportId: 'R-2', decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21' });
 * @throws RangeError when the lot has no winner (a tie at rank 1 needs a drawing of lots first) or the bid is unknown.
 */
export function buildAwardLetterData(options: BuildAwardLetterOptions): AwardLetterData {
  const { report } = options;
  if (report.result.winner === null) throw new RangeError('er is geen winnaar: zonder winnaar is er geen gunningsbeslissing');
  return {
    reportId: options.reportId,
    generatedAt: report.generatedAt,
    generatedBy: report.generatedBy,
    tender: report.tender,
    award: report.award,
    scoreKind: report.result.scoreKind,
    criteria: report.criteria,
    decisionDate: options.decisionDate,
    standstillEndsOn: options.standstillEndsOn,
    bidCount: report.result.bids.length,
    rankedCount: report.result.bids.filter((bid) => bid.status === 'ranked').length,
    dossierSha256: dossierSha256Of(report.dossier),
    recipient: partyOf(report, options.bidId),
    // The recipient's own address only: a letter names no other school's address.
    recipientAddress: addressOf(report.bids.find((bid) => bid.id === options.bidId)?.providerAddress ?? {}),
    winner: partyOf(report, report.result.winner),
    ...(options.contact === undefined ? {} : { contact: options.contact }),
    certificate: report.certificate,
    signatureLevel: report.signatureLevel,
    checkUrl: report.checkUrl,
  };
}
