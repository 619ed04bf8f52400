/**
 * @module
 * Our tender statuses in OCDS codes (closed codelists tenderStatus, awardStatus, releaseTag
 * and the bids extension's bidStatus):
 *
 * | ours           | tender.status | release tag   | award status | bids                      |
 * |----------------|---------------|---------------|--------------|---------------------------|
 * | draft          | planning      | planning      | (no award)   | pending, no rank          |
 * | open           | active        | tender        | (no award)   | valid / disqualified, rank|
 * | award-proposed | active        | award         | pending      | valid / disqualified, rank|
 * | awarded        | complete      | awardUpdate   | active       | valid / disqualified, rank|
 *
 * Why: in `draft` the criteria can still change (lifecycle/tender-status.ts), so the process is
 * still being planned and no bid is evaluated: bidStatus `pending` ("submitted but not yet
 * evaluated"). `open` is the evaluation under way, `active`. During the standstill the award
 * decision is known but not in force yet: the award is `pending` (the codelist names a
 * cooling-off period as the example) and the
 * tender stays `active`; it is `complete` once the award is final, and that release updates the
 * award published with the decision (`awardUpdate`). A bid the evaluation excludes (knock-out,
 * price ceiling, fixed price, rejected under art. 2.116) is `disqualified`, any other `valid`.
 * Without a winner (rank 1 shared) there is no award, and the release is tagged `tender`.
 */
import type { TenderStatus } from '../lifecycle/tender-status.js';
import type { OcdsAwardStatus, OcdsReleaseTag, OcdsTenderStatus } from './release-types.js';

const TENDER_STATUS: Record<TenderStatus, OcdsTenderStatus> = {
  draft: 'planning',
  open: 'active',
  'award-proposed': 'active',
  awarded: 'complete',
};

const AWARD_STATUS: Record<TenderStatus, OcdsAwardStatus | null> = {
  draft: null,
  open: null,
  'award-proposed': 'pending',
  awarded: 'active',
};

/** @example ocdsTenderStatus('award-proposed') // 'active' */
export function ocdsTenderStatus(status: TenderStatus): OcdsTenderStatus {
  return TENDER_STATUS[status];
}

/** The award's status in this tender status; null when the tender has no award yet. */
export function ocdsAwardStatus(status: TenderStatus): OcdsAwardStatus | null {
  return AWARD_STATUS[status];
}

/** @example ocdsReleaseTag('awarded', true) // ['awardUpdate'] */
export function ocdsReleaseTag(status: TenderStatus, hasAward: boolean): OcdsReleaseTag[] {
  if (status === 'draft') return ['planning'];
  if (!hasAward) return ['tender'];
  return status === 'awarded' ? ['awardUpdate'] : ['award'];
}

/** Bids are evaluated from `open` on; before that they are `pending` and unranked. */
export function bidsAreEvaluated(status: TenderStatus): boolean {
  return status !== 'draft';
}
