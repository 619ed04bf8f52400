import { describe, expect, it } from 'vitest';
import type { LowBidReview } from '../../../src/domain/evaluation/dossier.js';
import { lowBidReviewSchema } from '../../../src/domain/evaluation/dossier.schema.js';
import { applyReviewAction, isReviewRefusal, REJECTION_NEEDS_EXPLANATION, type ReviewAction } from '../../../src/domain/low-bids/review.js';

const TODAY = '2026-11-08';

const requested: LowBidReview = {
  state: 'explanation-requested',
  requestedAt: '2026-11-01',
  deadline: '2026-11-15',
  questions: 'Hoeveel lesuren krijgt elke inburgeraar?\nWat is de groepsgrootte?',
};
const received: LowBidReview = {
  ...requested,
  state: 'explanation-received',
  explanation: 'Wij geven 600 lesuren in groepen van 16.',
  receivedAt: '2026-11-05',
};
const noResponse: LowBidReview = { ...requested, deadline: '2026-11-05', state: 'no-response' };
const accepted: LowBidReview = {
  ...received,
  state: 'accepted',
  decision: 'accepted',
  motivation: 'De toelichting verklaart de prijs.',
  decidedAt: '2026-11-06',
};
const rejected: LowBidReview = {
  ...noResponse,
  state: 'rejected',
  decision: 'rejected',
  motivation: 'Geen reactie binnen de termijn.',
  decidedAt: '2026-11-07',
};

const request: ReviewAction = { action: 'request-explanation', deadline: '2026-11-22', questions: ['Hoeveel lesuren?'] };
const explain: ReviewAction = { action: 'record-explanation', explanation: '  Wij huren geen lokalen.  ' };
const noAnswer: ReviewAction = { action: 'record-no-response' };
const accept: ReviewAction = { action: 'decide', decision: 'accepted', motivation: ' Eigen analyse: de prijs is realistisch. ' };
const reject: ReviewAction = { action: 'decide', decision: 'rejected', motivation: 'De toelichting verklaart de prijs niet.' };

function apply(current: LowBidReview | undefined, action: ReviewAction, today = TODAY) {
  const outcome = applyReviewAction(current, action, today);
  // Every review the machine produces is one the dossier accepts.
  if (!isReviewRefusal(outcome)) expect(lowBidReviewSchema.safeParse(outcome).success).toBe(true);
  return outcome;
}

