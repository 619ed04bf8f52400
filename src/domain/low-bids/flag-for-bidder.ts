/**
 * @module
 * What the bidder itself may be told about a flag, before the award decision: the letter that
 * asks it to explain its price (art. 2.116 Aanbestedingswet 2012) goes to one bidder while the
 * other bids are still confidential (art. 2.57 Aanbestedingswet 2012: the buyer does not
 * disclose the confidential aspects of bids, a competitor's price first among them; only the
 * award decision opens the winner's figures, art. 2.130).
 *
 * So a flag is told in one of two ways:
 * - **With its figures** when it compares the bid with the buyer's own references only:
 *   `below-estimate` (the estimate) and `cost-floor` (the floor and its assumptions, from the
 *   tender documents). The flag's own message is then used, as the report prints it.
 * - **In words only** when it compares the bid with the other bids: `mean-of-others`,
 *   `below-average`, `gap-to-next`, `statistical-outlier`, `unit-price`. No reference, no
 *   percentage and no threshold: with its own price, the bidder would get the others'
 *   average, the next price or the median back from the reference or the percentage, and a
 *   bound on them from the threshold. A `unit-price` flag names the line and the bidder's own
 *   unit price on it.
 * Every rule id must be listed here (a `Record` over the ids), so a new rule is not told to
 * a bidder until someone decided which of the two it is.
 */
import type { LowBidRuleId } from '../evaluation/dossier.js';
import { formatEuros } from '../money.js';
import type { LowBidFlag } from './flag.js';

/** The bidder's own price lines, to name its own unit price on a `unit-price` flag. */
export type OwnPriceLines = readonly { description: string; unitPrice: number }[] | undefined;

type Telling = (flag: LowBidFlag, ownLines: OwnPriceLines) => string;

const withItsFigures: Telling = (flag) => flag.message;

const inWords =
  (text: string): Telling =>
  () =>
    text;

function ownUnitPrices(line: string | undefined, ownLines: OwnPriceLines): string {
  const prices = (ownLines ?? []).filter((own) => own.description === line).map((own) => formatEuros(own.unitPrice));
  return prices.length === 0 ? '' : ` (${[...new Set(prices)].join(', ')})`;
}

const TELLINGS: Readonly<Record<LowBidRuleId, Telling>> = {
  'below-estimate': withItsFigures,
  'cost-floor': withItsFigures,
  'mean-of-others': inWords('Uw prijs ligt ver onder het gemiddelde van de andere inschrijvingen.'),
  'below-average': inWords('Uw prijs ligt ver onder het gemiddelde van de inschrijvingen.'),
  'gap-to-next': inWords('Uw prijs ligt ver onder die van de eerstvolgende inschrijving.'),
  'statistical-outlier': inWords('Uw prijs wijkt sterk naar beneden af van de prijzen in de andere inschrijvingen.'),
  'unit-price': (flag, ownLines) =>
    `Uw eenheidsprijs voor de regel "${flag.line ?? ''}"${ownUnitPrices(flag.line, ownLines)} ligt ver onder die van dezelfde regel in de andere inschrijvingen.`,
};

/**
 * The flag as the bidder may read it.
 * @example describeFlagForBidder(gapToNextFlag, bid.priceLines) // 'Uw prijs ligt ver onder die van de eerstvolgende inschrijving.'
 */
export function describeFlagForBidder(flag: LowBidFlag, ownLines: OwnPriceLines): string {
  return TELLINGS[flag.rule](flag, ownLines);
}
