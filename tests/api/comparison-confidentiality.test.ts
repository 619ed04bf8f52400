/**
 * The regional comparison keeps bids confidential until the award (issue 14): another
 * organisation's tender counts only once awarded, the owning organisation's inkopers and
 * auditors see it from its opening, a member of its panel (whatever the declaration) and an
 * admin only after the award, and a draft never. Every statistic is made of the bids the
 * caller may see, the filters cannot single out a hidden tender, and the per-tender cache
 * serves each caller its own view. On Regio Flevoland (Almere, Lelystad):
 * - AW1, the regio's, awarded: B1-route 5800, 6000, 6100, 6200 per learner;
 * - AW2, Almere's, awarded: 5900, 6050, 6300;
 * - PANEL, the regio's, open, with a panel: 5650 and 5980 (the PANEL_BIDS of the helper);
 * - SECRET, Almere's, opened on 2 March 2026 and taken to the award step by step: a school
 *   that bids nowhere else at 2345,67 per learner and NT2 at 4321;
 * - DRAFT, Lelystad's draft at 7777.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import type { TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender } from '../helpers/panel.js';
import { createMember, loginClient, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from '../web/page-client.js';

const TAALHUIS = { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true };
const NT2 = { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true };
const LINGUA = { name: 'Lingua Nova', kvk: '30456789', keurmerk: true };
const DIRECT = { name: 'Inburgering Direct', kvk: '30345678', keurmerk: true };
const HIDDEN = { name: 'Stil Taalinstituut', kvk: '30999999', keurmerk: true };

function dossier(reference: string, bids: { provider: typeof TAALHUIS; perLearner: number; score: number }[]): Dossier {
  const base = exampleDossier();
  return {
    ...base,
    tender: { ...base.tender, reference, lot: 'B1-route', estimatedValue: 600000, expectedLearners: 100 },
    lowBidRules: { preset: 'none' },
    bids: bids.map((bid, i) => ({
      id: `B${i + 1}`,
      provider: bid.provider,
      price: bid.perLearner * 100,
      scores: { K1: bid.score, K2: bid.score, K3: bid.score, K4: bid.score },
    })),
  };
}

let t: TestApp;
let w: World;
let regioAuditor: TestClient;
/** Auditor of the regio and beoordelaar of Almere, on the panel of PANEL. */
let panelMember: TestClient & { userId: string };
/** Beoordelaar of Almere and inkoper of Lelystad: reads the comparison, owns no Almere tender. */
let almereBeoordelaarLelystadInkoper: TestClient;
const ids = { aw1: '', aw2: '', panel: '', secret: '', draft: '' };

