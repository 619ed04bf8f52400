/**
 * @module
 * The award methods (spec evaluation.md): how the price and quality become one score.
 */
import type { AwardMethod } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const AWARD_METHOD_TERMS: Readonly<Record<AwardMethod, Term>> = {
  'lowest-relative': {
    label: 'Laagste prijs relatief (laagste prijs gedeeld door de eigen prijs)',
    explanation: 'De laagste inschrijving krijgt alle prijspunten; een andere inschrijving het deel dat de laagste prijs van haar eigen prijs is.',
  },
  'min-max-bids': {
    label: 'Min-max tussen de inschrijvingen',
    explanation: 'De laagste inschrijving krijgt alle prijspunten, de hoogste geen; daartussen naar verhouding.',
  },
  'min-max-set': {
    label: 'Min-max tussen vooraf vastgestelde bodem- en plafondprijs',
    explanation: 'Alle prijspunten op of onder de vooraf bekendgemaakte bodemprijs, geen op of boven de plafondprijs; daartussen naar verhouding.',
  },
  'gunnen-op-waarde': {
    label: 'Gunnen op waarde (fictieve korting)',
    explanation: 'Kwaliteit levert een fictieve korting op de prijs op; de laagste prijs na korting wint.',
  },
  'quality-price-ratio': {
    label: 'Kwaliteit-prijsverhouding (punten per euro)',
    explanation: 'De kwaliteitspunten gedeeld door de prijs; de meeste punten per euro wint.',
  },
  'utility-index': {
    label: 'Utiliteitsindex',
    explanation: 'Een gepubliceerde formule die kwaliteitsverschil en prijsverhouding in één getal samenneemt; het hoogste getal wint.',
  },
  'fixed-price': {
    label: 'Vaste prijs, gunning op kwaliteit',
    explanation: 'De prijs staat vast; alleen de kwaliteit beslist.',
  },
};

/** The method's name alone, as a heading, a select option or a report line prints it. */
export const METHOD_NAMES: Readonly<Record<AwardMethod, string>> = labelsOf(AWARD_METHOD_TERMS);
