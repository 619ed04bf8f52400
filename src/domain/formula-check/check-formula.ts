/**
 * @module
 * The formula check (issue 10): does this tender invite a race to the bottom? Answered from
 * the tender alone, before publication, by the engine that will later evaluate the bids.
 * The race to the bottom is made at the desk: a formula that makes a price cut worth more
 * than real quality will be answered by underbidding, and no bid is needed to see that.
 *
 * It reports, each number with a Dutch sentence for the tender memo:
 * - the expected price level and the underbidder's test price (price-level.ts);
 * - the price of a quality point, overall and per criterion step (quality-point-price.ts);
 * - the underbidder test, a quality bidder against an underbidder through the real engine
 *   (underbidder-test.ts), which gives the verdict;
 * - rank-reversal exposure with a concrete example for relative methods (rank-reversal-example.ts);
 * - suggestions that turn an inviting verdict, each re-checked with this function (suggestions.ts).
 *
 * Verdicts:
 * - `invites-underbidding`: the underbidder (the lowest score that is not excluded on every
 *   criterion) wins against the quality bidder (the second-highest step on every criterion,
 *   at the expected price) when it offers its test price (the cost floor for all expected
 *   learners, else 30% below the expected price): it can win at a price at or above the
 *   cost floor, without cutting costs below it.
 * - `resists-underbidding`: it does not win at its test price (a tie at rank 1 is not a win):
 *   it could only win below the cost floor, where the low-bid rules apply, or not at all.
 * - `not-computable`: there is no expected price level (no estimate, no ceiling, and under
 *   `fixed-price` no fixed price); the reason says what to fill in.
 *
 * @example
 * const check = checkFormula(dossierFromTemplate(template, { reference: 'X', title: 'B1', buyer: 'Gemeente X',
 *   estimatedValue: 520000, expectedLearners: 100 }));
 * check.verdict // 'resists-underbidding'
 */
import type { AwardMethod } from '../evaluation/dossier.js';
import { METHOD_NAMES } from '../vocabulary/award-methods.js';
import { eurosToCents } from '../money.js';
import { formatEuroCents } from './dutch.js';
import { type FormulaTender, qualityPointsOf, scoresWith, secondHighestScore } from './formula-tender.js';
import { costFloorTotalCents, type ExpectedPrice, findExpectedPrice, findTestPrice } from './price-level.js';
import { computeQualityPointPrice, type QualityPointPrice } from './quality-point-price.js';
import { findRankReversalExposure, type RankReversalExposure } from './rank-reversal-example.js';
import { type Suggestion, suggestImprovements } from './suggestions.js';
import { runUnderbidderTest, type UnderbidderTest, type Verdict } from './underbidder-test.js';

export type { FormulaTender } from './formula-tender.js';
export { applyPatch, type PatchOperation } from './patch.js';
export type { Suggestion } from './suggestions.js';

export type { Verdict } from './underbidder-test.js';

export type FormulaCheck = {
  method: AwardMethod;
  verdict: Verdict;
  verdictSentence: string;
  /** Null when there is no price level (`not-computable`); the verdict sentence says why. */
  expectedPrice: ExpectedPrice | null;
  qualityPointPrice: QualityPointPrice;
  /** Null when `not-computable`. */
  underbidderTest: UnderbidderTest | null;
  rankReversal: RankReversalExposure;
  /** Only for `invites-underbidding`; each one turns the verdict when applied (re-checked). */
  suggestions: Suggestion[];
  /** Further remarks on the tender's numbers, in Dutch. */
  notes: string[];
};

export type CheckFormulaOptions = {
  /** Compute suggestions (default true); the re-check of a suggestion runs without them. */
  suggestions?: boolean;
};

