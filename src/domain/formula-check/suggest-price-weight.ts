/**
 * @module
 * Suggestion: lower the price weight to the largest value (two decimals, as the dossier
 * allows) at which the underbidder no longer wins. For every method with a price weight the
 * underbidder's lead grows with the weight (its price advantage is worth `W_P` times a share
 * that does not depend on `W_P`; the utility index's penalty for lower quality shrinks as
 * `W_P` grows), so the weights that pass are exactly those up to a boundary, found by
 * bisection over hundredths with the underbidder test as the judge.
 */
import { METHODS_WITH_PRICE_WEIGHT } from '../evaluation/dossier.js';
import { formatDutchTrimmed, toHundredths } from '../money.js';
import { applyPatch, type PatchOperation } from './patch.js';
import { lastHolding } from './search.js';
import { invites, type SuggestionBuilder, type SuggestionCandidate, type SuggestionContext } from './suggestion.js';
import type { FormulaTender } from './formula-tender.js';

const weightPatch = (hundredths: number): PatchOperation[] => [{ op: 'add', path: '/award/priceWeight', value: hundredths / 100 }];

/** The largest price weight in hundredths, at most `maxHundredths`, that passes the underbidder test; null when none from 0,01 does. */
export function largestPassingPriceWeight(tender: FormulaTender, maxHundredths: number): number | null {
  const passes = (hundredths: number) => !invites(applyPatch(tender, weightPatch(hundredths)));
  if (maxHundredths < 1 || !passes(1)) return null;
  return lastHolding(1, maxHundredths, passes);
}

export const suggestLowerPriceWeight: SuggestionBuilder = ({ tender }: SuggestionContext): SuggestionCandidate[] => {
  const weight = tender.award.priceWeight;
  if (!METHODS_WITH_PRICE_WEIGHT.includes(tender.award.method) || weight === undefined) return [];
  const best = largestPassingPriceWeight(tender, toHundredths(weight) - 1);
  if (best === null) return [];
  return [
    {
      kind: 'lower-price-weight',
      patch: weightPatch(best),
      sentence:
        `Verlaag het prijsgewicht van ${formatDutchTrimmed(weight)} naar ${formatDutchTrimmed(best / 100)}: ` +
        `het hoogste gewicht (in twee decimalen) waarbij de onderbieder niet meer wint; bij ${formatDutchTrimmed((best + 1) / 100)} wint hij nog.`,
      assumptions: [],
    },
  ];
};
