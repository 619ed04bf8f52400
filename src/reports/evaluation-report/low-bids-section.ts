/**
 * @module
 * Section 6: every low-bid flag with its rule, origin and figures, and the art. 2.116 review
 * of the bid: the questions, the answer, the decision and its motivation. The law sets no
 * percentage, so the report names where each rule of thumb comes from (low-bids.md).
 */
import type { LowBidReview } from '../../domain/evaluation/dossier.js';
import type { LowBidFlag } from '../../domain/low-bids/flag.js';
import { formatDutchNumber, formatDutchTrimmed, formatEuros, formatPercent } from '../../domain/money.js';
import { formatDate } from '../format-dates.js';
import { bulletList, heading, labelledRows, paragraph } from '../pdf/layout.js';
import { headedTable } from '../pdf/table.js';
import { formatPrice } from '../report-format.js';
import { fill, wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';

const words = wording.evaluation.lowBids;

/** Threshold, value and reference as the rule means them (low-bids.md, "A flag"). */
export function flagFigures(flag: LowBidFlag): { rule: string; threshold: string; value: string; reference: string } {
  const rule = words.rules[flag.rule];
  const name = `${rule.name}${flag.line ? ` (${flag.line})` : ''}; ${rule.origin}`;
  switch (flag.rule) {
    case 'statistical-outlier':
      return {
        rule: name,
        threshold: fill(words.thresholdZ, { threshold: formatDutchTrimmed(flag.threshold ?? 0) }),
        value: fill(words.valueZ, { value: formatDutchNumber(flag.value, 2) }),
        reference: fill(words.referenceMedian, { amount: formatEuros(flag.reference) }),
      };
    case 'cost-floor':
      return {
        rule: name,
        threshold: wording.common.none,
        value: fill(words.valueShortfall, { amount: formatEuros(flag.value) }),
        reference: fill(words.referenceFloor, { amount: formatEuros(flag.reference) }),
      };
    default:
      return {
        rule: name,
        threshold: flag.threshold === null ? wording.common.none : fill(words.thresholdPercent, { threshold: formatDutchTrimmed(flag.threshold) }),
        value: formatPercent(flag.value),
        reference: formatEuros(flag.reference),
      };
  }
}

function reviewRows(review: LowBidReview): [string, string][] {
  const fields = words.reviewFields;
  const rows: [string, string][] = [[fields.state, words.states[review.state]]];
  const date = (value: string | undefined) => (value === undefined ? undefined : formatDate(value));
  const optional: [string, string | undefined][] = [
    [fields.requestedAt, date(review.requestedAt)],
    [fields.deadline, date(review.deadline)],
    [fields.questions, review.questions],
    [fields.receivedAt, date(review.receivedAt)],
    [fields.explanation, review.explanation],
    [fields.decision, review.decision === undefined ? undefined : words.decisions[review.decision]],
    [fields.decidedAt, date(review.decidedAt)],
    [fields.motivation, review.motivation],
  ];
  for (const [label, value] of optional) if (value !== undefined && value !== '') rows.push([label, value]);
  return rows;
}

export function drawLowBidsSection(context: SectionContext): void {
  const { doc, data } = context;
  heading(doc, { text: wording.evaluation.sections.lowBids, level: 1 });
  paragraph(doc, { text: words.intro });
  // Flagged bids, and bids whose review the officer started without (or no longer with) a
  // flag: a withdrawn bid is no longer flagged, but its review is part of the record.
  const started = (bidId: string) => {
    const state = context.bidsById.get(bidId)?.lowBidReview?.state;
    return state !== undefined && state !== 'open';
  };
  const listed = data.result.bids.filter((bid) => bid.lowBidFlags.length > 0 || started(bid.bidId));
  if (listed.length === 0) {
    paragraph(doc, { text: words.none });
    return;
  }
  const [ruleHeader = '', thresholdHeader = '', valueHeader = '', referenceHeader = ''] = words.flagColumns;
  for (const result of listed) {
    const bid = context.bidsById.get(result.bidId);
    const title = { text: `${bidTitle(context, result.bidId)} (${formatPrice(bid?.price)})`, level: 2 } as const;
    if (result.lowBidFlags.length === 0) {
      heading(doc, title);
      paragraph(doc, { text: words.noFlags });
    } else {
      headedTable(doc, title, {
        columns: [
          { header: ruleHeader, width: 0.46 },
          { header: thresholdHeader, width: 0.13, align: 'right' },
          { header: valueHeader, width: 0.2, align: 'right' },
          { header: referenceHeader, width: 0.21, align: 'right' },
        ],
        rows: result.lowBidFlags.map((flag) => {
          const figures = flagFigures(flag);
          return { cells: [figures.rule, figures.threshold, figures.value, figures.reference] };
        }),
      });
      bulletList(doc, { items: result.lowBidFlags.map((flag) => flag.message) });
    }
    heading(doc, { text: words.reviewTitle, level: 3 });
    if (bid?.lowBidReview) labelledRows(doc, { rows: reviewRows(bid.lowBidReview) });
    else paragraph(doc, { text: words.noReview });
    // A started review stays when the price is corrected or the bid withdrawn, with that noted (docs/corrections.md).
    const notes = (bid?.corrections ?? []).flatMap((c) =>
      c.lowBidReviewState === null
        ? []
        : [
            fill(words.correctedDuringReview, {
              date: formatDate(c.correctedOn),
              before: formatPrice(c.priceBefore),
              after: formatPrice(c.priceAfter),
              state: words.states[c.lowBidReviewState],
              reason: c.reason,
            }),
          ],
    );
    if (bid?.withdrawal !== undefined && bid.lowBidReview !== undefined && bid.lowBidReview.state !== 'open') {
      notes.push(fill(words.withdrawnDuringReview, { date: formatDate(bid.withdrawal.receivedOn) }));
    }
    if (notes.length > 0) bulletList(doc, { items: notes });
  }
}
