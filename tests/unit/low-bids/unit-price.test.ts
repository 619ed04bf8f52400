import { describe, expect, it } from 'vitest';
import type { PricedBid } from '../../../src/domain/low-bids/flag.js';
import { unitPriceRule } from '../../../src/domain/low-bids/unit-price.js';

function bid(id: string, ...lines: [string, number][]): PricedBid {
  const priceLines = lines.map(([description, unitPriceCents]) => ({ description, unitPriceCents }));
  return { id, priceCents: priceLines.reduce((sum, line) => sum + line.unitPriceCents, 0), priceLines };
}

// "Intake" at €\u00a090, 100, 110 in three other bids: with the first bid's own line the median
// is €\u00a095,00, and at t = 30 the bound is €\u00a066,50.
const bids = (intakeCents: number) => [
  bid('B1', ['Intake', intakeCents], ['Lesuur', 5500]),
  bid('B2', ['Intake', 9000], ['Lesuur', 5600]),
  bid('B3', ['Intake', 10000]),
  bid('B4', ['Intake', 11000], ['Lesuur', 5400]),
];

describe('unit-price', () => {
  it('flags a line exactly at the threshold and names it', () => {
    const flags = unitPriceRule.apply({ bids: bids(6650) }, 30);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'unit-price',
        threshold: 30,
        value: 0.3,
        reference: 95,
        line: 'Intake',
        message:
          'Eenheidsprijs van regel "Intake" (€\u00a066,50) ligt 30% onder de mediane eenheidsprijs van deze regel' +
          ' in de inschrijvingen (€\u00a095,00); drempel 30%.',
      },
    ]);
    expect([...flags.keys()]).toEqual(['B1']);
  });

  it('flags a line one cent below the threshold', () => {
    const flag = unitPriceRule.apply({ bids: bids(6649) }, 30).get('B1')?.[0];
    expect(flag?.value).toBe(2851 / 9500);
    expect(flag?.reference).toBe(95);
  });

  it('does not flag a line one cent above the threshold', () => {
    expect(unitPriceRule.apply({ bids: bids(6651) }, 30).size).toBe(0);
  });

  it('uses the default threshold of 30 when none is given', () => {
    expect(unitPriceRule.defaultThreshold).toBe(30);
    expect(unitPriceRule.apply({ bids: bids(6650) }, null).has('B1')).toBe(true);
  });

  it('does not apply to a description found in fewer than 3 bids, however many lines', () => {
    const flags = unitPriceRule.apply({ bids: [bid('B1', ['Intake', 100], ['Intake', 10000], ['Intake', 10000]), bid('B2', ['Intake', 10000])] }, 30);
    expect(flags.size).toBe(0);
  });

  it('tests each of several lines with the same description in one bid on its own', () => {
    // Lines 6000, 10000, 10000, 11000: median €\u00a0100,00, bound €\u00a070,00.
    const flags = unitPriceRule.apply(
      {
        bids: [bid('B1', ['Intake', 6000], ['Intake', 10000]), bid('B2', ['Intake', 10000]), bid('B3', ['Intake', 11000])],
      },
      30,
    );
    expect(flags.get('B1')?.map((flag) => [flag.line, flag.value, flag.reference])).toEqual([['Intake', 0.4, 100]]);
    expect([...flags.keys()]).toEqual(['B1']);
  });

  it('does not apply to bids without price lines', () => {
    expect(unitPriceRule.apply({ bids: [bid('B1'), bid('B2'), bid('B3')] }, 30).size).toBe(0);
  });
});
