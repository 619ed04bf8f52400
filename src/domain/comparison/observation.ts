/**
 * @module
 * What the regional comparison reads: one row per bid, across the tenders of a regio and its
 * member gemeenten, and the filters a user can set (issue 8). The server builds the rows from
 * its tables; everything after that is pure and lives in this folder.
 */
import type { TenderStatus } from '../lifecycle/tender-status.js';
import { onRoute } from './route-key.js';

export type ReviewOutcome = 'accepted' | 'rejected' | 'pending';

export type BidObservation = {
  tenderId: string;
  /** The tender's reference date (e.g. when it was opened), `YYYY-MM-DD`. */
  tenderDate: string;
  /** The lot's route as the tender writes it: `B1-route`, `onderwijsroute`, `Z-route` or free text (matched per route-key.ts). */
  route: string;
  status: TenderStatus;
  buyerId: string;
  providerKvk: string;
  providerName: string;
  /** The bid's price in whole cents (> 0). */
  priceCents: number;
  /** The tender's expected learners (integer >= 1); null leaves the bid out of prices per learner. */
  expectedLearners: number | null;
  /** `Q_i / W_Q` from the evaluation; null while not scored. */
  qualityFraction: number | null;
  won: boolean;
  /** At least one single-tender low-bid rule fired on the bid. */
  flagged: boolean;
  /** The art. 2.116 review of a flagged bid; null when none was started. */
  reviewOutcome: ReviewOutcome | null;
  excluded: boolean;
};

export type ComparisonFilters = {
  /** First tender date included, `YYYY-MM-DD`. */
  from?: string | undefined;
  /** Last tender date included, `YYYY-MM-DD`. */
  to?: string | undefined;
  /** The route (lot), matched on its normalised text (route-key.ts): `b1 route` selects `B1-route`. */
  route?: string | undefined;
  /** Tender statuses included; absent or empty means all. */
  statuses?: readonly TenderStatus[] | undefined;
};

/**
 * The observations that pass every filter. Dates compare as strings, which is their calendar
 * order in `YYYY-MM-DD`; both ends are inclusive.
 * @example filterObservations(rows, { from: '2026-01-01', to: '2026-12-31', route: 'B1-route' })
 */
export function filterObservations(observations: readonly BidObservation[], filters: ComparisonFilters): BidObservation[] {
  const { from, to } = filters;
  const route = filters.route === undefined ? undefined : onRoute(filters.route);
  const statuses = filters.statuses !== undefined && filters.statuses.length > 0 ? new Set(filters.statuses) : null;
  const selected: BidObservation[] = [];
  for (const observation of observations) {
    if (from !== undefined && observation.tenderDate < from) continue;
    if (to !== undefined && observation.tenderDate > to) continue;
    if (route !== undefined && !route(observation.route)) continue;
    if (statuses !== null && !statuses.has(observation.status)) continue;
    selected.push(observation);
  }
  return selected;
}
