/**
 * @module
 * The statuses a tender passes through; what each allows is tender-status.ts, what each is
 * called is the vocabulary (../vocabulary/tender-statuses.ts).
 */
export const TENDER_STATUSES = ['draft', 'open', 'award-proposed', 'awarded'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
