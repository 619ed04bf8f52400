/**
 * The two-envelope steps on a page (issue 20): the page Prijsopening shows where the opening
 * stands and what is missing before the lock, and carries the lock, the first inkoper's entry
 * and the second inkoper's blind confirmation, all through the services of the API routes.
 * Its HTML never holds an entered figure before the confirmation, for anyone; a refused
 * confirmation names the bids and no figure; no one but the tender's inkopers gets a form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';
import { amountSecrets, findSecrets, type Secret } from '../helpers/confidential-figures.js';
import { pdfDocument, uploadDocument } from '../helpers/documents.js';
import { identifierPattern, leakedIdentifiers } from '../helpers/identifier-scan.js';
import { panelTenderBody, scoreAll, setConsensus } from '../helpers/panel.js';
import { createMember, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

const SCORES = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };
/** Figures found nowhere else in the test world. */
const B1_PRICE = 612345.67;
const B2_UNIT = 293827.16;
const B2_PRICE = 587654.32;
const SECRETS: Secret[] = [...amountSecrets('prijs B1', B1_PRICE), ...amountSecrets('prijs B2', B2_PRICE), ...amountSecrets('eenheidsprijs B2', B2_UNIT)];

/** The form as a person fills it in: B1 by its price, B2 by one price line. */
function priceForm(b1 = '612.345,67', b2Unit = '293.827,16'): Record<string, string> {
  return {
    'prices[0].bidId': 'B1',
    'prices[0].price': b1,
    'prices[1].bidId': 'B2',
    'prices[1].price': '',
    'prices[1].priceLines[0].description': 'Trajecten B1-route',
    'prices[1].priceLines[0].quantity': '2',
    'prices[1].priceLines[0].unitPrice': b2Unit,
    'prices[1].priceLines[1].description': '',
    'prices[1].priceLines[1].quantity': '',
    'prices[1].priceLines[1].unitPrice': '',
  };
}

let t: TestApp;
let w: World;
let id: string;
let first: PageClient;
let second: PageClient;
let secondInkoper: Awaited<ReturnType<typeof createMember>>;
const page = () => `/aanbestedingen/${id}/prijsopening`;
const pattern = identifierPattern(knownIdentifiers());
/** Every identifier that reached the visible text of the page, at any stage, for anyone. */
const leaks: string[] = [];

