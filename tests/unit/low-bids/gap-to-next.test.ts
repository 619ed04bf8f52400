import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapToNextRule } from '../../../src/domain/low-bids/gap-to-next.js';
import { bidsFromCents, flagged } from './bids.js';

// The next price above B1 is €\u00a01.600,00; at t = 20 the bound is €\u00a01.280,00.
describe('gap-to-next', () => {
  it('flags a bid exactly at the threshold', () => {
    const flags = gapToNextRule.apply({ bids: bidsFromCents(128000, 160000, 190000) }, 20);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'gap-to-next',
        threshold: 20,
        value: 0.2,
        reference: 1600,
        message: 'Inschrijving ligt 20% onder de eerstvolgende inschrijving (€\u00a01.600,00); drempel 20%.',
      },
    ]);
    expect(flagged(flags)).toEqual(['B1']);
  });

  it('flags a bid one cent below the threshold', () => {
    const flag = gapToNextRule.apply({ bids: bidsFromCents(127999, 160000, 190000) }, 20).get('B1')?.[0];
    expect(flag?.value).toBe(32001 / 160000);
    expect(flag?.reference).toBe(1600);
  });

  it('does not flag a bid one cent above the threshold', () => {
    expect(gapToNextRule.apply({ bids: bidsFromCents(128001, 160000, 190000) }, 20).size).toBe(0);
  });

  it('gives the flag of the spec example', () => {
    expect(gapToNextRule.apply({ bids: bidsFromCents(110000, 160000) }, 20).get('B1')).toEqual([
      {
        rule: 'gap-to-next',
        threshold: 20,
        value: 0.3125,
        reference: 1600.0,
        message: 'Inschrijving ligt 31,25% onder de eerstvolgende inschrijving (€\u00a01.600,00); drempel 20%.',
      },
    ]);
  });

  it('compares bids with the same price with the next strictly higher price', () => {
    const flags = gapToNextRule.apply({ bids: bidsFromCents(128000, 128000, 160000) }, 20);
    expect(flagged(flags)).toEqual(['B1', 'B2']);
    expect(flags.get('B2')?.[0]?.reference).toBe(1600);
  });

  it('does not apply to the highest bid or to a single bid', () => {
    expect(gapToNextRule.apply({ bids: bidsFromCents(100000) }, 20).size).toBe(0);
    expect(gapToNextRule.apply({ bids: bidsFromCents(100000, 100000) }, 20).size).toBe(0);
  });

  it('flags the largest whole-cent price at or below the bound and not the next cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000_000_000 }), fc.integer({ min: 1, max: 9999 }), (next, bp) => {
        const threshold = bp / 100;
        const bound = Math.floor(((10000 - bp) * next) / 10000); // exact: both factors < 2^53 / 10^4
        const atBound = gapToNextRule.apply({ bids: bidsFromCents(bound, next) }, threshold);
        const above = gapToNextRule.apply({ bids: bidsFromCents(bound + 1, next) }, threshold);
        return (bound < 1 || atBound.has('B1')) && !above.has('B1');
      }),
    );
  });
});
