/**
 * @module
 * The art. 2.116 review of a bid that appears abnormally low, as a pure state machine
 * (`low-bids.md`, "The review procedure"). The law does not let a buyer reject such a bid on
 * a rule of thumb: it must ask the bidder to explain, weigh the answer, and only then decide
 * (Aanbestedingswet 2012 art. 2.116, Richtlijn 2014/24/EU art. 69). The machine makes the
 * order of those steps impossible to skip, so that a rejection in an exported dossier can
 * always be traced to a request, an answer or an expired deadline.
 *
 *     open -> explanation-requested -> explanation-received | no-response -> accepted | rejected
 *
 * Rules from the spec: reject only from `explanation-received` or `no-response`; record
 * `no-response` only once the deadline has passed (today > deadline: the deadline day itself
 * still belongs to the bidder); a deadline lies after today; a decision has a motivation.
 *
 * Decisions where the spec is silent (also in docs/decisions.md):
 * - **Accepting needs no request.** The officer may accept from `open` or while a request is
 *   pending, with a motivation (e.g. the officer's own analysis shows the price is realistic,
 *   or the flag is explained by the tender itself). Accepting harms no bidder's right to be
 *   heard; rejecting does, which is why only rejecting needs the full procedure.
 * - **A new request replaces the current one**, from `explanation-requested` (to extend the
 *   deadline or correct the questions), `explanation-received` or `no-response` (follow-up
 *   questions before deciding: weighing the answer "in overleg met de inschrijver" may need a
 *   second round). The record holds the latest round; earlier rounds stay in the audit trail.
 * - **A late answer** may be recorded while the state is still `explanation-requested`
 *   (`receivedAt` after `deadline` shows it was late); once `no-response` is recorded, a late
 *   answer needs a new request, so that the officer decides explicitly to hear it.
 * - **`receivedAt`** may be given (the answer arrived by mail before the officer recorded
 *   it), between the request and today; it defaults to today.
 * - **A decision is final** here: `accepted` and `rejected` accept no further action.
 * - **Refusals have two codes**: `review-conflict` when the procedure is not at the step the
 *   action needs (HTTP 409), `review-invalid` when the action itself is unacceptable whatever
 *   the state (an empty motivation or a deadline that is not after today; HTTP 400).
 * - The machine does not know the flags: the officer may investigate a bid that no rule
 *   flagged, since the rules are rules of thumb and art. 69 leaves "appears abnormally low"
 *   to the buyer.
 */
import { REVIEW_DECISION_NAMES } from '../vocabulary/review-states.js';
import type { LowBidReview, ReviewState } from '../evaluation/dossier.js';
import { addCalendarDays, formatDutchDate, isIsoDate } from '../dates.js';
import { joinQuestions } from './review-questions.js';

export type ReviewAction =
  | { action: 'request-explanation'; deadline: string; questions: string | readonly string[] }
  | { action: 'record-explanation'; explanation: string; receivedAt?: string | undefined }
  | { action: 'record-no-response' }
  | { action: 'decide'; decision: 'accepted' | 'rejected'; motivation: string };

export type ReviewRefusal = { code: 'review-conflict' | 'review-invalid'; message: string };

/** The spec's rule, stated once so that every refusal to reject starts with it. */
export const REJECTION_NEEDS_EXPLANATION =
  'Een inschrijving kan pas als abnormaal laag worden afgewezen nadat de inschrijver om een toelichting is gevraagd ' +
  'en die is ontvangen of de termijn (deadline) is verstreken.';

const conflict = (message: string): ReviewRefusal => ({ code: 'review-conflict', message });
const invalid = (message: string): ReviewRefusal => ({ code: 'review-invalid', message });
const isBlank = (s: string): boolean => s.trim() === '';
const date = (iso: string | undefined): string => (iso !== undefined && isIsoDate(iso) ? formatDutchDate(iso) : 'onbekende datum');

export function isReviewRefusal(outcome: LowBidReview | ReviewRefusal): outcome is ReviewRefusal {
  return 'code' in outcome;
}

/**
 * The review after `action` on `today` (`YYYY-MM-DD`, the officer's calendar date in
 * Europe/Amsterdam), or why the action is refused. `current` undefined is a review that has
 * not started (`open`). Texts are stored trimmed.
 * @example
 * applyReviewAction(undefined, { action: 'request-explanation', deadline: '2026-11-22',
 *   questions: ['Hoeveel lesuren per week?'] }, '2026-11-08')
 * // { state: 'explanation-requested', requestedAt: '2026-11-08', deadline: '2026-11-22',
 * //   questions: 'Hoeveel lesuren per week?' }
 * @example
 * applyReviewAction(undefined, { action: 'decide', decision: 'rejected', motivation: '...' }, '2026-11-08')
 * // { code: 'review-conflict', message: 'Een inschrijving kan pas ... Er is nog geen toelichting gevraagd.' }
 */