export function checkFormula(input: FormulaTender, options: CheckFormulaOptions = {}): FormulaCheck {
  const { bids: _ignored, ...tender } = input;
  const method = tender.award.method;
  const lookup = findExpectedPrice(tender);
  const expected = lookup.ok ? lookup.expected : null;
  const referenceQuality = qualityPointsOf(tender.criteria, scoresWith(tender.criteria, secondHighestScore));
  const qualityPointPrice = computeQualityPointPrice(tender, expected, referenceQuality);
  const rankReversal = findRankReversalExposure(tender, expected);

  if (!lookup.ok) {
    return {
      method,
      verdict: 'not-computable',
      verdictSentence: `Niet te bepalen (not-computable). ${lookup.reason}`,
      expectedPrice: null,
      qualityPointPrice,
      underbidderTest: null,
      rankReversal,
      suggestions: [],
      notes: [],
    };
  }

  const testPrice = findTestPrice(tender, lookup.expected);
  const test = runUnderbidderTest(tender, lookup.expected, testPrice);
  const floorTotal = costFloorTotalCents(tender);
  const suggestions =
    test.verdict === 'invites-underbidding' && options.suggestions !== false && test.highestWinningPrice !== null
      ? suggestImprovements(
          {
            tender,
            test,
            expectedCents: eurosToCents(lookup.expected.price),
            testCents: eurosToCents(test.testPrice),
            testBasis: test.testPriceBasis,
            highestWinningCents: eurosToCents(test.highestWinningPrice),
            costFloorTotalCents: floorTotal,
          },
          (patched) => checkFormula(patched, { suggestions: false }),
        )
      : [];

  return {
    method,
    verdict: test.verdict,
    verdictSentence: verdictSentence(method, test),
    expectedPrice: lookup.expected,
    qualityPointPrice,
    underbidderTest: test,
    rankReversal,
    suggestions,
    notes: notesOn(tender, lookup.expected, floorTotal),
  };
}

function verdictSentence(method: AwardMethod, test: UnderbidderTest): string {
  const at =
    test.testPriceBasis === 'cost-floor' ? 'op de kostenvloer' : test.testPriceBasis === 'fixed-price' ? 'bij de vaste prijs' : '30% onder de verwachte prijs';
  const contest = `Bij de methode ${METHOD_NAMES[method]} wint een inschrijving met de laagste toegestane kwaliteit ${at}`;
  if (test.verdict === 'invites-underbidding') {
    return `Deze formule lokt onderbieden uit. ${contest} van een goede inschrijving tegen de verwachte prijs.`;
  }
  const tail =
    test.highestWinningPrice === null
      ? 'zij kan met geen enkele prijs winnen'
      : `zij wint pas bij ${formatEuroCents(eurosToCents(test.highestWinningPrice))} of lager`;
  return `Deze formule is bestand tegen onderbieden. ${contest} niet van een goede inschrijving tegen de verwachte prijs; ${tail}.`;
}

function notesOn(tender: FormulaTender, expected: ExpectedPrice, floorTotal: number | null): string[] {
  const notes: string[] = [];
  const expectedCents = eurosToCents(expected.price);
  if (floorTotal !== null && floorTotal > expectedCents) {
    const label = { estimatedValue: 'De raming', priceCeiling: 'De plafondprijs', fixedPrice: 'De vaste prijs' }[expected.source];
    notes.push(
      `${label} (${formatEuroCents(expectedCents)}) ligt onder de kostenvloer voor alle inburgeraars (${formatEuroCents(floorTotal)}): ` +
        `bij die prijs kan een inschrijving de kosten niet dekken. Controleer dit bedrag of de aannames van de kostenvloer.`,
    );
  }
  const ceiling = tender.award.priceCeiling;
  if (floorTotal !== null && ceiling !== undefined && floorTotal > eurosToCents(ceiling)) {
    notes.push(
      `De kostenvloer voor alle inburgeraars (${formatEuroCents(floorTotal)}) ligt boven de plafondprijs (${formatEuroCents(eurosToCents(ceiling))}): ` +
        'een inschrijving die de kosten dekt, is ongeldig.',
    );
  }
  if (tender.lowBidRules?.costFloor !== undefined && tender.tender.expectedLearners === undefined) {
    notes.push(
      'Vul het verwachte aantal inburgeraars in (tender.expectedLearners): pas dan geldt de kostenvloer voor het hele perceel, in deze toets en bij de beoordeling.',
    );
  }
  return notes;
}
