/**
 * @module
 * The body of `POST /api/v1/tenders/:id/bids/:bidId/low-bid-review` (`api.md`): one of the
 * review actions, told apart by `action`. Strict, like the dossier, so that a misspelt field
 * (`motivatie`) is an error instead of a decision without its motivation. What depends on
 * the date or on the review so far (a deadline after today, the order of the steps) is
 * decided by `applyReviewAction`, which has both.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import type { ReviewAction } from './review.js';

const text = z.string().refine((s) => s.trim() !== '', { error: 'mag niet leeg zijn' });
const isoDate = z.string().refine(isIsoDate, { error: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' });

export const reviewActionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('request-explanation'),
    deadline: isoDate,
    /** One text with a question per line, or a list of questions. */
    questions: z.union([text, z.array(text).min(1, { error: 'stel minstens één vraag' })]),
  }),
  z.strictObject({
    action: z.literal('record-explanation'),
    explanation: text,
    /** When the answer arrived, if before today. */
    receivedAt: isoDate.optional(),
  }),
  z.strictObject({ action: z.literal('record-no-response') }),
  z.strictObject({
    action: z.literal('decide'),
    decision: z.enum(['accepted', 'rejected']),
    motivation: text,
  }),
]);

// The schema and the hand-written type must describe the same actions.
type Assert<T extends true> = T;
export type _SchemaGivesAction = Assert<z.output<typeof reviewActionSchema> extends ReviewAction ? true : false>;
