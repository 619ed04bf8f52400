/**
 * @module
 * Which reviews stand in the way of the award decision (`low-bids.md`: "any state other
 * than accepted or rejected on a flagged bid blocks the award decision"). A flagged bid that
 * nobody decided on may be an unsustainable winner, or a bid wrongly kept out of the running;
 * either way the award decision would not be defensible yet.
 *
 * Where the spec is silent: a bid that no rule flagged but whose review was started by the
 * officer (a request sent, an answer or its absence recorded) blocks too, because an
 * investigation the buyer opened must be closed before the award; a bid with no flags and an
 * `open` (or no) review does not. A withdrawn bid blocks nothing: the bidder took it out of the
 * procedure, so there is nothing left to accept or reject (docs/corrections.md); its review
 * stays on record as it was.
 */
import { LOW_BID_RULE_NAMES } from '../vocabulary/low-bid-rules.js';
import type { LowBidReview, LowBidRuleId, ReviewState } from '../evaluation/dossier.js';
import type { LowBidFlag } from './flag.js';
import { formatDutchDate, isIsoDate } from '../dates.js';

export type BlockingReview = {
  bidId: string;
  state: ReviewState;
  /** The rules that flagged the bid, in the order of the result; empty for a review the officer started. */
  rules: LowBidRuleId[];
  /** Dutch: what is still missing. */
  reason: string;
};

export type ReviewsByBid = ReadonlyMap<string, LowBidReview | undefined> | Readonly<Record<string, LowBidReview | undefined>>;

const STARTED: readonly ReviewState[] = ['explanation-requested', 'explanation-received', 'no-response'];

const date = (iso: string | undefined): string => (iso !== undefined && isIsoDate(iso) ? formatDutchDate(iso) : 'onbekende datum');

function reviewOf(reviews: ReviewsByBid, bidId: string): LowBidReview | undefined {
  if (reviews instanceof Map) return reviews.get(bidId);
  return Object.hasOwn(reviews, bidId) ? (reviews as Readonly<Record<string, LowBidReview | undefined>>)[bidId] : undefined;
}

const NOT_DECIDED = 'er is nog niet besloten of de inschrijving wordt aanvaard of afgewezen';

function whatIsMissing(review: LowBidReview | undefined): string {
  switch (review?.state) {
    case 'explanation-requested':
      return `de toelichting is gevraagd met een termijn tot en met ${date(review.deadline)} en nog niet ontvangen`;
    case 'explanation-received':
      return `de toelichting is ontvangen op ${date(review.receivedAt)}, maar ${NOT_DECIDED}`;
    case 'no-response':
      return `de inschrijver heeft niet binnen de termijn gereageerd, maar ${NOT_DECIDED}`;
    default:
      return 'er is nog geen toelichting gevraagd en geen besluit genomen';
  }
}

/** What the check reads of each bid of a result: its id and its flags. */
export type FlaggedBids = { bids: readonly { bidId: string; lowBidFlags: readonly LowBidFlag[] }[] };

/**
 * The reviews that block the award decision, in the order of `result.bids`.
 * @example
 * blockingReviews(result, new Map([['B3', undefined]]))
 * // [{ bidId: 'B3', state: 'open', rules: ['mean-of-others', ...], reason: 'Inschrijving B3 is ...' }]
 */
export function blockingReviews(
  result: FlaggedBids,
  reviewsByBid: ReviewsByBid,
  { withdrawn = new Set<string>() }: { withdrawn?: ReadonlySet<string> } = {},
): BlockingReview[] {
  const blocking: BlockingReview[] = [];
  for (const bid of result.bids) {
    if (withdrawn.has(bid.bidId)) continue;
    const review = reviewOf(reviewsByBid, bid.bidId);
    const state = review?.state ?? 'open';
    if (state === 'accepted' || state === 'rejected') continue;
    const rules = [...new Set(bid.lowBidFlags.map((flag) => flag.rule))];
    if (rules.length === 0 && !STARTED.includes(state)) continue;
    const subject =
      rules.length > 0
        ? `Inschrijving ${bid.bidId} is gemarkeerd als mogelijk abnormaal laag (${rules.map((rule) => LOW_BID_RULE_NAMES[rule]).join('; ')})`
        : `Naar inschrijving ${bid.bidId} loopt een onderzoek als mogelijk abnormaal lage inschrijving`;
    blocking.push({
      bidId: bid.bidId,
      state,
      rules,
      reason: `${subject}; het onderzoek (art. 2.116 Aanbestedingswet) is niet afgerond: ${whatIsMissing(review)}.`,
    });
  }
  return blocking;
}
