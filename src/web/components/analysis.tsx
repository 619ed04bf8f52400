/**
 * @module
 * The warnings and the sensitivity analysis in plain Dutch: the sentences of explain.ts and
 * of the report's wording, in the order the signed report gives them.
 */
import { POINTS_METHODS_WITH_PRICE } from '../../domain/evaluation/dossier.js';
import { explainEffectiveWeights, explainPriceShareRange, explainPriceToWin, explainWarningWith, type BidLabel } from '../../domain/evaluation/explain.js';
import type { TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import { wording } from '../../reports/wording.js';

function sensitivitySentences(evaluation: TenderEvaluation, labelOf: BidLabel): string[] {
  const words = wording.evaluation.analysis;
  const withPrice = POINTS_METHODS_WITH_PRICE.includes(evaluation.method);
  const sentences = [withPrice && evaluation.winner !== null ? explainPriceShareRange(evaluation.sensitivity.priceShareRange) : words.priceShareNotApplicable];
  const priceToWin = Object.entries(evaluation.sensitivity.priceToWin);
  if (priceToWin.length === 0) sentences.push(words.priceToWinNone);
  for (const [bidId, price] of priceToWin) sentences.push(explainPriceToWin(bidId, price, labelOf));
  if (!withPrice) sentences.push(words.effectiveWeightsNotApplicable);
  else sentences.push(explainEffectiveWeights(evaluation.effectiveWeights) ?? words.effectiveWeightsNull);
  return sentences;
}

/** @param labelOf names a bid by its school (`bidLabeller`) */
export function Analysis({ evaluation, labelOf }: { evaluation: TenderEvaluation; labelOf: BidLabel }) {
  const words = wording.evaluation.analysis;
  return (
    <>
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Waarschuwingen</h2>
      {evaluation.warnings.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">{words.noWarnings}</p>
      ) : (
        <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
          {evaluation.warnings.map((warning) => (
            <li class="utrecht-unordered-list__item">{explainWarningWith(warning, labelOf)}</li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gevoeligheid van de uitslag</h2>
      <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
        {sensitivitySentences(evaluation, labelOf).map((sentence) => (
          <li class="utrecht-unordered-list__item">{sentence}</li>
        ))}
      </ul>
    </>
  );
}
