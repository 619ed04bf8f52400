/**
 * @module
 * The suggestions of the formula check: every builder proposes changes, and a proposal is
 * shown only when the whole check, run again on the tender with the patch applied, gives
 * `resists-underbidding`, and the patched tender is still a valid dossier. The re-check is
 * the same `checkFormula` the officer sees, so a suggestion can never promise what the check
 * would not confirm after it is applied. The builders, in the order shown:
 * lower the price weight, raise a minimum score, switch to min-max-set, switch to (or raise
 * the values of) gunnen-op-waarde, switch to a fixed price, raise or add the cost floor.
 */
import { parseDossier } from '../evaluation/dossier.schema.js';
import type { FormulaTender } from './formula-tender.js';
import { applyPatch } from './patch.js';
import { suggestCostFloor } from './suggest-cost-floor.js';
import { suggestFixedPrice, suggestGunnenOpWaarde, suggestMinMaxSet } from './suggest-method-switch.js';
import { suggestRaiseMinimum } from './suggest-minimum.js';
import { suggestLowerPriceWeight } from './suggest-price-weight.js';
import type { SuggestionBuilder, SuggestionCandidate, SuggestionContext } from './suggestion.js';
import type { UnderbidderTest, Verdict } from './underbidder-test.js';

export type Suggestion = SuggestionCandidate & {
  /** The check of the patched tender. */
  recheck: { verdict: Verdict; highestWinningPrice: number | null; testPrice: number | null; sentence: string };
};

const BUILDERS: readonly SuggestionBuilder[] = [
  suggestLowerPriceWeight,
  suggestRaiseMinimum,
  suggestMinMaxSet,
  suggestGunnenOpWaarde,
  suggestFixedPrice,
  suggestCostFloor,
];

/**
 * What the re-check of a patched tender answers: the part of the formula check's result
 * (`FormulaCheck`) a suggestion shows. Named here rather than imported, so that this file
 * and check-formula.ts, which calls it, do not import each other.
 */
export type Recheck = {
  verdict: Verdict;
  verdictSentence: string;
  underbidderTest: Pick<UnderbidderTest, 'highestWinningPrice' | 'testPrice'> | null;
};

export function suggestImprovements(context: SuggestionContext, recheck: (tender: FormulaTender) => Recheck): Suggestion[] {
  const shown: Suggestion[] = [];
  for (const builder of BUILDERS) {
    for (const candidate of builder(context)) {
      const patched = applyPatch(context.tender, candidate.patch);
      if (!parseDossier({ ...patched, bids: [] }).ok) continue;
      const check = recheck(patched);
      if (check.verdict !== 'resists-underbidding') continue;
      shown.push({
        ...candidate,
        recheck: {
          verdict: check.verdict,
          highestWinningPrice: check.underbidderTest?.highestWinningPrice ?? null,
          testPrice: check.underbidderTest?.testPrice ?? null,
          sentence: `Nagerekend met deze wijziging: ${check.verdictSentence}`,
        },
      });
    }
  }
  return shown;
}
