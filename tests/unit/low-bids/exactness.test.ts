import { describe, expect, it } from 'vitest';
import { gapToNextRule } from '../../../src/domain/low-bids/gap-to-next.js';
import { belowEstimateRule } from '../../../src/domain/low-bids/below-estimate.js';
import { bidsFromCents } from './bids.js';

describe('exact threshold decisions', () => {
  it('flags 80 against 100 at t = 20 exactly at equality', () => {
    const flag = gapToNextRule.apply({ bids: bidsFromCents(8000, 10000) }, 20).get('B1')?.[0];
    expect(flag?.value).toBe(0.2);
    expect(gapToNextRule.apply({ bids: bidsFromCents(8001, 10000) }, 20).size).toBe(0);
  });

  it('flags €\u00a0279 against €\u00a0300 at t = 7 where floating point says it is above the bound', () => {
    // (1 - 0.07) * 30000 is 27899.999999999996 in doubles; exactly it is 27900.
    expect(27900 <= (1 - 7 / 100) * 30000).toBe(false);
    const flag = gapToNextRule.apply({ bids: bidsFromCents(27900, 30000) }, 7).get('B1')?.[0];
    expect(flag?.value).toBe(0.07);
    expect(flag?.message).toBe('Inschrijving ligt 7% onder de eerstvolgende inschrijving (€\u00a0300,00); drempel 7%.');
  });

  it('flags €\u00a05.170 against an estimate of €\u00a05.500 at t = 6 where floating point does not', () => {
    expect(517000 <= (1 - 6 / 100) * 550000).toBe(false);
    const flags = belowEstimateRule.apply({ bids: bidsFromCents(517000, 517001), estimatedValueCents: 550000 }, 6);
    expect([...flags.keys()]).toEqual(['B1']);
    expect(flags.get('B1')?.[0]?.value).toBe(0.06);
  });

  it('handles a threshold with two decimals such as 0.29 in basis points', () => {
    // 0.29 % of €\u00a01.000.000 is €\u00a02.900: the bound is €\u00a0997.100,00 exactly.
    const rule = (price: number) => gapToNextRule.apply({ bids: bidsFromCents(price, 100_000_000) }, 0.29);
    expect(rule(99_710_000).get('B1')?.[0]?.threshold).toBe(0.29);
    expect(rule(99_710_000).get('B1')?.[0]?.message).toContain('drempel 0,29%.');
    expect(rule(99_710_001).size).toBe(0);
  });
});
