/**
 * @module
 * What one bidder must not read about the others (issue 14), and a scan for it: the other
 * bidders' names and KvK numbers, their prices and unit prices, and the figures from which
 * those follow (averages, medians, the MAD, percentages relative to them), each in every
 * format an amount is printed in here: `€ 1.234,56` (formatEuros, with a non-breaking space; also
 * with a plain space and as `EUR 1.234,56`, as a person may type it), `1.234,56`, `1.234`
 * (whole euros), `1234.56` (JSON), and a percentage as `12,34%`. The figures are computed
 * here from the dossier, not taken from the flags, so the scan does not trust the code it
 * checks.
 */
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import { medianAbsoluteDeviationOf, medianOf, meanOf, type Rational } from '../../src/domain/exact.js';
import { eurosToCents, formatDutchNumber, formatDutchTrimmed, formatPercent, rationalCentsToEuros } from '../../src/domain/money.js';

export type Secret = { label: string; text: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The amount as it may be printed; digit-only forms under 1000 are left out (they read as counts and hours). */
function amountTexts(euros: number): string[] {
  const texts = new Set([
    `€\u00a0${formatDutchNumber(euros, 2)}`,
    `€ ${formatDutchNumber(euros, 2)}`,
    `EUR ${formatDutchNumber(euros, 2)}`,
    formatDutchNumber(euros, 2),
    formatDutchTrimmed(euros),
  ]);
  const plain = String(Math.round(euros * 100) / 100);
  texts.add(plain);
  return [...texts].filter((text) => /[.,]/.test(text) || Number(text) >= 1000);
}

export function amountSecrets(label: string, euros: number): Secret[] {
  return amountTexts(euros).map((text) => ({ label, text }));
}

/** The secrets whose text occurs in `text`, an amount only as a whole number (not inside a longer one). */
export function findSecrets(text: string, secrets: readonly Secret[]): string[] {
  return secrets
    .filter((secret) => new RegExp(`(?<![\\d.,])${escapeRegExp(secret.text)}(?![\\d]|[.,]\\d)`).test(text))
    .map((secret) => `${secret.label}: "${secret.text}"`);
}

const euros = (r: Rational) => rationalCentsToEuros(r);
const priceOf = (bid: Dossier['bids'][number]) => bid.price ?? (bid.priceLines ?? []).reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);

/** The other bidders' names, KvK numbers, prices and unit prices. */
export function otherBiddersSecrets(dossier: Dossier, ownIds: readonly string[]): Secret[] {
  return dossier.bids
    .filter((bid) => !ownIds.includes(bid.id))
    .flatMap((bid) => [
      { label: `${bid.id} name`, text: bid.provider.name },
      { label: `${bid.id} KvK`, text: bid.provider.kvk },
      ...amountSecrets(`${bid.id} price`, priceOf(bid)),
      ...(bid.priceLines ?? []).flatMap((line) => amountSecrets(`${bid.id} unit price ${line.description}`, line.unitPrice)),
    ]);
}

/**
 * The figures of the whole field from which another bid's price follows, for bidder `bidId`:
 * the mean of the others and of all, the median and MAD of all prices, the median unit price
 * per line, the next higher price, and the bid's distance to each of them as a percentage.
 * The next price is left out when it is the price of a bid in `publicIds` (an award letter
 * gives the winner's price).
 */
export function derivedSecrets(dossier: Dossier, bidId: string, publicIds: readonly string[] = []): Secret[] {
  const own = dossier.bids.find((bid) => bid.id === bidId);
  if (own === undefined) throw new Error(`no bid ${bidId}`);
  const cents = dossier.bids.map((bid) => eurosToCents(priceOf(bid)));
  const ownCents = eurosToCents(priceOf(own));
  const others = dossier.bids.filter((bid) => bid.id !== bidId).map((bid) => eurosToCents(priceOf(bid)));
  const median = medianOf(cents);
  const references: [string, number][] = [
    ['mean of the others', euros(meanOf(others))],
    ['mean of all', euros(meanOf(cents))],
    ['median of all', euros(median)],
    ['MAD of all', euros(medianAbsoluteDeviationOf(cents, median))],
  ];
  const next = Math.min(...others.filter((price) => price > ownCents));
  const publicPrices = dossier.bids.filter((bid) => publicIds.includes(bid.id)).map((bid) => eurosToCents(priceOf(bid)));
  if (Number.isFinite(next) && !publicPrices.includes(next)) references.push(['next price', next / 100]);
  const secrets = references.flatMap(([label, value]) => [
    ...amountSecrets(label, value),
    { label: `share below the ${label}`, text: formatPercent((value * 100 - ownCents) / (value * 100)) },
  ]);
  const descriptions = new Set(dossier.bids.flatMap((bid) => (bid.priceLines ?? []).map((line) => line.description)));
  for (const description of descriptions) {
    const unitPrices = dossier.bids.flatMap((bid) => (bid.priceLines ?? []).filter((l) => l.description === description).map((l) => eurosToCents(l.unitPrice)));
    const lineMedian = euros(medianOf(unitPrices));
    secrets.push(...amountSecrets(`median unit price ${description}`, lineMedian));
    for (const line of (own.priceLines ?? []).filter((l) => l.description === description)) {
      secrets.push({ label: `share below the median unit price ${description}`, text: formatPercent((lineMedian - line.unitPrice) / lineMedian) });
    }
  }
  return secrets;
}
