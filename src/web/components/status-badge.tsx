/**
 * @module
 * A tender's status as an Utrecht status badge, in the words of the signed report. Each
 * status has its own colour from the Gunningswijzer theme (all at AA contrast with their
 * text) and its own mark before the word (layout.css, as generated content without a text
 * alternative, so a screen reader reads the word only), so the status never rests on colour
 * alone (WCAG 1.4.1): a concept is drafted, an open tender runs, a decision waits out its
 * standstill, an awarded tender is done.
 */
import type { TenderStatus } from '../../db/schema/index.js';
import { statusName } from '../format.js';

const KINDS: Record<TenderStatus, string> = {
  draft: 'neutral',
  open: 'active',
  'award-proposed': 'warning',
  awarded: 'success',
};

export function StatusBadge({ status }: { status: TenderStatus }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${KINDS[status]} gw-status gw-status--${status}`}>{statusName(status)}</span>;
}
