/**
 * @module
 * What in a text the officer writes to one bidder would tell it about the other bids: the
 * questions of the explanation request (printed in the letter, sent before the award
 * decision) and the motivation of the decision on the review (told to the bidder). The
 * other bids are confidential then (art. 2.57 Aanbestedingswet 2012; flag-for-bidder.ts), so
 * such a text may not name another bidder, give its KvK number, or write its price or one
 * of its unit prices as an amount.
 *
 * An amount is a number written as money: after `EUR` or `€`, with decimals (`452,50`),
 * with thousands separators (`452.000`), or of at least 1000 (`452000`). A bare number under
 * 1000 without those reads as hours, learners or a group size ("600 uur", "groepen van 12")
 * and is not taken for an amount. An amount that is also one of the bidder's own (its price,
 * a unit price of its own) is its own to read. Percentages and averages cannot be recognised
 * in free text; the officer is told so in docs/access.md.
 *
 * Example: to Snel Inburgeren, "Hoe verklaart u het verschil met EUR 452.000?" is refused when
 * another bid is EUR 452.000,00; "Hoe dekt u met EUR 289.000 de kosten?" is its own price.
 */
import type { Bid } from '../evaluation/dossier.js';
import { eurosToCents, formatEuroCents } from '../money.js';

const AMOUNT = /(?<![\d.,])(?:(EUR|€)\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(?![\d]|[.,]\d)/gi;

/**
 * The amounts written in `text` as money, in cents (the rule above).
 * @example amountsIn('de prijs was EUR 452.000 in plaats van 45.200') // [{ written: 'EUR 452.000', cents: 45200000 }, { written: '45.200', cents: 4520000 }]
 */
export function amountsIn(text: string): { written: string; cents: number }[] {
  const found: { written: string; cents: number }[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const [written, currency, whole = '', decimals] = match;
    const euros = Number(whole.replace(/\./g, ''));
    const looksLikeMoney = currency !== undefined || decimals !== undefined || whole.includes('.') || euros >= 1000;
    if (!looksLikeMoney) continue;
    found.push({ written: written.trim(), cents: euros * 100 + (decimals === undefined ? 0 : Number(decimals.padEnd(2, '0'))) });
  }
  return found;
}

function amountsOf(bid: Bid): number[] {
  const lines = (bid.priceLines ?? []).map((line) => eurosToCents(line.unitPrice));
  return bid.price === undefined ? lines : [eurosToCents(bid.price), ...lines];
}

/**
 * What `text`, written to bidder `bidId`, tells of the other bids, as Dutch phrases for the
 * officer; empty when nothing.
 * @example findOtherBidsInText('Waarom ligt u onder Het Taalhuis Kampen?', bids, 'B3') // ['noemt de inschrijver Het Taalhuis Kampen']
 */
export function findOtherBidsInText(text: string, bids: readonly Bid[], bidId: string): string[] {
  const own = bids.find((bid) => bid.id === bidId);
  const ownAmounts = new Set(own === undefined ? [] : amountsOf(own));
  const lower = text.toLocaleLowerCase('nl');
  const findings: string[] = [];
  for (const bid of bids) {
    if (bid.id === bidId) continue;
    if (lower.includes(bid.provider.name.toLocaleLowerCase('nl'))) findings.push(`noemt de inschrijver ${bid.provider.name}`);
    if (new RegExp(`(?<!\\d)${bid.provider.kvk}(?!\\d)`).test(text)) findings.push(`noemt het KvK-nummer ${bid.provider.kvk} van een andere inschrijver`);
  }
  const others = new Set(bids.filter((bid) => bid.id !== bidId).flatMap(amountsOf));
  for (const amount of amountsIn(text)) {
    if (others.has(amount.cents) && !ownAmounts.has(amount.cents)) {
      findings.push(`noemt ${amount.written}: dat is de prijs of een eenheidsprijs van een andere inschrijving (${formatEuroCents(amount.cents)})`);
    }
  }
  return findings;
}
