/**
 * The two-envelope procedure (issue 20) from registration to the award: bids without a price,
 * the price envelope as a document, the quality locked once every member sealed and every
 * consensus score is set, the prices entered by one inkoper and confirmed by a second, and
 * the signed opening record. Before the confirmation no route, page, report, export or audit
 * event shows an entered price in any format money is printed in; the same walk finds them
 * afterwards, so it would have seen a leak.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../helpers/client.js';
import { amountSecrets, findSecrets, type Secret } from '../helpers/confidential-figures.js';
import { pdfDocument, uploadDocument } from '../helpers/documents.js';
import { panelTenderBody, runPanel, setConsensus } from '../helpers/panel.js';
import { fillTenderPath, tenderApiRoutes, tenderPageRoutes } from '../helpers/routes.js';
import { createMember, loginClient, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { loginPage } from '../web/page-client.js';
import { pdfsig, pdfText } from '../unit/reports/poppler.js';

type Member = Awaited<ReturnType<typeof createMember>>;

const SCORES = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };
/** Figures no other part of the test world contains, so finding one anywhere is a leak. */
const B1_PRICE = 612345.67;
const B2_LINES = [{ description: 'Trajecten B1-route', quantity: 2, unitPrice: 293827.16 }];
const B2_PRICE = 587654.32;
const PRICES = [
  { bidId: 'B1', price: B1_PRICE },
  { bidId: 'B2', priceLines: B2_LINES },
];
const SECRETS: Secret[] = [...amountSecrets('prijs B1', B1_PRICE), ...amountSecrets('prijs B2', B2_PRICE), ...amountSecrets('eenheidsprijs B2', 293827.16)];

let t: TestApp;
let w: World;
let tenderId: string;
/** The second officer: another inkoper of the tender's organisation. */
let secondInkoper: Member;
let envelopeSha256: Record<string, string>;
/** The price envelope document of B1, to fetch. */
let priceDocument: string;

async function fetchPriceEnvelope(reader: TestClient): Promise<number> {
  const response = await t.app.request(path(`/bids/B1/documents/${priceDocument}`), { headers: { cookie: reader.cookie ?? '' } });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  secondInkoper = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'inkoper' });
}, 60_000);
afterAll(() => t.close());

const path = (rest = '') => `/api/v1/tenders/${tenderId}${rest}`;

/** Every GET route under the tender, every tender page, the lists, the comparison and the audit trail, for each reader. */
async function walk(readers: readonly (TestClient & { email: string })[]): Promise<string[]> {
  const found: string[] = [];
  const check = (where: string, text: string) => {
    for (const hit of findSecrets(text, SECRETS)) found.push(`${where}: ${hit}`);
  };
  for (const reader of readers) {
    const who = reader.email;
    for (const { path: route } of tenderApiRoutes(t).filter((r) => r.method === 'GET')) {
      const response = await t.app.request(fillTenderPath(route, tenderId), { headers: reader.cookie === null ? {} : { cookie: reader.cookie } });
      if (response.status >= 500) found.push(`${who} GET ${route}: status ${response.status}`);
      check(`${who} GET ${route}`, Buffer.from(await response.arrayBuffer()).toString('latin1'));
    }
    for (const extra of ['/api/v1/tenders', `/api/v1/regions/${w.orgs.regio}/comparison`, '/api/v1/audit/verify']) {
      const response = await reader.get(extra);
      if (response.status >= 500) found.push(`${who} GET ${extra}: status ${response.status}`);
      check(`${who} GET ${extra}`, JSON.stringify(response.body));
    }
    const reports = (await reader.get(path('/reports'))).body;
    for (const report of Array.isArray(reports) ? (reports as { url: string }[]) : []) {
      const response = await t.app.request(report.url, { headers: reader.cookie === null ? {} : { cookie: reader.cookie } });
      if (response.status === 200) check(`${who} report ${report.url}`, pdfText(Buffer.from(await response.arrayBuffer())));
    }
    const browser = await loginPage(t, reader.email, PASSWORD);
    for (const { path: page } of tenderPageRoutes(t).filter((r) => r.method === 'GET')) {
      const response = await browser.get(fillTenderPath(page, tenderId));
      if (response.status >= 500) found.push(`${who} page ${page}: status ${response.status}`);
      check(`${who} page ${page}`, response.html);
    }
    for (const page of ['/aanbestedingen', `/regio/${w.orgs.regio}/vergelijking`]) {
      const response = await browser.get(page);
      if (response.status >= 500) found.push(`${who} page ${page}: status ${response.status}`);
      check(`${who} page ${page}`, response.html);
    }
  }
  return found;
}

