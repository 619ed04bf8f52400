import { describe, expect, it } from 'vitest';
import { compareRegion } from '../../../src/domain/comparison/compare-region.js';
import type { BidObservation } from '../../../src/domain/comparison/observation.js';
import type { TenderStatus } from '../../../src/domain/lifecycle/tender-status.js';

/**
 * A hand-computed region. B1-route prices per learner (euros), sorted:
 *   3000 A, 3100 A, 3900 C, 3900.01 B, 4700 D, 4900 E, 5000 F, 5050 G, 5100 D, 5150 E,
 *   5200 F, 5250 G, 5260 D, 5280 E, 5300 F, 5500 G, 5600 D, 5700 E, 5800 F, 5900 G
 * Lower half (first 10): Q1 = (4700 + 4900) / 2 = 4800; upper half: Q3 = (5300 + 5500) / 2 = 5400;
 * median (5150 + 5200) / 2 = 5175; IQR 600; fence 4800 - 900 = 3900.
 * A's median 3050 lies below; C's 3900 is exactly at the fence and B's 3900.01 just above: neither.
 */
const A = { providerKvk: '05345678', providerName: 'Snel Inburgeren B.V.' };
const B = { providerKvk: '05000002', providerName: 'Net Erboven' };
const C = { providerKvk: '05000003', providerName: 'Precies Op De Grens' };
const D = { providerKvk: '05123456', providerName: 'Taalschool IJsselland' };
const E = { providerKvk: '05234567', providerName: 'NT2 Centrum Zwolle' };
const F = { providerKvk: '05456789', providerName: 'Het Taalhuis Kampen' };
const G = { providerKvk: '05567890', providerName: 'Lingua Oost' };

type Provider = typeof A;
type BidSpec = [Provider, number, Partial<BidObservation>?];

function tender(tenderId: string, tenderDate: string, learners: number, status: TenderStatus, bids: BidSpec[], route = 'B1-route'): BidObservation[] {
  return bids.map(([provider, eurosPerLearner, extra]) => ({
    tenderId,
    tenderDate,
    route,
    status,
    buyerId: 'gemeente-zwolle',
    ...provider,
    priceCents: Math.round(eurosPerLearner * 100) * learners,
    expectedLearners: learners,
    qualityFraction: 0.7,
    won: false,
    flagged: false,
    reviewOutcome: null,
    excluded: false,
    ...extra,
  }));
}

const REGION: BidObservation[] = [
  ...tender('T1', '2025-03-01', 80, 'awarded', [
    [A, 3000, { flagged: true, reviewOutcome: 'rejected', excluded: true, qualityFraction: 0.5 }],
    [D, 4700],
    [E, 4900, { won: true }],
    [F, 5000],
  ]),
  ...tender('T2', '2025-09-15', 100, 'awarded', [
    [A, 3100, { flagged: true, reviewOutcome: 'accepted', won: true, qualityFraction: 0.6 }],
    [G, 5050],
    [D, 5100],
    [E, 5150],
  ]),
  ...tender('T3', '2026-02-01', 120, 'awarded', [
    [C, 3900, { flagged: true, reviewOutcome: 'pending' }],
    [F, 5200, { won: true }],
    [G, 5250],
    [D, 5260],
  ]),
  ...tender('T4', '2026-06-30', 100, 'award-proposed', [
    [B, 3900.01, { flagged: true }],
    [E, 5280, { won: true }],
    [F, 5300],
    [G, 5500],
  ]),
  ...tender('T5', '2027-01-10', 60, 'open', [
    [D, 5600, { qualityFraction: null }],
    [E, 5700, { qualityFraction: null }],
    [F, 5800, { qualityFraction: null }],
    [G, 5900, { qualityFraction: null }],
  ]),
  // Three Z-route bids: too few for quartiles, so no fence and no flag there.
  ...tender(
    'T6',
    '2026-04-01',
    50,
    'awarded',
    [
      [A, 2000, { providerName: 'Snel Inburgeren' }],
      [D, 9000, { won: true }],
      [E, 9500],
    ],
    'Z-route',
  ),
];

