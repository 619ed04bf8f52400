import { describe, expect, it } from 'vitest';
import { statisticalOutlierRule } from '../../../src/domain/low-bids/statistical-outlier.js';
import { bidsFromCents, flagged } from './bids.js';

// Median €\u00a01.000,00; deviations 70,00 (B1), 13,49, 0, 13,49, 20,00: MAD €\u00a013,49. With
// 0.6745 = 6745/10000, z(B1) = 0.6745 * -7000 / 1349 = -3.5 exactly.
const bids = (first: number) => bidsFromCents(first, 98651, 100000, 101349, 102000);

describe('statistical-outlier', () => {
  it('flags a bid exactly at the threshold', () => {
    const flags = statisticalOutlierRule.apply({ bids: bids(93000) }, 3.5);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'statistical-outlier',
        threshold: 3.5,
        value: -3.5,
        reference: 1000,
        message:
          'Inschrijving is een statistische uitschieter naar beneden: gemodificeerde z-score -3,50' +
          ' (mediaan €\u00a01.000,00, mediane absolute afwijking (MAD, hoe ver de prijzen gewoonlijk van de mediaan liggen) €\u00a013,49); drempel -3,5.',
      },
    ]);
    expect(flagged(flags)).toEqual(['B1']);
  });

  it('flags a bid one cent below the threshold', () => {
    const flag = statisticalOutlierRule.apply({ bids: bids(92999) }, 3.5).get('B1')?.[0];
    expect(flag?.value).toBe((-6745 * 7001) / (10000 * 1349));
    expect(flag?.reference).toBe(1000);
    expect(flag?.threshold).toBe(3.5);
  });

  it('does not flag a bid one cent above the threshold', () => {
    expect(statisticalOutlierRule.apply({ bids: bids(93001) }, 3.5).size).toBe(0);
  });

  it('uses the default k of 3.5 when none is given', () => {
    expect(statisticalOutlierRule.defaultThreshold).toBe(3.5);
    expect(flagged(statisticalOutlierRule.apply({ bids: bids(93000) }, null))).toEqual(['B1']);
  });

  it('takes the mean of the two middle values for the median of an even count', () => {
    // Median (100000 + 100100) / 2 = 100050; deviations 40050, 1050, 50, 50, 950, 1950: MAD 1000.
    const flags = statisticalOutlierRule.apply({ bids: bidsFromCents(60000, 99000, 100000, 100100, 101000, 102000) }, 3.5);
    const flag = flags.get('B1')?.[0];
    expect(flag?.reference).toBe(1000.5);
    expect(flag?.value).toBe((-6745 * 40050) / (10000 * 1000));
    expect(flagged(flags)).toEqual(['B1']);
  });

  it('does not apply with fewer than 5 bids', () => {
    expect(statisticalOutlierRule.apply({ bids: bidsFromCents(1000, 100000, 100100, 100200) }, 3.5).size).toBe(0);
  });

  it('does not apply when the MAD is 0', () => {
    expect(statisticalOutlierRule.apply({ bids: bidsFromCents(1000, 100000, 100000, 100000, 100000) }, 3.5).size).toBe(0);
  });
});
