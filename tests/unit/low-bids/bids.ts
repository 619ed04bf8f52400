/** Test helpers: priced bids from cents, without price lines unless given. */
import type { PricedBid } from '../../../src/domain/low-bids/flag.js';

export function bidsFromCents(...prices: number[]): PricedBid[] {
  return prices.map((priceCents, i) => ({ id: `B${i + 1}`, priceCents, priceLines: [] }));
}

export function flagged(flags: Map<string, unknown[]>): string[] {
  return [...flags.keys()];
}
