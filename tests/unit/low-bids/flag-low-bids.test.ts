import { describe, expect, it } from 'vitest';
import type { CostFloorParams } from '../../../src/domain/evaluation/dossier.js';
import type { LowBidContext } from '../../../src/domain/low-bids/flag.js';
import { flagLowBids } from '../../../src/domain/low-bids/flag-low-bids.js';
import { bidsFromCents } from './bids.js';

// The bids of the spec's example fixture tests/fixtures/dossiers/example-b1-route.dossier.json (€\u00a0565.000, 612.000, 318.000,
// 540.000), estimate €\u00a0600.000, 100 learners, cost floor €\u00a04.062,50 per learner.
const costFloor: CostFloorParams = {
  contactHours: 600,
  teacherHourlyCost: 55,
  groupSize: 12,
  overheadShare: 0.35,
  fixedCostPerLearner: 350,
};
const context: LowBidContext = {
  bids: bidsFromCents(56_500_000, 61_200_000, 31_800_000, 54_000_000),
  estimatedValueCents: 60_000_000,
  expectedLearners: 100,
};

describe('flagLowBids', () => {
  it('flags the fixture bid of €\u00a0318.000 under nl-default, in the fixed order of the rules', () => {
    const flags = flagLowBids(context, { preset: 'nl-default', costFloor });
    expect([...flags.keys()]).toEqual(['B3']);
    expect(flags.get('B3')?.map((flag) => [flag.rule, flag.threshold, flag.reference])).toEqual([
      ['mean-of-others', 20, 171_700_000 / 300],
      ['gap-to-next', 20, 540000],
      ['below-estimate', 25, 600000],
      ['cost-floor', null, 4062.5],
    ]);
  });

  it('uses nl-default when no settings are given, and the cost floor of the context', () => {
    const flags = flagLowBids({ ...context, costFloor }, undefined);
    expect(flags.get('B3')?.map((flag) => flag.rule)).toEqual(['mean-of-others', 'gap-to-next', 'below-estimate', 'cost-floor']);
  });

  it('runs only the rules left after the overrides', () => {
    const flags = flagLowBids(context, {
      preset: 'germany',
      rules: [
        { id: 'below-average', threshold: 30 },
        { id: 'gap-to-next', enabled: false },
      ],
    });
    expect([...flags.entries()].map(([id, list]) => [id, list.map((flag) => flag.rule)])).toEqual([['B3', ['below-average']]]);
    expect(flags.get('B3')?.[0]?.value).toBe((203_500_000 - 4 * 31_800_000) / 203_500_000);
  });

  it('flags nothing under the preset none', () => {
    expect(flagLowBids(context, { preset: 'none', costFloor }).size).toBe(0);
  });

  it('flags nothing when no bids are given', () => {
    expect(flagLowBids({ bids: [] }, undefined).size).toBe(0);
  });
});
