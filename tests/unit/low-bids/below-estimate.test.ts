import { describe, expect, it } from 'vitest';
import { belowEstimateRule } from '../../../src/domain/low-bids/below-estimate.js';
import { bidsFromCents, flagged } from './bids.js';

// Estimate €\u00a0600.000; at t = 25 the bound is €\u00a0450.000,00.
const estimatedValueCents = 60_000_000;

describe('below-estimate', () => {
  it('flags a bid exactly at the threshold', () => {
    const flags = belowEstimateRule.apply({ bids: bidsFromCents(45_000_000), estimatedValueCents }, 25);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'below-estimate',
        threshold: 25,
        value: 0.25,
        reference: 600000,
        message: 'Inschrijving ligt 25% onder de geraamde opdrachtwaarde (€\u00a0600.000,00); drempel 25%.',
      },
    ]);
  });

  it('flags a bid one cent below the threshold', () => {
    const flag = belowEstimateRule.apply({ bids: bidsFromCents(44_999_999), estimatedValueCents }, 25).get('B1')?.[0];
    expect(flag?.value).toBe(15_000_001 / 60_000_000);
    expect(flag?.reference).toBe(600000);
  });

  it('does not flag a bid one cent above the threshold', () => {
    expect(belowEstimateRule.apply({ bids: bidsFromCents(45_000_001), estimatedValueCents }, 25).size).toBe(0);
  });

  it('applies to every bid, even a single one', () => {
    const flags = belowEstimateRule.apply({ bids: bidsFromCents(31_800_000, 56_500_000), estimatedValueCents }, null);
    expect(flagged(flags)).toEqual(['B1']);
    expect(flags.get('B1')?.[0]?.value).toBe(0.47);
  });

  it('does not apply without an estimate', () => {
    expect(belowEstimateRule.apply({ bids: bidsFromCents(1) }, 25).size).toBe(0);
  });
});