describe('applyReviewAction: the steps that are allowed', () => {
  it('requests an explanation on a review that has not started, dated today, with the questions one per line', () => {
    expect(apply(undefined, { ...request, questions: ['1. Hoeveel lesuren?', '', ' Welke groepsgrootte? '] })).toEqual({
      state: 'explanation-requested',
      requestedAt: TODAY,
      deadline: '2026-11-22',
      questions: 'Hoeveel lesuren?\nWelke groepsgrootte?',
    });
    expect(apply({ state: 'open' }, { ...request, questions: 'Hoeveel lesuren?' })).toEqual({
      state: 'explanation-requested',
      requestedAt: TODAY,
      deadline: '2026-11-22',
      questions: 'Hoeveel lesuren?',
    });
  });

  it('replaces a pending request (a longer deadline) and starts a follow-up round after an answer or none', () => {
    const expected = { state: 'explanation-requested', requestedAt: TODAY, deadline: '2026-11-22', questions: 'Hoeveel lesuren?' };
    expect(apply(requested, request)).toEqual(expected);
    expect(apply(received, request)).toEqual(expected);
    expect(apply(noResponse, request)).toEqual(expected);
  });

  it('records the explanation, received today unless a date is given', () => {
    expect(apply(requested, explain)).toEqual({ ...requested, state: 'explanation-received', explanation: 'Wij huren geen lokalen.', receivedAt: TODAY });
    expect(apply(requested, { ...explain, receivedAt: '2026-11-01' })).toMatchObject({ receivedAt: '2026-11-01' });
  });

  it('records a late explanation while no-response has not been recorded, with its real date', () => {
    const late = apply({ ...requested, deadline: '2026-11-03' }, explain);
    expect(late).toMatchObject({ state: 'explanation-received', deadline: '2026-11-03', receivedAt: TODAY });
  });

  it('records no response on the day after the deadline', () => {
    expect(apply(requested, noAnswer, '2026-11-16')).toEqual({ ...requested, state: 'no-response' });
  });

  it('rejects after an explanation or after no response, with the motivation and the date', () => {
    expect(apply(received, reject)).toEqual({
      ...received,
      state: 'rejected',
      decision: 'rejected',
      motivation: 'De toelichting verklaart de prijs niet.',
      decidedAt: TODAY,
    });
    expect(apply(noResponse, reject)).toMatchObject({ state: 'rejected', decision: 'rejected', decidedAt: TODAY });
  });

  it("accepts from every undecided state, also straight from open on the officer's own analysis", () => {
    const motivation = 'Eigen analyse: de prijs is realistisch.';
    expect(apply(undefined, accept)).toEqual({ state: 'accepted', decision: 'accepted', motivation, decidedAt: TODAY });
    expect(apply({ state: 'open' }, accept)).toEqual({ state: 'accepted', decision: 'accepted', motivation, decidedAt: TODAY });
    expect(apply(requested, accept)).toEqual({ ...requested, state: 'accepted', decision: 'accepted', motivation, decidedAt: TODAY });
    expect(apply(received, accept)).toMatchObject({ state: 'accepted', explanation: received.explanation });
    expect(apply(noResponse, accept)).toMatchObject({ state: 'accepted' });
  });

  it('runs the whole procedure: request, answer, accept', () => {
    let review = apply(undefined, request, '2026-11-08');
    review = apply(review as LowBidReview, { action: 'record-explanation', explanation: 'Eigen lokalen.' }, '2026-11-20');
    review = apply(review as LowBidReview, { action: 'decide', decision: 'accepted', motivation: 'Verklaard.' }, '2026-11-21');
    expect(review).toEqual({
      state: 'accepted',
      requestedAt: '2026-11-08',
      deadline: '2026-11-22',
      questions: 'Hoeveel lesuren?',
      explanation: 'Eigen lokalen.',
      receivedAt: '2026-11-20',
      decision: 'accepted',
      motivation: 'Verklaard.',
      decidedAt: '2026-11-21',
    });
  });
});