describe('a two-envelope tender from registration to the award', () => {
  it('is set while draft: the tender field envelopes, in the tender and its dossier fields', async () => {
    const created = await w.almereInkoper.post('/api/v1/tenders', panelTenderBody(w.orgs.almere, { envelopes: 'two' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    tenderId = created.body.id;
    expect(created.body.tender.envelopes).toBe('two');
    expect(created.body.priceOpening).toEqual({
      stage: 'sealed',
      qualityLockedAt: null,
      pricesEnteredAt: null,
      pricesEnteredBy: null,
      pricesConfirmedAt: null,
      pricesConfirmedBy: null,
    });
    // Back and forth while draft; a one-envelope tender has no price opening at all.
    const one = await w.almereInkoper.patch(path(), { envelopes: 'one' });
    expect(one.body.tender.envelopes).toBeUndefined();
    expect(one.body.priceOpening).toBeNull();
    expect((await w.almereInkoper.patch(path(), { envelopes: 'two' })).body.tender.envelopes).toBe('two');
  });

  it('registers a bid without a price, and refuses one with a price with a Dutch 409', async () => {
    const priced = await w.almereInkoper.post(path('/bids'), { provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }, price: 565000 });
    expect(priced.status).toBe(409);
    expect(priced.body.detail).toContain('zonder prijs');
    for (const provider of [
      { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true },
      { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true },
    ]) {
      const bid = await w.almereInkoper.post(path('/bids'), { provider });
      expect(bid.status, JSON.stringify(bid.body)).toBe(201);
      expect(bid.body.price).toBeUndefined();
    }
    envelopeSha256 = {};
    for (const bidId of ['B1', 'B2']) {
      const plan = await uploadDocument(
        t,
        w.almereInkoper,
        path(`/bids/${bidId}/documents?envelope=quality&name=plan-${bidId}.pdf`),
        pdfDocument(`Plan ${bidId}`),
      );
      expect(plan.status).toBe(201);
      const sheet = await uploadDocument(
        t,
        w.almereInkoper,
        path(`/bids/${bidId}/documents?envelope=price&name=prijsblad-${bidId}.pdf`),
        pdfDocument(`Prijsblad ${bidId}`),
      );
      expect(sheet.status, JSON.stringify(sheet.body)).toBe(201);
      envelopeSha256[bidId] = sheet.body.sha256;
      if (bidId === 'B1') priceDocument = sheet.body.id;
    }
    // Listed with its name and hash, but sealed: nobody reads the price sheet before the quality is locked.
    const listed = (await w.almereInkoper.get(path('/bids/B1/documents'))).body as { envelope: string; sha256: string }[];
    expect(listed.find((d) => d.envelope === 'price')?.sha256).toBe(envelopeSha256.B1);
    expect(await fetchPriceEnvelope(w.almereInkoper)).toBe(409);
    expect(await fetchPriceEnvelope(w.almereAuditor)).toBe(409);
    // Once a bid is in, the tender cannot become one with prices at registration again, nor the reverse with priced bids.
    expect((await w.almereInkoper.post(path('/open'))).status).toBe(200);
    // Opened: the sealed price envelope is not replaced (a quality document still may be).
    const swap = await uploadDocument(
      t,
      w.almereInkoper,
      path(
        `/bids/B1/documents?envelope=price&name=prijsblad-nieuw.pdf&replaces=${priceDocument}&reason=${encodeURIComponent('Het prijsblad had een verkeerde versie.')}`,
      ),
      pdfDocument('Ander prijsblad B1'),
    );
    expect(swap.status).toBe(409);
    expect(swap.body.detail).toContain('bij de opening verzegeld');
    const versions = (await w.almereInkoper.get(path('/bids/B1/documents'))).body as { envelope: string; sha256: string }[];
    expect(versions.filter((d) => d.envelope === 'price').map((d) => d.sha256)).toEqual([envelopeSha256.B1]);
  });

  it('refuses every step out of order, each with a Dutch 409 naming the missing step', async () => {
    const opening = await w.almereInkoper.post(path('/price-opening'), { prices: PRICES });
    expect(opening.status).toBe(409);
    expect(opening.body.detail).toContain('vergrendel eerst de kwaliteitsscores');
    const confirm = await secondInkoper.post(path('/price-opening/confirm'), { prices: PRICES });
    expect(confirm.status).toBe(409);
    expect(confirm.body.detail).toContain('Ontbrekende stap');
    const lock = await w.almereInkoper.post(path('/quality-lock'));
    expect(lock.status).toBe(409);
    expect(lock.body.detail).toContain('stel een beoordelingspanel samen');
    const evaluation = await w.almereInkoper.get(path('/evaluation'));
    expect(evaluation.status).toBe(409);
    expect(evaluation.body.detail).toContain('prijsenveloppen');
    expect((await w.almereInkoper.get(path('/dossier'))).status).toBe(409);
  });

  it('locks the quality once every member sealed and every consensus score is set; then the scores stay as they are', async () => {
    await runPanel(w.almereInkoper, tenderId, [{ evaluator: w.almereBeoordelaar, scores: SCORES }]);
    const early = await w.almereInkoper.post(path('/quality-lock'));
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('consensusscore');
    expect(early.body.detail).toContain('B1 op K1');
    await setConsensus(w.almereInkoper, tenderId, SCORES);
    expect((await w.almereBeoordelaar.post(path('/quality-lock'))).status).toBe(403);
    const lock = await w.almereInkoper.post(path('/quality-lock'));
    expect(lock.status, JSON.stringify(lock.body)).toBe(200);
    expect(lock.body.qualityLockedAt).toBe(t.clock.now().toISOString());
    const again = await w.almereInkoper.post(path('/quality-lock'));
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('al vergrendeld');
    const consensus = await w.almereInkoper.put(path('/bids/B1/consensus/K1'), {
      score: 10,
      motivation: 'Na overleg toch hoger: het plan is uitzonderlijk sterk.',
    });
    expect(consensus.status).toBe(409);
    expect(consensus.body.detail).toContain('vergrendeld');
  });

  it('takes the first officer’s prices without answering them, and shows them nowhere before the confirmation', async () => {
    const outsider = await w.utrechtInkoper.post(path('/price-opening'), { prices: PRICES });
    expect(outsider.status).toBe(404);
    expect((await w.almereAuditor.post(path('/price-opening'), { prices: PRICES })).status).toBe(403);
    const incomplete = await w.almereInkoper.post(path('/price-opening'), { prices: [PRICES[0]] });
    expect(incomplete.status).toBe(400);
    expect(JSON.stringify(incomplete.body)).toContain('de prijs van B2 ontbreekt');
    const entered = await w.almereInkoper.post(path('/price-opening'), { prices: PRICES });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.bids).toEqual(['B1', 'B2']);
    // The inkopers open the envelopes; the auditor reads them once the opening is confirmed.
    expect(await fetchPriceEnvelope(secondInkoper)).toBe(200);
    expect(await fetchPriceEnvelope(w.almereAuditor)).toBe(409);
    expect(findSecrets(JSON.stringify(entered.body), SECRETS)).toEqual([]);
    expect((await w.almereInkoper.get(path())).body.priceOpening).toMatchObject({ stage: 'prices-entered', pricesEnteredBy: w.almereInkoper.userId });

    // No evaluation by price, no flags, no formula outcome per bid.
    expect((await secondInkoper.get(path('/evaluation'))).status).toBe(409);
    expect((await w.almereAuditor.get(path('/ocds'))).status).toBe(409);
    expect((await w.almereInkoper.post(path('/reports'), { kind: 'evaluation' })).status).toBe(409);
    expect((await w.almereInkoper.post(path('/award-decision'))).status).toBe(409);

    // The results page answers the missing step instead of a ranking.
    const results = await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get(`/aanbestedingen/${tenderId}/uitslag`);
    expect(results.status).toBe(409);
    expect(results.html).toContain('De prijsenveloppen van deze aanbesteding zijn nog niet geopend');
    const leaks = await walk([w.almereInkoper, secondInkoper, w.almereAuditor, w.almereAdmin, w.almereBeoordelaar, w.regioInkoper]);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('refuses the confirmation by the first officer, and a second reading that differs (naming the bid, not the figures)', async () => {
    const same = await w.almereInkoper.post(path('/price-opening/confirm'), { prices: PRICES });
    expect(same.status).toBe(409);
    expect(same.body.detail).toContain('vier-ogenprincipe');
    const wrong = await secondInkoper.post(path('/price-opening/confirm'), { prices: [PRICES[0], { bidId: 'B2', price: 587654.23 }] });
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toContain('B2');
    expect(wrong.body.detail).not.toContain('B1,');
    expect(findSecrets(JSON.stringify(wrong.body), SECRETS)).toEqual([]);
    expect((await w.almereInkoper.get(path())).body.priceOpening.stage).toBe('prices-entered');
  });

  let record: { id: string; sha256: string; url: string };
  let recordPdf: Buffer;

  it('confirms by a second inkoper: the prices hold, and the signed opening record is issued', async () => {
    const confirmed = await secondInkoper.post(path('/price-opening/confirm'), { prices: [{ bidId: 'B2', price: B2_PRICE, priceLines: B2_LINES }, PRICES[0]] });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    record = confirmed.body;
    expect(Object.keys(record).sort()).toEqual(['id', 'sha256', 'url']);
    expect(await fetchPriceEnvelope(w.almereAuditor)).toBe(200);
    const response = await t.app.request(record.url, { headers: { cookie: w.almereAuditor.cookie ?? '' } });
    expect(response.status).toBe(200);
    recordPdf = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(recordPdf).digest('hex')).toBe(record.sha256);
    const bids = (await w.almereInkoper.get(path('/bids'))).body as { id: string; price: number; priceLines?: unknown }[];
    expect(bids.map((b) => [b.id, b.price])).toEqual([
      ['B1', B1_PRICE],
      ['B2', B2_PRICE],
    ]);
    expect(bids[1]?.priceLines).toEqual(B2_LINES);
    const tender = (await w.almereInkoper.get(path())).body;
    expect(tender.priceOpening).toMatchObject({ stage: 'prices-confirmed', pricesEnteredBy: w.almereInkoper.userId, pricesConfirmedBy: secondInkoper.userId });
    expect((await secondInkoper.post(path('/price-opening/confirm'), { prices: PRICES })).status).toBe(409);
    expect((await w.almereInkoper.post(path('/price-opening'), { prices: PRICES })).status).toBe(409);
  });

  it('the opening record verifies with pdfsig and POST /reports/verify, and states officers, hashes, prices and the locked scores', async () => {
    expect(pdfsig(recordPdf)).toContain('Signature is Valid');
    const verify = await t.app.request('/api/v1/reports/verify', {
      method: 'POST',
      headers: { cookie: w.almereAuditor.cookie ?? '', 'content-type': 'application/pdf' },
      body: recordPdf,
    });
    const verified = (await verify.json()) as { signatureValid: boolean; knownReport: boolean; reportId: string };
    expect(verified).toMatchObject({ signatureValid: true, knownReport: true, reportId: record.id });
    const text = pdfText(recordPdf);
    expect(text).toContain('Proces-verbaal van opening van de prijsenveloppen');
    expect(text).toContain(w.almereInkoper.name);
    expect(text).toContain(secondInkoper.name);
    // The hash is split over lines in a narrow column: look for it without the whitespace.
    const compact = text.replace(/\s/g, '');
    for (const sha256 of Object.values(envelopeSha256)) expect(compact).toContain(sha256);
    expect(text).toContain('€ 612.345,67');
    expect(text).toContain('€ 587.654,32');
    expect(text).toContain('Vergrendelde kwaliteitsscores');
    const listed = (await w.almereAuditor.get(path('/reports'))).body as { id: string; kind: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ id: record.id, kind: 'price-opening' }));
  });

  it('from then on behaves as today: the evaluation ranks on the prices, the walk finds them, and the award follows', async () => {
    const evaluation = await w.almereInkoper.get(path('/evaluation'));
    expect(evaluation.status).toBe(200);
    expect(evaluation.body.bids.map((b: { bidId: string; price: number }) => b.bidId).sort()).toEqual(['B1', 'B2']);
    const dossier = (await w.almereInkoper.get(path('/dossier'))).body;
    expect(dossier.tender.envelopes).toBe('two');
    // It names each bid's documents, the opened price envelope with the SHA-256 recorded at receipt.
    for (const bid of dossier.bids as { id: string; documents: { envelope: string; sha256: string }[] }[]) {
      expect(bid.documents.map((d) => d.envelope)).toEqual(['quality', 'price']);
      expect(bid.documents[1]?.sha256).toBe(envelopeSha256[bid.id]);
    }
    // The same walk now sees the prices: it would have found a leak before.
    const seen = await walk([w.almereInkoper]);
    const places = new Set(
      seen.map((hit) =>
        hit
          .split(': ')[0]
          ?.replace(/^\S+ /, '')
          .replace(/reports\/[0-9a-f-]+/, 'reports/:id'),
      ),
    );
    for (const place of [
      'GET /api/v1/tenders/:id/bids',
      'GET /api/v1/tenders/:id/audit-events',
      'GET /api/v1/tenders/:id/timeline',
      'GET /api/v1/tenders/:id/dossier',
      'GET /api/v1/tenders/:id/ocds',
      'page /aanbestedingen/:id/inschrijvingen',
      'page /aanbestedingen/:id/uitslag',
      'report /api/v1/reports/:id',
    ]) {
      expect(places, place).toContain(place);
    }
    const decision = await w.almereInkoper.post(path('/award-decision'));
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);
    t.clock.set('2026-12-31T10:00:00Z');
    const award = await w.almereInkoper.post(path('/award'));
    expect(award.status, JSON.stringify(award.body)).toBe(200);
  }, 60_000);

  it('the audit trail replays into the state tables, the price entry included, and tells each step in Dutch', async () => {
    const verified = (await w.almereAuditor.get('/api/v1/audit/verify')).body;
    expect(verified).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
    const events = (await w.almereAuditor.get(path('/audit-events'))).body as { action: string; change: { after: Record<string, unknown> } }[];
    const entry = events.find((e) => e.action === 'tender.price-opening');
    expect(entry?.change.after.priceEnvelopes).toEqual([
      { bidId: 'B1', documentId: expect.any(String), sha256: envelopeSha256.B1 },
      { bidId: 'B2', documentId: expect.any(String), sha256: envelopeSha256.B2 },
    ]);
    const stored = t.db.sqlite.prepare('SELECT price_entry AS priceEntry FROM tenders WHERE id = ?').get(tenderId) as { priceEntry: string };
    expect(entry?.change.after.priceEntrySha256).toBe(createHash('sha256').update(stored.priceEntry).digest('hex'));
    // A price entry changed behind the application's back is a mismatch.
    t.db.sqlite.prepare('UPDATE tenders SET price_entry = ? WHERE id = ?').run(stored.priceEntry.replace('612345.67', '612345.76'), tenderId);
    const tampered = (await w.almereAuditor.get('/api/v1/audit/verify')).body;
    expect(tampered.stateMismatch).toMatchObject({ table: 'tenders', column: 'price_entry' });
    t.db.sqlite.prepare('UPDATE tenders SET price_entry = ? WHERE id = ?').run(stored.priceEntry, tenderId);
    const timeline = JSON.stringify((await w.almereAuditor.get(path('/timeline'))).body);
    expect(timeline).toContain('Kwaliteitsscores vergrendeld');
    expect(timeline).toContain('Opening van de prijsenveloppen bevestigd');
  });
});

