import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url), 'utf8')) as unknown;

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  page = await loginPage(t, w.almereInkoper.email, PASSWORD);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: EXAMPLE });
  expect(imported.status).toBe(201);
  id = imported.body.id;
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterEach(() => t.close());

describe('the results page', () => {
  it('shows the ranking in Dutch formats, the flagged bid with its message and the review state', async () => {
    const evaluation = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    const response = await page.get(`/aanbestedingen/${id}/uitslag`);
    expect(response.status).toBe(200);
    const text = visibleText(response.html);
    expect(text).toContain(`Winnaar volgens de beoordeling: ${evaluation.winner}`);
    expect(text).toContain('1 B2 (winnaar) NT2 Centrum Zwolle EUR 495.000,00 54,00 17,52 71,52 2 B1 Taalschool IJsselland EUR 468.000,00');
    const b3 = evaluation.bids.find((b: { bidId: string }) => b.bidId === 'B3');
    expect(b3.lowBidFlags.length).toBeGreaterThan(0);
    expect(text).toContain('B3 Snel Inburgeren B.V.');
    expect(text).toContain(b3.lowBidFlags[0].message);
    expect(text).toContain('Stand van het onderzoek nog niet onderzocht');
    expect(text).toContain('Gevoeligheid van de uitslag');
  });

  it('draws an accessible quality-price chart with the winner marked and a data table', async () => {
    const html = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    expect(html).toMatch(/<svg class="gw-chart"[^>]*role="img"[^>]*aria-labelledby="grafiek-titel grafiek-uitleg"/);
    expect(html).toContain('<title id="grafiek-titel">Kwaliteit tegen prijs</title>');
    expect(html).toMatch(/\(winnaar\)<\/text>/);
    expect(visibleText(html)).toContain('Gegevens van de grafiek Inschrijving Prijs Kwaliteit (% van het maximum) In de grafiek');
  });

  it('takes a review step through the form and shows the domain refusal next to the field', async () => {
    const bad = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, { action: 'request-explanation', deadline: '2026-02-30', questions: 'Hoeveel lesuren?' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('href="#onderzoek-B3-deadline">Termijn: moet een bestaande datum zijn in de vorm JJJJ-MM-DD</a>');
    const good = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: 'Hoeveel contacturen met een docent levert u per inburgeraar?\nWelke groepsgrootte hanteert u?',
    });
    expect(good.status).toBe(303);
    const text = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(text).toContain('Stand van het onderzoek toelichting gevraagd Toelichting gevraagd op 2 maart 2026 Termijn voor de toelichting 16 maart 2026');
    expect(text).toContain('Conceptbrief met het verzoek om toelichting');
  });

  it('refuses questions that name another bidder next to the field: the letter goes to the bidder', async () => {
    const refused = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: 'Waarom ligt uw prijs zo ver onder die van Taalschool IJsselland?',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('href="#onderzoek-B3-questions">Vragen: noemt de inschrijver Taalschool IJsselland</a>');
  });

  it('refuses the award decision while a review is open, with the service\'s reason', async () => {
    const refused = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, {});
    expect(refused.status).toBe(409);
    expect(visibleText(refused.html)).toContain('Het onderzoek naar mogelijk abnormaal lage inschrijvingen is niet afgerond voor B3');
  });

  it('withdraws the award decision through the form, with the reason, and names the field when it is missing', async () => {
    const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, body);
    expect((await review({ action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen rekent u?'] })).status).toBe(200);
    expect((await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' })).status).toBe(200);
    expect((await review({ action: 'decide', decision: 'accepted', motivation: 'De toelichting maakt de prijs aannemelijk.' })).status).toBe(200);
    const decided = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, {});
    expect(decided.status).toBe(303);
    const shown = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(shown).toContain('Gunningsbeslissing intrekken');

    const empty = await page.post(`/aanbestedingen/${id}/gunningsbeslissing-intrekken`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.html)).toContain('De gunningsbeslissing is niet ingetrokken');
    expect(visibleText(empty.html)).toContain('Reden van de intrekking');

    const withdrawn = await page.post(`/aanbestedingen/${id}/gunningsbeslissing-intrekken`, { reason: 'Het bezwaar van Taalschool IJsselland is gegrond verklaard.' });
    expect(withdrawn.status).toBe(303);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body).toMatchObject({ status: 'open', awardDecision: null });
    const again = visibleText((await page.get(withdrawn.location ?? '')).html);
    expect(again).toContain('is ingetrokken; de aanbesteding is weer geopend.');
    expect(again).toContain('Gunningsbeslissing nemen');
  });

  it('is not for a beoordelaar: the evaluation is the inkoper\'s and auditor\'s (403 on the panel, 404 off it)', async () => {
    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    expect((await evaluator.get(`/aanbestedingen/${id}/uitslag`)).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await evaluator.get(`/aanbestedingen/${id}/uitslag`)).status).toBe(403);
  });
});

describe('the audit page', () => {
  it('lists the tender\'s events, filters by action and checks the chain', async () => {
    const all = visibleText((await page.get(`/aanbestedingen/${id}/audit`)).html);
    expect(all).toContain('tender.import');
    expect(all).toContain('tender.open');
    const filtered = visibleText((await page.get(`/aanbestedingen/${id}/audit?actie=tender.open&controle=1`)).html);
    expect(filtered).toContain('Gebeurtenissen (1 van 2)');
    expect(filtered).toContain('De auditketen is intact');
  });
});
