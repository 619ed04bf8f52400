/**
 * @module
 * A tender's status as an Utrecht status badge, in the words of the signed report.
 */
import type { TenderStatus } from '../../db/schema/index.js';
import { statusName } from '../format.js';

// The Utrecht theme's green (active, success, safe) puts white text below 4.5:1 contrast (axe
// flags it), so only the standstill gets a colour; the words carry the status for everyone.
const KINDS: Record<TenderStatus, string> = {
  draft: 'neutral',
  open: 'neutral',
  'award-proposed': 'warning',
  awarded: 'neutral',
};

export function StatusBadge({ status }: { status: TenderStatus }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${KINDS[status]}`}>{statusName(status)}</span>;
}
