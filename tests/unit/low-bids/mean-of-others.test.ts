import { describe, expect, it } from 'vitest';
import { meanOfOthersRule } from '../../../src/domain/low-bids/mean-of-others.js';
import { bidsFromCents, flagged } from './bids.js';

// B2 and B3 average €\u00a01.600,00; at t = 20 the bound for B1 is €\u00a01.280,00.
describe('mean-of-others', () => {
  it('flags a bid exactly at the threshold', () => {
    const flags = meanOfOthersRule.apply({ bids: bidsFromCents(128000, 150000, 170000) }, 20);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'mean-of-others',
        threshold: 20,
        value: 0.2,
        reference: 1600,
        message: 'Inschrijving ligt 20% onder het gemiddelde van de andere inschrijvingen (€\u00a01.600,00); drempel 20%.',
      },
    ]);
    expect(flagged(flags)).toEqual(['B1']);
  });

  it('flags a bid one cent below the threshold', () => {
    const flag = meanOfOthersRule.apply({ bids: bidsFromCents(127999, 150000, 170000) }, 20).get('B1')?.[0];
    expect(flag?.value).toBe(32001 / 160000);
    expect(flag?.reference).toBe(1600);
  });

  it('does not flag a bid one cent above the threshold', () => {
    expect(meanOfOthersRule.apply({ bids: bidsFromCents(128001, 150000, 170000) }, 20).size).toBe(0);
  });

  it('prints the example of the spec', () => {
    const flag = meanOfOthersRule.apply({ bids: bidsFromCents(110000, 150000, 170000) }, 20).get('B1')?.[0];
    expect(flag?.value).toBe(0.3125);
    expect(flag?.message).toBe('Inschrijving ligt 31,25% onder het gemiddelde van de andere inschrijvingen (€\u00a01.600,00); drempel 20%.');
  });

  it('compares with the exact mean when it is not a whole cent', () => {
    // Others average 160000.5 cents; the bound is 128000.4 cents.
    const bids = (p: number) => bidsFromCents(p, 150000, 170001);
    const flag = meanOfOthersRule.apply({ bids: bids(128000) }, 20).get('B1')?.[0];
    expect(flag?.reference).toBe(1600.005);
    expect(flag?.value).toBe(64001 / 320001);
    expect(flag?.message).toContain('(€\u00a01.600,01)');
    expect(meanOfOthersRule.apply({ bids: bids(128001) }, 20).size).toBe(0);
  });

  it('uses the default threshold of 20 when none is given', () => {
    expect(meanOfOthersRule.defaultThreshold).toBe(20);
    expect(flagged(meanOfOthersRule.apply({ bids: bidsFromCents(128000, 150000, 170000) }, null))).toEqual(['B1']);
  });

  it('does not apply to a single bid', () => {
    expect(meanOfOthersRule.apply({ bids: bidsFromCents(100) }, 20).size).toBe(0);
  });
});