describe('applyReviewAction: the steps that are refused, with what is missing', () => {
  const conflict = (message: string) => ({ code: 'review-conflict', message });
  const invalid = (message: string) => ({ code: 'review-invalid', message });

  it('refuses to reject before an explanation was requested', () => {
    const expected = conflict(`${REJECTION_NEEDS_EXPLANATION} Er is nog geen toelichting gevraagd.`);
    expect(apply(undefined, reject)).toEqual(expected);
    expect(apply({ state: 'open' }, reject)).toEqual(expected);
    expect(REJECTION_NEEDS_EXPLANATION).toBe(
      'Een inschrijving kan pas als abnormaal laag worden afgewezen nadat de inschrijver om een toelichting is gevraagd ' +
        'en die is ontvangen of de termijn (deadline) is verstreken.',
    );
  });

  it('refuses to reject while the deadline runs, and after it until no response is recorded', () => {
    expect(apply(requested, reject)).toEqual(
      conflict(
        `${REJECTION_NEEDS_EXPLANATION} Er is op 1 november 2026 om een toelichting gevraagd met een termijn tot en met ` +
          '15 november 2026; de toelichting is nog niet ontvangen en de termijn loopt nog.',
      ),
    );
    expect(apply(requested, reject, '2026-11-16')).toEqual(
      conflict(
        `${REJECTION_NEEDS_EXPLANATION} Er is op 1 november 2026 om een toelichting gevraagd met een termijn tot en met ` +
          '15 november 2026; die termijn is verstreken, maar dat is nog niet vastgelegd: ' +
          'leg eerst de ontvangen toelichting vast of leg vast dat er geen reactie is gekomen.',
      ),
    );
  });

  it('refuses to record no response on the day of the deadline, and before it', () => {
    const expected = conflict(
      'De termijn voor de toelichting loopt tot en met 15 november 2026; ' + 'het uitblijven van een reactie kan pas vanaf 16 november 2026 worden vastgelegd.',
    );
    expect(apply(requested, noAnswer, '2026-11-15')).toEqual(expected);
    expect(apply(requested, noAnswer, TODAY)).toEqual(expected);
  });

  it('refuses to record an answer or its absence when nothing was asked', () => {
    const expected = conflict('Er is nog geen toelichting gevraagd; vraag eerst om een toelichting.');
    expect(apply(undefined, explain)).toEqual(expected);
    expect(apply({ state: 'open' }, noAnswer)).toEqual(expected);
  });

  it('refuses a second answer, no response after an answer, and an answer after no response', () => {
    expect(apply(received, explain)).toEqual(
      conflict('De toelichting is al op 5 november 2026 vastgelegd; stel aanvullende vragen met een nieuw verzoek om toelichting.'),
    );
    expect(apply(received, noAnswer, '2026-11-20')).toEqual(
      conflict('Er is al een toelichting ontvangen op 5 november 2026; neem een besluit over de inschrijving.'),
    );
    expect(apply(noResponse, noAnswer)).toEqual(conflict('Het uitblijven van een reactie is al vastgelegd.'));
    expect(apply(noResponse, explain)).toEqual(
      conflict(
        'Er is al vastgelegd dat de inschrijver niet binnen de termijn heeft gereageerd; ' +
          'wilt u een late toelichting alsnog meewegen, stuur dan een nieuw verzoek om toelichting.',
      ),
    );
  });

  it('refuses every action once a decision is taken', () => {
    for (const action of [request, explain, noAnswer, accept, reject]) {
      expect(apply(accepted, action)).toEqual(
        conflict('Over deze inschrijving is al besloten: aanvaard op 6 november 2026. Dat besluit kan hier niet meer worden gewijzigd.'),
      );
      expect(apply(rejected, action)).toEqual(
        conflict('Over deze inschrijving is al besloten: afgewezen als abnormaal laag op 7 november 2026. Dat besluit kan hier niet meer worden gewijzigd.'),
      );
    }
  });

  it('refuses a deadline that is today or earlier, and accepts tomorrow', () => {
    expect(apply(undefined, { ...request, deadline: TODAY })).toEqual(
      invalid('De termijn (deadline) moet na vandaag (8 november 2026) liggen; 8 november 2026 is te vroeg.'),
    );
    expect(apply(undefined, { ...request, deadline: '2026-11-01' })).toEqual(
      invalid('De termijn (deadline) moet na vandaag (8 november 2026) liggen; 1 november 2026 is te vroeg.'),
    );
    expect(apply(undefined, { ...request, deadline: '2026-11-09' })).toMatchObject({ deadline: '2026-11-09' });
    expect(apply(undefined, { ...request, deadline: '2026-02-30' })).toEqual(
      invalid('De termijn (deadline) moet een bestaande datum zijn in de vorm JJJJ-MM-DD.'),
    );
  });

  it('refuses a request without questions, an empty answer and a decision without motivation', () => {
    expect(apply(undefined, { ...request, questions: [' ', ''] })).toEqual(invalid('Stel minstens één vraag aan de inschrijver.'));
    expect(apply(requested, { action: 'record-explanation', explanation: '  ' })).toEqual(
      invalid('De toelichting is leeg; leg de tekst van de ontvangen toelichting vast.'),
    );
    const noMotivation = invalid('Een besluit over een mogelijk abnormaal lage inschrijving moet worden gemotiveerd; de motivering ontbreekt.');
    expect(apply(received, { ...reject, motivation: ' ' })).toEqual(noMotivation);
    expect(apply(undefined, { ...accept, motivation: '' })).toEqual(noMotivation);
  });

  it('refuses a date of receipt in the future or before the request', () => {
    expect(apply(requested, { ...explain, receivedAt: '2026-11-09' })).toEqual(invalid('De ontvangstdatum 9 november 2026 ligt na vandaag (8 november 2026).'));
    expect(apply(requested, { ...explain, receivedAt: '2026-10-31' })).toEqual(
      invalid('De ontvangstdatum 31 oktober 2026 ligt vóór het verzoek om toelichting van 1 november 2026.'),
    );
  });

  it('throws on a today that is not a date: that is a programming error, not a refusal', () => {
    expect(() => applyReviewAction(undefined, request, '8-11-2026')).toThrow(RangeError);
  });
});
