/**
 * How the regional comparison matches lots to a route (route-key.ts, docs/procedures.md "Per
 * lot in the region"), and that `compareRegion` computes its statistics per matched route.
 */
import { describe, expect, it } from 'vitest';
import { compareRegion } from '../../../src/domain/comparison/compare-region.js';
import type { BidObservation } from '../../../src/domain/comparison/observation.js';
import { onRoute, routeKey, routeNames } from '../../../src/domain/comparison/route-key.js';

describe('routeKey', () => {
  it('ignores case, spaces, hyphens, dashes, underscores, dots and slashes, and compatibility forms', () => {
    expect(['B1-route', 'B1 route', ' b1_ROUTE ', 'B1–route', 'Ｂ１-route', 'B1.route'].map(routeKey)).toEqual(Array(6).fill('b1route'));
    expect(routeKey('B1-route Zwolle')).toBe('b1routezwolle');
    expect(routeKey('Z-route')).not.toBe(routeKey('B1-route'));
  });
});

describe('routeNames', () => {
  it('names a statutory route by its usual spelling, another by its first tidy spelling in code-unit order', () => {
    const names = routeNames(['b1 route', 'Module  Taal', 'module-taal', 'B1-route', 'Z-route']);
    expect([...names]).toEqual([
      ['b1 route', 'B1-route'],
      ['Module  Taal', 'Module Taal'],
      ['module-taal', 'Module Taal'],
      ['B1-route', 'B1-route'],
      ['Z-route', 'Z-route'],
    ]);
  });
});

describe('onRoute', () => {
  it('selects every spelling of the route and nothing else', () => {
    const b1 = onRoute('b1 route');
    expect(['B1-route', 'B1 route', 'Z-route', 'B1-route Zwolle'].map(b1)).toEqual([true, true, false, false]);
  });
});

function bid(tenderId: string, route: string, priceCents: number): BidObservation {
  return {
    tenderId,
    tenderDate: '2027-03-02',
    route,
    status: 'awarded',
    buyerId: 'o1',
    providerKvk: `${10_000_000 + priceCents / 100_000}`,
    providerName: 'School',
    priceCents,
    expectedLearners: 100,
    qualityFraction: null,
    won: false,
    flagged: false,
    reviewOutcome: null,
    excluded: false,
  };
}

describe('compareRegion per route', () => {
  // B1 per learner 5000 and 6000 written two ways; Z-route 1000 and 2000.
  const observations = [
    bid('t1', 'B1-route', 50_000_000),
    bid('t2', 'b1 route', 60_000_000),
    bid('t3', 'Z-route', 10_000_000),
    bid('t3', 'Z-route', 20_000_000),
  ];

  it('counts the lots of one route together under one name, each lot named with its own text', () => {
    const comparison = compareRegion(observations);
    expect(comparison.lots).toEqual([
      { tenderId: 't1', route: 'B1-route', lot: 'B1-route', bids: 1 },
      { tenderId: 't2', route: 'B1-route', lot: 'b1 route', bids: 1 },
      { tenderId: 't3', route: 'Z-route', lot: 'Z-route', bids: 2 },
    ]);
    expect(comparison.routes.map((route) => [route.route, route.tenders, route.pricePerLearner?.median])).toEqual([
      ['B1-route', 2, 5500],
      ['Z-route', 1, 1500],
    ]);
  });

  it('filters on the route in any spelling', () => {
    expect(compareRegion(observations, { route: 'B1 ROUTE' }).lots.map((lot) => lot.tenderId)).toEqual(['t1', 't2']);
  });
});
