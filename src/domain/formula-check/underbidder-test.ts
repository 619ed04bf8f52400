/**
 * @module
 * The underbidder test: two made-up bidders, run through the real engine.
 *
 * - The **quality bidder** scores the second-highest scale step on every criterion (never
 *   below a minimum) and offers the expected price: a good bid at a realistic price.
 * - The **underbidder** scores the lowest score that is not excluded on every criterion (the
 *   minimum where one is set, else the scale's lowest) and offers its test price: the cost
 *   floor for all expected learners, else 30% below the expected price (price-level.ts). It
 *   is the worst bid the tender lets through, at the lowest price that still covers cost.
 *
 * Both go through `evaluateDossier` with the tender's own method, weights and tie-breaks.
 * The low-bid rules only flag (they never exclude), so they cannot change who wins; their
 * flags on the underbidder are reported, because they are what triggers an art. 2.116
 * investigation. The analysis reports who wins, by how much (in the method's own unit), and
 * the highest whole-cent price at which the underbidder still wins, found by bisection with
 * the engine as the judge (search.ts): the underbidder's chances only fall as its own price
 * rises (the engine's price-to-win analysis relies on the same property), so above that
 * price it loses and at it, it wins.
 *
 * Under `fixed-price` a price other than the fixed price excludes a bid, so both bidders
 * offer the fixed price; the underbidder can only win there, on quality, or not at all.
 *
 * Verdict of the test (`UnderbidderVerdict`):
 * - `invites-underbidding`: the underbidder wins at its test price. Then it also wins at
 *   every price up to `highestWinningPrice` (>= the test price): the formula rewards the
 *   worst acceptable quality at cost price over good quality at the expected price.
 * - `resists-underbidding`: the underbidder does not win at its test price: it could only
 *   win below it (`highestWinningPrice` < test price: below the cost floor, where the
 *   low-bid rules apply) or at no price at all (null). A tie at rank 1 is not a win.
 */
import type { Bid, LowBidRuleId } from '../evaluation/dossier.js';
import { evaluateDossier } from '../evaluation/evaluate.js';
import type { BidResult, EvaluationResult, ScoreKind } from '../evaluation/result.js';
import { eurosToCents, MAX_MONEY_EUROS } from '../money.js';
import { formatEuroCents, formatPoints, formatScoreDifference, formatScoreOfKind, formatScores, joinDutch } from './dutch.js';
import {
  evaluateQuickly,
  type FormulaTender,
  lowestAllowedScore,
  madeUpBid,
  qualityPointsOf,
  type Scores,
  scoresWith,
  secondHighestScore,
  withBids,
} from './formula-tender.js';
import type { ExpectedPrice, TestPrice, TestPriceBasis } from './price-level.js';
import { lastHolding } from './search.js';
import { LOW_BID_RULE_NAMES } from '../vocabulary/low-bid-rules.js';

export const QUALITY_BIDDER_ID = 'kwaliteitsbieder';
export const UNDERBIDDER_ID = 'onderbieder';
const MAX_CENTS = eurosToCents(MAX_MONEY_EUROS);

export type UnderbidderVerdict = 'invites-underbidding' | 'resists-underbidding';

/** The formula check's verdict: the test's, or `not-computable` when there is no price level to test at. */
export type Verdict = UnderbidderVerdict | 'not-computable';

export type MadeUpBidder = {
  /** Exactly the bid the engine evaluated (the underbidder at its test price). */
  bid: Bid;
  qualityPoints: number;
  sentence: string;
};

export type UnderbidderTest = {
  verdict: UnderbidderVerdict;
  /** Euros. */
  expectedPrice: number;
  testPrice: number;
  testPriceBasis: TestPriceBasis;
  qualityBidder: MadeUpBidder;
  underbidder: MadeUpBidder;
  /** The winner at the test price; null when rank 1 is shared. */
  winner: 'quality-bidder' | 'underbidder' | null;
  scoreKind: ScoreKind;
  scores: { qualityBidder: number | null; underbidder: number | null };
  /** How far the winner is ahead, in the unit of the method; null when a bidder is excluded. */
  margin: number | null;
  /** The highest whole-cent price (euros) at which the underbidder wins; null when none from EUR 0,01 does. */
  highestWinningPrice: number | null;
  underbidderExclusions: string[];
  /** The low-bid rules that flag the underbidder at its test price. */
  underbidderFlags: LowBidRuleId[];
  sentences: string[];
};

