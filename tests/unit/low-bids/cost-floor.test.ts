import { describe, expect, it } from 'vitest';
import { computeCostFloor } from '../../../src/domain/cost-floor.js';
import type { CostFloorParams } from '../../../src/domain/evaluation/dossier.js';
import { costFloorRule } from '../../../src/domain/low-bids/cost-floor.js';
import { bidsFromCents, flagged } from './bids.js';

// The numbers of the spec's example fixture tests/fixtures/dossiers/example-b1-route.dossier.json (lowBidRules.costFloor, 100 learners).
const costFloor: CostFloorParams = {
  contactHours: 600,
  teacherHourlyCost: 55,
  groupSize: 12,
  overheadShare: 0.35,
  fixedCostPerLearner: 350,
};
const expectedLearners = 100;

describe('computeCostFloor', () => {
  it('computes €\u00a04.062,50 per learner for the example fixture and prints the computation', () => {
    const floor = computeCostFloor(costFloor);
    expect(floor.perLearnerCents.n).toBe(406250n * floor.perLearnerCents.d);
    expect(floor.perLearnerEuros).toBe(4062.5);
    expect(floor.computation).toBe('600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar');
  });

  it('leaves out the fixed costs when there are none', () => {
    const floor = computeCostFloor({ ...costFloor, fixedCostPerLearner: undefined });
    expect(floor.perLearnerEuros).toBe(3712.5);
    expect(floor.computation).toBe('600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars = €\u00a03.712,50 per inburgeraar');
  });

  it('keeps a floor that is not a whole cent exact and prints it to four decimals', () => {
    // 600 * 5500 * 135 / 700 = 636428.571428... cents
    const floor = computeCostFloor({ ...costFloor, groupSize: 7, fixedCostPerLearner: 0 });
    expect(floor.perLearnerCents.n * 700n).toBe(445_500_000n * floor.perLearnerCents.d);
    expect(floor.perLearnerEuros).toBe(445_500_000 / 70_000);
    expect(floor.computation).toBe('600 uur x €\u00a055,00 x (1 + 0,35) / 7 inburgeraars = €\u00a06.364,2857 per inburgeraar');
  });
});

describe('cost-floor', () => {
  it('does not flag a bid exactly at the floor', () => {
    const flags = costFloorRule.apply({ bids: bidsFromCents(40_625_000), expectedLearners, costFloor }, null);
    expect(flags.size).toBe(0);
  });

  it('flags a bid one cent below the floor and prints the computation', () => {
    const flags = costFloorRule.apply({ bids: bidsFromCents(40_624_999), expectedLearners, costFloor }, null);
    expect(flags.get('B1')).toEqual([
      {
        rule: 'cost-floor',
        threshold: null,
        value: 0.0001,
        reference: 4062.5,
        message:
          'Prijs per inburgeraar €\u00a04.062,4999 (€\u00a0406.249,99 / 100 inburgeraars) ligt onder de kostenvloer:' +
          ' 600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar;' +
          ' tekort €\u00a00,0001 per inburgeraar.',
      },
    ]);
  });

  it('does not flag a bid one cent above the floor', () => {
    expect(costFloorRule.apply({ bids: bidsFromCents(40_625_001), expectedLearners, costFloor }, null).size).toBe(0);
  });

  it('flags the fixture bid of €\u00a0318.000 with its shortfall per learner', () => {
    const flags = costFloorRule.apply({ bids: bidsFromCents(56_500_000, 61_200_000, 31_800_000, 54_000_000), expectedLearners, costFloor }, null);
    expect(flagged(flags)).toEqual(['B3']);
    expect(flags.get('B3')?.[0]?.value).toBe(882.5);
    expect(flags.get('B3')?.[0]?.message).toContain('Prijs per inburgeraar €\u00a03.180,00 (€\u00a0318.000,00 / 100 inburgeraars)');
  });

  it('has no threshold', () => {
    expect(costFloorRule.defaultThreshold).toBeNull();
  });

  it('does not apply without cost floor parameters or without the expected number of learners', () => {
    expect(costFloorRule.apply({ bids: bidsFromCents(1), expectedLearners }, null).size).toBe(0);
    expect(costFloorRule.apply({ bids: bidsFromCents(1), costFloor }, null).size).toBe(0);
  });
});
