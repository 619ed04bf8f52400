/**
 * @module
 * The bids extension's `bids` section.
 *
 * `details[]`: one per bid, with our bid id, `status` (status-mapping.ts; `withdrawn` for a bid
 * its bidder withdrew after the opening, from the codelist's own code), `value` (the price
 * that ranks, in euros: from `price`, or the sum of the price lines, or the fixed price),
 * `tenderers` (the school by its KvK party id), `relatedLots` and, once evaluated, `hasRank`
 * and `rank` (the extension's own fields: the competition rank 1, 2, 2, 4 of the result;
 * excluded bids have `hasRank: false` and no rank).
 *
 * `statistics[]`, all for the one lot, codes from the extension's open statistic codelist
 * (`statistic.csv` on master, copied in standards/ocds/extensions/bids/):
 * - `bids` (all bids) and `bidders` (distinct schools), always;
 * - once evaluated: `validBids` (ranked), `disqualifiedBids` (excluded, for any reason but a
 *   withdrawal, which is the bidder's act and not a finding: the
 *   codelist's "found inadmissible", which names an abnormally low price among the reasons;
 *   it replaced the older `tendersDisqualified`, which the codelist no longer has),
 *   `lowestValidBidValue` and `highestValidBidValue` (EUR, when a bid is valid), and
 *   `tendersAbnormallyLow`, which the codelist defines as the bids *excluded* because they
 *   were abnormally low: ours rejected after the art. 2.116 review;
 * - `bidsFlaggedAbnormallyLow`, our own code (the codelist is open; `notes` explains it): the
 *   bids on which at least one low-bid rule fired, whatever the review decided. The codelist
 *   has no code for "looked abnormally low", and counting those only as exclusions would hide
 *   the flags that were investigated and accepted.
 */
import type { TenderStatus } from '../lifecycle/tender-status.js';
import type { Dossier } from '../evaluation/dossier.js';
import type { PreparedLot } from '../evaluation/prepare.js';
import type { EvaluationResult } from '../evaluation/result.js';
import { centsToEuros } from '../money.js';
import { tendererReference } from './parties.js';
import type { OcdsBid, OcdsBids, OcdsStatistic } from './release-types.js';
import { bidsAreEvaluated } from './status-mapping.js';

export const FLAGGED_MEASURE = 'bidsFlaggedAbnormallyLow';

const FLAGGED_NOTES =
  'Eigen code (Gunningswijzer): inschrijvingen waarop ten minste één signaleringsregel voor abnormaal lage ' +
  'inschrijvingen (art. 2.116 Aanbestedingswet, art. 69 Richtlijn 2014/24/EU) afging, ongeacht de uitkomst ' +
  'van het onderzoek. Afgewezen inschrijvingen staan onder tendersAbnormallyLow.';

export type BuildBidsInput = {
  dossier: Dossier;
  lot: PreparedLot;
  result: EvaluationResult;
  status: TenderStatus;
  lotId: string;
  /** The lot's schools (KvK number to name): the `bidders` statistic counts them. */
  names: ReadonlyMap<string, string>;
  /** The names the tenderer references use; default `names`. A procedure passes its own, one name per school across lots. */
  tendererNames?: ReadonlyMap<string, string> | undefined;
  /** The OCDS id of a bid; default its own id. Bid ids repeat across a procedure's lots (B1 on every lot). */
  bidIdOf?: ((bidId: string) => string) | undefined;
};

function euros(cents: number) {
  return { amount: centsToEuros(cents), currency: 'EUR' as const };
}

/** @example buildBids({ dossier, lot: prepareLot(dossier), result, status: 'awarded', lotId: '1', names }) */
export function buildBids(input: BuildBidsInput): OcdsBids {
  const { dossier, lot, result, status, lotId, names } = input;
  const tendererNames = input.tendererNames ?? names;
  const bidIdOf = input.bidIdOf ?? ((id: string) => id);
  const evaluated = bidsAreEvaluated(status);
  const results = new Map(result.bids.map((bid) => [bid.bidId, bid]));
  const priceCents = new Map(lot.bids.map((bid) => [bid.id, bid.priceCents]));

  const details = dossier.bids.map((bid): OcdsBid => {
    const outcome = results.get(bid.id);
    const detail: OcdsBid = {
      id: bidIdOf(bid.id),
      status:
        bid.withdrawal !== undefined ? 'withdrawn' : !evaluated || outcome === undefined ? 'pending' : outcome.status === 'ranked' ? 'valid' : 'disqualified',
      value: euros(priceCents.get(bid.id) ?? 0),
      tenderers: [tendererReference(bid.provider.kvk, tendererNames)],
      relatedLots: [lotId],
    };
    if (detail.status === 'valid' && outcome?.rank != null) {
      detail.hasRank = true;
      detail.rank = outcome.rank;
    } else if (detail.status === 'disqualified' || detail.status === 'withdrawn') {
      detail.hasRank = false;
    }
    return detail;
  });

  const statistics: Omit<OcdsStatistic, 'id' | 'relatedLot'>[] = [
    { measure: 'bids', value: dossier.bids.length },
    { measure: 'bidders', value: names.size },
  ];
  if (evaluated) {
    const valid = details.filter((detail) => detail.status === 'valid').map((detail) => detail.value.amount);
    statistics.push(
      { measure: 'validBids', value: valid.length },
      { measure: 'disqualifiedBids', value: details.filter((detail) => detail.status === 'disqualified').length },
    );
    if (valid.length > 0) {
      statistics.push(
        { measure: 'lowestValidBidValue', value: Math.min(...valid), currency: 'EUR' },
        { measure: 'highestValidBidValue', value: Math.max(...valid), currency: 'EUR' },
      );
    }
    const rejected = dossier.bids.filter((bid) => bid.lowBidReview?.decision === 'rejected').length;
    statistics.push({ measure: 'tendersAbnormallyLow', value: rejected });
  }
  const flagged = result.bids.filter((bid) => bid.lowBidFlags.length > 0).length;
  statistics.push({ measure: FLAGGED_MEASURE, value: flagged, notes: FLAGGED_NOTES });

  return {
    statistics: statistics.map((statistic, index) => ({ id: String(index + 1), ...statistic, relatedLot: lotId })),
    details,
  };
}
