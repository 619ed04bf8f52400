/**
 * @module
 * Section 5: every excluded bid with every reason, in the order the specification lists the
 * grounds (knock-out, price ceiling, fixed price, art. 2.116).
 */
import { bulletList, heading, paragraph } from '../pdf/layout.js';
import { wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';

export function drawExclusionsSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.exclusions;
  heading(doc, { text: wording.evaluation.sections.exclusions, level: 1 });
  const excluded = data.result.bids.filter((bid) => bid.status === 'excluded');
  if (excluded.length === 0) {
    paragraph(doc, { text: words.none });
    return;
  }
  paragraph(doc, { text: words.intro });
  for (const bid of excluded) {
    heading(doc, { text: bidTitle(context, bid.bidId), level: 3 });
    bulletList(doc, { items: bid.exclusionReasons });
  }
}