export function applyReviewAction(current: LowBidReview | undefined, action: ReviewAction, today: string): LowBidReview | ReviewRefusal {
  if (!isIsoDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const review: LowBidReview = current ?? { state: 'open' };
  if (review.state === 'accepted' || review.state === 'rejected') return refuseAfterDecision(review);
  switch (action.action) {
    case 'request-explanation':
      return requestExplanation(action, today);
    case 'record-explanation':
      return recordExplanation(review, action, today);
    case 'record-no-response':
      return recordNoResponse(review, today);
    case 'decide':
      return decide(review, action, today);
  }
}

function refuseAfterDecision(review: LowBidReview): ReviewRefusal {
  const what = REVIEW_DECISION_NAMES[review.state === 'accepted' ? 'accepted' : 'rejected'];
  const when = review.decidedAt === undefined ? '' : ` op ${date(review.decidedAt)}`;
  return conflict(`Over deze inschrijving is al besloten: ${what}${when}. Dat besluit kan hier niet meer worden gewijzigd.`);
}

function requestExplanation(action: Extract<ReviewAction, { action: 'request-explanation' }>, today: string): LowBidReview | ReviewRefusal {
  const questions = joinQuestions(action.questions);
  if (questions === '') return invalid('Stel minstens één vraag aan de inschrijver.');
  if (!isIsoDate(action.deadline)) {
    return invalid('De termijn (deadline) moet een bestaande datum zijn in de vorm JJJJ-MM-DD.');
  }
  if (action.deadline <= today) {
    return invalid(`De termijn (deadline) moet na vandaag (${date(today)}) liggen; ${date(action.deadline)} is te vroeg.`);
  }
  // A new round replaces the previous one's answer; the audit trail keeps the earlier round.
  return { state: 'explanation-requested', requestedAt: today, deadline: action.deadline, questions };
}

/** What is missing before an answer or its absence can be recorded. */
function notRequestedYet(state: ReviewState): string | undefined {
  return state === 'open' ? 'Er is nog geen toelichting gevraagd; vraag eerst om een toelichting.' : undefined;
}

function recordExplanation(review: LowBidReview, action: Extract<ReviewAction, { action: 'record-explanation' }>, today: string): LowBidReview | ReviewRefusal {
  const missing = notRequestedYet(review.state);
  if (missing !== undefined) return conflict(missing);
  if (review.state === 'explanation-received') {
    return conflict(`De toelichting is al op ${date(review.receivedAt)} vastgelegd; stel aanvullende vragen met een nieuw verzoek om toelichting.`);
  }
  if (review.state === 'no-response') {
    return conflict(
      'Er is al vastgelegd dat de inschrijver niet binnen de termijn heeft gereageerd; ' +
        'wilt u een late toelichting alsnog meewegen, stuur dan een nieuw verzoek om toelichting.',
    );
  }
  if (isBlank(action.explanation)) return invalid('De toelichting is leeg; leg de tekst van de ontvangen toelichting vast.');
  const receivedAt = action.receivedAt ?? today;
  if (!isIsoDate(receivedAt)) return invalid('De ontvangstdatum (receivedAt) moet een bestaande datum zijn in de vorm JJJJ-MM-DD.');
  if (receivedAt > today) return invalid(`De ontvangstdatum ${date(receivedAt)} ligt na vandaag (${date(today)}).`);
  if (review.requestedAt !== undefined && receivedAt < review.requestedAt) {
    return invalid(`De ontvangstdatum ${date(receivedAt)} ligt vóór het verzoek om toelichting van ${date(review.requestedAt)}.`);
  }
  return { ...review, state: 'explanation-received', explanation: action.explanation.trim(), receivedAt };
}

function recordNoResponse(review: LowBidReview, today: string): LowBidReview | ReviewRefusal {
  const missing = notRequestedYet(review.state);
  if (missing !== undefined) return conflict(missing);
  if (review.state === 'explanation-received') {
    return conflict(`Er is al een toelichting ontvangen op ${date(review.receivedAt)}; neem een besluit over de inschrijving.`);
  }
  if (review.state === 'no-response') return conflict('Het uitblijven van een reactie is al vastgelegd.');
  const deadline = review.deadline;
  if (deadline !== undefined && isIsoDate(deadline) && today <= deadline) {
    return conflict(
      `De termijn voor de toelichting loopt tot en met ${date(deadline)}; ` +
        `het uitblijven van een reactie kan pas vanaf ${date(addCalendarDays(deadline, 1))} worden vastgelegd.`,
    );
  }
  return { ...review, state: 'no-response' };
}

function decide(review: LowBidReview, action: Extract<ReviewAction, { action: 'decide' }>, today: string): LowBidReview | ReviewRefusal {
  if (action.decision === 'rejected') {
    const missing = whatRejectionLacks(review, today);
    if (missing !== undefined) return conflict(`${REJECTION_NEEDS_EXPLANATION} ${missing}`);
  }
  if (isBlank(action.motivation)) {
    return invalid('Een besluit over een mogelijk abnormaal lage inschrijving moet worden gemotiveerd; de motivering ontbreekt.');
  }
  return { ...review, state: action.decision, decision: action.decision, motivation: action.motivation.trim(), decidedAt: today };
}

/** Undefined when the bid may be rejected; else the step that is still missing. */
function whatRejectionLacks(review: LowBidReview, today: string): string | undefined {
  switch (review.state) {
    case 'explanation-received':
    case 'no-response':
      return undefined;
    case 'explanation-requested': {
      const asked = `Er is op ${date(review.requestedAt)} om een toelichting gevraagd` + ` met een termijn tot en met ${date(review.deadline)}`;
      if (review.deadline !== undefined && today > review.deadline) {
        return (
          `${asked}; die termijn is verstreken, maar dat is nog niet vastgelegd: ` +
          'leg eerst de ontvangen toelichting vast of leg vast dat er geen reactie is gekomen.'
        );
      }
      return `${asked}; de toelichting is nog niet ontvangen en de termijn loopt nog.`;
    }
    default:
      return 'Er is nog geen toelichting gevraagd.';
  }
}
