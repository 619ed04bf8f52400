/**
 * The regional comparison page (`/regio/:id/vergelijking`) and the auditor's control page of a
 * tender (`/aanbestedingen/:id/controle`), on the world of `npm run demo`
 * (scripts/demo/generate-demo.ts): Snel Inburgeren sits below the B1-route fence there, and
 * the awarded tenders recompute to their award decisions.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/demo/demo-world.js';
import type { DemoSummary } from '../../scripts/demo/generate-demo.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { seedWorld, PASSWORD, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

describe('on the demo world', () => {
  let demo: DemoApp;
  let app: DemoApp['app'];
  let summary: DemoSummary;

  beforeAll(async () => {
    demo = await createDemoApp();
    ({ app, summary } = demo);
  }, 60_000);
  afterAll(() => demo.close());

  const tenderId = (reference: string) => summary.tenders.find((t) => t.reference === reference)?.id as string;

  it("lists a gemeente's tenders running first, says which are the regio's, and badges each status with its own colour and mark", async () => {
    const page = await loginPage(app, 'inkoper@kampen.demo', DEMO_PASSWORD);
    const html = (await page.get('/aanbestedingen')).html;
    const rows = [...html.matchAll(/<tr class="utrecht-table__row">([\s\S]*?)<\/tr>/g)]
      .map((m) => m[1] ?? '')
      .filter((row) => row.includes('href="/aanbestedingen/'));
    const reference = (row: string) => /href="\/aanbestedingen\/[^"]+">([A-Z0-9-]+):/.exec(row)?.[1];
    const status = (row: string) => /gw-status--([a-z-]+)/.exec(row)?.[1];
    // Running first (the standstill of Kampen's own, the regio's open tender), newest first; then the awarded ones.
    expect(rows.map(status)).toEqual([...rows.map(status)].sort((a, b) => Number(a === 'awarded') - Number(b === 'awarded')));
    expect(rows.slice(0, 2).map(reference).sort()).toEqual(['IJS-2026-INB-OND', 'KMP-2026-MAP']);
    expect(rows.map(status).slice(0, 2).sort()).toEqual(['award-proposed', 'open']);
    const awarded = rows.slice(2).map(reference);
    expect(awarded[0]).toBe('IJS-2026-INB-B1');
    expect(awarded.at(-1)).toBe('IJS-2024-INB-B1');
    // The regio's tenders say so; Kampen's own do not.
    for (const row of rows) {
      const regio = (reference(row) ?? '').startsWith('IJS-');
      expect(visibleText(row).includes('Aanbesteding van Regio IJsselland'), reference(row)).toBe(regio);
    }
    // Each status its own badge kind (colour) and class (mark), not colour alone: the word is there too.
    expect(html).toMatch(/utrecht-status-badge--warning gw-status gw-status--award-proposed">[^<]+<\/span>/);
    expect(html).toMatch(/utrecht-status-badge--active gw-status gw-status--open">/);
    expect(html).toMatch(/utrecht-status-badge--success gw-status gw-status--awarded">[^<]+<\/span>/);
  });

  it('shows a regio user the comparison: the provider below the B1-route fence with its quartiles, and the charts', async () => {
    const page = await loginPage(app, 'inkoper@regio-ijsselland.demo', DEMO_PASSWORD);
    const overview = await page.get('/aanbestedingen');
    expect(overview.html).toContain(`href="/regio/${summary.organisations.regio}/vergelijking"`);
    const response = await page.get(`/regio/${summary.organisations.regio}/vergelijking`);
    expect(response.status, response.html.slice(0, 500)).toBe(200);
    const text = visibleText(response.html);
    expect(text).toContain('Regiovergelijking Regio IJsselland');
    expect(text).toContain('Snel Inburgeren B.V. (KvK 05345678) - onder de ondergrens van de regio');
    // The fence and quartiles of the B1-route (tests/api/regions-demo.test.ts): Q1 5375, Q3 6200, fence 4137,50.
    expect(text).toMatch(
      /Onder de ondergrens van de regio voor B1-route: .*ondergrens van €\u00a04\.137,50 = Q1 \(eerste kwartiel\) €\u00a05\.375,00 - 1,5 x IQR \(interkwartielafstand\) €\u00a0825,00 \(Q3, derde kwartiel: €\u00a06\.200,00\)/,
    );
    expect(text).toContain('Taalschool IJsselland');
    // The B1-route's trend: an accessible chart and its table.
    expect(response.html).toContain('role="img"');
    expect(text).toContain('Prijs per inburgeraar per jaar: B1-route');
    expect(text).toMatch(/Gegevens van de grafiek: B1-route Jaar Inschrijvingen Mediaan Laagste Hoogste 2024 \d+ €\u00a06\.450,00/);
    expect(text).toContain('afgewezen na onderzoek');
  });

  it('explains the quartiles, the IQR and the fence in plain words, and prints every percentage with one decimal', async () => {
    const page = await loginPage(app, 'inkoper@regio-ijsselland.demo', DEMO_PASSWORD);
    const response = await page.get(`/regio/${summary.organisations.regio}/vergelijking`);
    const text = visibleText(response.html);
    // The terms in plain words, before the tables that use them.
    const explained = text.indexOf('Wat de termen betekenen');
    expect(explained).toBeGreaterThan(0);
    expect(explained).toBeLessThan(text.indexOf('Per route: prijs per inburgeraar in de regio'));
    expect(text).toContain('Kwartielen (Q1 en Q3) Zet alle prijzen van laag naar hoog en verdeel ze in vier even grote groepen.');
    expect(text).toContain('IQR (interkwartielafstand) Q3 min Q1: hoe ver de middelste helft van de prijzen uit elkaar ligt.');
    expect(text).toContain('Ondergrens (Q1 - 1,5 x IQR) Q1 min anderhalf keer de IQR.');
    expect(text).toContain('Mediaan De middelste prijs');
    expect(text).toMatch(/Q1 \(eerste kwartiel\) Mediaan Q3 \(derde kwartiel\) Ondergrens Onder de ondergrens/);
    // Every percentage with exactly one decimal: a quality of 70% reads "70,0%", never "70%" or "62,25%".
    const percentages = [...text.matchAll(/(\d+(?:,\d+)?)%/g)].map((m) => m[1] as string);
    expect(percentages.length).toBeGreaterThan(5);
    expect(percentages.filter((p) => !/^\d+,\d$/.test(p))).toEqual([]);
  });

  it('filters by route and period with the GET form', async () => {
    const page = await loginPage(app, 'auditor@ijsselland.demo', DEMO_PASSWORD);
    const response = await page.get(`/regio/${summary.organisations.regio}/vergelijking?route=Z-route&van=2026-01-01&tot=&status=`);
    expect(response.status).toBe(200);
    const text = visibleText(response.html);
    expect(text).toContain('Z-route: prijs per inburgeraar per jaar');
    expect(text).not.toContain('B1-route: prijs per inburgeraar per jaar');
    expect(text).toContain('vanaf 1 januari 2026');
    const reversed = visibleText((await page.get(`/regio/${summary.organisations.regio}/vergelijking?van=2026-01-01&tot=2025-01-01`)).html);
    expect(reversed).toContain('De periode klopt niet');
  });

  it('shows an auditor that the recomputation matches, the dossier hash and the timeline in Dutch', async () => {
    const page = await loginPage(app, 'auditor@ijsselland.demo', DEMO_PASSWORD);
    const id = tenderId('IJS-2025-INB-B1');
    const overview = await page.get(`/aanbestedingen/${id}`);
    expect(overview.html).toContain(`href="/aanbestedingen/${id}/controle"`);
    const response = await page.get(`/aanbestedingen/${id}/controle`);
    expect(response.status, response.html.slice(0, 500)).toBe(200);
    const text = visibleText(response.html);
    expect(text).toContain('De herberekening uit het dossier komt overeen met de vastgelegde beoordeling');
    expect(response.html).toMatch(/<code class="utrecht-code">[0-9a-f]{64}<\/code>/);
    expect(response.html).toContain(`href="/api/v1/tenders/${id}/dossier"`);
    // Bids named by their school, the code second (issue 15).
    expect(text).toMatch(/Onderzoek naar [^()]+ \(B3\) afgerond: afgewezen/);
    expect(text).toMatch(/Definitief gegund aan [^()]+ \(B2\); de aanbesteding is vergrendeld\./);
    expect(text).toContain('Ingrid Inkoper');
    // The stored event stays available to the specialist, as JSON behind a link (issue 16), not on the page.
    const link = response.html.match(new RegExp(`href="(/aanbestedingen/${id}/audit/(\\d+))"`));
    expect(link).not.toBeNull();
    const raw = await page.get(link?.[1] as string);
    expect(raw.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(raw.html)).toMatchObject({ seq: Number(link?.[2]), action: expect.any(String), change: expect.anything() });
    expect(text).not.toContain('tender.import');
  });
});

describe('access', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = createTestApp();
    w = await seedWorld(t);
  });
  afterEach(() => t.close());

  it("answers 404 for another organisation's user, and the regio's own users get the page", async () => {
    const outsider = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    const refused = await outsider.get(`/regio/${w.orgs.regio}/vergelijking`);
    expect(refused.status).toBe(404);
    expect(visibleText(refused.html)).toContain('Niet gevonden');
    expect((await outsider.get('/aanbestedingen')).html).not.toContain('/vergelijking');
    const member = await loginPage(t, w.almereInkoper.email, PASSWORD);
    expect((await member.get('/aanbestedingen')).html).toContain(`href="/regio/${w.orgs.regio}/vergelijking"`);
    const shown = await member.get(`/regio/${w.orgs.regio}/vergelijking`);
    expect(shown.status).toBe(200);
    expect(visibleText(shown.html)).toContain('Er zijn geen inschrijvingen die aan deze filters voldoen.');
  });
});