async function importTender(client: TestClient, organisationId: string, body: Dossier): Promise<string> {
  const response = await client.post('/api/v1/tenders/import', { organisationId, dossier: body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function post(client: TestClient, path: string, body?: unknown): Promise<void> {
  const response = await client.post(path, body);
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
}

/** Opens the tender now and takes the award decision. */
async function decide(client: TestClient, id: string): Promise<void> {
  await post(client, `/api/v1/tenders/${id}/open`);
  await post(client, `/api/v1/tenders/${id}/award-decision`);
}

async function award(client: TestClient, id: string, on: string): Promise<void> {
  t.clock.set(on);
  await post(client, `/api/v1/tenders/${id}/award`);
}

async function createUser(memberships: { organisationId: string; role: string }[], email: string): Promise<TestClient & { userId: string }> {
  const response = await w.admin.post('/api/v1/users', { email, name: email, password: PASSWORD, memberships });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return Object.assign(await loginClient(t, email), { userId: response.body.id as string });
}

const comparison = async (client: TestClient, query = '') => {
  const response = await client.get(`/api/v1/regions/${w.orgs.regio}/comparison${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

/** Every number anywhere in a response. */
function numbersIn(body: unknown): number[] {
  if (typeof body === 'number') return [body];
  if (Array.isArray(body)) return body.flatMap(numbersIn);
  if (body !== null && typeof body === 'object') return Object.values(body).flatMap(numbersIn);
  return [];
}

/** Anything of SECRET's bids in a response: its school, its kvk, its prices per learner. */
function mentionsSecret(body: unknown): boolean {
  const text = JSON.stringify(body);
  const numbers = numbersIn(body);
  return text.includes(HIDDEN.name) || text.includes(HIDDEN.kvk) || numbers.includes(2345.67) || numbers.includes(4321);
}

const pricesOf = (body: { routes: { route: string; pricePerLearner: unknown; lowerFence: unknown; trend: unknown }[] }) => {
  const route = body.routes.find((r) => r.route === 'B1-route');
  return route === undefined ? undefined : { pricePerLearner: route.pricePerLearner, lowerFence: route.lowerFence, trend: route.trend };
};

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  regioAuditor = await createMember(t, w.admin, { organisationId: w.orgs.regio, role: 'auditor' });
  panelMember = await createUser([{ organisationId: w.orgs.almere, role: 'beoordelaar' }], 'panel-auditor@regio.test');
  almereBeoordelaarLelystadInkoper = await createUser(
    [
      { organisationId: w.orgs.almere, role: 'beoordelaar' },
      { organisationId: w.orgs.lelystad, role: 'inkoper' },
    ],
    'twee-petten@gemeente.test',
  );

  t.clock.set('2025-01-10T09:00:00Z');
  ids.aw1 = await importTender(
    w.regioInkoper,
    w.orgs.regio,
    dossier('FLV-2025-B1', [
      { provider: TAALHUIS, perLearner: 6000, score: 8 },
      { provider: NT2, perLearner: 6200, score: 6 },
      { provider: LINGUA, perLearner: 5800, score: 6 },
      { provider: DIRECT, perLearner: 6100, score: 6 },
    ]),
  );
  await decide(w.regioInkoper, ids.aw1);
  await award(w.regioInkoper, ids.aw1, '2025-02-15T09:00:00Z');

  t.clock.set('2025-06-10T09:00:00Z');
  ids.aw2 = await importTender(
    w.almereInkoper,
    w.orgs.almere,
    dossier('ALM-2025-B1', [
      { provider: TAALHUIS, perLearner: 5900, score: 8 },
      { provider: NT2, perLearner: 6300, score: 6 },
      { provider: LINGUA, perLearner: 6050, score: 6 },
    ]),
  );
  await decide(w.almereInkoper, ids.aw2);
  await award(w.almereInkoper, ids.aw2, '2025-07-15T09:00:00Z');

  t.clock.set('2026-02-02T09:00:00Z');
  ids.panel = await createPanelTender(w.regioInkoper, w.orgs.regio);
  const assigned = await w.regioInkoper.post(`/api/v1/tenders/${ids.panel}/evaluators`, { userId: panelMember.userId });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  // Seating refuses an auditor of the regio (docs/access.md, "Seating on the panel"), so the role
  // comes after the seat, as when a member later takes on a second job: the comparison must hold then too.
  t.db.sqlite.prepare('INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?)').run(panelMember.userId, w.orgs.regio, 'auditor');

  t.clock.set('2026-03-02T09:00:00Z');
  ids.secret = await importTender(
    w.almereInkoper,
    w.orgs.almere,
    dossier('ALM-2026-B1', [
      { provider: HIDDEN, perLearner: 2345.67, score: 6 },
      { provider: NT2, perLearner: 4321, score: 8 },
    ]),
  );
  await post(w.almereInkoper, `/api/v1/tenders/${ids.secret}/open`);

  ids.draft = await importTender(w.lelystadInkoper, w.orgs.lelystad, dossier('LLS-2026-B1', [{ provider: TAALHUIS, perLearner: 7777, score: 8 }]));
});
afterAll(() => t.close());

describe('another organisation sees a tender only once it is awarded', () => {
  it("keeps Almere's open tender out of Lelystad's, the regio's and a regio auditor's comparison", async () => {
    for (const client of [w.lelystadInkoper, w.regioInkoper, regioAuditor, almereBeoordelaarLelystadInkoper]) {
      const body = await comparison(client);
      expect(mentionsSecret(body)).toBe(false);
      expect(body.providers.map((p: { kvk: string }) => p.kvk)).not.toContain(HIDDEN.kvk);
    }
  });

  it('cannot be singled out by status, period or route', async () => {
    for (const query of ['?status=open', '?status=open,award-proposed', '?from=2026-03-02&to=2026-03-02', '?from=2026-03-01&route=B1-route&status=open']) {
      const body = await comparison(w.lelystadInkoper, query);
      expect(mentionsSecret(body), query).toBe(false);
    }
    expect(await comparison(w.lelystadInkoper, '?from=2026-03-02&to=2026-03-02')).toMatchObject({ bids: 0, tenders: 0, providers: [], routes: [] });
  });

  it('computes the medians, quartiles, fence and trend of the visible bids only', async () => {
    // Lelystad's inkoper sees AW1, AW2 and the regio's PANEL: 5650, 5800, 5900, 5980, 6000, 6050, 6100, 6200, 6300.
    const body = await comparison(w.lelystadInkoper);
    expect(body).toMatchObject({ bids: 9, tenders: 3 });
    expect(pricesOf(body)).toEqual({
      pricePerLearner: { count: 9, median: 6000, min: 5650, max: 6300 },
      lowerFence: { method: 'median-of-halves', count: 9, q1: 5850, median: 6000, q3: 6150, iqr: 300, lowerFence: 5400 },
      trend: [
        { year: '2025', count: 7, median: 6050, min: 5800, max: 6300 },
        { year: '2026', count: 2, median: 5815, min: 5650, max: 5980 },
      ],
    });
    expect(body.providers.every((p: { crossTenderFlagged: boolean }) => !p.crossTenderFlagged)).toBe(true);
    const nt2 = body.providers.find((p: { kvk: string }) => p.kvk === NT2.kvk);
    expect(nt2.routes[0].pricePerLearner).toEqual({ count: 3, median: 6200, min: 5980, max: 6300 });
  });

  it("shows the owning organisation's inkoper and auditor their open tender, with its figures in the statistics", async () => {
    for (const client of [w.almereInkoper, w.almereAuditor]) {
      const body = await comparison(client);
      expect(body).toMatchObject({ bids: 11, tenders: 4 });
      const hidden = body.providers.find((p: { kvk: string }) => p.kvk === HIDDEN.kvk);
      expect(hidden).toMatchObject({
        bids: 1,
        crossTenderFlagged: true,
        routes: [{ pricePerLearner: { count: 1, median: 2345.67, min: 2345.67, max: 2345.67 } }],
      });
      expect(pricesOf(body)?.pricePerLearner).toEqual({ count: 11, median: 5980, min: 2345.67, max: 6300 });
    }
  });

  it("shows the owning organisation's admin only awarded tenders", async () => {
    const body = await comparison(w.almereAdmin);
    expect(mentionsSecret(body)).toBe(false);
    expect(body).toMatchObject({ bids: 7, tenders: 2 });
  });

  it('never shows a draft, not even to its own inkoper', async () => {
    for (const client of [w.lelystadInkoper, w.almereInkoper]) {
      expect(await comparison(client, '?status=draft')).toMatchObject({ bids: 0, tenders: 0 });
      expect(numbersIn(await comparison(client))).not.toContain(7777);
    }
  });
});

describe('the panel scores blind', () => {
  it("keeps the panel's tender from a panel member who is an auditor of the owning regio", async () => {
    const body = await comparison(panelMember);
    expect(body).toMatchObject({ bids: 7, tenders: 2 });
    expect(numbersIn(body)).not.toContain(5650);
    expect(numbersIn(body)).not.toContain(5980);
    // The same role off the panel sees it.
    expect(await comparison(regioAuditor)).toMatchObject({ bids: 9, tenders: 3 });
  });

  it('still keeps it from the member after it declared a conflict of interest', async () => {
    await post(panelMember, `/api/v1/tenders/${ids.panel}/conflict-declaration`, { noConflict: false, remarks: 'Mijn partner werkt bij een inschrijver.' });
    expect(await comparison(panelMember)).toMatchObject({ bids: 7, tenders: 2 });
  });
});

describe('the per-tender cache', () => {
  it('serves each caller its own view, whatever order they ask in', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect(mentionsSecret(await comparison(w.almereInkoper))).toBe(true);
      expect(mentionsSecret(await comparison(w.lelystadInkoper))).toBe(false);
      expect(mentionsSecret(await comparison(w.almereAuditor))).toBe(true);
      expect(mentionsSecret(await comparison(regioAuditor))).toBe(false);
    }
  });

  it('does the same for the page', async () => {
    const lelystad = await loginPage(t, w.lelystadInkoper.email, PASSWORD);
    const almere = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = `/regio/${w.orgs.regio}/vergelijking`;
    for (const query of ['', '?van=2026-03-02&tot=2026-03-02&status=open']) {
      const own = visibleText((await almere.get(page + query)).html);
      expect(own).toContain(HIDDEN.name);
      const foreign = await lelystad.get(page + query);
      expect(foreign.status).toBe(200);
      expect(visibleText(foreign.html)).not.toContain(HIDDEN.name);
      expect(visibleText(foreign.html)).not.toContain('2.345,67');
    }
  });
});

describe('after the award', () => {
  it('keeps the award-proposed tender from other organisations during the standstill', async () => {
    t.clock.set('2026-03-20T09:00:00Z');
    await post(w.almereInkoper, `/api/v1/tenders/${ids.secret}/award-decision`);
    expect(mentionsSecret(await comparison(w.lelystadInkoper))).toBe(false);
    expect(mentionsSecret(await comparison(w.lelystadInkoper, '?status=award-proposed'))).toBe(false);
    expect(mentionsSecret(await comparison(w.almereAdmin))).toBe(false);
    expect(mentionsSecret(await comparison(w.almereInkoper, '?status=award-proposed'))).toBe(true);
  });

  it('shows it to every reader of the comparison once awarded', async () => {
    await award(w.almereInkoper, ids.secret, '2026-04-15T09:00:00Z');
    for (const client of [w.lelystadInkoper, w.regioInkoper, regioAuditor, w.almereAdmin, almereBeoordelaarLelystadInkoper]) {
      const body = await comparison(client, '?status=awarded');
      expect(mentionsSecret(body)).toBe(true);
      expect(body.providers.find((p: { kvk: string }) => p.kvk === HIDDEN.kvk)).toMatchObject({ bids: 1 });
    }
  });
});
