/**
 * @module
 * The result of evaluating one lot (spec "The result"). Keys a method does not have are
 * omitted, not null, except where the spec gives null a meaning (`winner`, `rank`, `score`,
 * `priceShareRange`, `effectiveWeights`).
 */
import type { AwardMethod } from './dossier.js';
import type { LowBidFlag } from '../low-bids/flag.js';

export type ScoreKind = 'points' | 'fictive-price' | 'ratio' | 'utility';

export type BidResult = {
  bidId: string;
  rank: number | null;
  status: 'ranked' | 'excluded';
  score: number | null;
  qualityPoints: number;
  pricePoints?: number;
  fictiveDiscount?: number;
  exclusionReasons: string[];
  lowBidFlags: LowBidFlag[];
};

export type Warning =
  | { code: 'tie-unresolved'; rank: number; bids: string[] }
  | { code: 'rank-reversal'; removedBid: string; winner: string; winnerWithout: string | null }
  | { code: 'price-dominates'; effective: number; nominal: number }
  | { code: 'utility-nonpositive'; bids: string[] };

export type Sensitivity = {
  priceShareRange: [number, number] | null;
  priceToWin: Record<string, number | null>;
};

/** What rejecting one flagged bid under art. 2.116 would do to the award (analysis/rejection-impact.ts). */
export type RejectionImpact = {
  /** The winner without the bid; null when rank 1 would be shared or no bid would remain. */
  winnerIfRejected: string | null;
  changesWinner: boolean;
};

export type EvaluationResult = {
  method: AwardMethod;
  scoreKind: ScoreKind;
  winner: string | null;
  bids: BidResult[];
  warnings: Warning[];
  sensitivity: Sensitivity;
  effectiveWeights: { quality: number; price: number } | null;
  /** Per flagged bid id; present only when some bid is flagged (and the analysis runs). */
  lowBidImpact?: Record<string, RejectionImpact>;
};