function provider(comparison: ReturnType<typeof compareRegion>, kvk: string) {
  const found = comparison.providers.find((summary) => summary.kvk === kvk);
  if (found === undefined) throw new Error(`no provider ${kvk}`);
  return found;
}

describe('compareRegion on a hand-computed region', () => {
  const comparison = compareRegion(REGION);
  const b1 = comparison.routes.find((route) => route.route === 'B1-route')!;

  it('shows the quartiles and the fence of the route', () => {
    expect(b1.lowerFence).toEqual({
      method: 'median-of-halves',
      count: 20,
      q1: 4800,
      median: 5175,
      q3: 5400,
      iqr: 600,
      lowerFence: 3900,
    });
    expect(b1).toMatchObject({ bids: 20, tenders: 5, pricedBids: 20 });
    expect(b1.pricePerLearner).toEqual({ count: 20, median: 5175, min: 3000, max: 5900 });
  });

  it('flags the provider below the fence, not the one at it or just above', () => {
    expect(b1.flaggedProviders).toEqual([A.providerKvk]);
    const flag = provider(comparison, A.providerKvk).routes.find((route) => route.route === 'B1-route')!.crossTenderFlag;
    expect(flag).toMatchObject({
      rule: 'below-regional-lower-fence',
      route: 'B1-route',
      providerMedian: 3050,
      providerBids: 2,
      bidsBelowFence: 2,
      region: { q1: 4800, q3: 5400, iqr: 600, lowerFence: 3900, count: 20 },
    });
    expect(flag!.shareBelowFence).toBeCloseTo(850 / 3900, 15);
    expect(flag!.message).toBe(
      'Mediane prijs per inburgeraar €\u00a03.050,00 (2 inschrijvingen) ligt 21,79% onder de ondergrens van de regio ' +
        'voor B1-route: €\u00a03.900,00 = Q1 €\u00a04.800,00 - 1,5 x IQR €\u00a0600,00 (Q3 €\u00a05.400,00; 20 inschrijvingen in de regio).',
    );
    expect(provider(comparison, C.providerKvk).crossTenderFlagged).toBe(false);
    expect(provider(comparison, B.providerKvk).crossTenderFlagged).toBe(false);
  });

  it('sums up a provider: bids, wins, prices per learner per route, quality and flag outcomes', () => {
    const a = provider(comparison, A.providerKvk);
    expect(a).toMatchObject({
      name: 'Snel Inburgeren',
      bids: 3,
      wins: 1,
      tenders: 3,
      excluded: 1,
      flagged: 2,
      reviewOutcomes: { accepted: 1, rejected: 1, pending: 0, notReviewed: 0 },
      crossTenderFlagged: true,
    });
    expect(a.meanQualityFraction).toBeCloseTo((0.5 + 0.6 + 0.7) / 3, 15);
    expect(a.routes.map((route) => [route.route, route.bids, route.wins, route.pricePerLearner])).toEqual([
      ['B1-route', 2, 1, { count: 2, median: 3050, min: 3000, max: 3100 }],
      ['Z-route', 1, 0, { count: 1, median: 2000, min: 2000, max: 2000 }],
    ]);
    const d = provider(comparison, D.providerKvk);
    expect(d.routes[0]?.pricePerLearner).toEqual({ count: 4, median: 5180, min: 4700, max: 5600 });
    expect(d.routes[0]?.meanQualityFraction).toBeCloseTo(0.7, 15);
    expect(provider(comparison, B.providerKvk).reviewOutcomes).toEqual({ accepted: 0, rejected: 0, pending: 0, notReviewed: 1 });
    expect(provider(comparison, C.providerKvk).reviewOutcomes).toEqual({ accepted: 0, rejected: 0, pending: 1, notReviewed: 0 });
  });

  it('gives the price per learner per year', () => {
    expect(b1.trend).toEqual([
      { year: '2025', count: 8, median: 4950, min: 3000, max: 5150 },
      { year: '2026', count: 8, median: 5255, min: 3900, max: 5500 },
      { year: '2027', count: 4, median: 5750, min: 5600, max: 5900 },
    ]);
  });

  it('has no fence with fewer than four priced bids on a route', () => {
    const z = comparison.routes.find((route) => route.route === 'Z-route')!;
    expect(z.lowerFence).toBeNull();
    expect(z.flaggedProviders).toEqual([]);
    expect(provider(comparison, A.providerKvk).routes[1]?.crossTenderFlag).toBeNull();
  });

  it('answers in plain JSON: no BigInt escapes into the result', () => {
    expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
  });

  it('lists providers by name and routes by name, and counts the tenders', () => {
    expect(comparison.providers.map((summary) => summary.name)).toEqual([
      'Het Taalhuis Kampen',
      'Lingua Oost',
      'NT2 Centrum Zwolle',
      'Net Erboven',
      'Precies Op De Grens',
      'Snel Inburgeren',
      'Taalschool IJsselland',
    ]);
    expect(comparison.routes.map((route) => route.route)).toEqual(['B1-route', 'Z-route']);
    expect(comparison).toMatchObject({ bids: 23, tenders: 6 });
  });
});

