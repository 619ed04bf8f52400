/**
 * @module
 * The body of `POST /api/v1/tenders/:id/bids/:bidId/low-bid-review` (`api.md`): one of the
 * review actions, told apart by `action`. Strict, like the dossier, so that a misspelt field
 * (`motivatie`) is an error instead of a decision without its motivation. What depends on
 * the date or on the review so far (a deadline after today, the order of the steps) is
 * decided by `applyReviewAction`, which has both.
 */
import * as z from 'zod';
import { isoDate } from '../evaluation/dossier.schema.js';
import type { RuleBeyondSchema } from '../rules-beyond-schema.js';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { characterCount, nonBlankLine, nonBlankText, tooLongMessage } from '../text/text-fields.js';
import type { ReviewAction } from './review.js';

const text = (label: string) => nonBlankText(label, TEXT_LIMITS.motivation);
// Questions are stored one per line, as one text: a question in a list is one line itself,
// and the list joined must fit where the text would (the exported dossier checks it again).
const question = nonBlankLine('de vraag', TEXT_LIMITS.motivation);
const joinedLength = (questions: readonly string[]) => questions.reduce((sum, q) => sum + characterCount(q) + 1, -1);
const questionList = z
  .array(question)
  .min(1, { error: 'stel minstens één vraag' })
  .refine((questions) => joinedLength(questions) <= TEXT_LIMITS.motivation, {
    error: (issue) => tooLongMessage('de vragen samen', TEXT_LIMITS.motivation, joinedLength(issue.input as string[])),
  });

/** What `applyReviewAction` and the service check beyond this schema, by the field the 400 names. */
export const REVIEW_ACTION_RULES: readonly RuleBeyondSchema[] = [
  { path: 'deadline', rule: 'na vandaag (Europe/Amsterdam)' },
  {
    path: 'questions',
    rule: `als lijst samen (één vraag per regel) hoogstens ${TEXT_LIMITS.motivation} tekens; noemt geen andere inschrijver en geen prijs van een andere inschrijving`,
  },
  { path: 'receivedAt', rule: 'niet na vandaag en niet vóór het verzoek om toelichting' },
  { path: 'motivation', rule: 'noemt geen andere inschrijver en geen prijs van een andere inschrijving' },
];

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
