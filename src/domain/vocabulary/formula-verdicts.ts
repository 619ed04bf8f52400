/**
 * @module
 * The verdict of the formula check (issue 10): does the price formula reward underbidding?
 */
import type { Verdict } from '../formula-check/underbidder-test.js';
import { labelsOf, type Term } from './term.js';

export const FORMULA_VERDICT_TERMS: Readonly<Record<Verdict, Term>> = {
  'invites-underbidding': {
    label: 'Let op: deze formule lokt onderbieden uit',
    explanation: 'Een inschrijving met de laagste toegestane kwaliteit en een lage prijs wint van een goede inschrijving tegen de verwachte prijs.',
  },
  'resists-underbidding': {
    label: 'Deze formule is bestand tegen onderbieden',
    explanation: 'Een inschrijving met de laagste toegestane kwaliteit wint niet door alleen een lage prijs.',
  },
  'not-computable': {
    label: 'De formulecontrole is nog niet te bepalen',
    explanation: 'Er ontbreken gegevens (een raming, een plafondprijs of een vaste prijs) om de formule door te rekenen.',
  },
};

export const FORMULA_VERDICT_NAMES: Readonly<Record<Verdict, string>> = labelsOf(FORMULA_VERDICT_TERMS);
