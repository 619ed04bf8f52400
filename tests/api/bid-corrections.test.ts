/**
 * After the opening a bid changes only with a written reason: `POST .../bids/:bidId/correction`
 * for an obvious clerical error, `POST .../bids/:bidId/withdrawal` for the bidder's withdrawal.
 * Both are refused before the opening and once the award decision is taken; the evaluation,
 * its flags, its cache, the exported dossier (and so the CLI), the panel's view and the
 * audit trail follow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { evaluateWithTheCli } from '../helpers/cli.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender, runPanel, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { normaliseWhitespace, pdfText } from '../unit/reports/poppler.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
let id: string;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  id = await importAlmereTender(w, exampleDossier());
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterEach(() => t.close());

const REASON = 'Bij het overnemen van het inschrijvingsformulier zijn twee cijfers verwisseld.';
const WITHDRAWAL = { receivedOn: '2026-03-02', reason: 'De school kan de docenten voor deze trajecten niet op tijd aannemen.' };

const correct = (bidId: string, body: Record<string, unknown>) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/${bidId}/correction`, body);
const withdraw = (bidId: string, body: Record<string, unknown> = WITHDRAWAL) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/${bidId}/withdrawal`, body);
const evaluation = async () => (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
const resultOf = (result: { bids: { bidId: string }[] }, bidId: string) => result.bids.find((b) => b.bidId === bidId) as any;
const events = async (action: string) =>
  ((await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[]).filter((e) => e.action === action);

/** The server's evaluation without what only the server adds, as the CLI gives it. */
function engineFields(result: Record<string, any>) {
  const { incomplete: _i, pendingBids: _p, blockingReviews: _b, panel: _panel, ...rest } = result;
  return { ...rest, bids: rest.bids.map(({ lowBidReview: _r, ...bid }: Record<string, unknown>) => bid) };
}

