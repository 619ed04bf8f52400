/**
 * @module
 * The rules that flag a possibly abnormally low bid (spec low-bids.md). The ids stay in the
 * JSON so that an auditor can find the rule's file; a person reads these words.
 */
import type { LowBidRuleId } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const LOW_BID_RULE_TERMS: Readonly<Record<LowBidRuleId, Term>> = {
  'mean-of-others': {
    label: 'vergelijking met het gemiddelde van de andere inschrijvingen',
    explanation: 'De prijs ligt een drempelpercentage onder het gemiddelde van de andere inschrijvingen.',
  },
  'gap-to-next': {
    label: 'afstand tot de eerstvolgende inschrijving',
    explanation: 'De laagste prijs ligt een drempelpercentage onder de op één na laagste.',
  },
  'below-average': {
    label: 'vergelijking met het gemiddelde van alle inschrijvingen',
    explanation: 'De prijs ligt een drempelpercentage onder het gemiddelde van alle inschrijvingen, de eigen meegerekend.',
  },
  'below-estimate': {
    label: 'vergelijking met de geraamde opdrachtwaarde',
    explanation: 'De prijs ligt een drempelpercentage onder de raming van de gemeente.',
  },
  'statistical-outlier': {
    label: 'statistische uitschieter (gemodificeerde z-score)',
    explanation: 'De prijs wijkt veel verder van de middelste prijs af dan de prijzen gewoonlijk van elkaar verschillen.',
  },
  'cost-floor': {
    label: 'kostenvloer per inburgeraar',
    explanation: 'De prijs dekt de geschatte minimale kosten per inburgeraar (lesuren, docent, materiaal) niet.',
  },
  'unit-price': {
    label: 'eenheidsprijs van een prijsregel',
    explanation: 'Eén prijsregel ligt een drempelpercentage onder dezelfde regel bij de andere inschrijvingen.',
  },
};

export const LOW_BID_RULE_NAMES: Readonly<Record<LowBidRuleId, string>> = labelsOf(LOW_BID_RULE_TERMS);
