/**
 * @module
 * The formula check (issue 10) as the officer reads it: the verdict in an NL Design System
 * alert (a warning when the formula invites underbidding), then every number with the
 * engine's own Dutch sentence, ready to paste into the tender memo: the expected price, the
 * price of a quality point and of one step per criterion, the underbidder test, the
 * rank-reversal example and the suggestions that turn the verdict, each re-checked by the
 * engine. Only rendering: every sentence comes from `checkFormula`.
 */
import type { Child } from 'hono/jsx';
import type { FormulaCheck, Verdict } from '../../domain/formula-check/check-formula.js';
import { FORMULA_VERDICT_NAMES } from '../../domain/vocabulary/formula-verdicts.js';

const VERDICT_TITLES = FORMULA_VERDICT_NAMES;

const VERDICT_ALERTS: Record<Verdict, 'warning' | 'ok' | 'info'> = {
  'invites-underbidding': 'warning',
  'resists-underbidding': 'ok',
  'not-computable': 'info',
};

/** The verdict in an Utrecht alert; no role of its own, the region around it is live. */
export function VerdictAlert({ check }: { check: FormulaCheck }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${VERDICT_ALERTS[check.verdict]}`} data-verdict={check.verdict}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <p class="utrecht-paragraph">
            <strong>{VERDICT_TITLES[check.verdict]}.</strong>
          </p>
          <p class="utrecht-paragraph">{check.verdictSentence}</p>
        </div>
      </div>
    </div>
  );
}

function Sentences({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
      {items.map((item) => (
        <li class="utrecht-unordered-list__item">{item}</li>
      ))}
    </ul>
  );
}

function Paragraph({ children }: { children?: Child }) {
  return <p class="utrecht-paragraph utrecht-paragraph--distanced">{children}</p>;
}

function Subheading({ children }: { children?: Child }) {
  return <h4 class="utrecht-heading-4 utrecht-heading-4--distanced">{children}</h4>;
}

function Suggestions({ check }: { check: FormulaCheck }) {
  if (check.verdict !== 'invites-underbidding') return null;
  return (
    <>
      <Subheading>Voorstellen die de uitkomst keren</Subheading>
      {check.suggestions.length === 0 ? (
        <Paragraph>De rekenkern vond geen enkele wijziging die de uitkomst keert.</Paragraph>
      ) : (
        <ol class="utrecht-ordered-list utrecht-ordered-list--distanced">
          {check.suggestions.map((suggestion) => (
            <li class="utrecht-ordered-list__item" data-suggestion={suggestion.kind}>
              <p class="utrecht-paragraph">{suggestion.sentence}</p>
              {suggestion.assumptions.length === 0 ? null : <p class="utrecht-paragraph">Aanname: {suggestion.assumptions.join(' ')}</p>}
              <p class="utrecht-paragraph">{suggestion.recheck.sentence}</p>
              <p class="utrecht-paragraph">
                Wijziging (JSON Patch): <code class="utrecht-code">{JSON.stringify(suggestion.patch)}</code>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The whole check, under an h3 (its parts are h4). */
export function FormulaCheckDetails({ check }: { check: FormulaCheck }) {
  const { qualityPointPrice, underbidderTest, rankReversal } = check;
  return (
    <>
      <VerdictAlert check={check} />
      {check.expectedPrice === null ? null : <Paragraph>{check.expectedPrice.sentence}</Paragraph>}

      <Subheading>Prijs van een kwaliteitspunt</Subheading>
      <Paragraph>{qualityPointPrice.sentence}</Paragraph>
      {qualityPointPrice.referenceSituation === null ? null : <Paragraph>{qualityPointPrice.referenceSituation}</Paragraph>}
      {qualityPointPrice.perCriterion.length === 0 ? null : (
        <>
          <Paragraph>Wat één stap op de schaal per criterium waard is:</Paragraph>
          <Sentences items={qualityPointPrice.perCriterion.map((step) => step.sentence)} />
        </>
      )}

      <Subheading>Onderbiederstoets</Subheading>
      {underbidderTest === null ? (
        <Paragraph>Zonder verwachte prijs is de toets niet uit te voeren; zie de uitkomst hierboven.</Paragraph>
      ) : (
        <Sentences items={underbidderTest.sentences} />
      )}

      <Subheading>Rangomkering</Subheading>
      <Paragraph>{rankReversal.sentence}</Paragraph>
      {rankReversal.example === null ? null : <Sentences items={rankReversal.example.sentences} />}

      <Suggestions check={check} />

      {check.notes.length === 0 ? null : (
        <>
          <Subheading>Opmerkingen</Subheading>
          <Sentences items={check.notes} />
        </>
      )}
    </>
  );
}

/**
 * The live region of the settings form: refreshed by "Voorbeeld bijwerken" without
 * JavaScript, and by enhance.js on every change with it (its contents are swapped, the
 * region itself stays, so screen readers announce the new verdict).
 */
export function FormulaCheckRegion({ check }: { check: FormulaCheck | undefined }) {
  return (
    <section id="formulecontrole" aria-live="polite" aria-labelledby="formulecontrole-kop">
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="formulecontrole-kop">
        Formulecontrole: lokt deze formule onderbieden uit?
      </h3>
      {check === undefined ? (
        <Paragraph>De formulecontrole verschijnt zodra de instellingen kloppen; zie de meldingen hierboven.</Paragraph>
      ) : (
        <FormulaCheckDetails check={check} />
      )}
    </section>
  );
}