describe('POST .../bids/:bidId/correction', () => {
  it('corrects the price, keeps the figures before and after, and the evaluation follows at once (also from the cache)', async () => {
    const before = await evaluation();
    const response = await correct('B2', { price: 602000, reason: REASON });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toEqual({
      bidId: 'B2',
      number: 1,
      correctedAt: '2026-03-02T09:00:00.000Z',
      reason: REASON,
      before: { price: 612000 },
      after: { price: 602000 },
      lowBidReviewState: null,
    });
    const after = await evaluation();
    expect(resultOf(after, 'B2').pricePoints).toBeGreaterThan(resultOf(before, 'B2').pricePoints);
    expect(resultOf(after, 'B2').pricePoints).toBeCloseTo(30 * (318000 / 602000), 12);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as any[];
    expect(bids.find((b) => b.id === 'B2')).toMatchObject({ price: 602000, corrections: [response.body] });
    expect(bids.find((b) => b.id === 'B1')).not.toHaveProperty('corrections');
    // The exported dossier carries the corrected price, and the CLI evaluates it to the same result.
    const exported = (await w.almereAuditor.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(exported.bids[1].price).toBe(602000);
    expect(engineFields(after)).toEqual(evaluateWithTheCli(exported));
    const [event] = await events('bid.correct');
    expect(event?.change).toMatchObject({ before: { price: 612000 }, after: { price: 602000 }, reason: REASON, number: 1 });
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('corrects a price line, the price following as its sum; the flags follow the corrected price', async () => {
    // B3 at EUR 318.000 is flagged; a typo in B4's lines makes it look low too.
    const lines = [
      { description: 'Trajecten B1', quantity: 100, unitPrice: 500 },
      { description: 'Examens', quantity: 100.5, unitPrice: 400.01 },
    ];
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B4/correction`, { priceLines: lines, reason: REASON })).status).toBe(201);
    const low = await evaluation();
    expect(resultOf(low, 'B4').lowBidFlags.map((f: { rule: string }) => f.rule)).toContain('mean-of-others');
    lines[0] = { description: 'Trajecten B1', quantity: 100, unitPrice: 5000 };
    const back = await correct('B4', { priceLines: lines, reason: 'De eenheidsprijs van de trajecten miste een nul; zo staat het in het formulier.' });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ number: 2, before: { price: 90201.01 }, after: { price: 540201.01, priceLines: lines } });
    expect(resultOf(await evaluation(), 'B4').lowBidFlags).toEqual([]);
  });

  it('refuses a reason that is no sentence, or names an amount while the panel sees no prices (400 at reason)', async () => {
    const short = await correct('B2', { price: 602000, reason: 'typfout' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: 'reason', message: 'geef de reden: schrijf minstens één volledige zin (minstens 20 tekens en 3 woorden)' }]);
    const amount = await correct('B2', { price: 602000, reason: 'De prijs was EUR 612.000 maar moest 602.000 zijn volgens het formulier.' });
    expect(amount.status).toBe(400);
    expect(amount.body.errors[0].path).toBe('reason');
    expect(amount.body.errors[0].message).toContain('noem geen bedrag (EUR 612.000, 602.000)');
    expect((await correct('B2', { price: 602000 })).body.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    expect(await events('bid.correct')).toEqual([]);
  });

  it('refuses a correction that changes nothing, gives no figure, removes one, or does not add up (400 at the field)', async () => {
    expect((await correct('B2', { price: 612000, reason: REASON })).body.errors).toEqual([
      { path: 'price', message: 'gelijk aan wat de inschrijving al heeft' },
    ]);
    expect((await correct('B2', { reason: REASON })).body.errors).toEqual([{ path: 'price', message: 'geef de gecorrigeerde price of priceLines' }]);
    expect((await correct('B2', { price: null, reason: REASON })).body.errors[0].path).toBe('price');
    const sum = await correct('B4', { price: 540000, reason: REASON });
    expect(sum.status).toBe(400);
    expect(sum.body.errors).toEqual([{ path: 'price', message: 'de prijsregels tellen op tot €\u00a0540.201,01, niet tot de prijs €\u00a0540.000,00' }]);
    expect((await correct('B2', { price: 602000.001, reason: REASON })).body.errors[0].path).toBe('price');
    expect((await correct('B9', { price: 602000, reason: REASON })).status).toBe(404);
  });

  it('keeps a started art. 2.116 review as it is, with the correction and the review state noted', async () => {
    const request = { action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen per inburgeraar rekent u?'] };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, request)).status).toBe(200);
    const review = resultOf(await evaluation(), 'B3').lowBidReview;
    const response = await correct('B3', { price: 481000, reason: 'Het formulier noemt een ander totaal dan de som van de regels; de som geldt.' });
    expect(response.status).toBe(201);
    expect(response.body.lowBidReviewState).toBe('explanation-requested');
    const after = resultOf(await evaluation(), 'B3');
    expect(after.lowBidReview).toEqual(review);
    // Now unflagged, the started investigation still blocks the award decision until decided.
    expect(after.lowBidFlags).toEqual([]);
    expect((await evaluation()).blockingReviews.map((b: { bidId: string }) => b.bidId)).toEqual(['B3']);
    expect((await events('bid.correct'))[0]?.change.lowBidReviewState).toBe('explanation-requested');
  });
});

describe('POST .../bids/:bidId/withdrawal', () => {
  it('takes the bid out of the ranking with its date and reason, in the server and in the CLI alike', async () => {
    const response = await withdraw('B3');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toEqual({ bidId: 'B3', ...WITHDRAWAL, recordedAt: '2026-03-02T09:00:00.000Z' });
    const result = await evaluation();
    const reason = `ingetrokken door de inschrijver (ontvangen op 2 maart 2026): ${WITHDRAWAL.reason}`;
    expect(resultOf(result, 'B3')).toMatchObject({ status: 'excluded', rank: null, score: null, exclusionReasons: [reason], lowBidFlags: [] });
    // Without B3 the lowest price is B4's, and nobody is compared with the withdrawn price.
    expect(resultOf(result, 'B4').pricePoints).toBe(30);
    expect(result.blockingReviews).toEqual([]);
    const exported = (await w.almereAuditor.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(exported.bids[2].withdrawal).toEqual(WITHDRAWAL);
    expect(engineFields(result)).toEqual(evaluateWithTheCli(exported));
    // The dossier re-imports with the withdrawal.
    const again = await importAlmereTender(w, exported);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${again}/dossier`)).body).toEqual(exported);
    expect((await events('bid.withdraw'))[0]?.change).toMatchObject({ before: { withdrawal: null }, after: { withdrawal: WITHDRAWAL } });
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('ends the bid: a second withdrawal, a correction and a review step answer 409; the OCDS export says withdrawn', async () => {
    expect((await withdraw('B3')).status).toBe(201);
    expect((await withdraw('B3')).status).toBe(409);
    const corrected = await correct('B3', { price: 381000, reason: REASON });
    expect(corrected.status).toBe(409);
    expect(corrected.body.detail).toContain('Inschrijving B3 is ingetrokken');
    const step = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: ['Hoe?'],
    });
    expect(step.status).toBe(409);
    const ocds = (await w.almereInkoper.get(`/api/v1/tenders/${id}/ocds`)).body;
    const details = ocds.releases[0].bids.details as { id: string; status: string; hasRank?: boolean }[];
    expect(details.find((d) => d.id === 'B3')).toMatchObject({ status: 'withdrawn', hasRank: false });
  });

  it('refuses a date of receipt after today or not a date, and a reason that is no sentence (400 at the field)', async () => {
    expect((await withdraw('B3', { ...WITHDRAWAL, receivedOn: '2026-03-03' })).body.errors).toEqual([
      { path: 'receivedOn', message: 'de datum van ontvangst kan niet na vandaag (2026-03-02) liggen' },
    ]);
    expect((await withdraw('B3', { ...WITHDRAWAL, receivedOn: '2026-02-30' })).body.errors).toEqual([
      { path: 'receivedOn', message: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' },
    ]);
    expect((await withdraw('B3', { ...WITHDRAWAL, reason: 'ingetrokken' })).body.errors[0].path).toBe('reason');
    expect((await withdraw('B3', { reason: WITHDRAWAL.reason })).status).toBe(400);
    expect(await events('bid.withdraw')).toEqual([]);
  });

  it('needs no scores of a withdrawn bid: the panel seals and the award decision is taken without them', async () => {
    const panel = await createPanelTender(w.regioInkoper, w.orgs.regio);
    const withdrawn = await w.regioInkoper.post(`/api/v1/tenders/${panel}/bids/B2/withdrawal`, WITHDRAWAL);
    expect(withdrawn.status).toBe(201);
    await runPanel(w.regioInkoper, panel, [{ evaluator: w.almereBeoordelaar, scores: { B1: { K1: 8, K2: 6 } } }]);
    await setConsensus(w.regioInkoper, panel, { B1: { K1: 8, K2: 6 } });
    const result = (await w.regioInkoper.get(`/api/v1/tenders/${panel}/evaluation`)).body;
    expect(result).toMatchObject({ incomplete: [], pendingBids: [], winner: 'B1' });
    const decision = await w.regioInkoper.post(`/api/v1/tenders/${panel}/award-decision`);
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);
    expect(decision.body.winner).toBe('B1');
    // The dossier with a withdrawn bid without scores is valid for the CLI.
    const exported = (await w.regioInkoper.get(`/api/v1/tenders/${panel}/dossier`)).body;
    expect(exported.bids[1]).toMatchObject({ id: 'B2', scores: {}, withdrawal: WITHDRAWAL });
    expect(evaluateWithTheCli(exported).bids[1]).toMatchObject({ bidId: 'B2', status: 'excluded', qualityPoints: 0 });
  });
});

