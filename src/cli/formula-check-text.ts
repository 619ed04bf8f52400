/**
 * @module
 * `formula-check --format table`: the formula check as Dutch text for a terminal, in the
 * order of a tender memo: verdict, price level, the price of a quality point, the underbidder
 * test, rank reversal, suggestions (each with its patch and its re-check) and remarks.
 */
import type { FormulaCheck } from '../domain/formula-check/check-formula.js';
import { METHOD_NAMES } from '../domain/vocabulary/award-methods.js';

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines.map((line) => `  ${line}`)];
}

export function renderFormulaCheckText(heading: string, check: FormulaCheck): string {
  const { qualityPointPrice: price, underbidderTest: test, rankReversal } = check;
  const lines = [`Formulecheck: ${heading}`, `Gunningsmethode: ${METHOD_NAMES[check.method]}`, `Oordeel: ${check.verdictSentence}`];
  lines.push(...section('Verwachte prijs', check.expectedPrice ? [check.expectedPrice.sentence] : []));
  lines.push(
    ...section('Prijs van een kwaliteitspunt', [
      price.sentence,
      ...(price.referenceSituation ? [price.referenceSituation] : []),
      ...price.perCriterion.map((step) => `- ${step.sentence}`),
    ]),
  );
  lines.push(...section('Onderbiedertoets', test ? test.sentences.map((s) => `- ${s}`) : []));
  lines.push(...section('Rangomkering', [rankReversal.sentence, ...(rankReversal.example?.sentences ?? [])]));
  lines.push(
    ...section(
      'Suggesties (elk nagerekend met de gewijzigde aanbesteding)',
      check.suggestions.flatMap((suggestion, i) => [
        `${i + 1}. ${suggestion.sentence}`,
        ...suggestion.assumptions.map((a) => `   Aanname: ${a}`),
        `   Wijziging: ${suggestion.patch.map((op) => `${op.path} = ${JSON.stringify(op.value)}`).join('; ')}`,
        `   ${suggestion.recheck.sentence}`,
      ]),
    ),
  );
  lines.push(
    ...section(
      'Opmerkingen',
      check.notes.map((note) => `- ${note}`),
    ),
  );
  return lines.join('\n');
}