const BASIS_PHRASES: Readonly<Record<TestPriceBasis, string>> = {
  'cost-floor': 'de kostenvloer',
  'below-expected': 'zijn toetsprijs (30% onder de verwachte prijs)',
  'fixed-price': 'de vaste prijs',
};

/** The highest cent at which `wins` holds, for a `wins` that is true up to some price and false above it. */
export function highestWinningCents(wins: (cents: number) => boolean, testCents: number, expectedCents: number): number | null {
  if (wins(testCents)) {
    let low = testCents;
    let high = Math.max(expectedCents, testCents + 1);
    while (wins(high)) {
      if (high >= MAX_CENTS) return MAX_CENTS;
      low = high;
      high = Math.min(MAX_CENTS, high * 2);
    }
    return lastHolding(low, high - 1, wins);
  }
  if (testCents <= 1 || !wins(1)) return null;
  return lastHolding(1, testCents - 1, wins);
}

function find(result: EvaluationResult, id: string): BidResult | undefined {
  return result.bids.find((bid) => bid.bidId === id);
}

type Contest = {
  scores: { quality: Scores; under: Scores };
  qualityBid: Bid;
  underbidAt: (cents: number) => Bid;
  /** Whether the underbidder wins at this price (the engine decides, tie-breaks included). */
  wins: (cents: number) => boolean;
};

/** The two made-up bidders of this tender; under `fixed-price` both leave the price out (it is the fixed price). */
function contestOf(tender: FormulaTender, expectedCents: number): Contest {
  const fixed = tender.award.method === 'fixed-price';
  const scores = {
    quality: scoresWith(tender.criteria, secondHighestScore),
    under: scoresWith(tender.criteria, lowestAllowedScore),
  };
  const qualityBid = madeUpBid(QUALITY_BIDDER_ID, 'Kwaliteitsbieder (fictief)', scores.quality, fixed ? undefined : expectedCents);
  const underbidAt = (cents: number) => madeUpBid(UNDERBIDDER_ID, 'Onderbieder (fictief)', scores.under, fixed ? undefined : cents);
  const wins = (cents: number) => evaluateQuickly(tender, [qualityBid, underbidAt(cents)]).winner === UNDERBIDDER_ID;
  return { scores, qualityBid, underbidAt, wins };
}

const verdictOf = (winsAtTestPrice: boolean): UnderbidderVerdict => (winsAtTestPrice ? 'invites-underbidding' : 'resists-underbidding');

/**
 * The verdict alone, from one run of the engine (for the searches of the suggestions): the
 * underbidder wins at its test price. The full test below decides it the same way.
 */
export function underbidderVerdict(tender: FormulaTender, expected: ExpectedPrice, test: TestPrice): UnderbidderVerdict {
  return verdictOf(contestOf(tender, eurosToCents(expected.price)).wins(eurosToCents(test.price)));
}

