/**
 * The kept pages of a tender (src/web/page-cache.ts): served again only to the caller they
 * were made for, and never once anything they show may have changed: an audit event of the
 * tender or of no tender, a commit by another connection, a new day. First the cache on its
 * own, behind a counting page; then through the real pages, with the roles that must never
 * see each other's pages.
 */
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, AppEnv } from '../../src/http/types.js';
import type { TenderAccess } from '../../src/modules/tenders/tender-access.js';
import { cachePages, doNotCachePage } from '../../src/web/page-cache.js';
import { exampleDossier, ijssellandB1Example } from '../helpers/dossiers.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();

let t: TestApp;
let w: World;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: EXAMPLE });
  expect(imported.status).toBe(201);
  id = imported.body.id;
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterEach(() => t.close());

describe('the page cache on its own', () => {
  let renders: number;
  let app: Hono<AppEnv>;
  const actor = (userId: string, via: Actor['via'] = 'session'): Actor => ({
    userId,
    email: `${userId}@x.test`,
    name: userId,
    isPlatformAdmin: false,
    memberships: [],
    via,
    credentialHash: 'h',
  });

  beforeEach(() => {
    renders = 0;
    app = new Hono<AppEnv>();
    // As authenticate and tenderScope leave it: the caller in `x-user`, the tender of this test.
    app.use('*', async (c, next) => {
      c.set('actor', actor(c.req.header('x-user') ?? 'anna', c.req.header('x-via') === 'token' ? 'token' : 'session'));
      c.set('tenderAccess', { tender: { id }, roles: new Set(['inkoper']) } as unknown as TenderAccess);
      await next();
    });
    app.use('*', cachePages(t.ctx));
    app.get('/pagina', (c) => {
      renders += 1;
      if (c.req.query('vers') !== undefined) doNotCachePage(c);
      return c.html(`<p>weergave ${renders}</p>`);
    });
    app.get('/met-cookie', (c) => {
      renders += 1;
      c.header('set-cookie', 'gw_org=x; Path=/');
      return c.html('<p>keuze</p>');
    });
    app.get('/fout', (c) => {
      renders += 1;
      return c.html('<p>niet gevonden</p>', 404);
    });
    app.get('/json', (c) => {
      renders += 1;
      return c.json({ renders });
    });
    app.post('/pagina', (c) => {
      renders += 1;
      return c.html('<p>formulier</p>');
    });
  });
  const get = async (path: string, headers: Record<string, string> = {}) => (await app.request(path, { headers })).text();

  it('serves the same page to the same caller without making it again, byte for byte', async () => {
    const first = await get('/pagina');
    expect(await get('/pagina')).toBe(first);
    expect(renders).toBe(1);
  });

  it('makes it afresh for another user, another credential kind, another chosen organisation and another query', async () => {
    await get('/pagina');
    expect(await get('/pagina', { 'x-user': 'bert' })).toBe('<p>weergave 2</p>');
    expect(await get('/pagina', { 'x-via': 'token' })).toBe('<p>weergave 3</p>');
    expect(await get('/pagina', { cookie: 'gw_org=lelystad' })).toBe('<p>weergave 4</p>');
    expect(await get('/pagina?melding=x')).toBe('<p>weergave 5</p>');
    // Each of those is kept for its own caller.
    expect(await get('/pagina', { 'x-user': 'bert' })).toBe('<p>weergave 2</p>');
    expect(renders).toBe(5);
  });

  it('makes it afresh after an audit event of the tender or of no tender, not after one of another tender', async () => {
    await get('/pagina');
    const other = await importAlmereTender(w, exampleDossier());
    expect(await get('/pagina')).toBe('<p>weergave 1</p>');
    expect((await w.almereInkoper.post(`/api/v1/tenders/${other}/open`)).status).toBe(200);
    expect(await get('/pagina')).toBe('<p>weergave 1</p>');

    const consensus = await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, {
      score: 2,
      motivation: 'Na overleg in het panel: twee punten voor B1.',
    });
    expect(consensus.status, JSON.stringify(consensus.body)).toBe(200);
    expect(await get('/pagina')).toBe('<p>weergave 2</p>');

    const provider = await w.almereInkoper.post('/api/v1/providers', {
      organisationId: w.orgs.almere,
      name: 'Taalschool Nieuw',
      kvk: '39999999',
      keurmerk: true,
    });
    expect(provider.status, JSON.stringify(provider.body)).toBe(201);
    expect(await get('/pagina')).toBe('<p>weergave 3</p>');
  });

  it('makes it afresh after another connection wrote to the database, with or without an audit event', async () => {
    await get('/pagina');
    const other = new Database(t.dbPath);
    try {
      other.prepare("UPDATE bids SET price_cents = price_cents + 100 WHERE tender_id = ? AND id = 'B1'").run(id);
    } finally {
      other.close();
    }
    expect(await get('/pagina')).toBe('<p>weergave 2</p>');
  });

  it('makes it afresh on a new day in Amsterdam', async () => {
    t.clock.set('2026-03-02T22:30:00.000Z');
    await get('/pagina');
    t.clock.set('2026-03-02T22:59:00.000Z');
    expect(await get('/pagina')).toBe('<p>weergave 1</p>');
    // 00:00 in Amsterdam (CET, UTC+1).
    t.clock.set('2026-03-02T23:00:00.000Z');
    expect(await get('/pagina')).toBe('<p>weergave 2</p>');
  });

  it('keeps no page that asked not to be kept, set a cookie, was not a 200, or was not HTML, and no POST', async () => {
    await get('/pagina?vers');
    await get('/pagina?vers');
    await get('/met-cookie');
    await get('/met-cookie');
    await get('/fout');
    await get('/fout');
    await get('/json');
    await get('/json');
    expect(renders).toBe(8);
    await app.request('/pagina', { method: 'POST' });
    await app.request('/pagina', { method: 'POST' });
    expect(renders).toBe(10);
  });
});