describe('the panel', () => {
  it('sees the reason of a correction and of a withdrawal, never a price or the figures before and after', async () => {
    const panel = await createPanelTender(w.regioInkoper, w.orgs.regio);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panel}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${panel}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panel}/bids/B1/correction`, { price: 556000, reason: REASON })).status).toBe(201);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panel}/bids/B2/withdrawal`, WITHDRAWAL)).status).toBe(201);
    const seen = await w.almereBeoordelaar.get(`/api/v1/tenders/${panel}/bids`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([
      {
        id: 'B1',
        provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true },
        corrections: [{ number: 1, correctedAt: '2026-03-02T09:00:00.000Z', reason: REASON }],
      },
      { id: 'B2', provider: { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true }, withdrawal: WITHDRAWAL },
    ]);
    expect(JSON.stringify(seen.body)).not.toMatch(/565000|556000|598000/);
  });
});

describe('state and roles', () => {
  it('refuses both before the opening (editing the bid is the way then) and once the award decision is taken', async () => {
    const draft = await importAlmereTender(w, exampleDossier());
    const early = await w.almereInkoper.post(`/api/v1/tenders/${draft}/bids/B2/correction`, { price: 602000, reason: REASON });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(
      'Een correctie of intrekking van een inschrijving wordt vastgelegd na het openen; zolang de aanbesteding in voorbereiding is, wijzigt of verwijdert u de inschrijving zelf.',
    );
    expect((await w.almereInkoper.post(`/api/v1/tenders/${draft}/bids/B2/withdrawal`, WITHDRAWAL)).status).toBe(409);

    const review = (action: Record<string, unknown>) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, action);
    expect(
      (await review({ action: 'decide', decision: 'accepted', motivation: 'De prijs is verklaard door de eigen lesmethode en groepsgrootte.' })).status,
    ).toBe(200);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(200);
    const late = await correct('B2', { price: 602000, reason: REASON });
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe(
      'Na de gunningsbeslissing kan een inschrijving niet meer worden gecorrigeerd of ingetrokken: de beslissing berust op de inschrijvingen zoals ze waren.',
    );
    expect((await withdraw('B1')).status).toBe(409);
  });

  it('gives another organisation 404, an auditor and a beoordelaar on the panel 403, a beoordelaar off the panel 404', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const offPanel = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
    const calls = [
      (c: typeof w.almereInkoper) => c.post(`/api/v1/tenders/${id}/bids/B2/correction`, { price: 602000, reason: REASON }),
      (c: typeof w.almereInkoper) => c.post(`/api/v1/tenders/${id}/bids/B2/withdrawal`, WITHDRAWAL),
    ];
    for (const call of calls) {
      expect((await call(w.utrechtInkoper)).status).toBe(404);
      expect((await call(offPanel)).status).toBe(404);
      expect((await call(w.almereAuditor)).status).toBe(403);
      expect((await call(w.almereBeoordelaar)).status).toBe(403);
    }
    expect(await events('bid.correct')).toEqual([]);
    expect(await events('bid.withdraw')).toEqual([]);
  });
});

describe('the evaluation report', () => {
  it('prints each correction with the price before and after and its reason, the note on the running review, and the withdrawal', async () => {
    const request = { action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen per inburgeraar rekent u?'] };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, request)).status).toBe(200);
    expect((await correct('B3', { price: 318100, reason: REASON })).status).toBe(201);
    expect((await withdraw('B1')).status).toBe(201);
    const created = await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const response = await t.app.request(created.body.url, { headers: { cookie: w.almereInkoper.cookie ?? '' } });
    const text = normaliseWhitespace(pdfText(Buffer.from(await response.arrayBuffer())));
    expect(text).toContain(`Op 2 maart 2026 is een kennelijke verschrijving gecorrigeerd: prijs € 318.000,00 werd € 318.100,00. Reden: ${REASON}`);
    expect(text).toContain(
      'Op 2 maart 2026 is de prijs gecorrigeerd van € 318.000,00 naar € 318.100,00, terwijl dit onderzoek liep (stand: toelichting gevraagd).',
    );
    expect(text).toContain(`ingetrokken door de inschrijver (ontvangen op 2 maart 2026): ${WITHDRAWAL.reason}`);
  });
});
