/**
 * The art. 2.116 review through the API, on the IJsselland example: B3 (Snel Inburgeren,
 * €\u00a0289.000) is flagged by five rules. The clock is injected, so deadlines pass on purpose.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDossier } from '../../src/domain/evaluation/dossier.schema.js';
import { REJECTION_NEEDS_EXPLANATION } from '../../src/domain/low-bids/review.js';
import { derivedSecrets, findSecrets, otherBiddersSecrets } from '../helpers/confidential-figures.js';
import { evaluateWithTheCli } from '../helpers/cli.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();
const EXAMPLE_DOSSIER = (() => {
  const parsed = parseDossier(EXAMPLE);
  if (!parsed.ok) throw new Error('the example dossier must be valid');
  return parsed.dossier;
})();

let t: TestApp;
let w: World;
let id: string;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS); // the clock starts at 2026-03-02T09:00:00Z
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: EXAMPLE });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  id = imported.body.id;
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterEach(() => t.close());

const review = (body: unknown, bidId = 'B3') => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/${bidId}/low-bid-review`, body);
const request = {
  action: 'request-explanation',
  deadline: '2026-03-16',
  questions: ['Hoeveel contacturen per inburgeraar rekent u?', 'Welke groepsgrootte hanteert u?'],
};
const evaluation = async () => (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
const b3Of = (result: { bids: { bidId: string }[] }) => result.bids.find((b) => b.bidId === 'B3') as Record<string, any>;

describe('the art. 2.116 review', () => {
  it('requests an explanation, records the answer and accepts the bid', async () => {
    const requested = await review(request);
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    expect(requested.body).toEqual({
      bidId: 'B3',
      lowBidReview: {
        state: 'explanation-requested',
        requestedAt: '2026-03-02',
        deadline: '2026-03-16',
        questions: 'Hoeveel contacturen per inburgeraar rekent u?\nWelke groepsgrootte hanteert u?',
      },
    });
    expect(b3Of(await evaluation()).lowBidReview.state).toBe('explanation-requested');

    t.clock.set('2026-03-09T10:00:00Z');
    const answered = await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' });
    expect(answered.body.lowBidReview).toMatchObject({ state: 'explanation-received', receivedAt: '2026-03-09' });

    const accepted = await review({ action: 'decide', decision: 'accepted', motivation: 'De toelichting maakt de prijs aannemelijk.' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.lowBidReview).toMatchObject({ state: 'accepted', decision: 'accepted', decidedAt: '2026-03-09' });

    const result = await evaluation();
    expect(b3Of(result)).toMatchObject({ status: 'ranked', lowBidReview: { state: 'accepted' } });
    expect(b3Of(result).lowBidFlags.length).toBeGreaterThan(0);
    expect(result.blockingReviews).toEqual([]);

    const events = (await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    const steps = events.filter((e) => e.action.startsWith('low-bid-review.'));
    expect(steps.map((e) => e.action)).toEqual(['low-bid-review.request-explanation', 'low-bid-review.record-explanation', 'low-bid-review.decide']);
    expect(steps[0]!.change.before).toBeNull();
    expect(steps[2]!.change).toMatchObject({ before: { state: 'explanation-received' }, after: { state: 'accepted' } });
  });

  it('rejects after the deadline passed unanswered; the exported dossier gives the CLI the same exclusion', async () => {
    expect((await review(request)).status).toBe(200);
    t.clock.set('2026-03-16T20:00:00Z'); // 21:00 in Amsterdam, still the deadline day
    const early = await review({ action: 'record-no-response' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('loopt tot en met 16 maart 2026');

    t.clock.set('2026-03-16T23:30:00Z'); // 00:30 on 17 March in Amsterdam
    expect((await review({ action: 'record-no-response' })).body.lowBidReview.state).toBe('no-response');
    const motivation = 'Geen reactie binnen de termijn; de prijs ligt onder de kostenvloer.';
    const rejected = await review({ action: 'decide', decision: 'rejected', motivation });
    expect(rejected.body.lowBidReview).toEqual({
      state: 'rejected',
      requestedAt: '2026-03-02',
      deadline: '2026-03-16',
      questions: request.questions.join('\n'),
      decision: 'rejected',
      motivation,
      decidedAt: '2026-03-17',
    });

    const result = await evaluation();
    const reason = `afgewezen als abnormaal lage inschrijving (art. 2.116 Aanbestedingswet): ${motivation}`;
    expect(b3Of(result)).toMatchObject({ status: 'excluded', rank: null, exclusionReasons: [reason], lowBidReview: { state: 'rejected' } });

    const exported = (await w.almereAuditor.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(exported.bids.find((b: { id: string }) => b.id === 'B3').lowBidReview).toEqual(rejected.body.lowBidReview);
    const cli = evaluateWithTheCli(exported);
    expect(cli.bids.find((b: { bidId: string }) => b.bidId === 'B3')).toMatchObject({ status: 'excluded', exclusionReasons: [reason] });
    const { incomplete: _i, pendingBids: _p, blockingReviews: _b, ...rest } = result;
    expect({ ...rest, bids: rest.bids.map(({ lowBidReview: _r, ...bid }: Record<string, unknown>) => bid) }).toEqual(cli);
  });

  it('refuses to reject without a request (409) and says what is missing', async () => {
    const response = await review({ action: 'decide', decision: 'rejected', motivation: 'De prijs is niet realistisch voor dit traject.' });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/conflict');
    expect(response.body.detail).toBe(`${REJECTION_NEEDS_EXPLANATION} Er is nog geen toelichting gevraagd.`);
  });

  it('refuses to reject while the deadline runs, and a deadline that is not after today (400 at deadline)', async () => {
    const tooSoon = await review({ ...request, deadline: '2026-03-02' });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.errors).toEqual([{ path: 'deadline', message: expect.stringContaining('moet na vandaag (2 maart 2026) liggen') }]);
    await review(request);
    const running = await review({ action: 'decide', decision: 'rejected', motivation: 'De prijs is niet realistisch voor dit traject.' });
    expect(running.status).toBe(409);
    expect(running.body.detail).toContain('de toelichting is nog niet ontvangen en de termijn loopt nog');
  });

  it('validates the action and checks role, bid and status', async () => {
    expect((await review({ action: 'decide', decision: 'rejected' })).status).toBe(400);
    expect((await review({ action: 'ask' })).status).toBe(400);
    expect((await review({ ...request, extra: true })).body.errors).toEqual([{ path: 'extra', message: 'onbekend veld' }]);
    expect((await review(request, 'B9')).status).toBe(404);
    expect((await w.almereAuditor.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, request)).status).toBe(403);
    const draft = await importAlmereTender(w, EXAMPLE);
    const locked = await w.almereInkoper.post(`/api/v1/tenders/${draft}/bids/B3/low-bid-review`, request);
    expect(locked.status).toBe(409);
    expect(locked.body.detail).toContain('kan pas als de aanbesteding is geopend');
  });

  it('blocks the award decision while the review of a flagged bid is open (409 naming the bid by its school, and what is missing)', async () => {
    const open = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(open.status).toBe(409);
    expect(open.body.detail).toContain('niet afgerond voor Snel Inburgeren B.V. (B3): ');
    expect(open.body.detail).toContain('er is nog geen toelichting gevraagd en geen besluit genomen');
    expect(open.body.detail).not.toContain('(open)');
    expect(open.body.errors).toEqual([{ path: 'bids.B3.lowBidReview', message: expect.stringContaining('art. 2.116') }]);
    await review(request);
    const requested = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(requested.status).toBe(409);
    expect(requested.body.detail).not.toContain('explanation-requested');
    expect(requested.body.detail).toContain('termijn tot en met 16 maart 2026');
    await review({ action: 'decide', decision: 'accepted', motivation: 'Eigen analyse: de prijs is haalbaar met grotere groepen.' });
    const decided = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'award-proposed', winner: 'B2' });
  });
});

describe('texts that reach the bidder keep the other bids confidential', () => {
  it("refuses questions that name another bidder or write another bid's price (400 at questions), and records nothing", async () => {
    const refused = await review({ ...request, questions: ['Waarom ligt uw prijs zo ver onder die van Het Taalhuis Kampen (€\u00a0452.000)?'] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'questions', message: 'noemt de inschrijver Het Taalhuis Kampen' },
      { path: 'questions', message: 'noemt €\u00a0452.000: dat is de prijs of een eenheidsprijs van een andere inschrijving (€\u00a0452.000,00)' },
    ]);
    expect(refused.body.detail).toContain('terwijl de andere inschrijvingen vertrouwelijk zijn');
    expect(b3Of(await evaluation()).lowBidReview?.state ?? 'open').toBe('open');
    // Its own price is the bidder's to read.
    expect((await review({ ...request, questions: ['Hoe dekt u met €\u00a0289.000 de 600 contacturen?'] })).status).toBe(200);
  });

  it('refuses a decision whose motivation names another bidder (400 at motivation)', async () => {
    await review(request);
    t.clock.set('2026-03-09T10:00:00Z');
    await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16.' });
    const refused = await review({ action: 'decide', decision: 'rejected', motivation: 'NT2 Centrum Zwolle levert hetzelfde voor meer geld.' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'motivation', message: 'noemt de inschrijver NT2 Centrum Zwolle' }]);
  });
});

describe('the draft letter requesting the explanation', () => {
  const letterPath = (bidId = 'B3') => `/api/v1/tenders/${id}/bids/${bidId}/low-bid-review/letter`;

  it('is 409 with a Dutch explanation while no explanation was requested', async () => {
    const response = await w.almereInkoper.get(letterPath());
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('Voor inschrijving B3 is nog geen toelichting gevraagd');
  });

  it('names the provider, the rules that fired, the numbered questions and the Dutch deadline', async () => {
    await review(request);
    const response = await w.almereAuditor.get(letterPath());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const letter = response.body as string;
    expect(letter).toContain('Aan: Snel Inburgeren B.V.');
    expect(letter).toContain('KvK-nummer: 05345678');
    expect(letter).toContain('2 maart 2026');
    expect(letter).toContain(
      'vergelijking met het gemiddelde van de andere inschrijvingen: Uw prijs ligt ver onder het gemiddelde van de andere inschrijvingen.',
    );
    expect(letter).toContain('ligt onder de kostenvloer');
    expect(letter).toContain('1. Hoeveel contacturen per inburgeraar rekent u?\n2. Welke groepsgrootte hanteert u?');
    expect(letter).toContain('uiterlijk op 16 maart 2026');
    expect(letter).toContain('artikel 2.116');
  });

  it('names no other bidder, price or average of theirs: the other bids are confidential before the award', async () => {
    await review(request);
    const letter = (await w.almereInkoper.get(letterPath())).body as string;
    // Unit prices are scanned in tests/unit/low-bids/review-letter-confidentiality.test.ts: here B1's exam
    // line (€\u00a0450,00) equals B3's own shortfall on the cost floor.
    const secrets = [...otherBiddersSecrets(EXAMPLE_DOSSIER, ['B3']), ...derivedSecrets(EXAMPLE_DOSSIER, 'B3')].filter((s) => !s.label.includes('unit price'));
    expect(findSecrets(letter, secrets)).toEqual([]);
    expect(letter).not.toContain('471.666,67');
    expect(letter).not.toContain('452.000');
  });

  it('is for the inkoper and auditors: a beoordelaar on the panel gets 403, an unknown bid 404', async () => {
    await review(request);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.get(letterPath())).status).toBe(403);
    expect((await w.almereInkoper.get(letterPath('B9'))).status).toBe(404);
  });
});