describe('the envelopes setting', () => {
  it('cannot become two once a bid was registered with a price, and a two-envelope dossier is imported without bids', async () => {
    const inkoper = await loginClient(t, w.almereInkoper.email);
    const created = await inkoper.post('/api/v1/tenders', panelTenderBody(w.orgs.almere));
    const id = created.body.id as string;
    expect(
      (await inkoper.post(`/api/v1/tenders/${id}/bids`, { provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }, price: 565000 })).status,
    ).toBe(201);
    const patched = await inkoper.patch(`/api/v1/tenders/${id}`, { envelopes: 'two' });
    expect(patched.status).toBe(409);
    expect(patched.body.detail).toContain('B1');
    expect((await inkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    expect((await inkoper.patch(`/api/v1/tenders/${id}`, { envelopes: 'one' })).status).toBe(409);
    expect((await inkoper.post(`/api/v1/tenders/${id}/quality-lock`)).body.detail).toContain('één envelop');
    const dossier = (await inkoper.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(dossier.tender).not.toHaveProperty('envelopes');
    const bids = dossier.bids.map((bid: object) => ({ ...bid, scores: { K1: 8, K2: 6 } }));
    const valid = { ...dossier, bids };
    expect((await inkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: valid })).status).toBe(201);
    const imported = await inkoper.post('/api/v1/tenders/import', {
      organisationId: w.orgs.almere,
      dossier: { ...valid, tender: { ...dossier.tender, envelopes: 'two' } },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(409);
    expect(imported.body.detail).toContain('zonder inschrijvingen');
  });
});
