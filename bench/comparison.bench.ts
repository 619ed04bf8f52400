/**
 * @module
 * The regional comparison on a generated region: 1,000 tenders with 10 bids each over three
 * years and three routes, 40 schools, prices falling year by year and a few schools far
 * below the field (issue 8). Target: the whole comparison well under 100 ms; printed with its
 * ratio to a plain loop that only sums each bid's price per learner.
 */
import type { TenderStatus } from '../src/domain/lifecycle/tender-status.js';
import { compareRegion } from '../src/domain/comparison/compare-region.js';
import type { BidObservation } from '../src/domain/comparison/observation.js';
import { measure, report } from './measure.js';

const ROUTES = ['B1-route', 'onderwijsroute', 'Z-route'] as const;
const BASE_PRICE_PER_LEARNER_CENTS = { 'B1-route': 520_000, onderwijsroute: 1_600_000, 'Z-route': 900_000 } as const;
const STATUSES: readonly TenderStatus[] = ['open', 'award-proposed', 'awarded', 'awarded'];

export function generateObservations(tenderCount: number, bidsPerTender: number, providerCount = 40): BidObservation[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const observations: BidObservation[] = [];
  for (let t = 0; t < tenderCount; t++) {
    const route = ROUTES[t % ROUTES.length] as (typeof ROUTES)[number];
    const year = 2025 + Math.floor((3 * t) / tenderCount);
    const month = String(1 + (t % 12)).padStart(2, '0');
    const learners = 40 + Math.floor(random() * 160);
    // The race to the bottom: about 4 % lower every year.
    const base = BASE_PRICE_PER_LEARNER_CENTS[route] * (1 - 0.04 * (year - 2025));
    const winner = Math.floor(random() * bidsPerTender);
    for (let b = 0; b < bidsPerTender; b++) {
      const provider = (t * 3 + b * 7) % providerCount;
      const underbidder = provider % 13 === 0;
      const factor = underbidder ? 0.55 + random() * 0.1 : 0.85 + random() * 0.3;
      const flagged = underbidder && random() < 0.8;
      observations.push({
        tenderId: `T${t}`,
        tenderDate: `${year}-${month}-15`,
        route,
        status: STATUSES[t % STATUSES.length] as TenderStatus,
        buyerId: `G${t % 4}`,
        providerKvk: String(10_000_000 + provider),
        providerName: `School ${provider}`,
        priceCents: Math.round(base * factor) * learners,
        expectedLearners: learners,
        qualityFraction: 0.4 + random() * 0.6,
        won: b === winner,
        flagged,
        reviewOutcome: flagged ? (random() < 0.5 ? 'accepted' : 'rejected') : null,
        excluded: false,
      });
    }
  }
  return observations;
}

export function runComparisonBench(): void {
  const observations = generateObservations(1000, 10);
  let sink = 0;
  const plain = measure(
    'plain loop',
    () => {
      for (const observation of observations) sink += observation.priceCents / (observation.expectedLearners ?? 1);
    },
    { runs: 500, warmup: 50 },
  );
  let flaggedProviders = 0;
  const full = measure(
    'compareRegion',
    () => {
      flaggedProviders = compareRegion(observations).providers.filter((provider) => provider.crossTenderFlagged).length;
    },
    { runs: 100, warmup: 10 },
  );
  const filtered = measure('compareRegion B1-route 2026', () => compareRegion(observations, { route: 'B1-route', from: '2026-01-01', to: '2026-12-31' }), {
    runs: 100,
    warmup: 10,
  });

  console.log(
    `\nRegiovergelijking, 1.000 aanbestedingen x 10 inschrijvingen (mediaan per vergelijking; ` +
      `${flaggedProviders} scholen onder de ondergrens; checksum ${sink > 0 ? 'ok' : '-'})`,
  );
  report([
    { label: 'gewone lus (alleen prijs per inburgeraar optellen)', value: `${(plain.medianMs * 1000).toFixed(1)} µs` },
    {
      label: 'volledige vergelijking, 10.000 inschrijvingen',
      value: `${full.medianMs.toFixed(2)} ms`,
      target: '< 100 ms',
      ok: full.medianMs < 100,
    },
    { label: '  verhouding tot de gewone lus', value: `${(full.medianMs / plain.medianMs).toFixed(0)}x` },
    { label: 'gefilterd op B1-route en 2026', value: `${filtered.medianMs.toFixed(2)} ms` },
  ]);
}