async function readPage(client: PageClient): Promise<{ status: number; html: string; text: string }> {
  const response = await client.get(page());
  const text = visibleText(response.html);
  leaks.push(...leakedIdentifiers(text, pattern));
  return { status: response.status, html: response.html, text };
}

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  secondInkoper = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'inkoper' });
  const created = await w.almereInkoper.post('/api/v1/tenders', panelTenderBody(w.orgs.almere, { envelopes: 'two' }));
  expect(created.status).toBe(201);
  id = created.body.id;
  for (const [bidId, provider] of [
    ['B1', { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }],
    ['B2', { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true }],
  ] as const) {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { provider })).status).toBe(201);
    const sheet = await uploadDocument(
      t,
      w.almereInkoper,
      `/api/v1/tenders/${id}/bids/${bidId}/documents?envelope=price&name=prijsblad-${bidId}.pdf`,
      pdfDocument(`Prijsblad ${bidId}`),
    );
    expect(sheet.status).toBe(201);
  }
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
  expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
  await scoreAll(w.almereBeoordelaar, id, SCORES);
  first = await loginPage(t, w.almereInkoper.email, PASSWORD);
  second = await loginPage(t, secondInkoper.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('the page Prijsopening', () => {
  it('names what is missing before the lock, as the lock refuses it, and offers no lock button yet', async () => {
    const overview = await first.get(`/aanbestedingen/${id}`);
    expect(visibleText(overview.html)).toContain('Prijsopening (twee enveloppen) prijsenveloppen verzegeld');
    expect(overview.html).toContain(`href="${page()}"`);
    const unsealed = await readPage(first);
    expect(unsealed.status).toBe(200);
    expect(unsealed.text).toContain('Stand prijsenveloppen verzegeld');
    expect(unsealed.text).toContain(`nog niet iedere beoordelaar heeft verzegeld (${w.almereBeoordelaar.name})`);
    expect(unsealed.html).not.toContain('prijsopening/vergrendelen');
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(200);
    const noConsensus = await readPage(first);
    expect(noConsensus.text).toContain('nog niet elke consensusscore is vastgesteld (B1 op K1, B1 op K2, B2 op K1, B2 op K2)');
    // Posting anyway gets the lock's own Dutch 409 on the page.
    const early = await first.post(`${page()}/vergrendelen`, { bevestiging: 'ja' });
    expect(early.status).toBe(409);
    expect(visibleText(early.html)).toContain('Ontbrekende stap: nog niet elke consensusscore is vastgesteld');
  });

  it('shows no form to the auditor, the evaluator or the administrator, is not found for another organisation, and says a one-envelope tender has no price envelopes', async () => {
    await setConsensus(w.almereInkoper, id, SCORES);
    for (const reader of [w.almereAuditor, w.almereBeoordelaar, w.almereAdmin]) {
      const client = await loginPage(t, reader.email, PASSWORD);
      const response = await readPage(client);
      expect(response.status, reader.email).toBe(200);
      expect(response.text).toContain('Stand prijsenveloppen verzegeld');
      expect(response.html).not.toContain('<form method="post" action="/aanbestedingen');
      expect(response.html).not.toContain('name="prices[0].price"');
      // The pages call the services: a post is refused there (403), whatever the form.
      const post = await client.post(`${page()}/vergrendelen`, { bevestiging: 'ja' });
      expect(post.status, reader.email).toBe(403);
    }
    const outsider = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await outsider.get(page())).status).toBe(404);
    expect((await outsider.post(`${page()}/vergrendelen`, { bevestiging: 'ja' })).status).toBe(404);
    const one = await w.almereInkoper.post('/api/v1/tenders', panelTenderBody(w.orgs.almere));
    const oneEnvelope = await first.get(`/aanbestedingen/${one.body.id}/prijsopening`);
    expect(visibleText(oneEnvelope.html)).toContain('Deze aanbesteding heeft één envelop');
    expect(oneEnvelope.html).not.toContain('<form method="post" action="/aanbestedingen');
  });

  it('locks the quality after the confirmation question, and refuses the post without it', async () => {
    const ready = await readPage(first);
    expect(ready.html).toContain(`action="${page()}/vergrendelen"`);
    expect(ready.html).toContain('data-confirm');
    expect(ready.text).toContain('Ik begrijp dat de kwaliteitsscores na het vergrendelen niet meer kunnen worden gewijzigd');
    const unconfirmed = await first.post(`${page()}/vergrendelen`, {});
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(unconfirmed.html)).toContain('bevestig dat u begrijpt dat de kwaliteitsscores daarna vastliggen');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.priceOpening.stage).toBe('sealed');
    const locked = await first.post(`${page()}/vergrendelen`, { bevestiging: 'ja' });
    expect(locked.status, locked.html.slice(0, 400)).toBe(303);
    expect(locked.location).toBe(`${page()}?vergrendeld=1`);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.priceOpening.stage).toBe('quality-locked');
    const after = await readPage(first);
    expect(after.text).toContain('Stand kwaliteitsscores vergrendeld');
    expect(after.html).toContain(`action="${page()}/invoeren"`);
    expect(after.html).toContain('name="prices[1].priceLines[0].unitPrice"');
    // The envelopes may be opened now: linked for the inkoper.
    expect(after.html).toMatch(/href="\/api\/v1\/tenders\/[^"]+\/bids\/B1\/documents\/[^"]+"[^>]*>prijsblad-B1\.pdf/);
  });

  it('takes the first entry through the form, and then no page holds a figure, for anyone', async () => {
    const wrong = await first.post(`${page()}/invoeren`, { ...priceForm(), 'prices[0].price': '612,345' });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.html)).toContain('Prijs van B1');
    const entered = await first.post(`${page()}/invoeren`, priceForm());
    expect(entered.status, visibleText(entered.html).slice(0, 600)).toBe(303);
    const opening = (await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.priceOpening;
    expect(opening).toMatchObject({ stage: 'prices-entered', pricesEnteredBy: w.almereInkoper.userId });
    const own = await readPage(first);
    expect(own.text).toContain(`door ${w.almereInkoper.name}`);
    expect(own.text).toContain('vier-ogenprincipe');
    expect(own.html).not.toContain(`action="${page()}/bevestigen"`);
    const confirmPage = await readPage(second);
    expect(confirmPage.html).toContain(`action="${page()}/bevestigen"`);
    expect(confirmPage.text).toContain('De eerste invoer wordt niet getoond');
    // Blind: the second officer's form is empty; no page, for anyone, holds the entered figures.
    expect(confirmPage.html).toMatch(/name="prices\[0\]\.price"[^>]*value=""|value=""[^>]*name="prices\[0\]\.price"/);
    for (const reader of [w.almereInkoper, secondInkoper, w.almereAuditor, w.almereBeoordelaar, w.almereAdmin]) {
      const client = await loginPage(t, reader.email, PASSWORD);
      for (const path of [page(), `/aanbestedingen/${id}`, `/aanbestedingen/${id}/inschrijvingen`]) {
        const response = await client.get(path);
        expect(findSecrets(response.html, SECRETS), `${reader.email} ${path}`).toEqual([]);
      }
    }
  });

  it('refuses the confirmation by the inkoper who entered the prices, with the Dutch four-eyes message', async () => {
    const same = await first.post(`${page()}/bevestigen`, { ...priceForm(), bevestiging: 'ja' });
    expect(same.status).toBe(409);
    expect(visibleText(same.html)).toContain('Het vier-ogenprincipe: u heeft de prijzen zelf ingevoerd');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.priceOpening.stage).toBe('prices-entered');
  });

  it('refuses a second reading that differs, naming the bid and no figure, with an empty form again', async () => {
    const differing = await second.post(`${page()}/bevestigen`, { ...priceForm(undefined, '293.827,61'), bevestiging: 'ja' });
    expect(differing.status).toBe(409);
    const text = visibleText(differing.html);
    expect(text).toContain('De prijzen van B2 komen niet overeen met de eerste invoer');
    expect(text).not.toContain('B1, B2');
    expect(findSecrets(differing.html, [...SECRETS, ...amountSecrets('tweede lezing B2', 293827.61)])).toEqual([]);
    expect(differing.html).toContain(`action="${page()}/bevestigen"`);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.priceOpening.stage).toBe('prices-entered');
  });

  it('confirms by a second inkoper through the page, answering the link to the signed opening record', async () => {
    const unconfirmed = await second.post(`${page()}/bevestigen`, priceForm());
    expect(unconfirmed.status).toBe(400);
    expect(findSecrets(unconfirmed.html, SECRETS)).toEqual([]);
    const confirmed = await second.post(`${page()}/bevestigen`, { ...priceForm(), bevestiging: 'ja' });
    expect(confirmed.status, visibleText(confirmed.html).slice(0, 600)).toBe(303);
    const tender = (await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body;
    expect(tender.priceOpening).toMatchObject({ stage: 'prices-confirmed', pricesEnteredBy: w.almereInkoper.userId, pricesConfirmedBy: secondInkoper.userId });
    const reports = (await w.almereInkoper.get(`/api/v1/tenders/${id}/reports`)).body as { id: string; kind: string; url: string }[];
    const record = reports.find((r) => r.kind === 'price-opening');
    expect(record).toBeDefined();
    expect(confirmed.location).toBe(`${page()}?proces-verbaal=${record?.id}`);
    const answered = await second.get(confirmed.location ?? '');
    leaks.push(...leakedIdentifiers(visibleText(answered.html), pattern));
    expect(answered.html).toContain(`href="/api/v1/reports/${record?.id}"`);
    expect(visibleText(answered.html)).toContain(`door ${secondInkoper.name}`);
    const pdf = await second.get(`/api/v1/reports/${record?.id}`);
    expect(pdf.status).toBe(200);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as { id: string; price: number }[];
    expect(bids.map((b) => [b.id, b.price])).toEqual([
      ['B1', B1_PRICE],
      ['B2', B2_PRICE],
    ]);
    const done = await readPage(first);
    expect(done.text).toContain('Stand prijzen bevestigd');
    expect(done.html).not.toContain('name="prices[0].price"');
  }, 60_000);

  it('shows no internal identifier in its visible text at any stage, for any reader', () => {
    expect(leaks).toEqual([]);
  });
});