describe('the kept pages of a real tender', () => {
  let inkoper: PageClient;
  beforeEach(async () => {
    inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
  });

  it('show a change made through the app at the next view', async () => {
    expect(visibleText((await inkoper.get(`/aanbestedingen/${id}/uitslag`)).html)).toContain('Stand van het onderzoek nog niet onderzocht');
    const review = await inkoper.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: 'Hoeveel contacturen met een docent levert u per inburgeraar?',
    });
    expect(review.status).toBe(303);
    expect(visibleText((await inkoper.get(`/aanbestedingen/${id}/uitslag`)).html)).toContain('Stand van het onderzoek toelichting gevraagd');
  });

  it('are never served to a caller with other rights: an evaluator, an auditor, another organisation', async () => {
    const results = await inkoper.get(`/aanbestedingen/${id}/uitslag`);
    expect(results.status).toBe(200);
    expect(visibleText(results.html)).toContain('€\u00a0495.000,00');
    expect((await inkoper.get(`/aanbestedingen/${id}/uitslag`)).html).toBe(results.html);

    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    const seen = await evaluator.get(`/aanbestedingen/${id}/uitslag`);
    expect(seen.html).not.toBe(results.html);
    expect(visibleText(seen.html)).not.toContain('€\u00a0495.000,00');

    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const audited = await auditor.get(`/aanbestedingen/${id}/uitslag`);
    expect(audited.status).toBe(200);
    expect(audited.html).not.toBe(results.html);
    expect(visibleText(audited.html)).toContain(w.almereAuditor.name);

    const stranger = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    const foreign = await stranger.get(`/aanbestedingen/${id}/uitslag`);
    expect(foreign.status).toBe(404);
    expect(visibleText(foreign.html)).not.toContain('€\u00a0495.000,00');
  });

  it('never keep the audit check: a row changed behind the app is found at the next check', async () => {
    const first = await inkoper.get(`/aanbestedingen/${id}/audit?controle=1`);
    expect(visibleText(first.html)).toContain('De gegevens kloppen met de auditketen');
    // The app's own connection, without an audit event: what only the check can notice.
    t.db.sqlite.prepare("UPDATE bids SET price_cents = price_cents + 100 WHERE tender_id = ? AND id = 'B1'").run(id);
    const second = await inkoper.get(`/aanbestedingen/${id}/audit?controle=1`);
    expect(visibleText(second.html)).toContain('De gegevens wijken af van de auditketen');
  });
});