export function runUnderbidderTest(tender: FormulaTender, expected: ExpectedPrice, test: TestPrice): UnderbidderTest {
  const fixed = tender.award.method === 'fixed-price';
  const expectedCents = eurosToCents(expected.price);
  const testCents = eurosToCents(test.price);
  const { scores, qualityBid, underbidAt, wins } = contestOf(tender, expectedCents);
  const underBid = underbidAt(testCents);
  const verdict = verdictOf(wins(testCents));

  // The low-bid rules run here (they flag, never exclude), so their flags can be reported.
  const result = evaluateDossier(withBids(tender, [qualityBid, underBid]), { analysis: false });
  const quality = find(result, QUALITY_BIDDER_ID);
  const under = find(result, UNDERBIDDER_ID);
  const winner = result.winner === QUALITY_BIDDER_ID ? 'quality-bidder' : result.winner === UNDERBIDDER_ID ? 'underbidder' : null;
  const qualityScore = quality?.score ?? null;
  const underScore = under?.score ?? null;
  const margin = qualityScore === null || underScore === null ? null : Math.abs(qualityScore - underScore);
  const highest = fixed ? (verdict === 'invites-underbidding' ? testCents : null) : highestWinningCents(wins, testCents, expectedCents);

  const qualityPoints = qualityPointsOf(tender.criteria, scores.quality);
  const underPoints = qualityPointsOf(tender.criteria, scores.under);
  const qualityBidder: MadeUpBidder = {
    bid: qualityBid,
    qualityPoints,
    sentence:
      `De kwaliteitsbieder scoort op elk criterium de op één na hoogste score (${formatScores(tender.criteria, scores.quality)}), ` +
      `samen ${formatPoints(qualityPoints)}, en biedt de verwachte prijs van ${formatEuroCents(expectedCents)}.`,
  };
  const underbidder: MadeUpBidder = {
    bid: underBid,
    qualityPoints: underPoints,
    sentence:
      `De onderbieder scoort op elk criterium het laagste dat niet uitsluit (${formatScores(tender.criteria, scores.under)}), ` +
      `samen ${formatPoints(underPoints)}. ${test.sentence}`,
  };

  const sentences = [qualityBidder.sentence, underbidder.sentence];
  sentences.push(winnerSentence(result.scoreKind, winner, qualityScore, underScore, under?.exclusionReasons ?? []));
  sentences.push(highestPriceSentence(highest, testCents, test.basis));
  const flags = (under?.lowBidFlags ?? []).map((flag) => flag.rule);
  if (flags.length > 0) {
    sentences.push(
      `Op die prijs markeren de regels voor abnormaal lage inschrijvingen de onderbieder (${joinDutch(flags.map((rule) => LOW_BID_RULE_NAMES[rule]))}): ` +
        'dat verplicht tot onderzoek (art. 2.116 Aanbestedingswet), maar sluit de inschrijving niet vanzelf uit.',
    );
  }

  return {
    verdict,
    expectedPrice: expected.price,
    testPrice: test.price,
    testPriceBasis: test.basis,
    qualityBidder,
    underbidder,
    winner,
    scoreKind: result.scoreKind,
    scores: { qualityBidder: qualityScore, underbidder: underScore },
    margin,
    highestWinningPrice: highest === null ? null : highest / 100,
    underbidderExclusions: under?.exclusionReasons ?? [],
    underbidderFlags: flags,
    sentences,
  };
}

function winnerSentence(
  kind: ScoreKind,
  winner: UnderbidderTest['winner'],
  qualityScore: number | null,
  underScore: number | null,
  exclusions: string[],
): string {
  if (underScore === null) return `Volgens de rekenkern wordt de onderbieder uitgesloten: ${exclusions.join('; ')}.`;
  if (qualityScore === null) return 'Volgens de rekenkern wordt de kwaliteitsbieder uitgesloten, dus wint de onderbieder.';
  if (winner === null)
    return `Volgens de rekenkern staan beide gelijk (${formatScoreOfKind(kind, qualityScore)}) en beslist de tie-break niet: er is geen winnaar.`;
  const [who, own, other] = winner === 'quality-bidder' ? ['de kwaliteitsbieder', qualityScore, underScore] : ['de onderbieder', underScore, qualityScore];
  return (
    `Volgens de rekenkern wint ${who} met ${formatScoreDifference(kind, Math.abs(own - other))} voorsprong ` +
    `(${formatScoreOfKind(kind, own)} tegen ${formatScoreOfKind(kind, other)}).`
  );
}

function highestPriceSentence(highest: number | null, testCents: number, basis: TestPriceBasis): string {
  if (highest === null) {
    return basis === 'fixed-price'
      ? 'Bij de vaste prijs kan de onderbieder alleen op kwaliteit winnen, en dat doet hij niet.'
      : `De onderbieder kan met geen enkele prijs winnen, ook niet met ${formatEuroCents(1)}.`;
  }
  if (basis === 'fixed-price') return 'De onderbieder wint bij de vaste prijs: zijn kwaliteit is even goed of beter.';
  if (highest >= testCents) {
    return (
      `De onderbieder wint bij elke prijs vanaf ${BASIS_PHRASES[basis]} tot en met ${formatEuroCents(highest)}: ` +
      `hij kan tot ${formatEuroCents(highest - testCents)} boven ${BASIS_PHRASES[basis]} inschrijven en toch winnen.`
    );
  }
  return (
    `De onderbieder wint pas bij een prijs van ten hoogste ${formatEuroCents(highest)}: ` +
    `${formatEuroCents(testCents - highest)} onder ${BASIS_PHRASES[basis]}.`
  );
}
