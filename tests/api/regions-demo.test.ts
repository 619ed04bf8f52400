/**
 * The demo generator (scripts/demo/generate-demo.ts) makes what issue 8 asks of `npm run
 * demo`: a regio with its centrumgemeente and three member gemeenten, five schools, a dozen
 * tenders over three years across the routes with falling prices, two abnormally low bids
 * (one rejected after the art. 2.116 review, one accepted), awards after the standstill and
 * a panel. Run on a temporary database with the demo's own clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { computeEvaluation } from '../../src/modules/evaluation/evaluation.service.js';
import { DEMO_PASSWORD, SCHOOLS, USERS } from '../../scripts/demo/demo-world.js';
import type { DemoSummary } from '../../scripts/demo/generate-demo.js';
import { createClient, type TestClient } from '../helpers/client.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { demoBanner } from '../../scripts/demo/demo-banner.js';
import { createPageClient } from '../web/page-client.js';

let demo: DemoApp;
let db: Db;
let app: DemoApp['app'];
let summary: DemoSummary;
let auditor: TestClient;

const sql = <T>(query: string, ...params: unknown[]) => db.sqlite.prepare(query).all(...params) as T[];

beforeAll(async () => {
  demo = await createDemoApp();
  ({ db, app, summary } = demo);
  auditor = createClient(app);
  const login = await auditor.post('/api/v1/auth/login', { email: 'auditor@ijsselland.demo', password: DEMO_PASSWORD });
  expect(login.status).toBe(200);
}, 60_000);
afterAll(() => demo.close());

const tenderId = (reference: string) => summary.tenders.find((t) => t.reference === reference)?.id as string;

describe('npm run demo: the generated world', () => {
  it('has one regio with the centrumgemeente Zwolle and three more member gemeenten', () => {
    const regios = sql<{ id: string; name: string }>(`SELECT id, name FROM organisations WHERE kind = 'regio'`);
    expect(regios).toEqual([{ id: summary.organisations.regio, name: 'Regio IJsselland' }]);
    const members = sql<{ name: string }>(
      'SELECT o.name FROM region_members m JOIN organisations o ON o.id = m.member_id WHERE m.region_id = ? ORDER BY o.name',
      summary.organisations.regio,
    ).map((m) => m.name);
    expect(members).toEqual(['Gemeente Dalfsen', 'Gemeente Kampen', 'Gemeente Raalte', 'Gemeente Zwolle']);
  });

  it('has five schools and a user per role, each able to log in', async () => {
    expect(sql<{ name: string }>('SELECT name FROM providers ORDER BY name').map((p) => p.name)).toEqual(
      Object.values(SCHOOLS)
        .map((s) => s.name)
        .sort(),
    );
    const roles = new Set(USERS.flatMap((u) => u.memberships.map((m) => m.role)));
    expect([...roles].sort()).toEqual(['admin', 'auditor', 'beoordelaar', 'inkoper']);
    for (const user of summary.users) {
      const response = await createClient(app).post('/api/v1/auth/login', { email: user.email, password: DEMO_PASSWORD });
      expect(response.status, user.email).toBe(200);
    }
  });

  it('has twelve tenders over 2024-2026 across the four routes, most of them awarded', () => {
    const tenders = sql<{ lot: string; status: string; openedAt: string }>('SELECT lot, status, opened_at AS openedAt FROM tenders WHERE procedure_id IS NULL');
    expect(tenders).toHaveLength(12);
    expect(new Set(tenders.map((t) => t.openedAt.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
    expect(new Set(tenders.map((t) => t.lot))).toEqual(new Set(['B1-route', 'onderwijsroute', 'Z-route', 'Module Arbeidsmarkt en Participatie (MAP)']));
    const statuses = tenders.map((t) => t.status).sort();
    expect(statuses.filter((s) => s === 'awarded')).toHaveLength(10);
    expect(statuses.filter((s) => s !== 'awarded')).toEqual(['award-proposed', 'open']);
    // Every award came after its standstill: awarded on the day after its last day.
    const awards = sql<{ awardedAt: string; standstill: string }>(
      `SELECT awarded_at AS awardedAt, standstill_ends_on AS standstill FROM tenders WHERE status = 'awarded'`,
    );
    for (const award of awards) expect(award.awardedAt.slice(0, 10) > award.standstill).toBe(true);
  });

  it('has a procedure of two lots in preparation, with its award limitation set (issue 21)', async () => {
    expect(summary.procedures.map((p) => p.reference)).toEqual(['RLT-2027-INB']);
    const inkoper = createClient(app);
    expect((await inkoper.post('/api/v1/auth/login', { email: 'inkoper@raalte.demo', password: DEMO_PASSWORD })).status).toBe(200);
    const procedure = await inkoper.get(`/api/v1/procedures/${summary.procedures[0]!.id}`);
    expect(procedure.status).toBe(200);
    expect(procedure.body).toMatchObject({
      procedure: { reference: 'RLT-2027-INB', buyer: 'Gemeente Raalte' },
      awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] },
      preferences: null,
    });
    expect((procedure.body.lots as { lotId: string; status: string }[]).map((lot) => [lot.lotId, lot.status])).toEqual([
      ['L1', 'draft'],
      ['L2', 'draft'],
    ]);
    const lots = sql<{ lot: string }>(`SELECT lot FROM tenders WHERE procedure_id IS NOT NULL ORDER BY lot_position`);
    expect(lots.map((l) => l.lot)).toEqual(['B1-route', 'Z-route']);
  });

  it('has exactly two abnormally low bids: one rejected after the art. 2.116 review, one accepted', () => {
    const flagged = summary.tenders.flatMap((t) =>
      computeEvaluation(app.ctx, t.id)
        .bids.filter((bid) => bid.lowBidFlags.length > 0)
        .map((bid) => ({
          reference: t.reference,
          bidId: bid.bidId,
          status: bid.status,
          review: bid.lowBidReview?.state,
          rules: bid.lowBidFlags.map((f) => f.rule),
        })),
    );
    expect(flagged.map(({ rules: _rules, ...rest }) => rest)).toEqual([
      { reference: 'IJS-2025-INB-B1', bidId: 'B3', status: 'excluded', review: 'rejected' },
      { reference: 'ZWL-2026-INB-Z', bidId: 'B4', status: 'ranked', review: 'accepted' },
    ]);
    expect(flagged[0]?.rules).toContain('cost-floor');
    expect(flagged[1]?.rules).toContain('cost-floor');
    // The review went through its steps, each in the audit trail.
    for (const { reference, bidId } of flagged) {
      const actions = sql<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_id = ? AND action LIKE 'low-bid-review.%' ORDER BY seq`,
        `${tenderId(reference)}/${bidId}`,
      );
      expect(actions.map((a) => a.action)).toEqual(['low-bid-review.request-explanation', 'low-bid-review.record-explanation', 'low-bid-review.decide']);
    }
    // The accepted low bid won.
    expect(computeEvaluation(app.ctx, tenderId('ZWL-2026-INB-Z')).winner).toBe('B4');
  });

  it('has a tender scored by a panel (declared, scored, sealed) with consensus, and one awaiting its panel', async () => {
    const panel = (await auditor.get(`/api/v1/tenders/${tenderId('ZWL-2025-INB-OND')}/panel`)).body;
    type Member = { name: string; declaration: { noConflict: boolean } | null; sealedAt: string | null };
    expect(panel.members.map((m: Member) => [m.name, m.declaration?.noConflict, m.sealedAt !== null])).toEqual([
      ['Bea Beoordelaar', true, true],
      ['Bram Bosman', true, true],
    ]);
    const consensus = sql<{ motivation: string | null }>('SELECT motivation FROM consensus_scores WHERE tender_id = ?', tenderId('ZWL-2025-INB-OND'));
    expect(consensus).toHaveLength(12);
    expect(consensus.every((c) => (c.motivation ?? '').startsWith('Na overleg in het panel'))).toBe(true);
    const waiting = (await auditor.get(`/api/v1/tenders/${tenderId('IJS-2026-INB-OND')}/panel`)).body;
    expect(waiting.members.map((m: { declaration: unknown }) => m.declaration)).toEqual([null, null]);
  });

  it('shows the race to the bottom: every route cheaper per learner each year, Snel Inburgeren below the B1-route fence', async () => {
    // Kampen's inkoper sees every tender: its own award-proposed MAP tender and the regio's open one too.
    const kampen = createClient(app);
    expect((await kampen.post('/api/v1/auth/login', { email: 'inkoper@kampen.demo', password: DEMO_PASSWORD })).status).toBe(200);
    const response = await kampen.get(`/api/v1/regions/${summary.organisations.regio}/comparison`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tenders: 12, bids: 45 });
    for (const route of response.body.routes as { route: string; trend: { year: string; median: number }[] }[]) {
      expect(
        route.trend.map((y) => y.year),
        route.route,
      ).toEqual(['2024', '2025', '2026']);
      const medians = route.trend.map((y) => y.median);
      expect(medians, route.route).toEqual([...medians].sort((a, b) => b - a));
      expect(new Set(medians).size, route.route).toBe(3);
    }
    const b1 = response.body.routes.find((r: { route: string }) => r.route === 'B1-route');
    expect(b1).toMatchObject({
      trend: [{ median: 6450 }, { median: 5750 }, { median: 5375 }],
      lowerFence: { q1: 5375, q3: 6200, lowerFence: 4137.5 },
      flaggedProviders: ['05345678'],
    });
  });

  it("keeps Kampen's award-proposed tender out of the regio auditor's comparison until the award", async () => {
    const response = await auditor.get(`/api/v1/regions/${summary.organisations.regio}/comparison`);
    expect(response.body).toMatchObject({ tenders: 11 });
    const map = response.body.routes.find((r: { route: string }) => r.route === 'Module Arbeidsmarkt en Participatie (MAP)');
    expect(map.trend.map((y: { year: string }) => y.year)).toEqual(['2024', '2025']);
  });

  it('keeps a valid audit chain whose awards an auditor can recompute and read as a timeline', async () => {
    expect(verifyAuditTrail(app.ctx)).toMatchObject({ valid: true, firstBroken: null });
    const id = tenderId('IJS-2025-INB-B1');
    expect((await auditor.get(`/api/v1/tenders/${id}/recompute`)).body).toMatchObject({ matches: true, stored: 'award-decision' });
    const timeline = (await auditor.get(`/api/v1/tenders/${id}/timeline`)).body as { at: string; who: { name: string }; description: string }[];
    expect(timeline.map((e) => e.at)).toEqual(timeline.map((e) => e.at).sort());
    expect(timeline.find((e) => /^Onderzoek naar [^()]+ \(B3\) afgerond: afgewezen/.test(e.description))?.who.name).toBe('Ingrid Inkoper');
    expect(timeline.at(-1)?.description).toMatch(/^Definitief gegund aan [^()]+ \(B2\); de aanbesteding is vergrendeld\.$/);
  });
});

describe('npm run demo: the pages it prints, and signed documents to check', () => {
  it('prints every account with the web page to open for it, and no API address', () => {
    const banner = demoBanner({ address: 'http://127.0.0.1:8080', summary, seconds: 7.2, database: './data/demo.db' });
    const lines = banner.split('\n');
    expect(lines[0]).toBe('Gunningswijzer demo: open http://127.0.0.1:8080/inloggen  (klaar in 7,2 s; database ./data/demo.db)');
    expect(banner).not.toContain('/api/');
    for (const user of summary.users) {
      const at = lines.findIndex((line) => line.trimStart().startsWith(user.email));
      expect(lines[at + 1]?.trim(), user.email).toBe(`http://127.0.0.1:8080${user.start}`);
    }
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^  IJS-2025-INB-B1 +gegund +B1-route +http://127\\.0\\.0\\.1:8080/aanbestedingen/${tenderId('IJS-2025-INB-B1')}$`)),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}KMP-2026-MAP +voorgenomen gunning \(opschortende termijn\) Module Arbeidsmarkt/));
    expect(summary.users.find((u) => u.email === 'beoordelaar@zwolle.demo')?.start).toBe(`/aanbestedingen/${tenderId('IJS-2026-INB-OND')}/panel`);
    expect(summary.users.find((u) => u.email === 'admin@zwolle.demo')?.start).toBe('/beheer');
  });

  it("opens each account's page: asked to log in, and back on that page", async () => {
    for (const user of summary.users) {
      const browser = createPageClient(app);
      const first = await browser.get(user.start);
      expect(first.location, user.email).toBe(`/inloggen?terug=${encodeURIComponent(user.start)}`);
      const login = await browser.post(first.location ?? '', { email: user.email, password: DEMO_PASSWORD });
      expect(login.location, user.email).toBe(user.start);
      let page = await browser.get(user.start);
      // `/beheer` forwards to the users or the organisations.
      if (page.status === 303) page = await browser.get(page.location ?? '');
      expect(page.status, `${user.email} ${user.start}`).toBe(200);
    }
  });

  it('has on every decided tender the signed evaluation report and an award letter per bid, which the auditor reads and verifies', async () => {
    const decided = summary.tenders.filter((t) => t.status === 'awarded' || t.status === 'award-proposed');
    expect(decided).toHaveLength(11);
    for (const tender of decided) {
      const reports = sql<{ kind: string; bidId: string | null }>(
        'SELECT kind, bid_id AS bidId FROM reports WHERE tender_id = ? ORDER BY created_at, rowid',
        tender.id,
      );
      const bids = sql<{ id: string }>('SELECT id FROM bids WHERE tender_id = ? ORDER BY position', tender.id).map((b) => b.id);
      expect(reports, tender.reference).toEqual([{ kind: 'evaluation', bidId: null }, ...bids.map((bidId) => ({ kind: 'award-letter', bidId }))]);
    }
    const listed = (await auditor.get(`/api/v1/tenders/${tenderId('IJS-2025-INB-B1')}/reports`)).body as { kind: string; url: string }[];
    const bidCount = sql<{ n: number }>('SELECT count(*) AS n FROM bids WHERE tender_id = ?', tenderId('IJS-2025-INB-B1'))[0]?.n ?? 0;
    expect(listed.map((r) => r.kind)).toEqual(['evaluation', ...Array<string>(bidCount).fill('award-letter')]);
    const download = await app.app.request(listed[0]?.url ?? '', { headers: { cookie: auditor.cookie ?? '' } });
    expect(download.status).toBe(200);
    const verified = await app.app.request('/api/v1/reports/verify', {
      method: 'POST',
      headers: { cookie: auditor.cookie ?? '', 'content-type': 'application/pdf' },
      body: new Uint8Array(await download.arrayBuffer()),
    });
    expect(await verified.json()).toMatchObject({ signatureValid: true, coversWholeDocument: true, knownReport: true });
    expect(verifyAuditTrail(app.ctx)).toMatchObject({ valid: true, stateMismatch: null });
  });
});
