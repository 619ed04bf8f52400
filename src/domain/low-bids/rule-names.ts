/**
 * @module
 * The low-bid rules in words a bidder and a council member understand, for letters and
 * reports; the rule ids stay in the JSON so that an auditor can find the rule's file.
 */
import type { LowBidRuleId } from '../evaluation/dossier.js';

export const LOW_BID_RULE_NAMES: Readonly<Record<LowBidRuleId, string>> = {
  'mean-of-others': 'vergelijking met het gemiddelde van de andere inschrijvingen',
  'gap-to-next': 'afstand tot de eerstvolgende inschrijving',
  'below-average': 'vergelijking met het gemiddelde van alle inschrijvingen',
  'below-estimate': 'vergelijking met de geraamde opdrachtwaarde',
  'statistical-outlier': 'statistische uitschieter (gemodificeerde z-score)',
  'cost-floor': 'kostenvloer per inburgeraar',
  'unit-price': 'eenheidsprijs van een prijsregel',
};