describe('compareRegion filters', () => {
  it('recomputes the fence over the period: from 2026 on, both bids near 3900 lie below it', () => {
    // 2026-2027 B1-route: 3900, 3900.01, 5200, 5250, 5260, 5280, 5300, 5500, 5600, 5700, 5800, 5900:
    // Q1 = (5200 + 5250) / 2 = 5225, Q3 = (5600 + 5700) / 2 = 5650, fence 5225 - 637.5 = 4587.5.
    const comparison = compareRegion(REGION, { from: '2026-01-01', route: 'B1-route' });
    const [b1] = comparison.routes;
    expect(comparison.routes).toHaveLength(1);
    expect(b1?.lowerFence).toMatchObject({ q1: 5225, q3: 5650, lowerFence: 4587.5, count: 12 });
    expect(b1?.flaggedProviders).toEqual([B.providerKvk, C.providerKvk].sort());
    expect(comparison.providers.some((summary) => summary.kvk === A.providerKvk)).toBe(false);
  });

  it('keeps both ends of the period', () => {
    const comparison = compareRegion(REGION, { from: '2025-09-15', to: '2026-02-01' });
    expect(comparison.tenders).toBe(2);
    expect(comparison.bids).toBe(8);
  });

  it('selects by route', () => {
    const comparison = compareRegion(REGION, { route: 'Z-route' });
    expect(comparison.bids).toBe(3);
    expect(comparison.providers.map((summary) => summary.kvk).sort()).toEqual([A.providerKvk, D.providerKvk, E.providerKvk].sort());
  });

  it('selects by tender status; no statuses means all', () => {
    expect(compareRegion(REGION, { statuses: ['open'] }).tenders).toBe(1);
    expect(compareRegion(REGION, { statuses: ['awarded', 'award-proposed'] }).tenders).toBe(5);
    expect(compareRegion(REGION, { statuses: [] }).tenders).toBe(6);
  });

  it('leaves bids without expected learners out of the prices but counts them', () => {
    const comparison = compareRegion(
      REGION.map((row) => (row.tenderId === 'T6' ? { ...row, expectedLearners: null } : row)),
      { route: 'Z-route' },
    );
    expect(comparison.routes[0]).toMatchObject({ bids: 3, pricedBids: 0, pricePerLearner: null, trend: [] });
    expect(provider(comparison, D.providerKvk)).toMatchObject({ bids: 1, wins: 1 });
  });

  it('refuses a price that is not whole cents', () => {
    expect(() => compareRegion([{ ...REGION[0]!, priceCents: 100.5 }])).toThrow(RangeError);
  });
});
