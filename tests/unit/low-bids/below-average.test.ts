import { describe, expect, it } from 'vitest';
import { belowAverageRule } from '../../../src/domain/low-bids/below-average.js';
import { bidsFromCents, flagged } from './bids.js';

// With the others at €\u00a02.000, 2.100 and 2.200, a bid of €\u00a01.700 makes the mean €\u00a02.000,00
// (its own price included) and is exactly 15 % below it.
const bids = (first: number) => bidsFromCents(first, 200000, 210000, 220000);

describe('below-average', () => {
  it('flags a bid exactly at the threshold', () => {
    const flags = belowAverageRule.apply({ bids: bids(170000) }, 15);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'below-average',
        threshold: 15,
        value: 0.15,
        reference: 2000,
        message: 'Inschrijving ligt 15% onder het gemiddelde van alle inschrijvingen (€\u00a02.000,00); drempel 15%.',
      },
    ]);
    expect(flagged(flags)).toEqual(['B1']);
  });

  it('flags a bid one cent below the threshold, against the mean with its own price', () => {
    const flag = belowAverageRule.apply({ bids: bids(169999) }, 15).get('B1')?.[0];
    // mean = 799999 / 4 cents; value = (799999 - 4 * 169999) / 799999
    expect(flag?.reference).toBe(1999.9975);
    expect(flag?.value).toBe(120003 / 799999);
  });

  it('does not flag a bid one cent above the threshold', () => {
    // mean 200000.25 cents, bound 170000.2125 cents
    expect(belowAverageRule.apply({ bids: bids(170001) }, 15).size).toBe(0);
  });

  it('uses the default threshold of 15 when none is given', () => {
    expect(belowAverageRule.defaultThreshold).toBe(15);
    expect(flagged(belowAverageRule.apply({ bids: bids(170000) }, null))).toEqual(['B1']);
  });

  it('does not apply with fewer than 4 bids', () => {
    expect(belowAverageRule.apply({ bids: bidsFromCents(100, 200000, 210000) }, 15).size).toBe(0);
  });
});
