/**
 * @module
 * The body of `POST /api/v1/tenders/:id/bids/:bidId/low-bid-review` (`api.md`): one of the
 * review actions, told apart by `action`. Strict, like the dossier, so that a misspelt field
 * (`motivatie`) is an error instead of a decision without its motivation. What depends on
 * the date or on the review so far (a deadline after today, the order of the steps) is
 * decided by `applyReviewAction`, which has both.
 */
import * as z from 'zod';
import { isIsoDate } from '../dates.js';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { multiLineText, singleLineText, tooLongMessage } from '../text/text-fields.js';
import type { ReviewAction } from './review.js';

const notBlank = { error: 'mag niet leeg zijn' };
const text = (label: string) => multiLineText(label, TEXT_LIMITS.motivation).refine((s) => s.trim() !== '', notBlank);
// Questions are stored one per line, as one text: a question in a list is one line itself,
// and the list joined must fit where the text would (the exported dossier checks it again).
const question = singleLineText('de vraag', TEXT_LIMITS.motivation).refine((s) => s.trim() !== '', notBlank);
const joinedLength = (questions: readonly string[]) => questions.reduce((sum, q) => sum + q.length + 1, -1);
const questionList = z
  .array(question)
  .min(1, { error: 'stel minstens één vraag' })
  .refine((questions) => joinedLength(questions) <= TEXT_LIMITS.motivation, {
    error: (issue) => tooLongMessage('de vragen samen', TEXT_LIMITS.motivation, joinedLength(issue.input as string[])),
  });
const DATE_MESSAGE = 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD';
const isoDate = z.string().max(10, { abort: true, error: DATE_MESSAGE }).refine(isIsoDate, { error: DATE_MESSAGE });

export const reviewActionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('request-explanation'),
    deadline: isoDate,
    /** One text with a question per line, or a list of questions. */
    questions: z.union([text('de vragen'), questionList]),
  }),
  z.strictObject({
    action: z.literal('record-explanation'),
    explanation: text('de toelichting'),
    /** When the answer arrived, if before today. */
    receivedAt: isoDate.optional(),
  }),
  z.strictObject({ action: z.literal('record-no-response') }),
  z.strictObject({
    action: z.literal('decide'),
    decision: z.enum(['accepted', 'rejected']),
    motivation: text('de motivering'),
  }),
]);

// The schema and the hand-written type must describe the same actions.
type Assert<T extends true> = T;
export type _SchemaGivesAction = Assert<z.output<typeof reviewActionSchema> extends ReviewAction ? true : false>;
