import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRegion } from '../../../src/domain/comparison/compare-region.js';
import type { BidObservation } from '../../../src/domain/comparison/observation.js';

/** A fraction on BigInt, reduced by nothing: the reference below only compares and adds. */
type Fraction = [bigint, bigint];

const less = (a: Fraction, b: Fraction) => a[0] * b[1] < b[0] * a[1];
const byValue = (a: Fraction, b: Fraction) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
const mean = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] + b[0] * a[1], 2n * a[1] * b[1]];

function median(sorted: Fraction[]): Fraction {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : mean(sorted[middle - 1]!, sorted[middle]!);
}

/** An independent, slow reference: the fence by the median of halves, as the module documents it. */
function referenceFence(values: Fraction[]): Fraction | null {
  if (values.length < 4) return null;
  const sorted = [...values].sort(byValue);
  const half = Math.floor(sorted.length / 2);
  const q1 = median(sorted.slice(0, half));
  const q3 = median(sorted.slice(sorted.length - half));
  // Q1 - 1.5 (Q3 - Q1) = (5 Q1 - 3 Q3) / 2
  return [5n * q1[0] * q3[1] - 3n * q3[0] * q1[1], 2n * q1[1] * q3[1]];
}

function referenceFlags(observations: BidObservation[]): string[] {
  const flagged: string[] = [];
  const routes = new Set(observations.map((row) => row.route));
  for (const route of routes) {
    const rows = observations.filter((row) => row.route === route && row.expectedLearners !== null);
    const fence = referenceFence(rows.map((row) => [BigInt(row.priceCents), BigInt(row.expectedLearners!)]));
    if (fence === null) continue;
    for (const kvk of new Set(rows.map((row) => row.providerKvk))) {
      const own = rows.filter((row) => row.providerKvk === kvk).map((row): Fraction => [BigInt(row.priceCents), BigInt(row.expectedLearners!)]);
      if (less(median(own.sort(byValue)), fence)) flagged.push(`${route}|${kvk}`);
    }
  }
  return flagged.sort();
}

// Small prices per learner (1 to 12 units over 1 to 4 learners) make ties common; the clustered
// variant, mostly 6 per learner, often has IQR 0 and medians exactly at the fence, which is where
// a wrong comparison would show.
const spreadPrice = {
  priceCents: fc.integer({ min: 1, max: 12 }),
  expectedLearners: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 10 }),
};
const clusteredPrice = {
  priceCents: fc.constantFrom(6, 6, 6, 6, 6, 5, 7, 3, 12),
  expectedLearners: fc.option(fc.constantFrom(1, 1, 1, 2), { freq: 10 }),
};

const observationWith = (price: typeof spreadPrice | typeof clusteredPrice) =>
  fc.record({
    tenderId: fc.constantFrom('T1', 'T2', 'T3', 'T4'),
    tenderDate: fc.constantFrom('2025-01-01', '2026-06-15', '2027-12-31'),
    route: fc.constantFrom('B1-route', 'Z-route'),
    status: fc.constantFrom('open' as const, 'awarded' as const),
    buyerId: fc.constant('G1'),
    providerKvk: fc.constantFrom('10000001', '10000002', '10000003', '10000004', '10000005', '10000006'),
    providerName: fc.constant('School'),
    ...price,
    qualityFraction: fc.constant(null),
    won: fc.boolean(),
    flagged: fc.boolean(),
    reviewOutcome: fc.constant(null),
    excluded: fc.boolean(),
  });
const observation = fc.oneof(observationWith(spreadPrice), observationWith(clusteredPrice));

describe('the cross-tender flag', () => {
  it('flags exactly the providers whose median price per learner lies below the route fence', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), (observations) => {
        const comparison = compareRegion(observations);
        const flagged = comparison.providers
          .flatMap((provider) => provider.routes.filter((route) => route.crossTenderFlag !== null).map((route) => `${route.route}|${provider.kvk}`))
          .sort();
        expect(flagged).toEqual(referenceFlags(observations));
        const fromRoutes = comparison.routes.flatMap((route) => route.flaggedProviders.map((kvk) => `${route.route}|${kvk}`)).sort();
        expect(fromRoutes).toEqual(flagged);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports the fence the reference computes', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 4, maxLength: 40 }), (observations) => {
        for (const route of compareRegion(observations).routes) {
          const rows = observations.filter((row) => row.route === route.route && row.expectedLearners !== null);
          const fence = referenceFence(rows.map((row) => [BigInt(row.priceCents), BigInt(row.expectedLearners!)]));
          if (fence === null) expect(route.lowerFence).toBeNull();
          else expect(route.lowerFence?.lowerFence).toBeCloseTo(Number(fence[0]) / Number(fence[1]) / 100, 12);
        }
      }),
      { numRuns: 300 },
    );
  });
});
