/**
 * @module
 * What a report needs, and nothing it has to look up: the server fills these from the
 * database, tests from a dossier. Every date in a report comes from here; the only clock
 * value is `generatedAt`, the moment of signing, so the same tender state renders to the same
 * content (issue 6, "Deterministic"). Amounts are euros as in the dossier; dates of the
 * procedure are `YYYY-MM-DD`, instants (declarations, seals, generation) ISO 8601.
 */
import type { Award, BidWithdrawal, Criterion, Dossier, LowBidReview, ReviewState, Tender } from '../domain/evaluation/dossier.js';
import type { BidResult, EvaluationResult } from '../domain/evaluation/result.js';
import type { FormulaCheck } from '../domain/formula-check/check-formula.js';
import type { CertificateInfo, SignatureLevel } from './signing/signer.js';
import type { ProviderAddress } from '../domain/provider/provider-address.js';

/** The tender as its cover shows it; `status` is the server's (`draft`, `open`, `award-proposed`, `awarded`). */
export type ReportTender = Tender & { status: string };

/** A criterion with what its scale values mean, when the tender defined that. */
export type ReportCriterion = Criterion & {
  description?: string | undefined;
  levels?: readonly { score: number; meaning: string }[] | undefined;
};

/** A bid as the report names it. */
export type ReportBid = {
  id: string;
  providerName: string;
  /** The school's address and contact, the fields that are known (issue 17): the award letter's address block. */
  providerAddress?: ProviderAddress | undefined;
  /** Euros; null for a `fixed-price` bid that gave no price. */
  price: number | null;
  /** The consensus score per criterion id. */
  scores: Record<string, number>;
  /** The art. 2.116 review of a flagged bid (low-bids.md). */
  lowBidReview?: LowBidReview | undefined;
  /** Corrections of obvious clerical errors after the opening, oldest first (docs/corrections.md). */
  corrections?: readonly ReportCorrection[] | undefined;
  /** The bidder's withdrawal; the bid's exclusion reason says it too. */
  withdrawal?: BidWithdrawal | undefined;
};

/** One correction as the report prints it. */
export type ReportCorrection = {
  /** `YYYY-MM-DD`, Europe/Amsterdam: the day of the correction. */
  correctedOn: string;
  /** Euros; null for a fixed-price bid without a price. */
  priceBefore: number | null;
  priceAfter: number | null;
  reason: string;
  /** The state of the art. 2.116 review when the price was corrected, if one had started. */
  lowBidReviewState: ReviewState | null;
};

export type PanelMemberRecord = {
  name: string;
  /** When the member declared no conflict of interest; null if not (yet) declared. */
  conflictDeclaredAt: string | null;
  conflictRemarks?: string | undefined;
  /** When the member sealed its scores; null if not sealed. */
  sealedAt: string | null;
};

export type ConsensusMotivation = {
  bidId: string;
  criterionId: string;
  score: number;
  motivation: string;
  /** Why the consensus lies outside the individual scores, when it does. */
  deviationReason?: string | undefined;
};

/** A bid x criterion where the individual scores lay far apart before the consensus. */
export type Disagreement = {
  bidId: string;
  criterionId: string;
  individualScores: readonly { evaluator: string; score: number }[];
  consensusScore: number | null;
};

export type EvaluationReportData = {
  reportId: string;
  /** ISO 8601 instant: when the report was made and signed. */
  generatedAt: string;
  /** The name of the user who asked for the report. */
  generatedBy: string;
  tender: ReportTender;
  award: Award;
  criteria: readonly ReportCriterion[];
  bids: readonly ReportBid[];
  result: EvaluationResult;
  /** Absent when the scores were imported rather than given by a panel in the tool. */
  panel?:
    | {
        members: readonly PanelMemberRecord[];
        /**
         * The members on the panel who have not sealed yet. While there are any, the report
         * holds no individual score (blind scoring) and says so on the cover and in the panel
         * section. Absent or empty: all have sealed.
         */
        notSealed?: readonly string[] | undefined;
      }
    | undefined;
  consensus?:
    | {
        motivations: readonly ConsensusMotivation[];
        disagreements: readonly Disagreement[];
      }
    | undefined;
  /** The hash of the audit chain's head when the report was made. */
  auditHeadHash: string;
  certificate: CertificateInfo;
  /** What the signer will make of it: the cover says whether it carries a trusted time. */
  signatureLevel: SignatureLevel;
  /** The formula check of the tender's award rules (issue 10), shown with the method. */
  formulaCheck?: FormulaCheck | undefined;
  /**
   * The dossier `result` was computed from, exactly as the engine read it: embedded in the
   * report as `dossier.json`, so that anyone can re-compute the result from the report alone.
   */
  dossier: Dossier;
  /** The address of the page where anyone can check a document (PUBLIC_BASE_URL + path). */
  checkUrl: string;
  /** Every document received with the bids, every version, so an auditor can match the files (issue 20). */
  documents?: readonly ReportDocument[] | undefined;
};

/** A received bid document as the report names it. */
export type ReportDocument = {
  bidId: string;
  envelope: 'quality' | 'price';
  name: string;
  version: number;
  size: number;
  sha256: string;
  receivedAt: string;
};

/**
 * What an award letter tells of one bid's result: its rank, score and the parts of the score,
 * and why it was excluded. Never its low-bid flags: they compare the bid with the other bids
 * (their mean, the next price, medians), which the letter must not reveal (docs/access.md).
 */
export type LetterResult = Pick<BidResult, 'bidId' | 'rank' | 'status' | 'score' | 'qualityPoints' | 'pricePoints' | 'fictiveDiscount' | 'exclusionReasons'>;

/** One side of an award letter's comparison: the recipient, or the winner. */
export type LetterParty = {
  bidId: string;
  providerName: string;
  price: number | null;
  result: LetterResult;
  scores: Record<string, number>;
  /** Consensus motivation per criterion id. */
  motivations: Record<string, string>;
};

export type AwardLetterData = {
  reportId: string;
  /** SHA-256 (hex) of the dossier the decision follows from, as the evaluation report embeds it (`dossier.json`). */
  dossierSha256: string;
  /** The recipient's address and contact as far as known; empty: the letter names the school only. */
  recipientAddress: ProviderAddress;
  generatedAt: string;
  generatedBy: string;
  tender: ReportTender;
  award: Award;
  scoreKind: EvaluationResult['scoreKind'];
  criteria: readonly ReportCriterion[];
  /** `YYYY-MM-DD`: the date of the award decision. */
  decisionDate: string;
  /** `YYYY-MM-DD`: the last day of the standstill period (Alcatel-termijn). */
  standstillEndsOn: string;
  /** How many bids were received on the lot, and how many of them were ranked. */
  bidCount: number;
  rankedCount: number;
  recipient: LetterParty;
  winner: LetterParty;
  /** Where the bidder sends questions, e.g. an e-mail address; omitted if unknown. */
  contact?: string | undefined;
  certificate: CertificateInfo;
  signatureLevel: SignatureLevel;
  /** The address of the page where anyone can check a document. */
  checkUrl: string;
};
