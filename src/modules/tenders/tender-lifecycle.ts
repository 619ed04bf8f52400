/**
 * @module
 * The tender's status as a gate for every change: the rules live in the domain
 * (`domain/lifecycle/tender-status.ts`); here a refusal becomes the one 409 the API answers,
 * `tender-locked`, with the domain's Dutch message. Services call these inside their write
 * transaction, on the status they just re-read, never on the one `tenderScope` loaded.
 */
import type { TenderStatus } from '../../db/schema/index.js';
import { checkChange, checkTransition, type TenderChange } from '../../domain/lifecycle/tender-status.js';
import { AppError } from '../../lib/app-error.js';

/**
 * @example requireChangeAllowed(tender.status, 'low-bid-reviews') // throws 409 unless open
 */
export function requireChangeAllowed(status: TenderStatus, change: TenderChange): void {
  const check = checkChange(status, change);
  if (!check.ok) throw new AppError('tender-locked', { detail: check.message });
}

/**
 * @example requireTransition(tender.status, 'award-proposed') // throws 409 unless open
 */
export function requireTransition(from: TenderStatus, to: TenderStatus): void {
  const check = checkTransition(from, to);
  if (!check.ok) throw new AppError('tender-locked', { detail: check.message });
}

/**
 * Two envelopes: once the inkoper has locked the quality scores, the panel, its scores, seals
 * and the consensus stay as they are (the price envelopes are opened on them).
 * @example requireQualityUnlocked(tender) // throws 409 after POST .../quality-lock
 */
export function requireQualityUnlocked(tender: { qualityLockedAt: string | null }): void {
  if (tender.qualityLockedAt !== null) {
    throw new AppError('tender-locked', {
      detail: `De kwaliteitsscores zijn vergrendeld (${tender.qualityLockedAt}) voor de opening van de prijsenveloppen; het panel, de scores en de consensus liggen vast.`,
    });
  }
}
